"""The council's side of submitted SEND forms in the Wagtail admin: the list of forms sent to
the council, one form's answers and audit trail, its files and printouts. Drafts never show
here. Every screen needs Django's own "send.view_submission" permission.

The first opening by staff is recorded in the form's own history (a professional can no
longer reopen the form), and so is every printout and file download; every opening, printout
and download also goes to the portal's audit log."""

import django_filters
from django.db.models import Case, CharField, Q, TextField, Value, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf
from django.http import FileResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin

from core import audit
from portal import access

from ..builder.schema import FormSchema, bilingual, current_language, text
from ..casework import review
from ..casework.buttons import decision_buttons
from ..filling.answers import load_answers
from ..filling.summary import summary_sections
from ..models import FormDefinition, Submission, SubmissionEvent
from ..models.submissions import Matching, Review
from ..printing.admin import PrintView
from . import services

PER_PAGE = 50


def when(value):
    """An exact date and time: staff compare them with the council's other systems."""
    return formats.date_format(timezone.localtime(value), "j M Y H:i") if value else ""


def person_words(user):
    return (user.get_full_name() or user.email) if user else "—"


# -- the list ----------------------------------------------------------------------------


ACTIONABLE = [Review.NOT_OPENED, Review.OPENED]
ACTIONABLE_CHOICE = "waiting"
EVERY_STATE = "all"


def form_choices():
    """Every form by its title in the admin's language (English when it has no Welsh)."""
    return [
        (form.pk, text(bilingual(form, "title")))
        for form in FormDefinition.objects.order_by("code").only("pk", "title_en", "title_cy")
    ]


def status_choices():
    return [
        (ACTIONABLE_CHOICE, _("Waiting for the council (not opened or opened)")),
        (EVERY_STATE, _("Every status")),
        *Review.choices,
    ]


class SubmissionFilterSet(WagtailFilterSet):
    """Form, received dates and status. With no status chosen the list shows the forms
    waiting for the council (Not opened, Opened); "Every status" widens it."""

    form = django_filters.ChoiceFilter(
        label=_("Form"), field_name="version__form", choices=form_choices
    )
    received = django_filters.DateFromToRangeFilter(
        label=_("Received"),
        field_name="submitted_at__date",
        widget=DateRangePickerWidget,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=status_choices, method="filter_status", empty_label=None
    )

    class Meta:
        model = Submission
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = ACTIONABLE_CHOICE
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        if value == EVERY_STATE:
            return queryset
        if value == ACTIONABLE_CHOICE:
            return queryset.filter(review_state__in=ACTIONABLE)
        return queryset.filter(review_state=value)


class WhenColumn(Column):
    empty_value_display = "—"

    def get_value(self, instance):
        return when(super().get_value(instance))


class DateColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return formats.date_format(value, "j M Y") if value else "—"


class StatusColumn(Column):
    def get_value(self, instance):
        label = instance.get_review_state_display()
        if instance.resubmitted_at and instance.review_state in ACTIONABLE:
            return f"{label} ({_('resubmitted')})"
        return label


def matching_order():
    """The matching state as the database sees it, so the list sorts by it."""
    return Case(
        When(person__child_record__isnull=False, then=Value(Matching.MATCHED)),
        When(matching_resubmitted_at__isnull=False, then=Value(Matching.RESUBMITTED)),
        default=Value(Matching.AWAITING),
        output_field=CharField(),
    )


def form_title():
    """The submitted version's title in the admin's language (English when it has no
    Welsh), read from the version's schema by the database: the list never loads schemas."""
    title = KeyTransform("title", "version__schema")
    english = KeyTextTransform("en", title)
    if current_language() == "en":
        return english
    welsh = NullIf(KeyTextTransform("cy", title), Value("", TextField()))
    return Coalesce(welsh, english)


class SubmissionsView(access.AccessRequiredMixin, IndexView):
    access_kind = "send.submission"
    model = Submission
    permission_policy = None  # the access rule of "send.submission" decides
    page_title = _("Submitted forms")
    header_icon = "doc-full"
    index_url_name = "send_submissions"
    index_results_url_name = "send_submissions_results"
    filterset_class = SubmissionFilterSet
    search_fields = ["reference"]  # makes the list searchable; see search_queryset
    search_backend_name = None
    default_ordering = "-submitted_at"
    paginate_by = PER_PAGE

    def order_queryset(self, queryset):
        # Forms submitted in the same instant would otherwise swap between pages.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-pk")

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            Column("form_title", label=_("Form"), sort_key="form_title"),
            Column(
                "submitted_by",
                label=_("Submitted by"),
                accessor=lambda submission: person_words(submission.created_by),
                sort_key="created_by__last_name",
            ),
            Column(
                "person",
                label=_("Child's name"),
                accessor="person.full_name",
                sort_key="person__surname",
            ),
            DateColumn(
                "date_of_birth",
                label=_("Date of birth"),
                accessor="person.date_of_birth",
                sort_key="person__date_of_birth",
            ),
            WhenColumn("submitted_at", label=_("Received"), sort_key="submitted_at"),
            title_column(
                "reference", label=_("Reference"), sort_key="reference", get_url=self.get_edit_url
            ),
            StatusColumn("review_state", label=_("Status"), sort_key="review_state"),
            Column(
                "matching",
                label=_("Matching"),
                accessor=lambda submission: Matching(submission.matching).label,
                sort_key="matching",
            ),
        ]

    def get_base_queryset(self):
        return (
            access.scoped(self.request.user, "send.submission")
            .select_related("person", "created_by")
            .annotate(form_title=form_title(), matching=matching_order())
        )

    def search_queryset(self, queryset):
        """Every word searched for is in the reference or one of the person's names, so
        "Alex Morgan" finds Alex Morgan."""
        for word in self.search_query.split():
            queryset = queryset.filter(
                Q(reference__icontains=word)
                | Q(person__forename__icontains=word)
                | Q(person__middle_names__icontains=word)
                | Q(person__surname__icontains=word)
            )
        return queryset

    def get_edit_url(self, instance):
        return reverse("send_submission", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return []


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
            **decision_buttons(submission, self.request.user),
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
