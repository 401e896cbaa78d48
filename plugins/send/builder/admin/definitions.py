"""Form definitions in the Wagtail admin: the list (search by code, live filter, what is
published), the definition's details, and the pages that build, publish, clone and list the
versions of a form (groups.py)."""

from django.contrib.auth.models import Permission
from django.db.models import F
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton

from ...models import FormDefinition
from .. import services as builder
from . import groups as views
from . import versions
from .conditions import ConditionView
from .definition_forms import FormDefinitionForm
from .deleting import GuardedDeleteView
from .groups import VIEWSET, url

# Fields that a published version copies: changing them makes the working copy differ from
# it. The live flag takes effect at once and the subtitle and description are for staff.
PUBLISHED_FIELDS = {
    "code",
    "title_en",
    "title_cy",
    "guidance_en",
    "guidance_cy",
    "portal_type",
    "user_type",
}


class DraftStatusColumn(Column):
    def get_value(self, instance):
        if instance.published_number is None:
            return _("Not published")
        if instance.has_draft_changes:
            return _("Unpublished changes")
        return _("Published")


def _more_buttons(form):
    """The pages of a form besides its details and the Build page."""
    return [
        Button(_("Version history"), url=url("versions", form.pk), icon_name="history", priority=2),
        Button(_("Clone"), url=url("clone", form.pk), icon_name="copy", priority=3),
    ]


class DefinitionIndexView(generic.IndexView):
    default_ordering = "code"

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "code", label=_("Code"), sort_key="code", get_url=self.get_edit_url
            ),
            Column("title_en", label=_("Title"), sort_key="title_en"),
            Column("get_portal_type_display", label=_("Portal type")),
            Column("get_user_type_display", label=_("Portal user type")),
            BooleanColumn("live", label=_("Live"), sort_key="live"),
            Column("published_number", label=_("Published version")),
            DraftStatusColumn("draft_status", label=_("Status")),
        ]

    def get_base_queryset(self):
        # The published version's number by a join: the version rows (and their schemas)
        # are never loaded, so the list costs the same however many versions there are.
        return FormDefinition.objects.annotate(published_number=F("live_version__number"))

    def get_delete_url(self, instance):
        # A published form keeps its versions (see DefinitionDeleteView).
        return None if instance.live_version_id else super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        build = Button(_("Build"), url=url("build", instance.pk), icon_name="form", priority=1)
        return [build, *_more_buttons(instance), *super().get_list_more_buttons(instance)]


class DefinitionCreateView(generic.CreateView):
    def get_success_url(self):
        return url("build", self.object.pk)

    def get_success_buttons(self):
        return []


class DefinitionEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        if PUBLISHED_FIELDS & set(self.form.changed_data):
            builder.mark_changed(instance)
        return instance

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Build"), url=url("build", self.object.pk), icon_name="form")]

    @cached_property
    def header_more_buttons(self):
        return [*_more_buttons(self.object), *super().header_more_buttons]

    @cached_property
    def can_delete(self):
        return not self.object.live_version_id and super().can_delete


class DefinitionDeleteView(GuardedDeleteView):
    """Only a form that was never published can be deleted: versions keep submissions."""

    guard = staticmethod(builder.ensure_form_deletable)


class FormDefinitionViewSet(ModelViewSet):
    model = FormDefinition
    icon = "form"
    menu_label = _("Form definitions")
    menu_name = "send-forms"
    url_prefix = "send/forms"
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False  # "Clone" copies the groups and questions too
    index_view_class = DefinitionIndexView
    add_view_class = DefinitionCreateView
    edit_view_class = DefinitionEditView
    delete_view_class = DefinitionDeleteView
    template_prefix = "send/admin/forms/"
    list_filter = ["live"]
    search_fields = ["code"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title_en"), FieldPanel("title_cy")], heading=_("Title on the portal")
            ),
            MultiFieldPanel(
                [FieldPanel("code"), FieldPanel("portal_type"), FieldPanel("user_type")],
                heading=_("Form details"),
            ),
            FieldPanel("live"),
            MultiFieldPanel(
                [FieldPanel("guidance_en"), FieldPanel("guidance_cy")],
                heading=_("Guidance notes"),
            ),
            MultiFieldPanel(
                [FieldPanel("subtitle"), FieldPanel("description")],
                heading=_("For the SEND team (not shown on the portal)"),
            ),
            MultiFieldPanel([FieldPanel("chronology_groups")], heading=_("The child's chronology")),
        ],
        base_form_class=FormDefinitionForm,
    )

    def get_permissions_to_register(self):
        return Permission.objects.none()  # "send.build_forms" covers the whole builder

    def get_common_view_kwargs(self, **kwargs):
        # Wagtail's audit history and usage pages are replaced by the version history.
        return super().get_common_view_kwargs(history_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        kept = {"index", "index_results", "add", "edit", "delete"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in kept),
            path("build/<int:pk>/", views.BuildView.as_view(), name="build"),
            path("build/<int:pk>/groups/new/", views.AddGroupView.as_view(), name="add_group"),
            path("build/<int:pk>/renumber/", versions.RenumberView.as_view(), name="renumber"),
            path("build/<int:pk>/publish/", versions.PublishView.as_view(), name="publish"),
            path("build/<int:pk>/print/", versions.PrintBlankView.as_view(), name="print_draft"),
            path(
                "build/<int:pk>/print/<int:number>/",
                versions.PrintBlankView.as_view(),
                name="print_version",
            ),
            path("groups/<int:pk>/edit/", views.EditGroupView.as_view(), name="edit_group"),
            path("groups/<int:pk>/delete/", views.DeleteGroupView.as_view(), name="delete_group"),
            path(
                "groups/<int:pk>/questions/",
                views.AddQuestionView.as_view(),
                name="add_question",
            ),
            path(
                "placements/<int:pk>/move/<str:direction>/",
                views.MoveQuestionView.as_view(),
                name="move_question",
            ),
            path("placements/<int:pk>/condition/", ConditionView.as_view(), name="condition"),
            path(
                "placements/<int:pk>/remove/",
                views.RemoveQuestionView.as_view(),
                name="remove_question",
            ),
            path("clone/<int:pk>/", versions.CloneView.as_view(), name="clone"),
            path("versions/<int:pk>/", versions.VersionHistoryView.as_view(), name="versions"),
        ]


definitions = FormDefinitionViewSet(VIEWSET)
