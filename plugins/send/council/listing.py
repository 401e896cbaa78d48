"""The SEND team's list of submitted forms in the Wagtail admin: by default the forms
waiting for the council (Not opened, Opened), widened to every status on request; sortable
columns; filters by form, received dates and status; search by reference or the child's
names. The person and the submitter are joined: the queries do not grow with the rows.

100,000 forms list in well under a second (``bench/casework_list.py``): the database counts
and sorts ids alone, from the review indexes of ``Submission`` where it can, and then reads the
page's 50 rows; the received dates are compared as instants, not as each row's date, so an
index serves them; the form's title (read from the version's JSON) and the matching state are
computed by the database only when the list is sorted by them, since it computes them for
every row it sorts; otherwise the page's titles are read in one query for its few versions."""

import django_filters
from django.db.models import Case, CharField, Q, TextField, Value, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from portal import access

from ..builder.schema import bilingual, current_language, text
from ..filling.services import REFERENCE_LENGTH, REFERENCE_PREFIX
from ..models import FormDefinition, FormVersion, Submission
from ..models.submissions import Matching, Review

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
    # The range's dates arrive as the first and last instants of those days in the council's
    # time zone: compared with submitted_at itself, the index serves the filter.
    received = django_filters.DateFromToRangeFilter(
        label=_("Received"),
        field_name="submitted_at",
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


class PrintTickColumn(Column):
    """A tick box per form for the results' "Print the ticked forms" button (the boxes
    belong to its form through their ``form`` attribute, so the table needs no form)."""

    cell_template_name = "send/admin/submissions/print_tick.html"


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


def form_title(schema="version__schema"):
    """The submitted version's title in the admin's language (English when it has no
    Welsh), read from the version's ``schema`` by the database: the list never loads schemas."""
    title = KeyTransform("title", schema)
    english = KeyTextTransform("en", title)
    if current_language() == "en":
        return english
    welsh = NullIf(KeyTextTransform("cy", title), Value("", TextField()))
    return Coalesce(welsh, english)


def is_whole_reference(word):
    return len(word) == len(REFERENCE_PREFIX) + REFERENCE_LENGTH and word.upper().startswith(
        REFERENCE_PREFIX
    )


# Sort keys the database computes per row: annotated only when the list is sorted by one.
SORT_ANNOTATIONS = {"form_title": form_title, "matching": matching_order}


def version_titles(version_ids):
    """{version id: its title in the admin's language} for a page's few versions."""
    return dict(
        FormVersion.objects.filter(pk__in=version_ids)
        .annotate(title=form_title("schema"))
        .values_list("pk", "title")
    )


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
    # The results carry the "Print these forms" link, so it follows every change of filter.
    results_template_name = "send/admin/submissions/results.html"

    def order_queryset(self, queryset):
        # Forms submitted in the same instant would otherwise swap between pages.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-pk")

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        ticks = [PrintTickColumn("print", label=_("Print"))] if self.may_print else []
        return [
            *ticks,
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
                accessor=lambda submission: submission.matching_state.label,
                sort_key="matching",
            ),
        ]

    def get_base_queryset(self):
        queryset = access.scoped(self.request.user, "send.submission").select_related(
            "person", "created_by"
        )
        sorted_by = (self.ordering or "").lstrip("-")
        if sorted_by in SORT_ANNOTATIONS:
            queryset = queryset.annotate(**{sorted_by: SORT_ANNOTATIONS[sorted_by]()})
        return queryset

    def paginate_queryset(self, queryset, page_size):
        """The database counts and sorts the forms' ids alone (from an index where it can),
        then reads the page's rows with their person and submitter: sorting whole joined
        rows is what made a long list slow."""
        paginator, page, ids, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        ids = list(ids)
        # The ids are those the user may see: read by primary key alone, not filtered again.
        rows = self.model._default_manager.select_related("person", "created_by").in_bulk(ids)
        # A form deleted between the two reads is simply not shown.
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        titles = version_titles({submission.version_id for submission in page.object_list})
        for submission in page.object_list:
            submission.form_title = titles[submission.version_id]
        return paginator, page, page.object_list, is_paginated

    def search_queryset(self, queryset):
        """Every word searched for is in the reference or one of the person's names, so
        "Alex Morgan" finds Alex Morgan. A whole reference (pasted from an email or a letter)
        is looked up as itself, through its unique index, rather than searched for."""
        for word in self.search_query.split():
            if is_whole_reference(word):
                queryset = queryset.filter(reference=word.upper())
                continue
            queryset = queryset.filter(
                Q(reference__icontains=word)
                | Q(person__forename__icontains=word)
                | Q(person__middle_names__icontains=word)
                | Q(person__surname__icontains=word)
            )
        return queryset

    @cached_property
    def may_print(self):
        return access.may(self.request.user, "add", "send.print_job")

    def get_context_data(self, **kwargs):
        # The print page lists the forms of this filter, search and order.
        query = self.request.GET.copy()
        for name in (self.page_kwarg, "_w_filter_fragment"):
            query.pop(name, None)
        return {
            **super().get_context_data(**kwargs),
            "print_url": reverse("send_print_jobs_new"),
            "print_query": query,
            "may_print": self.may_print,
        }

    def get_edit_url(self, instance):
        return reverse("send_submission", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return []
