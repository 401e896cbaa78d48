"""GDPR administration about people: the withdrawn and withheld consent to action and
everyone's consent history."""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Max
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from accounts.search import matching_people
from core import audit
from core.texts import render as render_text
from portal import access
from portal import services as portal_services

from . import services
from .models import ACTIONS, TO_ACTION, WITHDRAWN, WITHHELD, ConsentRecord

User = get_user_model()


def when(value):
    return timezone.localtime(value).strftime("%d %b %Y %H:%M") if value else None


class WhenColumn(Column):
    """An exact date and time (staff compare them with other systems, so not "2 days ago")."""

    empty_value_display = "—"

    def get_value(self, instance):
        return when(super().get_value(instance))


class _TitledIndexView(IndexView):
    def _title_column(self, name, **kwargs):
        # The title column also holds each row's buttons.
        column_class = self._get_title_column_class(TitleColumn)
        return column_class(name, get_url=self.get_edit_url, **kwargs)


# -- withdrawals -------------------------------------------------------------------------


class WithdrawalFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=_("Decision"), choices=[(a, label) for a, label in ACTIONS if a in TO_ACTION]
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Recorded"), widget=DateRangePickerWidget
    )
    actioned = django_filters.BooleanFilter(
        label=_("Actioned"), field_name="actioned_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = ConsentRecord
        fields = []


class ActionedColumn(Column):
    empty_value_display = _("No")

    def get_value(self, instance):
        if not instance.actioned_at:
            return None
        by = instance.actioned_by.get_full_name() if instance.actioned_by else "—"
        return _("%(when)s by %(by)s") % {"when": when(instance.actioned_at), "by": by}


class ChildrenColumn(Column):
    cell_template_name = "gdpr/admin/children_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("gdpr_withdrawal_children", args=[instance.pk])
        return context


class WithdrawalsView(access.AccessRequiredMixin, _TitledIndexView):
    access_kind = "gdpr.consent_record"
    model = ConsentRecord
    permission_policy = None  # the access rule of "gdpr.consent_record" decides
    page_title = _("Consent withdrawals")
    header_icon = "cross"
    index_url_name = "gdpr_withdrawals"
    index_results_url_name = "gdpr_withdrawals_results"
    filterset_class = WithdrawalFilterSet
    search_fields = ["user__first_name"]  # makes the list searchable; see search_queryset
    search_backend_name = None
    default_ordering = "-created_at"
    paginate_by = 50

    @cached_property
    def columns(self):
        return [
            self._title_column("user", label=_("Name")),
            Column("user.email", label=_("Email address")),
            Column("decision", label=_("Decision"), accessor="get_action_display"),
            WhenColumn("created_at", label=_("Recorded"), sort_key="created_at"),
            Column("statement.version", label=_("Statement version")),
            ChildrenColumn("children", label=_("Children")),
            ActionedColumn("actioned", label=_("Actioned")),
        ]

    def get_base_queryset(self):
        return ConsentRecord.objects.filter(action__in=TO_ACTION).select_related(
            "user", "statement", "actioned_by"
        )

    def search_queryset(self, queryset):
        return matching_people(queryset, self.search_query, "user__")

    def get_edit_url(self, instance):
        # The name opens the person's consent history.
        return reverse("gdpr_history", args=[instance.user_id])

    def get_list_buttons(self, instance):
        if instance.actioned_at:
            return []
        url = reverse("gdpr_withdrawal_actioned", args=[instance.pk])
        return [Button(_("Mark actioned"), url=url, classname="button-small button-secondary")]


class _WithdrawalPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page about one withdrawn or withheld consent, titled with the person's name. The
    record is looked up when first used, so after the permission check."""

    access_kind = "gdpr.consent_record"

    @cached_property
    def record(self):
        return access.get_or_404(
            self.request.user,
            "gdpr.consent_record",
            ConsentRecord.objects.select_related("user"),
            pk=self.kwargs["pk"],
            action__in=TO_ACTION,
        )

    def get_page_subtitle(self):
        return str(self.record.user.get_full_name() or self.record.user.email)


class WithdrawalChildrenView(_WithdrawalPage):
    template_name = "gdpr/admin/children.html"
    page_title = _("Children linked to this person")
    header_icon = "group"

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "gdpr.children_viewed", self.record.user, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # The SEND plugin provides children_of_user; without it nobody has children linked.
        children_of_user = portal_services.get("children_of_user")
        return {
            **super().get_context_data(**kwargs),
            "record": self.record,
            "children": list(children_of_user(self.record.user)),
            "back_url": reverse("gdpr_withdrawals"),
        }


class MarkActionedView(_WithdrawalPage):
    """Asks to confirm (GET), then records who actioned the withdrawal and when (POST)."""

    template_name = "gdpr/admin/confirm.html"
    page_title = _("Mark actioned")
    header_icon = "tick"
    #: The question asked and the message after, per decision.
    WORDS = {
        WITHDRAWN: (
            _("Mark this withdrawal of consent as actioned? Your name and the time are recorded."),
            _("The withdrawal has been marked as actioned."),
        ),
        WITHHELD: (
            _("Mark this withheld consent as actioned? Your name and the time are recorded."),
            _("The withheld consent has been marked as actioned."),
        ),
    }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question_text": self.WORDS[self.record.action][0],
            "button": _("Yes, mark actioned"),
            "cancel_url": reverse("gdpr_withdrawals"),
        }

    def post(self, request, pk):
        services.mark_actioned(self.record, request.user)
        messages.success(request, self.WORDS[self.record.action][1])
        return redirect("gdpr_withdrawals")


# -- consent histories -------------------------------------------------------------------


class PeopleView(access.AccessRequiredMixin, _TitledIndexView):
    """Everyone who has agreed to or withdrawn consent."""

    access_kind = "gdpr.person"
    model = User
    permission_policy = None  # the access rule of "gdpr.person" decides
    page_title = _("Consent histories")
    header_icon = "history"
    index_url_name = "gdpr_histories"
    index_results_url_name = "gdpr_histories_results"
    search_fields = ["first_name"]  # makes the list searchable; see search_queryset
    search_backend_name = None
    default_ordering = "-last_record"
    paginate_by = 50

    @cached_property
    def columns(self):
        return [
            self._title_column("__str__", label=_("Name"), accessor=str),
            Column("email", label=_("Email address"), sort_key="email"),
            Column("records", label=_("Records")),
            WhenColumn("last_record", label=_("Latest"), sort_key="last_record"),
        ]

    def get_base_queryset(self):
        return User.objects.annotate(
            records=Count("consent_records"), last_record=Max("consent_records__created_at")
        ).filter(records__gt=0)

    def search_queryset(self, queryset):
        return matching_people(queryset, self.search_query)

    def get_edit_url(self, instance):
        return reverse("gdpr_history", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return []


class PersonHistoryView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One person's consent history, each record with the statement's words as shown."""

    access_kind = "gdpr.person"
    template_name = "gdpr/admin/history.html"
    header_icon = "history"

    @cached_property
    def person(self):
        return access.get_or_404(self.request.user, "gdpr.person", pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "gdpr.history_viewed", self.person, request=request)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Consent history")

    def get_page_subtitle(self):
        return self.person.get_full_name() or self.person.email

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("gdpr_histories"), "label": _("Consent histories")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        entries = []
        for record in services.history(self.person):
            words = record.statement.text_for(record.language)
            entries.append(
                {
                    "record": record,
                    "when": when(record.created_at),
                    "statement_html": render_text(words.get("statement", ""), True),
                    "agreement": words.get("agreement", ""),
                }
            )
        return {**super().get_context_data(**kwargs), "person": self.person, "entries": entries}
