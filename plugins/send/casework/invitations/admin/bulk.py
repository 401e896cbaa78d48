"""Bulk invitations in the Wagtail admin: upload a CSV file (council_id, email, language), then
follow the run's progress and its report of the rows that failed. The rules are in
``invitations.bulk``; these views ask it."""

from django import forms
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from portal import access

from ....models import BulkInvitationRun
from .. import bulk
from ..access import BULK
from .cases import InvitationsArea

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
REFRESH_SECONDS = 3


class BulkForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 CSV with a header row: council_id, email, language (en or cy)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        """Refuse at once a file that cannot be read; each row is checked by the task."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file must be smaller than %(size)s.")
                % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Choose a .csv file."))
        try:
            self.rows = bulk.read(upload.read())
        except bulk.FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return upload


class BulkView(InvitationsArea, FormView):
    template_name = "send/admin/invitations/bulk.html"
    form_class = BulkForm
    page_title = _("Invite families from the child register")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "runs": BulkInvitationRun.objects.select_related("created_by")[:10],
        }

    def form_valid(self, form):
        run = bulk.queue(form.rows, form.cleaned_data["file"].name, self.request.user)
        return redirect("send_invitations_bulk_run", pk=run.pk)


class BulkRunView(InvitationsArea, TemplateView):
    """The run's progress, refreshing itself until it has finished, then its report."""

    template_name = "send/admin/invitations/bulk_run.html"
    page_title = _("Invite families from the child register")

    @cached_property
    def run(self):
        return access.get_or_404(self.request.user, BULK, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.run.file_name

    def get_context_data(self, **kwargs):
        run = self.run
        return {
            **super().get_context_data(**kwargs),
            "run": run,
            "refresh_seconds": None if run.is_finished else REFRESH_SECONDS,
            "bulk_url": reverse("send_invitations_bulk"),
        }
