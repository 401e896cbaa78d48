"""Actions to complete in the Wagtail admin, on an involvement's page (behind
"send.manage_involvement"): ask a user authenticated on it to complete a form, and cancel an
open action with the reason. Every rule is in ``services``; these views ask it."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from portal import access

from ...models import Action, FormDefinition
from ..involvements.admin.base import KIND, InvolvementPage
from ..involvements.admin.forms import DATE
from ..involvements.authentication import authenticated_sharing
from . import services
from .access import ACTION


class AskForm(forms.Form):
    """Who is asked, for which published form, by when; a note and the information-requested
    row the form answers, when there is one."""

    user = forms.ModelChoiceField(label=_("Portal user"), queryset=get_user_model().objects.none())
    form = forms.ModelChoiceField(
        label=_("Form"), queryset=FormDefinition.objects.filter(live_version__isnull=False)
    )
    due_on = forms.DateField(label=_("Due"), widget=DATE)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Shown to the person with the form and sent in the message they receive."),
    )
    information_request = forms.ModelChoiceField(
        label=_("Information requested"),
        queryset=None,
        required=False,
        help_text=_("Submitting the form records this information as received."),
    )

    def __init__(self, *args, involvement, **kwargs):
        super().__init__(*args, **kwargs)
        on_case = authenticated_sharing().filter(involvement=involvement).values("user")
        self.fields["user"].queryset = (
            get_user_model().objects.filter(pk__in=on_case).order_by("first_name", "last_name")
        )
        self.fields["form"].queryset = self.fields["form"].queryset.order_by("title_en")
        self.fields["information_request"].queryset = involvement.information_requests.filter(
            received_on__isnull=True
        )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), widget=forms.Textarea({"rows": 3}))


class AskView(InvolvementPage, FormView):
    template_name = "send/admin/involvements/form.html"
    form_class = AskForm
    page_title = _("Ask someone to complete a form")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "involvement": self.involvement}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "button": _("Ask")}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.ask(
                self.involvement,
                data["user"],
                data["form"],
                data["due_on"],
                self.request.user,
                note=data["note"],
                information_request=data["information_request"],
                request=self.request,
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("The person has been asked to complete the form."))
        return redirect(self.detail_url)


class CancelView(InvolvementPage, FormView):
    template_name = "send/admin/involvements/form.html"
    form_class = CancelForm
    page_title = _("Cancel an action")

    @cached_property
    def action(self):
        return get_object_or_404(self.involvement.actions, pk=self.kwargs["action"])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "button": _("Cancel the action")}

    def form_valid(self, form):
        try:
            services.cancel(
                self.action, self.request.user, form.cleaned_data["reason"], request=self.request
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("The action has been cancelled."))
        return redirect(self.detail_url)


def involvement_actions(involvement):
    """The involvement's actions for its page, newest first."""
    return (
        Action.objects.filter(involvement=involvement)
        .select_related("user", "form")
        .order_by("-created_at", "-pk")
    )


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    base = "send/involvements/<int:pk>/actions/"
    return [
        access.route(path(base + "new/", AskView.as_view(), name="send_action_ask"), pk=KIND),
        access.route(
            path(base + "<int:action>/cancel/", CancelView.as_view(), name="send_action_cancel"),
            pk=KIND,
            action=ACTION,
        ),
    ]
