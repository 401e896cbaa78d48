"""Portal messages: threads about an opaque subject ("send.child_record:42"), the messages in
them, who receives each one and whether they have read it, and the staff-edited message types.

The plugin knows nothing of what a thread is about: the owning plugin registers, per kind of
subject, its title, link and access rule (``plugins.messaging.subjects``)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class MessageType(models.Model):
    """What a message is about, chosen when writing to the SEND team (a list staff edit)."""

    name = models.CharField(_("name"), max_length=100)
    name_cy = models.CharField(_("name in Welsh"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("message type")
        verbose_name_plural = _("message types")

    def __str__(self):
        if translation.get_language() == "cy" and self.name_cy:
            return self.name_cy
        return self.name


class Thread(models.Model):
    """A conversation. ``about_kind`` and ``about_id`` name its subject in the owning plugin's
    terms; a notice from the council (the ``notify`` service) has no subject."""

    subject = models.CharField(_("subject"), max_length=200)
    about_kind = models.CharField(_("about (kind)"), max_length=60, blank=True)
    about_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    message_type = models.ForeignKey(
        MessageType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("message type"),
    )
    # The member of the SEND team answering the thread: a portal user's replies reach them.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["about_kind", "about_id"])]
        permissions = [("manage_thread", _("Can read and answer the team inbox"))]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self):
        return self.subject

    @property
    def about(self):
        """The subject reference, "kind:id", or "" for a notice."""
        return f"{self.about_kind}:{self.about_id}" if self.about_kind else ""


class Message(models.Model):
    """One message of a thread. ``sender`` is None for the council's own notices; a message
    from staff is from the SEND team on the portal, whoever wrote it."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="messages", verbose_name=_("thread")
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sender"),
    )
    from_team = models.BooleanField(_("from the SEND team"), default=False)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # A portal user's message stays unread in the team inbox until a member of staff opens it.
    read_by_team_at = models.DateTimeField(_("read by the team"), null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.thread.subject} ({self.sent_at:%Y-%m-%d %H:%M})"


class Recipient(models.Model):
    """One user's copy of a message and whether they have read it; its ``deliveries`` tell
    them about it (``plugins.messaging.delivery``). A message to the SEND team with no caseworker has no recipient row: the team inbox holds
    it until staff read it (``Message.read_by_team_at``)."""

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("message")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="portal_messages",
        verbose_name=_("user"),
    )
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="one_copy_per_user")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")

    def __str__(self):
        return f"{self.user} ← {self.message}"


from .alerts.models import AlertLog, ScheduledAlert, TriggerAlert  # noqa: E402, F401
from .attachments.models import Attachment  # noqa: E402, F401
from .delivery.models import ContactProblem, Delivery, TextMessageConsent  # noqa: E402, F401
from .wording.models import MessageTemplate  # noqa: E402, F401
