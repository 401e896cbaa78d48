"""Portal sharing in the admin: find a portal user by name or email address (a search page,
no JavaScript needed) and add them to the involvement; change what is recorded about them;
authenticate them after a confirmation that asks for the reason; take the authentication
away; remove them. Every rule is in ``portal_sharing``; these views ask it."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from accounts.search import matching_people

from .. import portal_sharing
from ..portal_sharing import NotAllowed
from .base import InvolvementPage
from .forms import AuthenticateForm, SearchForm, SharingForm

RESULTS = 20


def portal_users():
    return get_user_model().objects.filter(is_active=True, is_staff=False).exclude(kind="staff")


class AddView(InvolvementPage, FormView):
    """Search for the portal user, then record them with their role and ticks."""

    template_name = "send/admin/involvements/sharing_add.html"
    form_class = SharingForm
    page_title = _("Add a portal user")

    @cached_property
    def portal_user(self):
        pk = self.request.GET.get("user") or self.request.POST.get("user")
        if not pk or not pk.isdigit():
            return None
        return get_object_or_404(portal_users(), pk=pk)

    def get_context_data(self, **kwargs):
        search = SearchForm(self.request.GET)
        query = search.data.get("q", "").strip()
        found = None
        if query:
            found = matching_people(portal_users(), query).order_by("last_name", "first_name")
            found = found[:RESULTS]
        return {
            **super().get_context_data(**kwargs),
            "portal_user": self.portal_user,
            "hidden": {"user": self.portal_user.pk} if self.portal_user else {},
            "search": search,
            "found": found,
        }

    def post(self, request, *args, **kwargs):
        if self.portal_user is None:
            return redirect("send_involvement_sharing_add", self.involvement.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            portal_sharing.add(
                self.involvement,
                self.portal_user,
                self.request.user,
                request=self.request,
                **form.cleaned_data,
            )
        except NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Portal user added."))
        return redirect("send_involvement", self.involvement.pk)


class SharingPage(InvolvementPage):
    """A page about one portal sharing row of the involvement (``share`` in the URL)."""

    @cached_property
    def sharing(self):
        return get_object_or_404(
            self.involvement.sharing.select_related("user").exclude(state="removed"),
            pk=self.kwargs["share"],
        )

    def get_page_subtitle(self):
        return str(self.sharing.user)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sharing": self.sharing}


class EditView(SharingPage, FormView):
    template_name = "send/admin/involvements/form.html"
    form_class = SharingForm
    page_title = _("Change portal user")

    def get_initial(self):
        sharing = self.sharing
        return {
            "role": sharing.role,
            "young_person": sharing.young_person,
            "parental_responsibility": sharing.parental_responsibility,
        }

    def form_valid(self, form):
        portal_sharing.update_details(
            self.sharing, self.request.user, request=self.request, **form.cleaned_data
        )
        messages.success(self.request, _("Portal user changed."))
        return redirect("send_involvement", self.involvement.pk)


class AuthenticateView(SharingPage, FormView):
    """ "Are you sure you want to authenticate NAME?", with the reason required."""

    template_name = "send/admin/involvements/authenticate.html"
    form_class = AuthenticateForm
    page_title = _("Authenticate")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "refusal": portal_sharing.refusal(self.sharing, portal_sharing.AUTHENTICATE),
        }

    def form_valid(self, form):
        try:
            portal_sharing.authenticate(
                self.sharing, self.request.user, form.cleaned_data["reason"], self.request
            )
        except NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is authenticated and has been told.") % {"name": self.sharing.user},
        )
        return redirect("send_involvement", self.involvement.pk)


class LeaveView(SharingPage, TemplateView):
    """Confirm, then take the authentication away (``action`` "unauthenticate") or remove the
    person from the involvement ("remove")."""

    template_name = "send/admin/involvements/leave.html"
    action = portal_sharing.UNAUTHENTICATE
    TITLES = {
        portal_sharing.UNAUTHENTICATE: _("Remove authentication"),
        portal_sharing.REMOVE: _("Remove portal user"),
    }
    QUESTIONS = {
        portal_sharing.UNAUTHENTICATE: _(
            "Are you sure you want to remove the authentication of %(name)s? They will no "
            "longer be able to see SEND information about this child."
        ),
        portal_sharing.REMOVE: _(
            "Are you sure you want to remove %(name)s from this involvement? They will no "
            "longer be able to see SEND information about this child."
        ),
    }
    SERVICES = {
        portal_sharing.UNAUTHENTICATE: portal_sharing.unauthenticate,
        portal_sharing.REMOVE: portal_sharing.remove,
    }

    def get_page_title(self):
        return self.TITLES[self.action]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question": self.QUESTIONS[self.action] % {"name": self.sharing.user},
            "refusal": portal_sharing.refusal(self.sharing, self.action),
        }

    def post(self, request, *args, **kwargs):
        try:
            self.SERVICES[self.action](self.sharing, request.user, request)
        except NotAllowed as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("Done: they can no longer see this child's information."))
        return redirect("send_involvement", self.involvement.pk)
