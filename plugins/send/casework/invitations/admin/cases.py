"""Invitations to a child's case in the Wagtail admin (behind "send.manage_involvement"):
the list (those awaiting approval first), inviting a person for one or more children, and
one invitation's page where the SEND team activates access, with the reason, or declines.
Every rule is in ``services``; these views ask it."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from core import audit
from portal import access
from records.models import ChildRecord

from ....models import CaseInvitation
from ...involvements.admin.base import AreaPage
from .. import services
from ..access import INVITATION

REASON_HELP = _("Why the council gives access, and how the person's identity was checked.")


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    children = forms.CharField(
        label=_("Children's council ids"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("One or more council ids from the child register, separated by commas."),
    )
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=settings.LANGUAGES, initial="en"
    )

    def clean_children(self):
        ids = [part.strip() for part in self.cleaned_data["children"].replace("\n", ",").split(",")]
        ids = list(dict.fromkeys(part for part in ids if part))
        records = {
            record.council_id: record for record in ChildRecord.objects.filter(council_id__in=ids)
        }
        unknown = [council_id for council_id in ids if council_id not in records]
        if unknown:
            raise forms.ValidationError(
                _("No child on the register has the council id %(ids)s.")
                % {"ids": ", ".join(unknown)}
            )
        if not ids:
            raise forms.ValidationError(_("Enter at least one council id."))
        return [records[council_id] for council_id in ids]


class ActivateForm(forms.Form):
    """The reason, and the involvement of each child that has several open ones."""

    reason = forms.CharField(
        label=_("Reason for activating access"),
        widget=forms.Textarea({"rows": 3}),
        help_text=REASON_HELP,
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        for child in invitation.children.filter(confirmed=True).select_related("child_record"):
            choices = services.open_involvements(child.child_record)
            if choices.count() > 1:
                self.fields[f"involvement_{child.child_record_id}"] = forms.ModelChoiceField(
                    label=_("Involvement for %(child)s") % {"child": child.child_record.full_name},
                    queryset=choices,
                )

    def chosen_involvements(self):
        return {
            int(name.removeprefix("involvement_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("involvement_")
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason for declining"), widget=forms.Textarea({"rows": 3}))


class InvitationsArea(AreaPage):
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_invitations"), "label": _("Invitations to a child's case")},
            {"url": "", "label": self.get_page_title()},
        ]


class InvitationsView(InvitationsArea, TemplateView):
    """Every invitation, those awaiting approval first, then the newest."""

    template_name = "send/admin/invitations/list.html"
    page_title = _("Invitations to a child's case")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        invitations = (
            access.scoped(self.request.user, INVITATION, CaseInvitation.objects.all())
            .annotate(
                awaiting=Case(
                    When(state=CaseInvitation.State.ACCEPTED, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("awaiting", "-created_at", "-pk")
            .prefetch_related("children__child_record")
        )
        state = self.request.GET.get("state")
        if state in CaseInvitation.State.values:
            invitations = invitations.filter(state=state)
        return {
            **super().get_context_data(**kwargs),
            "invitations": invitations[:200],
            "states": CaseInvitation.State.choices,
            "state": state,
        }


class InviteView(InvitationsArea, FormView):
    template_name = "send/admin/invitations/form.html"
    form_class = InviteForm
    page_title = _("Invite a person to a child's case")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "button": _("Send the invitation"),
            "cancel_url": reverse("send_invitations"),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        invitation = services.invite(
            data["email"], data["children"], data["language"], self.request.user, self.request
        )
        messages.success(
            self.request,
            _("The invitation has been emailed to %(email)s.") % {"email": data["email"]},
        )
        return redirect("send_invitation", pk=invitation.pk)


class InvitationPage(InvitationsArea):
    """A page about one invitation: ``pk`` in the URL, found through the access rule."""

    @cached_property
    def invitation(self):
        return access.get_or_404(self.request.user, INVITATION, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.invitation.email

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "invitation": self.invitation,
            "cancel_url": reverse("send_invitation", args=[self.invitation.pk]),
        }


class InvitationView(InvitationPage, TemplateView):
    """The invitation, its children (ticked or not by the person, with their open
    involvements) and what the SEND team may do now."""

    template_name = "send/admin/invitations/detail.html"
    page_title = _("Invitation to a child's case")

    def get(self, request, *args, **kwargs):
        # The page names the children: every staff opening is audited, once per child.
        for child in self.invitation.children.all():
            audit.record(
                request.user,
                "invitation.viewed",
                self.invitation,
                request=request,
                child_record_id=child.child_record_id,
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        invitation = self.invitation
        children = [
            {
                "child": child,
                "problem": child.confirmed and services.involvement_problem(child.child_record),
            }
            for child in invitation.children.select_related("child_record", "involvement")
        ]
        return {
            **super().get_context_data(**kwargs),
            "children": children,
            "may_activate": services.refusal(invitation, services.ACTIVATE) is None,
            "may_decline": services.refusal(invitation, services.DECLINE) is None,
            "expired": services.is_expired(invitation),
        }


class ActivateView(InvitationPage, FormView):
    template_name = "send/admin/invitations/form.html"
    form_class = ActivateForm
    page_title = _("Activate access")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "invitation": self.invitation}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "button": _("Activate access")}

    def form_valid(self, form):
        try:
            services.activate(
                self.invitation,
                self.request.user,
                form.cleaned_data["reason"],
                form.chosen_involvements(),
                request=self.request,
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Access has been activated."))
        return redirect("send_invitation", pk=self.invitation.pk)


class DeclineView(InvitationPage, FormView):
    template_name = "send/admin/invitations/form.html"
    form_class = DeclineForm
    page_title = _("Decline the invitation")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "button": _("Decline")}

    def form_valid(self, form):
        try:
            services.decline(
                self.invitation, self.request.user, form.cleaned_data["reason"], self.request
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("The invitation has been declined."))
        return redirect("send_invitation", pk=self.invitation.pk)
