"""The question bank in the Wagtail admin (Portal → SEND → Question bank).

A question that a published form version uses is locked: its edit page shows it read-only
except "answer can be inherited multiple times", and it cannot be deleted."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
)
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ...models import DataType, FormDefinition, Question, QuestionChoice, VersionQuestion
from .. import services as builder
from .deleting import GuardedDeleteView
from .question_forms import QuestionForm


def missing_welsh(question):
    """The parts of ``question`` without Welsh words, where the portal shows the English.

    The list items' part needs the ``welsh_items_missing`` annotation of the bank listing."""
    missing = []
    if not question.label_cy:
        missing.append(_("question"))
    if question.hint_en and not question.hint_cy:
        missing.append(_("hint"))
    if question.welsh_items_missing:
        missing.append(_("list items"))
    return missing


def published_forms_using(question):
    """Codes of the forms whose published versions use ``question``."""
    versions = VersionQuestion.objects.filter(question=question).values("version")
    return list(
        FormDefinition.objects.filter(versions__in=versions)
        .distinct()
        .order_by("code")
        .values_list("code", flat=True)
    )


# -- the edit form's layout ----------------------------------------------------------------


class ReadOnlyFieldPanel(FieldPanel):
    """A locked question's field, shown as words rather than an input."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def format_value_for_display(self, value):
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if value in (None, ""):
            return "—"
        return super().format_value_for_display(value)


class LockedNoticePanel(Panel):
    """Why a locked question is read-only and which published forms use it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "send/admin/questions/locked_notice.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["forms"] = published_forms_using(self.instance)
            return context


class ListItemsPanel(Panel):
    """A locked choice question's list items, as a table."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "send/admin/questions/list_items.html"

        def is_shown(self):
            return self.instance.data_type == DataType.CHOICE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["items"] = self.instance.choices.all()
            return context


def question_panels(locked=False):
    """The edit page's layout. A locked question shows the same layout read-only, with only
    "answer can be inherited multiple times" left as an input."""
    field = ReadOnlyFieldPanel if locked else FieldPanel
    if locked:
        items = ListItemsPanel(heading=_("List items"))
    else:
        items = InlinePanel(
            "choices",
            heading=_("List items"),
            label=_("List item"),
            help_text=_("Only for a choice from a list: the items people choose from, in order."),
            panels=[
                FieldRowPanel([FieldPanel("label_en"), FieldPanel("label_cy")]),
                FieldPanel("value"),
            ],
        )
    panels = [
        field("code"),
        FieldRowPanel([field("label_en"), field("label_cy")], heading=_("Question")),
        FieldRowPanel([field("hint_en"), field("hint_cy")], heading=_("Hint")),
        field("data_type"),
        items,
        MultiFieldPanel(
            [
                field("max_length"),
                field("mandatory"),
                field("spellcheck"),
                field("in_chronology"),
                FieldPanel("inherit_multiple"),
            ],
            heading=_("Restrictions"),
        ),
    ]
    if locked:
        panels.insert(0, LockedNoticePanel(heading=_("Locked")))
    return panels


# -- views -------------------------------------------------------------------------------


class WelshColumn(Column):
    def get_value(self, instance):
        missing = missing_welsh(instance)
        if not missing:
            return _("Complete")
        return _("Missing, English shown: %(parts)s") % {"parts": ", ".join(map(str, missing))}


class QuestionPaginator(WagtailPaginator):
    verbose_name_plural = _("questions")  # the model's plural names the bank, not its rows


class QuestionIndexView(generic.IndexView):
    page_title = _("Question bank")
    verbose_name_plural = _("questions")
    paginator_class = QuestionPaginator

    def get_base_queryset(self):
        # Locked and missing-Welsh flags come with the rows, in the same query.
        items_without_welsh = QuestionChoice.objects.filter(question=OuterRef("pk"), label_cy="")
        return builder.with_locked(super().get_base_queryset()).annotate(
            welsh_items_missing=Exists(items_without_welsh)
        )

    def get_delete_url(self, instance):
        return None if instance.locked else super().get_delete_url(instance)


class QuestionEditView(generic.EditView):
    locked_panel = None

    def form_valid(self, form):
        response = super().form_valid(form)
        placements = self.object.placements.select_related("group__form", "question")
        for item in builder.inherited_once(placements):
            messages.warning(self.request, builder.inherited_once_warning(item))
        return response

    def get_bound_panel(self, form):
        panel = self.locked_panel if form.locked else self.panel
        return panel.get_bound_panel(request=self.request, instance=form.instance, form=form)

    @cached_property
    def can_delete(self):
        return not self.form.locked and self.user_has_permission_for_instance("delete", self.object)


class QuestionDeleteView(GuardedDeleteView):
    """Wagtail's confirmation, for questions no form uses."""

    guard = staticmethod(builder.ensure_question_deletable)


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    url_prefix = "send/questions"
    add_to_reference_index = False  # what uses a question is the form builder's business
    copy_view_enabled = False  # a copy would share the code, which must be unique
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    list_display = [
        "code",
        "label_en",
        "data_type",
        WelshColumn("welsh", label=_("Welsh")),
        StatusFlagColumn("locked", label=_("Status"), true_label=_("Locked"), sort_key="locked"),
    ]
    list_filter = ["data_type"]
    search_fields = ["code", "label_en", "label_cy"]
    search_backend_name = None
    ordering = "code"
    list_per_page = 50
    edit_handler = ObjectList(question_panels(), base_form_class=QuestionForm)

    @cached_property
    def locked_edit_handler(self):
        locked = ObjectList(question_panels(locked=True), base_form_class=QuestionForm)
        return locked.bind_to_model(self.model)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(locked_panel=self.locked_edit_handler, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        # Wagtail's usage page would not know about form placements; the delete view says
        # which forms use the question instead.
        return super().get_common_view_kwargs(usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "usage"]

    def get_permissions_to_register(self):
        return Permission.objects.none()  # "send.build_forms" covers the whole form builder


questions = QuestionViewSet("send_questions")
