"""Invitations to a child's case: the SEND team invites a person by email for one or more
children on the council's register. The rules (states, codes, activation) are in
``casework.invitations``; these models only hold rows."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseInvitation(models.Model):
    """One invitation email: its secret code, who it was sent to, and where it stands."""

    class State(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Awaiting approval")
        ACTIVATED = "activated", _("Activated")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")

    email = models.EmailField(_("email address"))
    code = models.CharField(_("code"), max_length=32, unique=True, editable=False)
    language = models.CharField(
        _("language of the email"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.SENT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="send_case_invitations",
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("invitation to a child's case")
        verbose_name_plural = _("invitations to a child's case")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "expires_at"])]

    def __str__(self):
        return self.email


class InvitedChild(models.Model):
    """A child an invitation is for; ``confirmed`` when the person ticked that they are the
    child's parent or carer, ``involvement`` once the SEND team activated their access."""

    invitation = models.ForeignKey(
        CaseInvitation, on_delete=models.CASCADE, related_name="children"
    )
    child_record = models.ForeignKey(
        "records.ChildRecord",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("child record"),
    )
    confirmed = models.BooleanField(_("confirmed by the person"), default=False)
    involvement = models.ForeignKey(
        "send.Involvement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "child_record"], name="send_invited_child_once"
            )
        ]

    def __str__(self):
        return str(self.child_record)
