"""The council's side of submitted SEND forms in the Wagtail admin: one form's answers and
audit trail, its files and printouts (the list of forms is in ``listing``). Drafts never show
here. Every screen needs Django's own "send.view_submission" permission.

The first opening by staff is recorded in the form's own history (a professional can no
longer reopen the form), and so is every printout and file download; every opening, printout
and download also goes to the portal's audit log."""

from django.http import FileResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core import audit
from portal import access

from ..builder.schema import FormSchema
from ..casework import review
from ..casework.buttons import decision_buttons
from ..casework.chronology.admin import chronology_url
from ..filling.answers import load_answers
from ..filling.summary import summary_sections
from ..models import Submission, SubmissionEvent
from ..printing.admin import PrintView
from . import services
from .listing import SubmissionsView, person_words, when

# -- one submitted form --------------------------------------------------------------------


class SubmissionPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    """A page about one submitted form: Home › Submitted forms › its reference. The form is
    looked up when first used, so after the permission check; a draft gives 404."""

    access_kind = "send.submission"
    header_icon = "doc-full"

    @cached_property
    def submission(self):
        queryset = Submission.objects.select_related(
            "person", "version", "created_by", "decided_by"
        )
        return access.get_or_404(
            self.request.user, "send.submission", queryset, pk=self.kwargs["pk"]
        )

    @cached_property
    def schema(self):
        return FormSchema(self.submission.version.schema)

    def get_page_subtitle(self):
        return self.submission.reference

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class SubmissionView(SubmissionPage, TemplateView):
    """The form's answers grouped by step, its audit trail and where to print it. The first
    staff member to open it marks it opened."""

    template_name = "send/admin/submissions/detail.html"
    page_title = _("Submitted form")

    def get(self, request, *args, **kwargs):
        review.open_submission(self.submission, request.user)
        audit.record(request.user, "submission.opened", self.submission, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        submission, schema = self.submission, self.schema
        return {
            **super().get_context_data(**kwargs),
            "submission": submission,
            "form_title": schema.title,
            "submitted_at": when(submission.submitted_at),
            "opened_at": when(submission.opened_by_council_at),
            "sections": summary_sections(
                schema,
                load_answers(submission),
                file_url=lambda file_pk: reverse(
                    "send_submission_file", args=[submission.pk, file_pk]
                ),
            ),
            "events": [
                {
                    "when": when(event.at),
                    "action": event.get_action_display(),
                    "who": person_words(event.user),
                    "detail": self.event_detail(event),
                }
                for event in submission.events.select_related("user")
            ],
            "print_url": reverse("send_submission_print", args=[submission.pk]),
            "decided_at": when(submission.decided_at),
            "resubmitted_at": when(submission.resubmitted_at),
            "chronology_url": chronology_url(self.request.user, submission),
            **decision_buttons(submission, self.request.user),
            "delete_url": (
                reverse("send_submission_delete", args=[submission.pk])
                if access.may(self.request.user, "delete", submission)
                else None
            ),
        }

    def event_detail(self, event):
        # A saved step is recorded by its group number: show the group's name too.
        if event.action == SubmissionEvent.Action.STEP_SAVED and event.detail.isdigit():
            group = self.schema.group(int(event.detail))
            if group:
                return f"{group.number}. {group.name}"
        return event.detail


class PrintSubmissionView(SubmissionPage, PrintView):
    page_title = _("Print")

    @property
    def file_name(self):
        return self.submission.reference

    def answers(self):
        return load_answers(self.submission)

    def printed(self, file_format):
        services.record_council_print(self.submission, self.request.user, file_format)
        audit.record(
            self.request.user,
            "submission.printed",
            self.submission,
            file_format,
            request=self.request,
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {
                "url": reverse("send_submission", args=[self.submission.pk]),
                "label": self.submission.reference,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "intro": _("Choose what to put in the printout of this form and its answers."),
            "cancel_url": reverse("send_submission", args=[self.submission.pk]),
        }


class SubmissionFileView(access.AccessRequiredMixin, View):
    """A file of a submitted form, sent as an attachment. Another form's file, or a draft's,
    gives 404."""

    access_kind = "send.submission_file"

    def get(self, request, pk, file):
        submission = access.get_or_404(request.user, "send.submission", pk=pk)
        upload = access.get_or_404(
            request.user, "send.submission_file", submission=submission, pk=file
        )
        services.record_council_download(submission, upload, request.user)
        audit.record(
            request.user, "file.downloaded", submission, upload.original_name, request=request
        )
        return FileResponse(
            upload.file.open("rb"),
            as_attachment=True,
            filename=upload.original_name,
            content_type=upload.content_type,
        )


# -- wiring ---------------------------------------------------------------------------------


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("send/submissions/", SubmissionsView.as_view(), name="send_submissions"),
        path(
            "send/submissions/results/",
            SubmissionsView.as_view(results_only=True),
            name="send_submissions_results",
        ),
        path("send/submissions/<int:pk>/", SubmissionView.as_view(), name="send_submission"),
        path(
            "send/submissions/<int:pk>/print/",
            PrintSubmissionView.as_view(),
            name="send_submission_print",
        ),
        path(
            "send/submissions/<int:pk>/files/<int:file>/",
            SubmissionFileView.as_view(),
            name="send_submission_file",
        ),
    ]


def submissions_menu_item(order):
    """For the SEND menu."""
    return access.AccessMenuItem(
        _("Submitted forms"),
        reverse("send_submissions"),
        kind="send.submission",
        icon_name="doc-full",
        order=order,
    )
