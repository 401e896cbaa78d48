"""The admin pages of the register that are not plain list pages: a record's detail page and
the CSV import (upload, then the run's progress and outcome)."""

import datetime

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from core import audit
from portal import access

from . import importing, tasks
from .access import KIND
from .forms import ImportForm
from .links import record_links
from .models import ChildAddress, ChildRecord, ImportRun, Source

REFRESH_SECONDS = 3


class RecordDetailView(generic.InspectView):
    """Identifiers, names, current address, address history and where each value came from;
    in its header, the links other apps offer on the record (``records.links``)."""

    template_name = "records/admin/record_detail.html"

    def get_object(self, queryset=None):
        record = access.get_or_404(self.request.user, KIND, pk=self.pk)
        audit.record(self.request.user, "child_record.viewed", record, request=self.request)
        return record

    def get_page_subtitle(self):
        return self.object.full_name

    @cached_property
    def header_buttons(self):
        # Other apps' screens about this child, offered through records.links.
        return [
            HeaderButton(link.label, url=link.url, icon_name=link.icon_name)
            for link in record_links(self.request, self.object)
        ]

    def get_context_data(self, **kwargs):
        record = self.object
        addresses = list(record.addresses.all())
        current = next((address for address in addresses if address.valid_to is None), None)
        return {
            **super().get_context_data(**kwargs),
            "record": record,
            "current_address": current,
            "previous_addresses": [address for address in addresses if address.valid_to],
            "values": self.values(record, current),
            "links": self.links(record),
        }

    def values(self, record, current_address):
        """Each value of the record with where it came from, in the order of the form."""
        rows = []
        for name in ChildRecord.TRACKED_FIELDS:
            if name == "address":
                label, value = _("Current address"), current_address
            else:
                field = ChildRecord._meta.get_field(name)
                label = field.verbose_name
                display = getattr(record, f"get_{name}_display", None)
                value = display() if display else getattr(record, name)
                if isinstance(value, datetime.date):
                    value = date_format(value, "j F Y")
            source = record.source_of(name) or {}
            rows.append(
                {
                    "label": label,
                    "value": value,
                    "source": Source(source["source"]).label if source else "",
                    "changed_at": parse_datetime(source["changed_at"]) if source else None,
                }
            )
        return rows

    def links(self, record):
        """How many rows of other apps (a plugin's people, cases…) point at this record, by
        their name, without this app knowing those apps."""
        counted = []
        for relation in ChildRecord._meta.related_objects:
            if relation.related_model is ChildAddress:
                continue
            count = relation.related_model._default_manager.filter(
                **{relation.field.name: record}
            ).count()
            if count:
                counted.append((relation.related_model._meta.verbose_name_plural, count))
        return counted


class ImportPermission(access.AccessRequiredMixin, generic.WagtailAdminTemplateMixin):
    """Importing adds records, so it needs the permission to add them."""

    access_kind = KIND
    access_action = "import"
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("child_records:index"),
                "label": capfirst(ChildRecord._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ImportView(ImportPermission, FormView):
    template_name = "records/admin/import.html"
    form_class = ImportForm
    page_title = _("Import from CSV")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "columns": importing.COLUMNS,
            "required_columns": importing.REQUIRED_COLUMNS,
            "runs": ImportRun.objects.select_related("created_by")[:10],
        }

    def form_valid(self, form):
        run = tasks.queue_import(form.cleaned_data["file"], self.request.user)
        return redirect("child_records:import_run", pk=run.pk)


class ImportRunView(ImportPermission, TemplateView):
    template_name = "records/admin/import_run.html"
    page_title = _("Import from CSV")

    def get_page_subtitle(self):
        return self.run.file_name

    def dispatch(self, request, pk):
        self.run = get_object_or_404(ImportRun, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        run = self.run
        stalled = importing.is_stalled(run)
        return {
            **super().get_context_data(**kwargs),
            "run": run,
            "rows_done": importing.rows_done(run),
            "stalled": stalled,
            "refresh_seconds": None if run.is_finished or stalled else REFRESH_SECONDS,
        }

    def post(self, request, pk):
        """Start a stalled run again (its file is kept until the run finishes)."""
        if importing.is_stalled(self.run) and self.run.file:
            tasks.queue_run(self.run)
        return redirect("child_records:import_run", pk=pk)
