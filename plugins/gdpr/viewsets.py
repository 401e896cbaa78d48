"""The question library (a translatable snippet) and the consent statement schedule.

Published questions and statements are never changed: their edit and delete views refuse,
and the lists only offer what each row allows."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets

from . import services
from .admin_forms import ConsentQuestionForm, ScheduleStatementForm
from .admin_people import WhenColumn
from .admin_views import QuestionCloneView, QuestionPreviewView
from .guards import ensure_deletable, ensure_editable
from .models import ConsentQuestion, ConsentStatement


def _published_questions():
    return ConsentStatement.objects.filter(
        question__translation_key=OuterRef("translation_key"), published_at__isnull=False
    )


def _refuse(view, error):
    messages.error(view.request, " ".join(error.messages))
    return redirect(view.index_url_name)


# -- the question library ----------------------------------------------------------------


class QuestionIndexView(snippets.IndexView):
    def get_edit_url(self, instance):
        return None if instance.published else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if instance.published else super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        name = self.request.resolver_match.namespace
        buttons = super().get_list_more_buttons(instance)
        for code, language in settings.LANGUAGES:
            buttons.append(
                Button(
                    _("Preview in %(language)s") % {"language": language},
                    url=reverse(f"{name}:preview_citizen", args=[instance.pk, code]),
                    icon_name="view",
                    priority=40,
                )
            )
        buttons.append(
            Button(
                _("Clone"),
                url=reverse(f"{name}:clone", args=[instance.pk]),
                icon_name="copy",
                priority=50,
            )
        )
        return buttons


class QuestionEditView(snippets.EditView):
    def get(self, request, *args, **kwargs):
        try:
            ensure_editable(self.object)
        except ValidationError as error:
            return _refuse(self, error)
        return super().get(request, *args, **kwargs)


class QuestionDeleteView(snippets.DeleteView):
    def get(self, request, *args, **kwargs):
        try:
            ensure_deletable(self.object)
        except ValidationError as error:
            return _refuse(self, error)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            ensure_deletable(self.object)
        except ValidationError as error:
            return _refuse(self, error)
        return super().post(request, *args, **kwargs)


class ConsentQuestionViewSet(snippets.SnippetViewSet):
    model = ConsentQuestion
    icon = "tick-inverse"
    menu_label = _("Question library")
    menu_name = "gdpr-questions"
    url_prefix = "gdpr/questions"
    list_display = [
        "title",
        BooleanColumn("active", label=_("Active")),
        BooleanColumn("published", label=_("Published")),
    ]
    list_filter = ["active"]
    search_fields = ["title", "statement"]
    search_backend_name = None
    copy_view_enabled = False  # "Clone" copies every translation; Wagtail's copy only one
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    edit_handler = ObjectList(ConsentQuestion.panels, base_form_class=ConsentQuestionForm)

    def get_queryset(self, request):
        # English questions are the library; translations are reached from each question's
        # language menu and previewed from the list.
        return ConsentQuestion.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).annotate(published=Exists(_published_questions()))

    def get_permissions_to_register(self):
        return Permission.objects.none()  # "gdpr.administer_gdpr" covers the whole area

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("clone/<int:pk>/", QuestionCloneView.as_view(), name="clone"),
            path(
                "preview/<int:pk>/<str:language>/",
                QuestionPreviewView.as_view(),
                name="preview_citizen",
            ),
        ]


# -- the statement schedule --------------------------------------------------------------


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.published_at is None:
            return _("Scheduled")
        if instance.pk == self.current_pk:
            return _("Current")
        return _("Published")


class StatementIndexView(generic.IndexView):
    default_ordering = "-publish_at"

    @cached_property
    def columns(self):
        status = StatusColumn("status", label=_("Status"))
        current = services.current_statement()
        status.current_pk = current.pk if current else None
        return [
            self._get_title_column_class(TitleColumn)(
                "version", label=_("Version"), sort_key="version", get_url=self.get_edit_url
            ),
            Column("question", label=_("Question")),
            WhenColumn("publish_at", label=_("Publish at"), sort_key="publish_at"),
            WhenColumn("published_at", label=_("Published"), sort_key="published_at"),
            status,
        ]

    def get_edit_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None if instance.published_at else super().get_delete_url(instance)


class StatementCreateView(generic.CreateView):
    def save_instance(self):
        return services.schedule_statement(
            self.form.cleaned_data["question"],
            self.form.cleaned_data["publish_at"],
            by=self.request.user,
        )

    def get_success_message(self, instance):
        if instance.published_at:
            return _("Version %(version)d has been published.") % {"version": instance.version}
        when = timezone.localtime(instance.publish_at).strftime("%d %B %Y %H:%M")
        return _("Version %(version)d will be published at %(when)s.") % {
            "version": instance.version,
            "when": when,
        }

    def get_success_buttons(self):
        return []


class StatementDeleteView(generic.DeleteView):
    def get(self, request, *args, **kwargs):
        if self.object.published_at:
            return _refuse(self, ValidationError(_("A published statement cannot be deleted.")))
        return super().get(request, *args, **kwargs)

    def delete_action(self):
        services.delete_scheduled(self.object)

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError as error:
            return _refuse(self, error)


class ConsentStatementViewSet(ModelViewSet):
    model = ConsentStatement
    icon = "date"
    menu_label = _("Consent statements")
    menu_name = "gdpr-statements"
    url_prefix = "gdpr/statements"
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = StatementIndexView
    add_view_class = StatementCreateView
    delete_view_class = StatementDeleteView
    form_fields = ["question", "publish_at"]

    def get_form_class(self, for_update=False):
        return ScheduleStatementForm

    def get_queryset(self, request):
        return ConsentStatement.objects.select_related("question")

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def get_common_view_kwargs(self, **kwargs):
        # No edit, history or usage pages: a statement is scheduled, published or deleted.
        return super().get_common_view_kwargs(
            edit_url_name=None, history_url_name=None, usage_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        kept = {"index", "index_results", "add", "delete"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in kept]
