"""Alerts in the admin (behind "messaging.manage_alert"): trigger and scheduled alerts,
"Run now" for a scheduled alert (a confirmation page, then a POST) and the log of every
firing and run. Every rule is in ``alerts.services``, ``alerts.scheduled`` and the forms."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from portal import access

from ..access import ALERT_LOG, SCHEDULED_ALERTS
from . import scheduled
from .forms import ScheduledAlertForm, TriggerAlertForm
from .models import AlertLog, ScheduledAlert, TriggerAlert


class LinkColumn(Column):
    """A column of one link per row, e.g. "Run now"."""

    cell_template_name = "messaging/alerts/link_cell.html"

    def __init__(self, name, *, label, text, url_name, **kwargs):
        super().__init__(name, label=label, **kwargs)
        self.text, self.url_name = text, url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(text=self.text, url=reverse(self.url_name, args=[instance.pk]))
        return context


class TriggerAlertViewSet(ModelViewSet):
    model = TriggerAlert
    icon = "warning"
    menu_label = _("Trigger alerts")
    url_prefix = "messages/trigger-alerts"
    name = "trigger_alerts"
    add_to_admin_menu = False
    list_display = [
        "reason",
        Column("context_label", label=_("Alert based on")),
        "template",
        BooleanColumn("active", label=_("Active")),
    ]

    def get_form_class(self, for_update=False):
        return TriggerAlertForm


class ScheduledAlertViewSet(ModelViewSet):
    model = ScheduledAlert
    icon = "time"
    menu_label = _("Scheduled alerts")
    url_prefix = "messages/scheduled-alerts"
    name = "scheduled_alerts"
    add_to_admin_menu = False

    @property
    def list_display(self):
        return [
            "reason",
            Column("condition_label", label=_("Condition")),
            "next_run_at",
            BooleanColumn("active", label=_("Active")),
            LinkColumn("run", label=_("Run"), text=_("Run now"), url_name="messaging_alert_run"),
        ]

    def get_form_class(self, for_update=False):
        return ScheduledAlertForm


class RunNowView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """ "Run now": the alert runs once at once, whatever its schedule (which stays)."""

    access_kind = SCHEDULED_ALERTS
    access_action = "change"
    template_name = "messaging/alerts/run_now.html"
    header_icon = "time"
    page_title = _("Run now")

    @cached_property
    def alert(self):
        return access.get_or_404(self.request.user, SCHEDULED_ALERTS, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.alert.reason

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            alert=self.alert, back_url=reverse("scheduled_alerts:index"), **kwargs
        )

    def post(self, request, pk):
        entry = scheduled.run(self.alert, by_hand=True)
        messages.success(
            request,
            _("The alert ran: %(rows)s rows found, %(messages)s messages sent.")
            % {"rows": entry.rows, "messages": entry.messages},
        )
        return redirect(reverse("messaging_alert_log") + f"?scheduled_alert={self.alert.pk}")


class AlertColumn(Column):
    def get_value(self, instance):
        return str(instance.alert)


class AlertLogView(access.AccessRequiredMixin, IndexView):
    """Every firing of a trigger alert and run of a scheduled alert, newest first; one
    alert's with ``?trigger_alert=`` or ``?scheduled_alert=``."""

    access_kind = ALERT_LOG
    model = AlertLog
    permission_policy = None  # the access rule of "messaging.alert_log" decides
    page_title = _("Alert log")
    header_icon = "list-ul"
    index_url_name = "messaging_alert_log"
    index_results_url_name = "messaging_alert_log_results"
    paginate_by = 50
    default_ordering = None

    @cached_property
    def columns(self):
        return [
            TitleColumn("alert", label=_("Alert"), accessor=lambda entry: str(entry.alert)),
            Column("ran_at", label=_("Ran")),
            BooleanColumn("by_hand", label=_("Run now by staff")),
            Column("rows", label=_("Rows")),
            Column("messages", label=_("Messages sent")),
            Column("summary", label=_("About")),
        ]

    def get_base_queryset(self):
        queryset = access.scoped(self.request.user, ALERT_LOG).select_related(
            "trigger_alert", "scheduled_alert"
        )
        for name in ("trigger_alert", "scheduled_alert"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                queryset = queryset.filter(**{f"{name}_id": int(value)})
        return queryset

    def order_queryset(self, queryset):
        return queryset
