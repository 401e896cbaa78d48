"""SEND administration in the Wagtail admin: SEND settings, and the SEND group in the Portal
menu: the form builder's screens behind "send.build_forms", the submitted forms behind
"send.view_submission" (deciding, sharing and deleting each with its own permission), the
children's involvements behind "send.manage_involvement". Each item shows only to those who
may use it. A child record's page links to the child's chronology (the register's links hook)."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from core.wagtail_hooks import PORTAL_MENU_HOOK
from portal import access
from records.links import CHILD_RECORD_LINKS_HOOK

from .builder.admin import transfer as transfer_admin
from .builder.admin.definitions import definitions
from .builder.admin.questions import questions
from .casework import admin as casework_admin
from .casework.actions import admin as actions_admin
from .casework.chronology import admin as chronology_admin
from .casework.dashboard import ReviewPanel
from .casework.delegation import admin as delegation_admin
from .casework.delegation.viewsets import work_groups
from .casework.documents import admin as documents_admin
from .casework.invitations import admin as invitations_admin
from .casework.involvements import admin as involvements_admin
from .casework.newform import views as newform_admin
from .council import admin as council_admin
from .models import FormDefinition, FormVersion, Question, QuestionGroup, SendSettings, WorkGroup
from .printing import admin as printing_admin

register_setting(SendSettings, icon="form")

register_permission_policy(WorkGroup, access.RulePermissionPolicy(WorkGroup, "send.work_group"))
for _model in (Question, FormDefinition, QuestionGroup, FormVersion):
    register_permission_policy(_model, access.RulePermissionPolicy(_model, "send.form_definition"))

hooks.register("register_admin_urls", transfer_admin.admin_urls)
hooks.register("register_admin_urls", council_admin.admin_urls)
hooks.register("register_admin_urls", casework_admin.admin_urls)
hooks.register("register_admin_urls", chronology_admin.admin_urls)
hooks.register(CHILD_RECORD_LINKS_HOOK, chronology_admin.child_record_link)
hooks.register("register_admin_urls", newform_admin.admin_urls)
hooks.register("register_admin_urls", involvements_admin.admin_urls)
hooks.register("register_admin_urls", documents_admin.admin_urls)
hooks.register("register_admin_urls", actions_admin.admin_urls)
hooks.register("register_admin_urls", printing_admin.admin_urls)
hooks.register("register_admin_urls", invitations_admin.admin_urls)
hooks.register("register_admin_urls", delegation_admin.admin_urls)


@hooks.register("construct_homepage_panels")
def send_review_panel(request, panels):
    if access.may(request.user, "view", "send.submission"):
        panels.append(ReviewPanel())


@hooks.register("construct_homepage_panels")
def send_deadlines_panel(request, panels):
    if access.may(request.user, "change", involvements_admin.KIND):
        panels.append(involvements_admin.DeadlinesPanel(request.user))


@hooks.register("register_permissions")
def send_permissions():
    return Permission.objects.filter(
        content_type__app_label="send",
        codename__in=[
            "build_forms",
            "view_submission",
            "decide_submission",
            "share_submission",
            "delete_submission",
            "manage_involvement",
            "manage_delegation",
        ],
    )


@hooks.register("register_admin_viewset")
def register_work_groups():
    return work_groups


@hooks.register("register_admin_viewset")
def register_question_bank():
    return questions


@hooks.register("register_admin_viewset")
def register_form_definitions():
    return definitions


@hooks.register(PORTAL_MENU_HOOK)
def send_menu():
    items = [
        questions.get_menu_item(order=10),
        definitions.get_menu_item(order=20),
        transfer_admin.import_menu_item(),
        council_admin.submissions_menu_item(order=40),
        *involvements_admin.menu_items(order=50),
        invitations_admin.menu_item(order=60),
        delegation_admin.menu_item(order=70),
        work_groups.get_menu_item(order=80),
    ]
    return SubmenuMenuItem(_("SEND"), Menu(items=items), icon_name="form", order=200)
