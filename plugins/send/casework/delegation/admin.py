"""Delegated tasks in the Wagtail admin (behind "send.manage_delegation"): sending a task for a
child's involvement to a professional (whose automatic reply, when on, is shown first) or to
a work group, the list of tasks with their state and holder, one task's history, retracting
it with the reason, and printing a submitted contribution. Work groups have their own viewset
(``viewsets``). Every rule is in ``services``; these views ask it."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.models import PROFESSIONAL, VERIFIED
from core import audit
from portal import access

from ...builder.schema import FormSchema
from ...filling.answers import load_answers
from ...models import DelegatedTask, FormDefinition, WorkGroup
from ...printing.admin import PrintView
from ..involvements.admin.base import KIND as INVOLVEMENT
from ..involvements.admin.base import InvolvementPage
from ..involvements.admin.forms import DATE
from . import portal, services
from .access import TASK


class ProfessionalChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name()} <{user.email}>"


class DelegateForm(forms.Form):
    """The form to send, to whom, by when, the council's comments and pre-filled answers, and
    the information-requested row it answers. A professional's automatic reply, when on,
    must be read before the task goes to them."""

    form = forms.ModelChoiceField(
        label=_("Form"), queryset=FormDefinition.objects.filter(live_version__isnull=False)
    )
    user = ProfessionalChoice(
        label=_("Professional"),
        required=False,
        queryset=get_user_model().objects.none(),
    )
    work_group = forms.ModelChoiceField(
        label=_("or work group"), required=False, queryset=WorkGroup.objects.all()
    )
    due_on = forms.DateField(label=_("Due"), widget=DATE)
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Shown with the task on the portal; not sent by email."),
    )
    prefilled = forms.CharField(
        label=_("Answers filled in by the council"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("One per line: the question's code, “=”, then the answer."),
    )
    information_request = forms.ModelChoiceField(
        label=_("Information requested"),
        queryset=None,
        required=False,
        help_text=_("Submitting the contribution records this information as received."),
    )
    reply_read = forms.BooleanField(
        label=_("I have read the professional's automatic reply and still want to assign it"),
        required=False,
    )

    def __init__(self, *args, involvement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, kind=PROFESSIONAL, verification_state=VERIFIED)
            .order_by("first_name", "last_name")
        )
        self.fields["form"].queryset = self.fields["form"].queryset.order_by("title_en")
        self.fields["information_request"].queryset = involvement.information_requests.filter(
            received_on__isnull=True
        )
        self.automatic_reply = None

    def clean_prefilled(self):
        answers = {}
        for line in self.cleaned_data["prefilled"].splitlines():
            if not line.strip():
                continue
            code, equals, value = line.partition("=")
            if not equals or not code.strip():
                raise forms.ValidationError(_("Write each answer as “code = answer”."))
            answers[code.strip()] = value.strip()
        return answers

    def clean(self):
        data = super().clean()
        user = data.get("user")
        if user is not None:
            self.automatic_reply = portal.automatic_reply_of(user)
            if self.automatic_reply and not data.get("reply_read"):
                self.add_error(
                    "reply_read",
                    _("This professional has an automatic reply on: read it before assigning."),
                )
        form = data.get("form")
        unknown = set(data.get("prefilled") or {}) - set(
            FormSchema(form.live_version.schema).questions if form else ()
        )
        if form and unknown:
            self.add_error(
                "prefilled",
                _("These are not questions of the form: %(codes)s")
                % {"codes": ", ".join(sorted(unknown))},
            )
        return data


class DelegateView(InvolvementPage, FormView):
    """Needs "send.manage_delegation" as well as the involvement (found through its rule)."""

    access_kind = TASK
    access_action = "add"
    template_name = "send/admin/delegation/delegate.html"
    form_class = DelegateForm
    page_title = _("Delegate a task")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "involvement": self.involvement}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["button"] = _("Send the task")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.delegate(
                self.involvement,
                data["form"],
                data["due_on"],
                self.request.user,
                user=data["user"],
                work_group=data["work_group"],
                comments=data["comments"],
                prefilled=data["prefilled"],
                information_request=data["information_request"],
                request=self.request,
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("The task has been sent."))
        return redirect(self.detail_url)


class TaskArea(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    access_kind = TASK
    access_action = "change"
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_tasks"), "label": _("Delegated tasks")},
            {"url": "", "label": self.get_page_title()},
        ]


class TaskListView(TaskArea, TemplateView):
    """Every task, open ones first by due date, each with its state and holder."""

    template_name = "send/admin/delegation/list.html"
    page_title = _("Delegated tasks")

    def get_context_data(self, **kwargs):
        tasks = access.scoped(self.request.user, TASK).select_related(
            "involvement__child_record", "holder", "work_group", "form"
        )
        state = self.request.GET.get("state", "open")
        if state == "open":
            tasks = tasks.open()
        elif state in DelegatedTask.State.values:
            tasks = tasks.filter(state=state)
        return {
            **super().get_context_data(**kwargs),
            "tasks": tasks.order_by("due_on", "pk")[:500],
            "states": [("open", _("Open")), *DelegatedTask.State.choices],
            "state": state,
        }


class TaskPage(TaskArea):
    @cached_property
    def task(self):
        queryset = DelegatedTask.objects.select_related(
            "involvement__child_record", "holder", "work_group", "form", "created_by"
        )
        return access.get_or_404(self.request.user, TASK, queryset, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.task.number

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "task": self.task}


class TaskDetailView(TaskPage, TemplateView):
    """One task: its state, holder, author and counter-signatory, and its history."""

    template_name = "send/admin/delegation/detail.html"
    page_title = _("Delegated task")

    def get_context_data(self, **kwargs):
        audit.record(self.request.user, "task.viewed", self.task, request=self.request)
        return {
            **super().get_context_data(**kwargs),
            "history": self.task.history.select_related("actor", "holder"),
        }


class RetractForm(forms.Form):
    reason = forms.CharField(label=_("Reason for retracting"), widget=forms.Textarea({"rows": 3}))


class RetractView(TaskPage, FormView):
    template_name = "send/admin/delegation/retract.html"
    form_class = RetractForm
    page_title = _("Retract the task")

    def form_valid(self, form):
        try:
            services.retract(
                self.task, self.request.user, form.cleaned_data["reason"], request=self.request
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("The task has been retracted."))
        return redirect("send_task", pk=self.task.pk)


class ContributionPrintView(TaskPage, PrintView):
    """Print or download a submitted contribution, as any submitted form prints."""

    page_title = _("Print the contribution")

    @cached_property
    def submission(self):
        # Only a submitted contribution prints: a draft is still its holder's.
        if self.task.state != DelegatedTask.State.SUBMITTED:
            raise Http404
        return self.task.contribution

    @cached_property
    def schema(self):
        return FormSchema(self.submission.version.schema)

    @property
    def file_name(self):
        return self.submission.reference

    def answers(self):
        return load_answers(self.submission)

    def printed(self, file_format):
        audit.record(self.request.user, "task.viewed", self.task, file_format, request=self.request)


def involvement_tasks(involvement):
    """The involvement's tasks for its page, newest first."""
    return (
        DelegatedTask.objects.filter(involvement=involvement)
        .select_related("holder", "work_group", "form")
        .order_by("-created_at", "-pk")
    )


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        access.route(
            path(
                "send/involvements/<int:pk>/tasks/new/",
                DelegateView.as_view(),
                name="send_task_delegate",
            ),
            pk=INVOLVEMENT,
        ),
        path("send/tasks/", TaskListView.as_view(), name="send_tasks"),
        access.route(
            path("send/tasks/<int:pk>/", TaskDetailView.as_view(), name="send_task"), pk=TASK
        ),
        access.route(
            path("send/tasks/<int:pk>/retract/", RetractView.as_view(), name="send_task_retract"),
            pk=TASK,
        ),
        access.route(
            path(
                "send/tasks/<int:pk>/print/",
                ContributionPrintView.as_view(),
                name="send_task_print",
            ),
            pk=TASK,
        ),
    ]


def menu_item(order):
    return access.AccessMenuItem(
        _("Delegated tasks"),
        reverse("send_tasks"),
        kind=TASK,
        action="change",
        icon_name="tasks",
        order=order,
    )
