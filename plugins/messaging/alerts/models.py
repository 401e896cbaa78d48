"""Trigger and scheduled alerts, and the log of each firing or run.

What an alert watches is named by a registered key (``alerts.registry``): a context for a
trigger alert, a condition for a scheduled one. A template in use by an alert cannot be
deleted (``on_delete=PROTECT``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..wording.models import MessageTemplate
from . import registry

CITIZEN_WARNING = _(
    "The recipients of this alert will be authenticated citizen portal users that are on a "
    "child or young person's case."
)
PROFESSIONAL_WARNING = _(
    "The recipients of this alert will be authenticated professional portal users that are "
    "on a child or young person's case."
)


class Alert(models.Model):
    """What both kinds of alert share: why, who receives it and the template. A new alert
    is inactive: staff activate it once it is saved."""

    reason = models.CharField(_("reason for alert"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    template = models.ForeignKey(
        MessageTemplate,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("message template"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("one portal user"),
    )
    to_person = models.BooleanField(
        _("the person the record is about"),
        default=False,
        help_text=_("The person authenticated on the case, or asked for the information."),
    )
    all_citizens = models.BooleanField(
        _("all citizen portal users on the child's case"),
        default=False,
        help_text=CITIZEN_WARNING,
    )
    all_professionals = models.BooleanField(
        _("all professional portal users on the child's case"),
        default=False,
        help_text=PROFESSIONAL_WARNING,
    )
    active = models.BooleanField(_("active"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.reason


class TriggerAlert(Alert):
    """Fires when one of ``fields`` of a record of ``context`` changes."""

    context = models.CharField(_("alert based on"), max_length=60)
    fields = models.JSONField(_("alert when changed"), default=list)

    @property
    def context_label(self):
        """The registered context's name (its key when its plugin is not installed)."""
        found = registry.contexts().get(self.context)
        return found.label if found else self.context

    class Meta:
        ordering = ["reason"]
        default_permissions = ()
        permissions = [("manage_alert", _("Can manage alerts"))]
        verbose_name = _("trigger alert")
        verbose_name_plural = _("trigger alerts")


class ScheduledAlert(Alert):
    """Asks its condition at ``next_run_at``, then every ``repeat_every`` ``repeat_unit``
    counted from ``scheduled_from`` (the date and time staff set), or once."""

    class Unit(models.TextChoices):
        MINUTES = "minutes", _("Minutes")
        HOURS = "hours", _("Hours")
        DAYS = "days", _("Days")
        WEEKS = "weeks", _("Weeks")
        MONTHS = "months", _("Months")

    condition = models.CharField(_("condition"), max_length=60)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    include_rows = models.BooleanField(_("include the result rows in the message"), default=False)
    fire_when_empty = models.BooleanField(
        _("fire even when no rows are found"),
        default=False,
        help_text=_("With no rows, only the one portal user chosen below receives it."),
    )
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True)
    scheduled_from = models.DateTimeField(null=True, blank=True, editable=False)
    repeat_every = models.PositiveIntegerField(
        _("repeat every"), null=True, blank=True, help_text=_("Leave empty to run once.")
    )
    repeat_unit = models.CharField(
        _("unit"), max_length=10, choices=Unit.choices, default=Unit.DAYS
    )
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True, editable=False)

    @property
    def condition_label(self):
        """The registered condition's name (its key when its plugin is not installed)."""
        found = registry.conditions().get(self.condition)
        return found.label if found else self.condition

    class Meta:
        ordering = ["next_run_at", "reason"]
        default_permissions = ()
        verbose_name = _("scheduled alert")
        verbose_name_plural = _("scheduled alerts")
        indexes = [models.Index(fields=["active", "next_run_at"])]


class AlertLog(models.Model):
    """One firing of a trigger alert or one run of a scheduled alert, with its counts."""

    trigger_alert = models.ForeignKey(
        TriggerAlert, on_delete=models.CASCADE, null=True, blank=True, related_name="log"
    )
    scheduled_alert = models.ForeignKey(
        ScheduledAlert, on_delete=models.CASCADE, null=True, blank=True, related_name="log"
    )
    ran_at = models.DateTimeField(_("ran"), auto_now_add=True)
    by_hand = models.BooleanField(_("run now by staff"), default=False)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    messages = models.PositiveIntegerField(_("messages sent"), default=0)
    summary = models.TextField(_("about"), blank=True)
    # One change a trigger alert heard (a uuid made when the event arrived): a retried
    # firing task finds its log row and sends nothing twice.
    change = models.CharField(max_length=36, blank=True, editable=False)

    class Meta:
        ordering = ["-ran_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trigger_alert", "change"],
                condition=~models.Q(change=""),
                name="one_firing_per_change",
            )
        ]
        default_permissions = ()
        verbose_name = _("alert log entry")
        verbose_name_plural = _("alert log")

    def __str__(self):
        return f"{self.alert} ({self.ran_at:%Y-%m-%d %H:%M})"

    @property
    def alert(self):
        return self.trigger_alert or self.scheduled_alert
