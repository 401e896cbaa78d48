"""Building a form in the Wagtail admin: the Build page, its numbered question groups and their
questions (renumbering, publishing, cloning, versions and printouts are in versions.py). Every
rule is in ``builder``; these views ask it and show what it says."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal import access

from ...models import FormDefinition, GroupQuestion, Question, QuestionGroup, SendSettings
from ...models.forms import FIRST_GROUP_NUMBER
from .. import services as builder
from ..welsh import missing_welsh
from .definition_forms import GroupForm, QuestionSearchForm

# The form definitions viewset's name: its URL namespace (see definitions.py).
VIEWSET = "send_forms"
QUESTIONS_PER_PAGE = 50


def url(name, *args):
    return reverse(f"{VIEWSET}:{name}", args=args)


def build_url(form_pk, group=None):
    """The Build page, scrolled to ``group`` when given."""
    anchor = f"#group-{group.pk}" if group else ""
    return url("build", form_pk) + anchor


def preview_url(form_pk, version, language):
    """The portal preview of ``version`` (a number or "draft") in ``language``."""
    with translation.override(language):
        return reverse("send:preview", args=[form_pk, version])


class _BuilderPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    """A page about one form: Home › Form definitions › the form › this page. Objects are
    looked up when first used, so after the permission check."""

    access_kind = "send.form_definition"
    access_action = "build"
    header_icon = "form"
    form_url_name = "build"  # where the form's breadcrumb leads

    @cached_property
    def form_definition(self):
        queryset = FormDefinition.objects.annotate(published_number=F("live_version__number"))
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.form_definition.title_en

    def get_breadcrumbs_items(self):
        form = self.form_definition
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Form definitions")},
            {"url": url(self.form_url_name, form.pk), "label": form.code},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "form_definition": self.form_definition,
            "build_url": build_url(self.form_definition.pk),
            "first_group_number": FIRST_GROUP_NUMBER,
        }


class _GroupPage(_BuilderPage):
    """A page about one question group of a form."""

    @cached_property
    def group(self):
        return get_object_or_404(QuestionGroup.objects.select_related("form"), pk=self.kwargs["pk"])

    @cached_property
    def form_definition(self):
        return self.group.form

    def get_page_subtitle(self):
        return str(self.group)


def warn_inherited_once(request, placements):
    """A Wagtail warning for each question inherited multiple times in a repeating group."""
    for item in builder.inherited_once(placements):
        messages.warning(request, builder.inherited_once_warning(item))


# -- the Build page ---------------------------------------------------------------------


class BuildView(_BuilderPage, TemplateView):
    """The form's groups, each with its questions in order, and what can be done to them."""

    template_name = "send/admin/forms/build.html"
    page_title = gettext_lazy("Build")
    form_url_name = "edit"

    def get_groups(self):
        items = GroupQuestion.objects.select_related("question", "shown_when").order_by(
            "sort_order", "pk"
        )
        return self.form_definition.groups.prefetch_related(
            Prefetch("items", queryset=items)
        ).order_by("number", "pk")

    def draft_state(self):
        form = self.form_definition
        if form.published_number is None:
            return _("Not published yet: the portal does not offer this form.")
        words = {"number": form.published_number}
        if form.has_draft_changes:
            return (
                _(
                    "This working copy has changes that are not published yet. The portal "
                    "uses version %(number)s until you publish again."
                )
                % words
            )
        return _("This working copy is the same as the published version %(number)s.") % words

    def get_context_data(self, **kwargs):
        form = self.form_definition
        duplicates, gaps = builder.number_problems(form)
        groups = list(self.get_groups())
        for group in groups:
            for item in builder.inherited_once(group.items.all()):
                item.inherited_once_warning = builder.inherited_once_warning(item)
        return {
            **super().get_context_data(**kwargs),
            "groups": groups,
            "duplicates": duplicates,
            "gaps": gaps,
            "draft_state": self.draft_state(),
            "missing_welsh": missing_welsh(form),
            "welsh_required": SendSettings.load().require_welsh,
            "edit_url": url("edit", form.pk),
            "versions_url": url("versions", form.pk),
            "add_group_url": url("add_group", form.pk),
            "renumber_url": url("renumber", form.pk),
            "publish_url": url("publish", form.pk),
            "preview_draft_url": preview_url(form.pk, "draft", "en"),
            "print_draft_url": url("print_draft", form.pk),
            "print_live_url": (
                url("print_version", form.pk, form.published_number)
                if form.published_number
                else ""
            ),
        }


# -- groups -----------------------------------------------------------------------------


