"""The timeliness report in the admin (``timeliness``): a date range, the figures on the page
and the cases as a CSV download, written to the audit log as an export."""

import csv
from datetime import date, timedelta

from django import forms
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import audit
from core.audit.views import FORMULA_STARTS
from core.texts import raw_text

from .. import timeliness
from .base import AreaPage
from .forms import DATE


class RangeForm(forms.Form):
    start = forms.DateField(label=_("Plans issued from"), widget=DATE)
    end = forms.DateField(label=_("to"), widget=DATE)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The end must be on or after the start."))
        return cleaned


def last_year(today):
    """The default range: the 12 months up to today."""
    return {"start": today - timedelta(days=365), "end": today}


def cell(value):
    """A CSV cell a spreadsheet shows as words, never runs as a formula."""
    if isinstance(value, date):
        return value.isoformat()
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class TimelinessView(AreaPage, TemplateView):
    template_name = "send/admin/involvements/timeliness.html"
    page_title = _("Timeliness report")
    header_icon = "time"

    def get(self, request, *args, **kwargs):
        form = RangeForm(request.GET if "start" in request.GET else last_year(timezone.localdate()))
        report = timeliness.timeliness(**form.cleaned_data) if form.is_valid() else None
        if report is not None and request.GET.get("format") == "csv":
            return self.csv(report)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def csv(self, report):
        audit.record(
            self.request.user,
            "export.downloaded",
            None,
            f"timeliness {report.start.isoformat()} {report.end.isoformat()}",
            request=self.request,
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="timeliness-{report.start}-{report.end}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Child's name"),
                _("Council id"),
                _("Date of request"),
                _("Plan issued"),
                _("Due"),
                _("Weeks"),
                _("Within the time limit"),
                _("Days late"),
                _("Exception"),
                _("Note"),
            ]
        )
        for case in report.cases:
            record = case.involvement.child_record
            exception = case.exception
            writer.writerow(
                cell(value)
                for value in (
                    record.full_name,
                    record.council_id,
                    case.requested,
                    case.issued,
                    case.due,
                    case.weeks,
                    "" if exception else (_("Yes") if case.within_limit else _("No")),
                    "" if exception else case.days_late,
                    raw_text(exception.label) if exception else "",
                    case.exception_detail,
                )
            )
        return response
