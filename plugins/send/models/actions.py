"""Actions to complete: the council asks a portal user authenticated on a child's involvement
to complete one of its forms for the child by a date. The rules (the state machine, the
notices, starting and completing the form, reminders) are in ``casework.actions``; these
models only hold rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import FormDefinition
from .involvements import InformationRequest, Involvement
from .submissions import Submission


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Action.Status.OPEN)

    def overdue(self, today=None):
        """Open and due before ``today``."""
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Action(models.Model):
    """A form the council asked ``user`` to complete for the involvement's child.

    ``submission`` is the user's copy of the form, linked when they start it from the action;
    submitting it completes the action. ``reminded_at`` records the one overdue reminder."""

    class Status(models.TextChoices):
        OPEN = "open", _("To complete")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE, related_name="actions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="send_actions",
        verbose_name=_("portal user"),
    )
    form = models.ForeignKey(
        FormDefinition, on_delete=models.PROTECT, related_name="actions", verbose_name=_("form")
    )
    due_on = models.DateField(_("due"))
    note = models.TextField(_("note"), blank=True)
    information_request = models.ForeignKey(
        InformationRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("information requested"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)
    closed_at = models.DateTimeField(_("completed or cancelled"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action to complete")
        verbose_name_plural = _("actions to complete")
        default_permissions = ()
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | (~Q(status="open") & Q(closed_at__isnull=False)),
                name="send_action_closed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancelled_reason=""),
                name="send_action_cancelled_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self):
        return f"{self.form} – {self.involvement}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self):
        return self.is_open and self.due_on < timezone.localdate()
