"""Printing SEND forms from the admin: the portal's print options, plus the language to print
in, on an admin page that answers a valid choice with the PDF or Word file. The council
prints submitted forms with their answers; the SEND team prints blank copies of the forms it
builds.

The council also prints many submitted forms at once (``batch``): staff tick the forms of
the list's current filter, a task prints them into one ZIP, and the job's page shows its
progress, then the download, to the staff member who asked and nobody else."""

from django import forms
from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal import access

from ..builder.schema import current_language
from ..council.listing import SubmissionsView, form_title, when
from ..filling.answers import blank_answers
from ..models import PrintJob
from . import batch, formats, tasks
from .forms import PrintOptionsForm

# The job's page reloads itself this often until the job has finished (no JavaScript).
REFRESH_SECONDS = 3
RECENT_JOBS = 10


class StaffPrintOptionsForm(PrintOptionsForm):
    """The portal's print options and the language of the printout: the council prints a
    form in English or Welsh whichever language its staff use the admin in."""

    language = forms.ChoiceField(
        label=_("Language"), widget=forms.RadioSelect, choices=settings.LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()


class PrintView(WagtailAdminTemplateMixin, FormView):
    """The print options page, mixed in after the admin page it belongs to. Subclasses
    give the ``schema`` (a FormSchema) to print and the ``file_name`` without its extension;
    without a ``submission`` it prints a blank copy."""

    template_name = "send/admin/print.html"
    form_class = StaffPrintOptionsForm
    submission = None

    def answers(self):
        return blank_answers()

    def printed(self, file_format):
        """Called once the file is made, e.g. to record it in an audit trail."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "schema": self.schema}

    def form_valid(self, form):
        file_format = form.cleaned_data["file_format"]
        content = formats.print_file(
            file_format,
            self.schema,
            self.answers(),
            form.print_options(),
            form.cleaned_data["language"],
            submission=self.submission,
        )
        self.printed(file_format)
        response = HttpResponse(content, content_type=formats.CONTENT_TYPES[file_format])
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.file_name}.{file_format}"
        )
        return response


# -- many forms at once ---------------------------------------------------------------------


class SubmissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, submission):
        return (
            f"{submission.reference} – {submission.person.full_name} – {submission.title_to_print}"
        )


class PrintJobForm(forms.Form):
    """The forms to print (those of the list's filter, all ticked), the file type and the
    language."""

    submissions = SubmissionChoiceField(
        label=_("Forms"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    file_format = forms.ChoiceField(
        label=_("File type"),
        widget=forms.RadioSelect,
        choices=[("pdf", _("PDF")), ("docx", _("Word document (.docx)"))],
        initial="pdf",
    )
    language = forms.ChoiceField(
        label=_("Language"), widget=forms.RadioSelect, choices=settings.LANGUAGES
    )

    def __init__(self, *args, submissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submissions"].queryset = submissions
        self.fields["submissions"].initial = [submission.pk for submission in submissions]
        self.fields["language"].initial = current_language()


class PrintJobPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    access_kind = "send.print_job"
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {"url": "", "label": self.get_page_title()},
        ]


class NewPrintJobView(PrintJobPage, FormView):
    """Print the forms ticked on the list, or else every form of the list's filter (its query
    string comes along): at most ``PORTAL_PRINT_JOB_MAX_FORMS`` of them, in the list's
    order."""

    access_action = "add"
    template_name = "send/admin/print_jobs/new.html"
    form_class = PrintJobForm
    page_title = _("Print many forms")

    @cached_property
    def matching(self):
        """The forms the list shows for this query string (its filter, search and order)."""
        listing = SubmissionsView()
        listing.setup(self.request)
        return listing.get_queryset()

    @cached_property
    def ticked(self):
        return [pk for pk in self.request.GET.getlist("submissions") if pk.isdigit()]

    @cached_property
    def offered(self):
        chosen = self.matching.filter(pk__in=self.ticked) if self.ticked else self.matching
        pks = list(chosen.values_list("pk", flat=True)[: batch.max_forms()])
        # The list computes titles only for its page; the offered forms each need theirs.
        return (
            self.matching.filter(pk__in=pks)
            .select_related("person")
            .annotate(title_to_print=form_title())
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submissions": self.offered}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "matching_count": self.matching.count(),
            "ticked": bool(self.ticked),
            "max_forms": batch.max_forms(),
            "list_url": f"{reverse('send_submissions')}?{self.list_query()}",
            "jobs": access.scoped(self.request.user, "send.print_job")[:RECENT_JOBS],
        }

    def list_query(self):
        query = self.request.GET.copy()
        query.pop("submissions", None)
        return query.urlencode()

    def form_valid(self, form):
        job = batch.request_print(
            self.request.user,
            form.cleaned_data["submissions"],
            form.cleaned_data["file_format"],
            form.cleaned_data["language"],
        )
        return redirect("send_print_job", pk=job.pk)


class PrintJobView(PrintJobPage, TemplateView):
    """A job's progress ("12 of 40 forms printed"), refreshing itself, then its download."""

    template_name = "send/admin/print_jobs/detail.html"
    page_title = _("Print many forms")

    @cached_property
    def job(self):
        return access.get_or_404(self.request.user, "send.print_job", pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return when(self.job.created_at)

    def get_context_data(self, **kwargs):
        job = self.job
        return {
            **super().get_context_data(**kwargs),
            "job": job,
            "finished_at": when(job.finished_at),
            "stalled": batch.is_stalled(job),
            "keep_days": batch.keep_days(),
            "refresh_seconds": None if job.is_finished else REFRESH_SECONDS,
        }

    def post(self, request, pk):
        """Start a job again whose worker was lost (the task's retry finds it stale too)."""
        if batch.is_stalled(self.job):
            tasks.queue_job(self.job)
        return redirect("send_print_job", pk=pk)


class PrintJobDownloadView(access.AccessRequiredMixin, View):
    """The job's ZIP, to its requester only (anyone else's job gives 404), once it is
    ready. Every download is written to the audit log."""

    access_kind = "send.print_job"

    def get(self, request, pk):
        job = access.get_or_404(request.user, "send.print_job", pk=pk)
        if job.state != PrintJob.State.READY or not job.file:
            raise Http404("This print is not ready.")
        batch.record_download(job, request)
        return FileResponse(
            job.file.open("rb"),
            as_attachment=True,
            filename=job.file_name,
            content_type="application/zip",
        )


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("send/print-jobs/new/", NewPrintJobView.as_view(), name="send_print_jobs_new"),
        path("send/print-jobs/<int:pk>/", PrintJobView.as_view(), name="send_print_job"),
        path(
            "send/print-jobs/<int:pk>/download/",
            PrintJobDownloadView.as_view(),
            name="send_print_job_download",
        ),
    ]
