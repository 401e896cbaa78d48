"""The register in the Wagtail admin: a searchable, filterable list, a detail page and the CSV
import. Records are not edited here: they change through imports and the services, which keep
each value's provenance (records.services)."""

import django_filters
from django.db.models import Prefetch, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from . import identifiers
from .models import ChildAddress, ChildRecord
from .views import ImportRunView, ImportView, RecordDetailView


class ChildRecordFilterSet(WagtailFilterSet):
    date_of_birth = django_filters.DateFromToRangeFilter(
        label=_("Date of birth"),
        widget=DateRangePickerWidget,
    )
    year_of_birth = django_filters.NumberFilter(
        label=_("Year of birth"), field_name="date_of_birth", lookup_expr="year"
    )

    class Meta:
        model = ChildRecord
        fields = ["date_of_birth", "year_of_birth", "gender"]


class ChildRecordIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The current address of each row in one extra query, however long the page.
        return ChildRecord.objects.prefetch_related(
            Prefetch(
                "addresses", queryset=ChildAddress.objects.current(), to_attr="current_addresses"
            )
        )

    def search_queryset(self, queryset):
        """Names by each word; identifiers and postcodes in whatever case and spacing staff type
        them."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        names = Q()
        for word in query.split():
            names &= (
                Q(forename__icontains=word)
                | Q(middle_names__icontains=word)
                | Q(surname__icontains=word)
                | Q(preferred_name__icontains=word)
            )
        matches = names | Q(council_id__iexact=query)
        if upn := identifiers.normalise_upn(query):
            matches |= Q(upn=upn)
        if nhs_number := identifiers.normalise_nhs_number(query):
            matches |= Q(nhs_number=nhs_number)
        if postcode := identifiers.normalise_postcode(query):
            at_postcode = ChildAddress.objects.current().filter(postcode__istartswith=postcode)
            matches |= Q(pk__in=at_postcode.values("record_id"))
        return queryset.filter(matches)

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    _("Import from CSV"), url=reverse("child_records:import"), icon_name="upload"
                )
            )
        return buttons


class CurrentPostcodeColumn(Column):
    def get_value(self, instance):
        current = instance.current_addresses
        return current[0].postcode if current else ""


class ChildRecordViewSet(ModelViewSet):
    model = ChildRecord
    icon = "user"
    menu_label = _("Children's register")
    menu_name = "child-records"
    add_to_admin_menu = False
    index_view_class = ChildRecordIndexView
    inspect_view_class = RecordDetailView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ChildRecordFilterSet
    search_fields = ["forename", "surname"]  # searched by ChildRecordIndexView
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "full_name",
        "council_id",
        DateColumn("date_of_birth", label=_("Date of birth")),
        "upn",
        "nhs_number",
        CurrentPostcodeColumn("postcode", label=_("Postcode")),
    ]

    def get_form_class(self, for_update=False):
        return None  # no create or edit views, so no form

    def get_common_view_kwargs(self, **kwargs):
        # Read-only in the admin (see the module docstring).
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        kept = {"index", "index_results", "inspect"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in kept),
            path("import/", ImportView.as_view(), name="import"),
            path("import/<int:pk>/", ImportRunView.as_view(), name="import_run"),
        ]
