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


class BulkInvitationRun(models.Model):
    """One upload of invitations from the child register (council_id, email, language), sent
    by a background task. It carries its own progress and report of the rows that failed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Sending")
        FINISHED = "finished", _("Finished")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # The rows waiting for the task ([{"row": 2, "council_id", "email", "language"}]); emptied
    # once the run has finished, since they are personal data.
    rows = models.JSONField(default=list, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    invitations_sent = models.PositiveIntegerField(_("invitations sent"), default=0)
    already_invited = models.PositiveIntegerField(_("already invited"), default=0)
    # [{"row": 3, "council_id": "…", "email": "…", "message": "…"}]
    failures = models.JSONField(_("failures"), default=list, blank=True)

    class Meta:
        verbose_name = _("bulk invitation")
        verbose_name_plural = _("bulk invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_finished(self):
        return self.status == self.Status.FINISHED
