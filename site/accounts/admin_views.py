"""The "Portal users" and "Professional accounts awaiting verification" admin pages, and the
confirmation page of each action staff take on an account. The rules are in accounts.staff
and accounts.credentials; these views check permissions and ask before acting."""

from collections.abc import Callable
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from portal import access

from . import credentials, staff
from .models import KINDS, PENDING, REJECTED, VERIFICATION_STATES, VERIFIED
from .search import matching_people

User = get_user_model()
ACCOUNT = "accounts.account"


class PortalUserFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=KINDS)
    verification_state = django_filters.ChoiceFilter(
        label=_("Verification"), choices=VERIFICATION_STATES
    )
    two_factor_on = django_filters.BooleanFilter(label=_("Two-step verification on"))
    locked = django_filters.BooleanFilter(label=_("Locked out"))

    class Meta:
        model = User
        fields = []


class PortalUsersView(access.AccessRequiredMixin, IndexView):
    access_kind = ACCOUNT
    access_action = "manage"
    model = User
    permission_policy = None  # the access rule of "accounts.account" decides
    page_title = _("Portal users")
    header_icon = "group"
    index_url_name = "portal_users"
    index_results_url_name = "portal_users_results"
    filterset_class = PortalUserFilterSet
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None
    default_ordering = "email"
    per_page = 50

    @cached_property
    def columns(self):
        return [
            self._get_title_column("__str__"),
            Column("email", label=_("Email address"), sort_key="email"),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            Column("get_verification_state_display", label=_("Verification")),
            BooleanColumn("two_factor_on", label=_("Two-step verification")),
            BooleanColumn("locked", label=_("Locked out")),
            BooleanColumn("is_active", label=_("Active")),
            DateColumn("date_joined", label=_("Registered"), sort_key="date_joined"),
        ]

    def get_base_queryset(self):
        # Both facts are annotated subqueries, so the page costs the same whatever its size.
        return staff.with_account_facts(User.objects.all())

    def search_queryset(self, queryset):
        return matching_people(queryset, self.search_query)

    def get_edit_url(self, instance):
        return reverse("portal_user", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return []


class AwaitingVerificationView(PortalUsersView):
    access_action = "verify"
    page_title = _("Professional accounts awaiting verification")
    header_icon = "tick-inverse"
    index_url_name = "portal_professionals_pending"
    index_results_url_name = "portal_professionals_pending_results"
    filterset_class = None
    default_ordering = "date_joined"

    @cached_property
    def columns(self):
        return [
            self._get_title_column("__str__"),
            Column("email", label=_("Email address")),
            Column("professional_role", label=_("Role")),
            Column("organisation", label=_("Organisation")),
            DateColumn("date_joined", label=_("Registered"), sort_key="date_joined"),
        ]

    def get_base_queryset(self):
        return staff.awaiting_verification(User.objects.all())

    def get_edit_url(self, instance):
        return reverse("portal_user_action", args=[instance.pk, "verify"])

    def get_list_buttons(self, instance):
        return [
            Button(_("Verify"), url=reverse("portal_user_action", args=[instance.pk, "verify"])),
            Button(_("Reject"), url=reverse("portal_user_action", args=[instance.pk, "reject"])),
        ]


def _administered_user(request, pk, action):
    """The account, or None when the user may not do ``action`` to it (a staff account for
    anyone but a superuser)."""
    queryset = staff.with_account_facts(User.objects.all())
    user = access.get_or_404(request.user, ACCOUNT, queryset, pk=pk)
    if not access.may(request.user, action, user, kind=ACCOUNT):
        return None
    return user


class PortalUserView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One account: what staff may see (never the password hash or the secret answer)."""

    access_kind = ACCOUNT
    access_action = "manage"
    template_name = "accounts/admin/user.html"
    header_icon = "user"

    def get(self, request, *args, **kwargs):
        # Looked up here, after the mixin's permission check: no one learns which ids exist.
        self.account = _administered_user(request, kwargs["pk"], "manage")
        if self.account is None:
            return permission_denied(request)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.account)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("portal_users"), "label": _("Portal users")},
            {"url": "", "label": str(self.account)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        context["actions"] = [
            (action, reverse("portal_user_action", args=[self.account.pk, slug]))
            for slug, action in ACTIONS.items()
            if access.may(self.request.user, action.access_action, self.account, kind=ACCOUNT)
            and action.available(self.account, self.request.user)
        ]
        return context


class NewEmailForm(forms.Form):
    new_email = forms.EmailField(label=_("New email address"))

    def __init__(self, *args, account, **kwargs):
        self.account = account
        super().__init__(*args, **kwargs)

    def clean_new_email(self):
        email = self.cleaned_data["new_email"].strip().lower()
        if email == self.account.email.lower():
            raise ValidationError(_("This is already the account's email address."))
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("Another account already uses this email address."))
        return email


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the account. When you reject, the professional is told the reason."),
    )

    def __init__(self, *args, account, **kwargs):
        super().__init__(*args, **kwargs)


class ReasonForm(NoteForm):
    note = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The professional is emailed this reason."),
    )


class ConfirmForm(forms.Form):
    def __init__(self, *args, account, **kwargs):
        super().__init__(*args, **kwargs)


@dataclass(frozen=True)
class Action:
    """One thing staff can do to an account, with its confirmation page's words."""

    title: str
    question: str  # %(user)s is the account
    button: str
    done: str
    perform: Callable  # (request, account, cleaned_data)
    access_action: str = "manage"  # of the "accounts.account" rule
    form_class: type = ConfirmForm
    available: Callable = field(default=lambda account, by: True)
    back_to_pending: bool = False


ACTIONS = {
    "reset-password": Action(
        title=_("Reset password"),
        question=_(
            "Email %(user)s a link to choose a new password? Their current password works "
            "until they use the link."
        ),
        button=_("Yes, send the link"),
        done=_("%(user)s has been emailed a link to choose a new password."),
        perform=lambda request, account, data: credentials.staff_reset_password(account),
    ),
    "change-email": Action(
        title=_("Change email address"),
        question=_(
            "Change the email address of %(user)s? Both addresses are emailed, and they are "
            "signed out everywhere."
        ),
        button=_("Change email address"),
        done=_("The email address of %(user)s has been changed."),
        perform=lambda request, account, data: credentials.staff_change_email(
            account, data["new_email"], by=request.user
        ),
        form_class=NewEmailForm,
    ),
    "unlock": Action(
        title=_("Unlock"),
        question=_("Let %(user)s try to sign in again straight away?"),
        button=_("Yes, unlock"),
        done=_("%(user)s can sign in again."),
        perform=lambda request, account, data: staff.unlock(account),
    ),
    "verify": Action(
        title=_("Verify professional account"),
        question=_(
            "Verify %(user)s? They will see the SEND information the council shares with them."
        ),
        button=_("Verify"),
        done=_("%(user)s has been verified and emailed."),
        perform=lambda request, account, data: staff.verify_professional(
            account, request.user, data["note"]
        ),
        access_action="verify",
        form_class=NoteForm,
        available=lambda account, by: (
            account.is_professional and account.verification_state in (PENDING, REJECTED)
        ),
        back_to_pending=True,
    ),
    "reject": Action(
        title=_("Reject professional account"),
        question=_("Reject %(user)s? They will not see SEND information."),
        button=_("Reject"),
        done=_("%(user)s has been rejected and emailed the reason."),
        perform=lambda request, account, data: staff.reject_professional(
            account, request.user, data["note"]
        ),
        access_action="verify",
        form_class=ReasonForm,
        available=lambda account, by: (
            account.is_professional and account.verification_state in (PENDING, VERIFIED)
        ),
        back_to_pending=True,
    ),
    "deactivate": Action(
        title=_("Deactivate account"),
        question=_("Deactivate %(user)s? They will no longer be able to sign in."),
        button=_("Yes, deactivate"),
        done=_("%(user)s has been deactivated."),
        perform=lambda request, account, data: staff.deactivate(account, request.user),
        available=lambda account, by: account.is_active,
    ),
}


class UserActionView(WagtailAdminTemplateMixin, FormView):
    """Asks to confirm one action (GET), then takes it (POST)."""

    template_name = "accounts/admin/action.html"
    header_icon = "user"

    def dispatch(self, request, pk, action):
        self.action = ACTIONS.get(action)
        if self.action is None or not access.may(request.user, self.action.access_action, ACCOUNT):
            return permission_denied(request)
        self.account = _administered_user(request, pk, self.action.access_action)
        if self.account is None:
            return permission_denied(request)
        if not self.action.available(self.account, request.user):
            messages.error(request, _("This action does not apply to this account."))
            return redirect(self.get_success_url())
        return super().dispatch(request, pk, action)

    def get_page_title(self):
        return self.action.title

    def get_page_subtitle(self):
        return str(self.account)

    def get_form_class(self):
        return self.action.form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "account": self.account}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            account=self.account,
            action=self.action,
            question=self.action.question % {"user": self.account},
            cancel_url=self.get_success_url(),
        )
        return context

    def get_success_url(self):
        if self.action.back_to_pending:
            return reverse("portal_professionals_pending")
        return reverse("portal_user", args=[self.account.pk])

    def form_valid(self, form):
        try:
            self.action.perform(self.request, self.account, form.cleaned_data)
        except (staff.StaffActionRefused, ValidationError) as refusal:
            form.add_error(None, refusal.messages if hasattr(refusal, "messages") else str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, self.action.done % {"user": self.account})
        return redirect(self.get_success_url())
