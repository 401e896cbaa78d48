"""The rows of delivery: each notice sent (``Delivery``), who agreed to text messages
(``TextMessageConsent``) and contact details Notify could not deliver to (``ContactProblem``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class Delivery(models.Model):
    """One notice about one copy of a message, on one channel. The pair (recipient, channel)
    is unique and the sending task only sends a delivery that is still waiting, under a row
    lock, so a retried task never sends twice."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        PERMANENT_FAILURE = "permanent-failure", _("Not delivered: address or number wrong")
        TEMPORARY_FAILURE = "temporary-failure", _("Not delivered: inbox or phone unavailable")
        TECHNICAL_FAILURE = "technical-failure", _("Not delivered: technical failure")
        GAVE_UP = "gave-up", _("Could not be sent")

    recipient = models.ForeignKey(
        "messaging.Recipient",
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("recipient"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    # GOV.UK Notify's id of the notification; empty when sent by the portal's own email path.
    notify_id = models.CharField(_("GOV.UK Notify id"), max_length=36, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    status_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "channel"], name="one_delivery_per_channel"
            )
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient.user}: {self.get_status_display()}"


class TextMessageConsent(models.Model):
    """A portal user agreed, on My account, to be told of new messages by text message too."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="text_message_consent",
        verbose_name=_("user"),
    )
    given_at = models.DateTimeField(_("given"), auto_now=True)

    class Meta:
        verbose_name = _("text message consent")
        verbose_name_plural = _("text message consents")

    def __str__(self):
        return str(self.user)


class ContactProblem(models.Model):
    """Notify said a notice can never reach this address or number: the SEND team checks the
    user's contact details. Cleared when a later notice on the channel is delivered."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    address = models.CharField(_("email address or mobile number"), max_length=254)
    flagged_at = models.DateTimeField(_("flagged"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "channel"], name="one_problem_per_channel")
        ]
        ordering = ["-flagged_at"]
        verbose_name = _("contact details problem")
        verbose_name_plural = _("contact details problems")

    def __str__(self):
        return f"{self.user}: {self.address}"
