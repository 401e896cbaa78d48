"""The cached id of the statement in force is dropped whenever a statement is saved or
deleted (publishing by conditional UPDATE drops it itself: services.publish_due_statements)."""

from django.db.models.signals import post_delete, post_save

from core import cache

from .models import ConsentStatement
from .services import CACHE_AREA


def _statement_changed(sender, **kwargs):
    cache.invalidate(CACHE_AREA)


def connect():
    post_save.connect(_statement_changed, sender=ConsentStatement, dispatch_uid="gdpr-statement")
    post_delete.connect(_statement_changed, sender=ConsentStatement, dispatch_uid="gdpr-statement")
