"""Delegation: the council hands a child's form to a professional or to a work group (a team
at a school or service) to contribute. The rules (the state machine, who may pick up and
re-assign, the notices, the reminders) are in ``casework.delegation``; these models only
hold rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import FormDefinition
from .involvements import InformationRequest, Involvement
from .submissions import Submission


class WorkGroup(models.Model):
    """A team that receives tasks in a shared tray: its members pick them up, its managers
    may also re-assign a task to anyone in the groups they manage."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="send_work_groups",
        blank=True,
        verbose_name=_("members"),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="send_work_groups_managed",
        blank=True,
        verbose_name=_("managers"),
    )

    class Meta:
        verbose_name = _("work group")
        verbose_name_plural = _("work groups")
        ordering = ["organisation", "name"]
        default_permissions = ()
        # One permission for the whole area, as for involvements.
        permissions = [("manage_delegation", _("Can delegate tasks to professionals"))]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class DelegatedTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=DelegatedTask.OPEN_STATES)


class DelegatedTask(models.Model):
    """A form the council asked a professional (``holder``) or a work group to complete for
    the involvement's child. ``contribution`` is the one copy of the form, started by the first
    holder to open it and passed on with the task; ``author`` and ``counter_signatory``
    are who wrote and who counter-signed it."""

    class State(models.TextChoices):
        GROUP = "group", _("Assigned to a work group")
        ASSIGNED = "assigned", _("Assigned to a user")
        PICKED_UP = "picked_up", _("Picked up")
        REASSIGNED = "reassigned", _("Re-assigned")
        COUNTER_SIGNATURE = "countersign", _("Counter-signature requested")
        COUNTER_SIGNED = "countersigned", _("Counter-signed")
        SUBMITTED = "submitted", _("Submitted")
        RETRACTED = "retracted", _("Retracted")

    OPEN_STATES = (
        State.GROUP,
        State.ASSIGNED,
        State.PICKED_UP,
        State.REASSIGNED,
        State.COUNTER_SIGNATURE,
        State.COUNTER_SIGNED,
    )

    involvement = models.ForeignKey(
        Involvement, on_delete=models.CASCADE, related_name="delegated_tasks"
    )
    form = models.ForeignKey(
        FormDefinition,
        on_delete=models.PROTECT,
        related_name="delegated_tasks",
        verbose_name=_("form"),
    )
    due_on = models.DateField(_("due"))
    comments = models.TextField(_("comments"), blank=True)
    prefilled = models.JSONField(_("answers filled in by the council"), default=dict, blank=True)
    information_request = models.ForeignKey(
        InformationRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegated_tasks",
        verbose_name=_("information requested"),
    )
    state = models.CharField(_("status"), max_length=15, choices=State.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="send_tasks_held",
        verbose_name=_("held by"),
    )
    work_group = models.ForeignKey(
        WorkGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("work group"),
    )
    contribution = models.OneToOneField(
        Submission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegated_task",
        verbose_name=_("contribution"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    counter_signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("counter-signatory"),
    )
    # The review meeting an annual review task was sent for: one task per meeting.
    review_meeting_on = models.DateField(_("review meeting"), null=True, blank=True)
    retracted_reason = models.TextField(_("reason for retracting"), blank=True)
    closed_at = models.DateTimeField(_("submitted or retracted"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = DelegatedTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegated task")
        verbose_name_plural = _("delegated tasks")
        default_permissions = ()
        ordering = ["due_on", "pk"]
        constraints = [
            # Only one holder at a time: a group's task has no holder, any other open one has.
            models.CheckConstraint(
                condition=Q(state="group", holder__isnull=True, work_group__isnull=False)
                | Q(state__in=["submitted", "retracted"])
                | (~Q(state__in=["group", "submitted", "retracted"]) & Q(holder__isnull=False)),
                name="send_task_one_holder",
            ),
            models.CheckConstraint(
                condition=~Q(state="retracted") | ~Q(retracted_reason=""),
                name="send_task_retracted_has_reason",
            ),
            models.UniqueConstraint(
                fields=["involvement", "review_meeting_on"],
                condition=Q(review_meeting_on__isnull=False),
                name="send_one_review_task_per_meeting",
            ),
        ]
        indexes = [
            models.Index(fields=["holder", "state"]),
            models.Index(fields=["work_group", "state"]),
            models.Index(fields=["state", "due_on"]),
        ]

    def __str__(self):
        return f"{self.form} – {self.involvement}"

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES

    @property
    def number(self):
        return f"T{self.pk:05d}"


class TaskHistory(models.Model):
    """One change of a task: who did it, the state it led to, who held the task after it."""

    task = models.ForeignKey(DelegatedTask, on_delete=models.CASCADE, related_name="history")
    change = models.CharField(_("change"), max_length=30)
    state = models.CharField(_("status"), max_length=15, choices=DelegatedTask.State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    detail = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("task history")
        verbose_name_plural = _("task history")
        default_permissions = ()
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.task_id} {self.change}"


class AutomaticReply(models.Model):
    """A professional's "out of office" on the portal (not linked to email): the SEND team
    reads it before assigning a task to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="send_automatic_reply"
    )
    on = models.BooleanField(_("automatic reply on"), default=False)
    message = models.TextField(_("message"), blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("automatic reply")
        verbose_name_plural = _("automatic replies")
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="send_reply_ends_after_start",
            )
        ]

    def __str__(self):
        return str(self.user)

    def showing(self, today=None):
        """Whether the reply is on today (within its dates, when it has them)."""
        today = today or timezone.localdate()
        return (
            self.on
            and bool(self.message.strip())
            and (self.starts_on is None or self.starts_on <= today)
            and (self.ends_on is None or today <= self.ends_on)
        )
