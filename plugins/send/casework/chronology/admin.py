"""The child's chronology in the Wagtail admin: the list of a child record's approved forms,
one form read-only in numbered panels, and its printout. The forms are what the
``send.chronology`` rule lets the user see (holders of "send.view_submission", narrowed by each
form's access list); the child record is looked up through the register's own rule, so its
"view" permission is needed too. Every opening and printout is written to the audit log: a
staff read of a child's information."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core import audit
from portal import access
from records.access import KIND as CHILD_RECORD
from records.links import RecordLink

from ...access import CHRONOLOGY
from ...builder.schema import FormSchema
from ...filling.answers import load_answers
from ...filling.services import record as record_in_history
from ...models import Submission, SubmissionEvent
from ...printing.admin import PrintView
from ..newform.services import latest_approved
from .services import chronology_events, event_panels


class ChronologyPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    """A page about one child record's chronology: Home › Children's register › the child ›
    Chronology. The record is looked up when first used, after the permission check."""

    access_kind = CHRONOLOGY
    header_icon = "history"

    @cached_property
    def record(self):
        return access.get_or_404(self.request.user, CHILD_RECORD, pk=self.kwargs["child_record_id"])

    def chronology_breadcrumbs(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("child_records:index"), "label": _("Children's register")},
            {
                "url": reverse("child_records:inspect", args=[self.record.pk]),
                "label": self.record.full_name,
            },
            {"url": reverse("send_chronology", args=[self.record.pk]), "label": _("Chronology")},
        ]


class ChronologyView(ChronologyPage, TemplateView):
    """The child's chronology: one event per approved form, newest decision first."""

    template_name = "send/admin/chronology/index.html"
    page_title = _("Chronology")

    def get_page_subtitle(self):
        return self.record.full_name

    def get_breadcrumbs_items(self):
        *crumbs, _current = self.chronology_breadcrumbs()
        return [*crumbs, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "chronology.viewed", self.record, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "record": self.record,
            "events": chronology_events(self.request.user, self.record),
            # A new form is approved as it is saved: only those who decide on forms make one,
            # and it copies the child's latest approved form, so a child needs one first.
            "may_create": access.may(self.request.user, "decide", "send.submission")
            and latest_approved(self.request.user, self.record.pk) is not None,
        }


class ChronologyFormPage(ChronologyPage):
    """A page about one form on the chronology. Another child's form, one not approved, or one
    whose access list leaves the user out, gives 404."""

    @cached_property
    def submission(self):
        forms = Submission.objects.filter(person__child_record=self.record).select_related(
            "person", "version", "created_by", "decided_by"
        )
        return access.get_or_404(self.request.user, CHRONOLOGY, forms, pk=self.kwargs["pk"])

    @cached_property
    def schema(self):
        return FormSchema(self.submission.version.schema)

    def get_page_subtitle(self):
        return self.submission.reference


class ChronologyFormView(ChronologyFormPage, TemplateView):
    """An approved form, read-only, in the chronology's numbered panels."""

    template_name = "send/admin/chronology/form.html"
    page_title = _("Form on the chronology")

    def get_breadcrumbs_items(self):
        return [
            *self.chronology_breadcrumbs(),
            {"url": "", "label": self.submission.reference},
        ]

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "chronology.form_viewed", self.submission, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        submission = self.submission
        return {
            **super().get_context_data(**kwargs),
            "submission": submission,
            "form_title": self.schema.title,
            "panels": event_panels(
                submission,
                load_answers(submission),
                file_url=lambda file_pk: reverse(
                    "send_submission_file", args=[submission.pk, file_pk]
                ),
            ),
            "print_url": reverse("send_chronology_print", args=[self.record.pk, submission.pk]),
        }


class ChronologyPrintView(ChronologyFormPage, PrintView):
    page_title = _("Print")

    @property
    def file_name(self):
        return self.submission.reference

    def answers(self):
        return load_answers(self.submission)

    def printed(self, file_format):
        record_in_history(
            self.submission, SubmissionEvent.Action.PRINTED, self.request.user, file_format
        )
        audit.record(
            self.request.user,
            "submission.printed",
            self.submission,
            file_format,
            request=self.request,
        )

    def form_url(self):
        return reverse("send_chronology_form", args=[self.record.pk, self.submission.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.chronology_breadcrumbs(),
            {"url": self.form_url(), "label": self.submission.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "intro": _("Choose what to put in the printout of this form and its answers."),
            "cancel_url": self.form_url(),
        }


# -- wiring ---------------------------------------------------------------------------------


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path(
            "send/chronology/<int:child_record_id>/",
            ChronologyView.as_view(),
            name="send_chronology",
        ),
        path(
            "send/chronology/<int:child_record_id>/forms/<int:pk>/",
            ChronologyFormView.as_view(),
            name="send_chronology_form",
        ),
        path(
            "send/chronology/<int:child_record_id>/forms/<int:pk>/print/",
            ChronologyPrintView.as_view(),
            name="send_chronology_print",
        ),
    ]


def may_see_chronology(user):
    """Whether ``user`` may open children's chronologies (the forms and the register both)."""
    return access.may(user, "view", CHRONOLOGY) and access.may(user, "view", CHILD_RECORD)


def child_record_link(request, record):
    """For the register's ``CHILD_RECORD_LINKS_HOOK``: the child's chronology."""
    if not may_see_chronology(request.user):
        return None
    return RecordLink(
        _("Chronology"), reverse("send_chronology", args=[record.pk]), icon_name="history"
    )


def chronology_url(user, submission):
    """The chronology of a submitted form's child, once matched, for those who may open it;
    otherwise empty."""
    record_id = submission.person.child_record_id
    if not record_id or not may_see_chronology(user):
        return ""
    return reverse("send_chronology", args=[record_id])
