"""Documents to view: a document (a letter, a draft or final plan) the council publishes to
the people authenticated on a child's involvement, or to chosen ones, and who has opened it.
The rules are in ``casework.documents``; these models only hold rows."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .involvements import Involvement


def document_path(instance, filename):
    # Stored under a random name: the original name is kept in the row, never in the path.
    return f"send/documents/{uuid.uuid4().hex}"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Document(models.Model):
    """A file the council published on an involvement, after its content check and virus
    scan. ``for_everyone`` publishes it to whoever is authenticated on the child, now or
    later; otherwise only to the people chosen (its recipients)."""

    involvement = models.ForeignKey(Involvement, on_delete=models.PROTECT, related_name="documents")
    description = models.CharField(_("description"), max_length=200)
    document_date = models.DateField(_("document date"))
    file = models.FileField(upload_to=document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    for_everyone = models.BooleanField(_("for everyone authenticated on the child"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    withdrawn_reason = models.TextField(_("reason for withdrawing"), blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document to view")
        verbose_name_plural = _("documents to view")
        default_permissions = ()
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawn_reason=""),
                name="send_document_withdrawn_with_reason",
            )
        ]

    def __str__(self):
        return self.description

    @property
    def child_record_id(self):
        # The audit log files every row about the document under the child.
        return self.involvement.child_record_id

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None


class DocumentRecipient(models.Model):
    """A person a document was published to (chosen, or authenticated when it was published
    to everyone), or who opened one published to everyone later; ``opened_at`` is their
    first opening."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="send_documents"
    )
    notified_at = models.DateTimeField(_("told"), null=True, blank=True)
    opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        default_permissions = ()
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "user"], name="send_document_user_once")
        ]
        indexes = [models.Index(fields=["user", "opened_at"])]

    def __str__(self):
        return f"{self.user} – {self.document}"
