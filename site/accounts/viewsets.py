"""The "Invitations" admin: list with status, create (which emails the invitation), inspect and
cancel. An invitation is never edited or deleted: its email has gone out, and the SEND area
relies on the record of who accepted it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from core import audit

from .forms_invitations import InvitationAdminForm
from .invitations import InvitationRefused, cancel_invitation, create_invitation
from .models import Invitation


class InvitationIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == "open" and self.user_has_permission("change"):
            url = reverse("invitations:cancel", args=[instance.pk])
            buttons.append(Button(_("Cancel invitation"), url=url, icon_name="cross"))
        return buttons


class InvitationCreateView(generic.CreateView):
    success_message = _("The invitation has been emailed to %(object)s.")

    def save_instance(self):
        data = self.form.cleaned_data
        return create_invitation(
            email=data["email"],
            child_name=data["child_name"],
            language=data["language"],
            created_by=self.request.user,
            base_url=self.request.build_absolute_uri("/"),
        )

    def get_success_message(self, instance):
        return self.success_message % {"object": instance.email}

    def get_success_buttons(self):
        return []


class InvitationInspectView(generic.InspectView):
    """An invitation names the child it is about: every staff opening is audited."""

    def get_object(self, queryset=None):
        invitation = super().get_object(queryset)
        audit.record(self.request.user, "invitation.viewed", invitation, request=self.request)
        return invitation


class InvitationCancelView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    model = Invitation
    permission_required = "change"
    template_name = "accounts/admin/invitation_cancel.html"
    page_title = _("Cancel invitation")
    header_icon = "mail"

    def dispatch(self, request, pk):
        self.invitation = get_object_or_404(Invitation, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.invitation)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "invitation": self.invitation}

    def post(self, request, pk):
        try:
            cancel_invitation(self.invitation)
        except InvitationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The invitation has been cancelled."))
        return redirect("invitations:index")


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    menu_name = "invitations"
    add_to_admin_menu = False
    index_view_class = InvitationIndexView
    add_view_class = InvitationCreateView
    inspect_view_class = InvitationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "email",
        "child_name",
        Column("get_status_display", label=_("Status")),
        DateColumn("created_at", label=_("Created")),
        DateColumn("expires_at", label=_("Expires")),
        Column("accepted_by", label=_("Accepted by")),
    ]
    search_fields = ["email", "child_name"]
    search_backend_name = None
    inspect_view_fields = [
        "email",
        "child_name",
        "code",
        "language",
        "status",
        "created_by",
        "created_at",
        "expires_at",
        "accepted_by",
        "accepted_at",
        "cancelled_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel(
                "email",
                help_text=_(
                    "The parent or carer's email address. They accept the invitation when "
                    "signed in with this address."
                ),
            ),
            FieldPanel("child_name", help_text=_("The child the invitation is about.")),
            FieldPanel(
                "language", help_text=_("The invitation email is written in this language.")
            ),
        ],
        base_form_class=InvitationAdminForm,
    )

    def get_queryset(self, request):
        return Invitation.objects.select_related("accepted_by")

    def get_common_view_kwargs(self, **kwargs):
        # No edit, delete, history or usage pages (see the module docstring).
        return super().get_common_view_kwargs(
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        kept = {"index", "index_results", "add", "inspect"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in kept),
            path("cancel/<int:pk>/", InvitationCancelView.as_view(), name="cancel"),
        ]
