import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def attachment_path(instance, filename):
    # A random name: the original name is kept in the row, never in the storage path.
    return f"messaging/attachments/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file attached to a message; it passed the portal's upload checks before it was kept."""

    message = models.ForeignKey(
        "messaging.Message",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("message"),
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name
