"""GDPR administration: one group in the Portal menu, every screen behind the
"gdpr.administer_gdpr" permission."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.wagtail_hooks import PORTAL_MENU_HOOK
from portal import access

from .admin_export import admin_urls as subject_access_urls
from .admin_export import subject_access_menu_item
from .admin_people import (
    MarkActionedView,
    PeopleView,
    PersonHistoryView,
    WithdrawalChildrenView,
    WithdrawalsView,
)
from .admin_views import EmailAlertsView, WithheldSettingsView
from .dashboard import ConsentToActionPanel
from .models import ConsentQuestion, ConsentStatement
from .viewsets import ConsentQuestionViewSet, ConsentStatementViewSet

register_permission_policy(
    ConsentQuestion, access.RulePermissionPolicy(ConsentQuestion, "gdpr.question")
)
register_permission_policy(
    ConsentStatement, access.RulePermissionPolicy(ConsentStatement, "gdpr.statement")
)

questions = ConsentQuestionViewSet()
statements = ConsentStatementViewSet("gdpr_statements")
register_snippet(questions)


@hooks.register("register_admin_viewset")
def register_statements():
    return statements


@hooks.register("register_permissions")
def gdpr_permission():
    return Permission.objects.filter(content_type__app_label="gdpr", codename="administer_gdpr")


@hooks.register("register_admin_urls")
def gdpr_admin_urls():
    return [
        path("gdpr/email-alerts/", EmailAlertsView.as_view(), name="gdpr_email_alerts"),
        path("gdpr/withheld/", WithheldSettingsView.as_view(), name="gdpr_withheld_settings"),
        path("gdpr/withdrawals/", WithdrawalsView.as_view(), name="gdpr_withdrawals"),
        path(
            "gdpr/withdrawals/results/",
            WithdrawalsView.as_view(results_only=True),
            name="gdpr_withdrawals_results",
        ),
        path(
            "gdpr/withdrawals/<int:pk>/children/",
            WithdrawalChildrenView.as_view(),
            name="gdpr_withdrawal_children",
        ),
        path(
            "gdpr/withdrawals/<int:pk>/actioned/",
            MarkActionedView.as_view(),
            name="gdpr_withdrawal_actioned",
        ),
        path("gdpr/histories/", PeopleView.as_view(), name="gdpr_histories"),
        path(
            "gdpr/histories/results/",
            PeopleView.as_view(results_only=True),
            name="gdpr_histories_results",
        ),
        path("gdpr/histories/<int:pk>/", PersonHistoryView.as_view(), name="gdpr_history"),
    ]


hooks.register("register_admin_urls", subject_access_urls)


@hooks.register("construct_homepage_panels")
def gdpr_dashboard_panel(request, panels):
    if access.may(request.user, "view", "gdpr.consent_record"):
        panels.append(ConsentToActionPanel())


@hooks.register(PORTAL_MENU_HOOK)
def gdpr_menu():
    items = [
        questions.get_menu_item(order=10),
        statements.get_menu_item(order=20),
        access.AccessMenuItem(
            _("Email alerts"),
            reverse("gdpr_email_alerts"),
            kind="gdpr.statement",
            icon_name="mail",
            order=30,
        ),
        access.AccessMenuItem(
            _("Withheld consent"),
            reverse("gdpr_withheld_settings"),
            kind="gdpr.statement",
            icon_name="time",
            order=35,
        ),
        access.AccessMenuItem(
            _("Consent withdrawals"),
            reverse("gdpr_withdrawals"),
            kind="gdpr.consent_record",
            icon_name="cross",
            order=40,
        ),
        access.AccessMenuItem(
            _("Consent histories"),
            reverse("gdpr_histories"),
            kind="gdpr.person",
            icon_name="history",
            order=50,
        ),
        subject_access_menu_item(order=60),
    ]
    return SubmenuMenuItem(_("GDPR administration"), Menu(items=items), icon_name="lock", order=300)
