"""The lists of the involvements area: every involvement (searchable by the child's names or
council id, filtered by caseworker and status, sortable) and a caseworker's tray (the open
involvements they hold with stage and next deadline, and the information requested on them
that has not arrived). The child and the caseworker are joined and the tray's deadlines are
computed from prefetched dates (``tray``): the queries do not grow with the rows."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from core.texts import raw_text
from portal import access

from ....council.listing import DateColumn, person_words
from ....models import InformationRequest, Involvement
from ....models.involvements import staff_users
from .. import statutory, tray
from .base import KIND, AreaPage
from .forms import caseworker_field


def caseworkers():
    return get_user_model().objects.filter(staff_users()).order_by("first_name", "last_name")


class InvolvementFilterSet(WagtailFilterSet):
    caseworker = django_filters.ModelChoiceFilter(
        label=_("Caseworker"), queryset=lambda request: caseworkers()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Involvement.Status.choices)

    class Meta:
        model = Involvement
        fields = []


class InvolvementsView(access.AccessRequiredMixin, IndexView):
    access_kind = KIND
    access_action = "change"
    model = Involvement
    permission_policy = None  # the access rule of "send.involvement" decides
    page_title = _("Involvements")
    header_icon = "folder-open-inverse"
    index_url_name = "send_involvements"
    index_results_url_name = "send_involvements_results"
    filterset_class = InvolvementFilterSet
    search_fields = ["process"]  # makes the list searchable; see search_queryset
    search_backend_name = None
    default_ordering = "-updated_at"
    paginate_by = 50

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "child",
                label=_("Child's name"),
                accessor="child_record.full_name",
                sort_key="child_record__surname",
                get_url=self.get_edit_url,
            ),
            Column("council_id", label=_("Council id"), accessor="child_record.council_id"),
            Column(
                "process",
                label=_("Process"),
                accessor=lambda involvement: statutory.process_label(involvement.process),
                sort_key="process",
            ),
            Column(
                "stage",
                label=_("Current stage"),
                accessor=lambda i: statutory.stage_label(i.process, i.stage),
                sort_key="stage",
            ),
            Column(
                "caseworker",
                label=_("Caseworker"),
                accessor=lambda involvement: person_words(involvement.caseworker),
                sort_key="caseworker__last_name",
            ),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
        ]

    def get_base_queryset(self):
        return access.scoped(self.request.user, KIND).select_related("child_record", "caseworker")

    def order_queryset(self, queryset):
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-pk")

    def search_queryset(self, queryset):
        """Every word is one of the child's names, or the query is their council id."""
        names = Q()
        for word in self.search_query.split():
            names &= Q(child_record__forename__icontains=word) | Q(
                child_record__surname__icontains=word
            )
        return queryset.filter(names | Q(child_record__council_id__iexact=self.search_query))

    def get_edit_url(self, instance):
        return reverse("send_involvement", args=[instance.pk])

    def get_add_url(self):
        return reverse("send_involvement_create")

    def get_list_more_buttons(self, instance):
        return []


# -- the caseworker's tray -------------------------------------------------------------------

# The involvements are sorted in Python: their deadlines are computed, not stored.
INVOLVEMENT_ORDER = {
    "child": lambda row: (
        row.involvement.child_record.surname,
        row.involvement.child_record.forename,
    ),
    "stage": lambda row: row.stage_label,
    "deadline": None,  # tray.by_next_deadline
    "overdue": lambda row: (not row.is_overdue, -row.information_overdue),
}
REQUEST_ORDER = {
    "due": ("due_on",),
    "child": ("involvement__child_record__surname", "due_on"),
    "from": ("user__last_name", "due_on"),
}


class TrayForm(forms.Form):
    caseworker = caseworker_field()
    stage = forms.ChoiceField(label=_("Current stage"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    involvements = forms.ChoiceField(
        choices=[(key, key) for key in INVOLVEMENT_ORDER], required=False
    )
    requests = forms.ChoiceField(choices=[(key, key) for key in REQUEST_ORDER], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [
            ("", _("Any stage")),
            *(
                (raw_text(process.title), statutory.stage_choices(process))
                for process in statutory.processes()
            ),
        ]


class TrayView(AreaPage, TemplateView):
    """A caseworker's tray: yours unless another caseworker is chosen."""

    template_name = "send/admin/involvements/tray.html"
    page_title = _("Caseworker's tray")

    def get_context_data(self, **kwargs):
        query = self.request.GET
        form = TrayForm(query or None, initial={"caseworker": self.request.user})
        data = form.cleaned_data if form.is_valid() else {}
        # Chosen blank, the tray is every caseworker's; not chosen yet, it is your own.
        caseworker = data.get("caseworker") if "caseworker" in query else self.request.user
        today = timezone.localdate()
        involvements = access.scoped(self.request.user, KIND).open()
        requests = InformationRequest.objects.filter(
            involvement__status=Involvement.Status.OPEN, received_on__isnull=True
        ).select_related("involvement__child_record", "user", "form")
        if caseworker is not None:
            involvements = involvements.filter(caseworker=caseworker)
            requests = requests.filter(involvement__caseworker=caseworker)
        if data.get("stage"):
            involvements = involvements.filter(stage=data["stage"])
            requests = requests.filter(involvement__stage=data["stage"])
        rows = tray.by_next_deadline(tray.tray_rows(involvements.order_by("pk"), today))
        if data.get("overdue"):
            rows = [row for row in rows if row.is_overdue]
            requests = requests.overdue(today)
        order = data.get("involvements") or "deadline"
        if INVOLVEMENT_ORDER[order]:
            rows.sort(key=INVOLVEMENT_ORDER[order])
        request_order = data.get("requests") or "due"
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "caseworker": caseworker,
            "rows": rows,
            "requests": requests.order_by(*REQUEST_ORDER[request_order], "pk"),
            "today": today,
            "involvement_sorting": sort_links(query, "involvements", INVOLVEMENT_ORDER, order),
            "request_sorting": sort_links(query, "requests", REQUEST_ORDER, request_order),
        }


def sort_links(query, name, orders, current):
    """{key: (url, is current)} for the column headers that sort one table of the tray."""
    links = {}
    for key in orders:
        changed = query.copy()
        changed[name] = key
        links[key] = ("?" + changed.urlencode(), key == current)
    return links
