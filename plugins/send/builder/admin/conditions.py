"""Conditional questions in the admin: "Show only when…" on a question of the Build page. The
rules are in ``builder.conditions``; this page offers the earlier questions' answers and shows
what the rules say."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from ...models import DataType, GroupQuestion, Question
from .. import services as builder
from .groups import _BuilderPage, build_url

SEPARATOR = "|"  # between a question's code and one of its answers in a choice's value


class ConditionForm(forms.Form):
    answers = forms.MultipleChoiceField(
        label=gettext_lazy("Show this question only when"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Tick the answers of one earlier question that show it. Tick nothing to always "
            "ask it. A question revealed on the same step takes one answer."
        ),
    )

    def __init__(self, *args, controllers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].choices = [
            (
                f"{question.code} – {question.label_en}",
                [(f"{question.code}{SEPARATOR}{value}", words) for value, words in answers],
            )
            for question, answers in controllers
        ]

    def clean_answers(self):
        chosen = [value.split(SEPARATOR, 1) for value in self.cleaned_data["answers"]]
        if len({code for code, _value in chosen}) > 1:
            raise ValidationError(_("Tick the answers of one question only."))
        return chosen


class ConditionView(_BuilderPage, FormView):
    """Which earlier answers show a question placed on the form."""

    form_class = ConditionForm
    template_name = "send/admin/forms/condition.html"
    page_title = gettext_lazy("Show only when")

    @cached_property
    def item(self):
        return get_object_or_404(
            GroupQuestion.objects.select_related("group__form", "question", "shown_when"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def form_definition(self):
        return self.item.group.form

    def get_page_subtitle(self):
        return self.item.question.code

    def controllers(self):
        """The yes/no and list questions placed before this one, with their answers."""
        items = (
            GroupQuestion.objects.filter(
                form=self.item.form_id,
                question__data_type__in=[DataType.YES_NO, DataType.CHOICE],
            )
            .select_related("group", "question")
            .prefetch_related("question__choices")
            .order_by("group__number", "group__pk", "sort_order", "pk")
        )
        here = (self.item.group.number, self.item.group.pk, self.item.sort_order, self.item.pk)
        yes_no = [("yes", _("Yes")), ("no", _("No"))]
        return [
            (
                other.question,
                yes_no
                if other.question.data_type == DataType.YES_NO
                else [(c.value, c.label_en) for c in other.question.choices.all()],
            )
            for other in items
            if (other.group.number, other.group.pk, other.sort_order, other.pk) < here
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "controllers": self.controllers()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "question": self.item.question}

    def get_initial(self):
        item = self.item
        if item.shown_when is None:
            return {}
        code = item.shown_when.code
        return {"answers": [f"{code}{SEPARATOR}{value}" for value in item.shown_when_values]}

    def form_valid(self, form):
        chosen = form.cleaned_data["answers"]
        controller = Question.objects.get(code=chosen[0][0]) if chosen else None
        try:
            builder.change_condition(self.item, controller, [value for _code, value in chosen])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The condition of %(code)s has been saved.") % {"code": self.item.question.code},
        )
        return redirect(build_url(self.form_definition.pk, self.item.group))
