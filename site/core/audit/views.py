"""Portal › Audit log: the log's rows, newest first, filtered by user, child record, action and
date, and downloadable as CSV with the same filters. Only holders of "core.view_auditentry"
see the menu item or the pages; each download is itself recorded ("audit.exported")."""

import csv

import django_filters
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import Echo
from wagtail.admin.viewsets.base import ViewSet

from core.models import AuditEntry
from portal import access

from . import ACTIONS, record

PERMISSION = "core.view_auditentry"
KIND = "core.audit_entry"
PER_PAGE = 50
# What a spreadsheet would run as a formula if a cell began with it (a name typed as
# "=HYPERLINK(…)" must stay words).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def when(value):
    """An exact local date and time: staff compare them with the council's other systems."""
    return formats.date_format(timezone.localtime(value), "j M Y H:i:s")


def actors():
    """The users the log names, for the user filter."""
    return (
        get_user_model()
        .objects.filter(pk__in=AuditEntry.objects.filter(actor__isnull=False).values("actor"))
        .order_by("first_name", "last_name", "email")
    )


def action_choices():
    return sorted(ACTIONS.items(), key=lambda item: str(item[1]))


class AuditEntryFilterSet(WagtailFilterSet):
    actor = django_filters.ModelChoiceFilter(label=_("User"), queryset=lambda request: actors())
    child_record_id = django_filters.NumberFilter(label=_("Child record"))
    action = django_filters.ChoiceFilter(label=_("Action"), choices=action_choices)
    at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields = []


class WhenColumn(Column):
    def get_value(self, instance):
        return when(instance.at)


def what(entry):
    """The object's kind and how it was named at the time, e.g. "submission: SND-7K2…"."""
    kind = entry.object_kind
    return f"{kind}: {entry.object_repr}" if kind else entry.object_repr


def source(entry):
    return entry.api_client or entry.ip_address or ""


def spreadsheet_safe(value):
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class AuditLogRule(access.PermissionRule):
    """The audit log is read whole: one permission to see every row and download them."""

    model = "core.AuditEntry"
    permission = PERMISSION


class AuditLogView(access.AccessRequiredMixin, IndexView):
    access_kind = KIND
    permission_policy = None  # the access rule of "core.audit_entry" decides
    model = AuditEntry
    page_title = _("Audit log")
    header_icon = "list-ul"
    index_url_name = "audit_log:index"
    index_results_url_name = "audit_log:index_results"
    filterset_class = AuditEntryFilterSet
    default_ordering = "-at"
    paginate_by = PER_PAGE
    export_filename = "audit-log"
    list_export = [
        "at",
        "actor_label",
        "action",
        "action_label",
        "object_kind",
        "object_id",
        "object_repr",
        "child_record_id",
        "detail",
        "ip_address",
        "api_client",
    ]
    export_headings = {
        "at": _("When"),
        "actor_label": _("User"),
        "action": _("Action code"),
        "action_label": _("Action"),
        "object_kind": _("Kind of object"),
        "object_id": _("Object id"),
        "object_repr": _("Object"),
        "child_record_id": _("Child record"),
        "detail": _("Detail"),
        "ip_address": _("IP address"),
        "api_client": _("API client"),
    }
    custom_field_preprocess = {
        "at": {IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).isoformat()}
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        str: {IndexView.FORMAT_CSV: spreadsheet_safe},
    }
    # CSV only: it streams, so a long log never sits in the server's memory.
    FORMATS = (IndexView.FORMAT_CSV,)

    @cached_property
    def columns(self):
        return [
            WhenColumn("at", label=_("When"), sort_key="at"),
            Column("actor_label", label=_("User")),
            Column("action_label", label=_("Action")),
            Column("object", label=_("Object"), accessor=what),
            Column("child_record_id", label=_("Child record")),
            Column("detail", label=_("Detail")),
            Column("source", label=_("IP address or API client"), accessor=source),
        ]

    @cached_property
    def header_more_buttons(self):
        return [
            button for button in super().header_more_buttons if button.url != self.xlsx_export_url
        ]

    def get_base_queryset(self):
        return AuditEntry.objects.select_related("content_type")

    def order_queryset(self, queryset):
        # Rows written in the same instant keep one order across pages.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-pk")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        filters = self.request.GET.copy()
        filters.pop("export", None)
        record(self.request.user, "audit.exported", None, filters.urlencode(), request=self.request)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset):
        # The rows are written after the view has returned: the headings are worded now and
        # each row in the request's language; rows are read in chunks, never all at once.
        language = translation.get_language()
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        return self._csv_lines(queryset, headings, language)

    def _csv_lines(self, queryset, headings, language):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow(headings)
        for entry in queryset.iterator(chunk_size=2000):
            with translation.override(language):
                yield self.write_csv_row(writer, self.to_row_dict(entry))


class AuditLogMenuItem(access.AccessMenuItem):
    def __init__(self, label, url, **kwargs):
        super().__init__(label, url, kind=KIND, **kwargs)


class AuditLogViewSet(ViewSet):
    name = "audit_log"
    url_prefix = "portal/audit-log"
    icon = "list-ul"
    menu_label = _("Audit log")
    menu_name = "audit-log"
    menu_item_class = AuditLogMenuItem

    def get_urlpatterns(self):
        return [
            path("", AuditLogView.as_view(), name="index"),
            path("results/", AuditLogView.as_view(results_only=True), name="index_results"),
        ]
