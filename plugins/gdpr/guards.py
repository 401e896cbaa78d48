"""The question library's rules: a question that has been published is locked (its words are
what citizens agreed to), so it is cloned to make changes.

The admin forms and views call ensure_editable()/ensure_deletable() to explain the refusal;
the pre_save/pre_delete receivers (connected in GdprConfig.ready()) stop any other path too."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.utils.translation import gettext as _

from .models import ConsentQuestion, ConsentStatement


def published_message():
    return _("This question has been published. Clone it to make changes.")


def ensure_editable(question):
    """Refuse to change a question (in any language) once a statement built from it is published."""
    if question.pk and question.is_published:
        raise ValidationError(published_message(), code="published")


def ensure_deletable(question):
    ensure_editable(question)
    if ConsentStatement.objects.filter(question__translation_key=question.translation_key).exists():
        raise ValidationError(
            _("A scheduled statement uses this question. Delete the statement first."),
            code="scheduled",
        )


@transaction.atomic
def clone_question(question):
    """An unpublished copy of ``question`` with all its translations; returns the copy in the
    same language as ``question``."""
    translation_key = uuid.uuid4()
    copies = {}
    for source in ConsentQuestion.objects.filter(translation_key=question.translation_key):
        copies[source.locale_id] = ConsentQuestion.objects.create(
            translation_key=translation_key,
            locale_id=source.locale_id,
            title=_("%(title)s (copy)") % {"title": source.title},
            statement=source.statement,
            agreement=source.agreement,
            active=source.active,
        )
    return copies[question.locale_id]


def _refuse_saving_published(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_editable(instance)


def _refuse_deleting_published(sender, instance, **kwargs):
    ensure_editable(instance)


def connect():
    pre_save.connect(_refuse_saving_published, sender=ConsentQuestion, dispatch_uid="gdpr_guard")
    pre_delete.connect(
        _refuse_deleting_published, sender=ConsentQuestion, dispatch_uid="gdpr_guard"
    )
