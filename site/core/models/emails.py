"""Which queued emails have gone out, so a task delivered twice sends nothing twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """One row per email the email backend has taken, keyed by the id ``core.emails`` gives
    it when queuing. django-q2 hands a task out again when the worker running it was killed
    before its result was saved; the repeat finds this row and sends nothing. Holds no
    address or content; rows go after a week (``core.emails.purge_sent``)."""

    key = models.UUIDField(_("key"), unique=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self):
        return str(self.key)