class _GroupForm:
    """Adding or editing a group: what both pages share."""

    form_class = GroupForm
    template_name = "send/admin/forms/group_form.html"

    def form_valid(self, form):
        group = form.save()
        builder.mark_changed(self.form_definition)
        messages.success(self.request, self.success_message % {"number": group.number})
        warn_inherited_once(self.request, group.items.select_related("group__form", "question"))
        return redirect(build_url(self.form_definition.pk, group))


class AddGroupView(_GroupForm, _BuilderPage, FormView):
    page_title = gettext_lazy("Add a group")
    success_message = gettext_lazy("Group %(number)s has been added.")

    def get_initial(self):
        return {"number": builder.next_group_number(self.form_definition)}

    def get_form_kwargs(self):
        instance = QuestionGroup(form=self.form_definition)
        return {**super().get_form_kwargs(), "instance": instance}


class EditGroupView(_GroupForm, _GroupPage, FormView):
    page_title = gettext_lazy("Edit group")
    success_message = gettext_lazy("Group %(number)s has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.group}


class DeleteGroupView(_GroupPage, TemplateView):
    """Asks to confirm (GET), then deletes the group and takes its questions off the form."""

    template_name = "send/admin/forms/confirm.html"
    page_title = gettext_lazy("Delete group")

    def get_context_data(self, **kwargs):
        group = self.group
        count = group.items.count()
        return {
            **super().get_context_data(**kwargs),
            "question_text": _(
                "Delete group %(number)s, “%(name)s”, and take its %(count)s questions off "
                "this form? The questions stay in the question bank."
            )
            % {"number": group.number, "name": group.name_en, "count": count},
            "button": _("Yes, delete the group"),
            "danger": True,
            "cancel_url": build_url(group.form_id, group),
        }

    def post(self, request, pk):
        group = self.group
        builder.delete_group(group)
        messages.success(
            request, _("Group %(number)s has been deleted.") % {"number": group.number}
        )
        return redirect(build_url(group.form_id))


class AddQuestionView(_GroupPage, TemplateView):
    """The bank's questions that are not on this form yet, searchable by code or words; each
    can be added at the end of the group."""

    template_name = "send/admin/forms/question_picker.html"
    page_title = gettext_lazy("Add a question")

    def get_questions(self, query):
        on_form = GroupQuestion.objects.filter(form=self.group.form_id).values("question_id")
        questions = Question.objects.exclude(pk__in=on_form).order_by("code")
        if query:
            questions = questions.filter(
                Q(code__icontains=query)
                | Q(label_en__icontains=query)
                | Q(label_cy__icontains=query)
            )
        return questions

    def get_context_data(self, **kwargs):
        search = QuestionSearchForm(self.request.GET)
        query = search.cleaned_data["q"].strip() if search.is_valid() else ""
        paginator = WagtailPaginator(self.get_questions(query), QUESTIONS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        return {
            **super().get_context_data(**kwargs),
            "group": self.group,
            "search_form": search,
            "query": query,
            "questions": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "cancel_url": build_url(self.group.form_id, self.group),
        }

    def post(self, request, pk):
        group = self.group
        question = get_object_or_404(Question, pk=request.POST.get("question"))
        try:
            item = builder.add_question(group, question)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.get_full_path())
        messages.success(
            request,
            _("Question %(code)s has been added to group %(number)s.")
            % {"code": question.code, "number": group.number},
        )
        warn_inherited_once(request, [item])
        return redirect(build_url(group.form_id, group))


# -- questions in a group ---------------------------------------------------------------


class _PlacementAction(access.AccessRequiredMixin, View):
    """A button on the Build page acting on one question of a group (POST only)."""

    access_kind = "send.form_definition"
    access_action = "build"
    http_method_names = ["post"]

    def post(self, request, pk, **kwargs):
        item = get_object_or_404(
            GroupQuestion.objects.select_related("group__form", "question"), pk=pk
        )
        self.act(item, **kwargs)
        return redirect(build_url(item.group.form_id, item.group))


class MoveQuestionView(_PlacementAction):
    DIRECTIONS = {"up": -1, "down": 1}

    def act(self, item, direction):
        if direction not in self.DIRECTIONS:
            raise Http404
        builder.move_question(item, self.DIRECTIONS[direction])


class RemoveQuestionView(_PlacementAction):
    def act(self, item):
        code = item.question.code
        try:
            builder.remove_question(item)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return
        messages.success(
            self.request,
            _("Question %(code)s has been taken off group %(number)s. It stays in the bank.")
            % {"code": code, "number": item.group.number},
        )
