"""The team inbox in the Wagtail admin: threads with unread counts, filtered by message type,
child and unread; opening one (audited) and replying. Every rule is in ``team``; access is
the "messaging.thread" rule (staff holding "messaging.manage_thread")."""

import django_filters
from django import forms
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin

from portal import access
from records.links import RecordLink

from . import services, team
from .access import ATTACHMENT
from .forms import AdminReplyForm, AssignForm
from .models import ContactProblem, MessageType, Thread


class TeamInboxFilterSet(WagtailFilterSet):
    message_type = django_filters.ModelChoiceFilter(
        queryset=MessageType.objects.all(), label=_("Message type")
    )
    about_id = django_filters.NumberFilter(label=_("Child (record id)"))
    child_record = django_filters.NumberFilter(
        label=_("Child record"), method="filter_child_record", widget=forms.HiddenInput
    )
    assigned_to = django_filters.ModelChoiceFilter(
        queryset=lambda request: team.members(), label=_("Caseworker")
    )
    last_from = django_filters.DateFilter(
        field_name="last_at", lookup_expr="date__gte", label=_("Last message on or after")
    )
    last_to = django_filters.DateFilter(
        field_name="last_at", lookup_expr="date__lte", label=_("Last message on or before")
    )
    unread = django_filters.BooleanFilter(label=_("Unread"), method="filter_unread")

    class Meta:
        model = Thread
        fields = ["message_type", "about_id", "assigned_to"]

    def filter_unread(self, queryset, name, value):
        return queryset.filter(unread__gt=0) if value else queryset.filter(unread=0)

    def filter_child_record(self, queryset, name, value):
        return queryset.filter(pk__in=team.threads_about_child_record(value).values("pk"))


class AboutColumn(Column):
    def get_value(self, instance):
        return services.about_title(instance)


class TeamInboxView(access.AccessRequiredMixin, IndexView):
    access_kind = services.KIND
    model = Thread
    permission_policy = None  # the access rule of "messaging.thread" decides
    page_title = _("Team inbox")
    header_icon = "mail"
    index_url_name = "messaging_team_inbox"
    index_results_url_name = "messaging_team_inbox_results"
    filterset_class = TeamInboxFilterSet
    paginate_by = 25
    default_ordering = None

    @cached_property
    def columns(self):
        return [
            TitleColumn("subject", label=_("Subject"), get_url=self.get_edit_url),
            AboutColumn("about", label=_("About")),
            Column("message_type", label=_("Message type")),
            Column("assigned_to", label=_("Assigned to")),
            Column("unread", label=_("Unread")),
            Column("last_at", label=_("Last message")),
        ]

    def get_base_queryset(self):
        return access.scoped(
            self.request.user, services.KIND, team.team_threads().select_related("assigned_to")
        )

    def order_queryset(self, queryset):
        return queryset

    def get_edit_url(self, instance):
        return reverse("messaging_team_thread", args=[instance.pk])


class TeamThreadView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """One thread beside the reply form; opening it is audited."""

    access_kind = services.KIND
    template_name = "messaging/admin/thread.html"
    form_class = AdminReplyForm
    header_icon = "mail"

    @cached_property
    def thread(self):
        return access.get_or_404(self.request.user, services.KIND, pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.thread.subject

    def get(self, request, *args, **kwargs):
        team.open_thread(request.user, self.thread, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            thread=self.thread,
            about=services.about_title(self.thread),
            messages_in_thread=self.thread.messages.select_related("sender").prefetch_related(
                "attachments", "recipients__user", "recipients__deliveries"
            ),
            back_url=reverse("messaging_team_inbox"),
            assign_form=AssignForm(initial={"caseworker": self.thread.assigned_to}),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "use_template" in request.POST:
            return self._from_template()
        return super().post(request, *args, **kwargs)

    def _from_template(self):
        """ "Use template": the reply box is filled from the chosen template for the thread's
        portal user, for the member of staff to change before sending."""
        form = self.get_form()
        form.is_valid()
        chosen = form.cleaned_data.get("template")
        if chosen is not None:
            body = team.reply_from_template(self.thread, chosen)
            form = self.get_form_class()(initial={"template": chosen.pk, "body": body})
        return self.render_to_response(self.get_context_data(form=form))

    def form_valid(self, form):
        data = form.cleaned_data
        team.answer(self.request.user, self.thread, data["body"], attachments=data["attachments"])
        messages.success(self.request, _("Your reply has been sent."))
        return redirect("messaging_team_thread", pk=self.thread.pk)


class TeamAttachmentView(access.AccessRequiredMixin, View):
    """A message's file, downloaded by staff; audited against the child."""

    access_kind = ATTACHMENT

    def get(self, request, pk):
        stored = access.get_or_404(request.user, ATTACHMENT, pk=pk)
        team.download(request.user, stored, request=request)
        return FileResponse(
            stored.file.open("rb"),
            as_attachment=True,
            filename=stored.original_name,
            content_type=stored.content_type,
        )


class TeamAssignView(access.AccessRequiredMixin, FormView):
    """Give a thread to a caseworker (or back to the whole team)."""

    access_kind = services.KIND
    form_class = AssignForm
    http_method_names = ["post"]

    def form_valid(self, form):
        thread = access.get_or_404(self.request.user, services.KIND, pk=self.kwargs["pk"])
        team.assign(
            self.request.user, thread, form.cleaned_data["caseworker"], request=self.request
        )
        messages.success(self.request, _("The thread's caseworker has been changed."))
        return redirect("messaging_team_thread", pk=thread.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("Choose a member of the SEND team."))
        return redirect("messaging_team_thread", pk=self.kwargs["pk"])


def child_record_link(request, record):
    """The child's messages with the SEND team, linked from the child record's page for staff
    who answer the team inbox (``records.links``)."""
    if not access.may(request.user, "view", services.KIND):
        return None
    threads = team.threads_about_child_record(record.pk)
    unread = sum(thread.unread for thread in threads)
    label = gettext("Messages (%(count)s unread)") % {"count": unread}
    return RecordLink(
        label if threads else _("Messages"),
        f"{reverse('messaging_team_inbox')}?child_record={record.pk}",
        icon_name="mail",
    )


class ContactProblemsView(access.AccessRequiredMixin, IndexView):
    """Portal users whose email address or mobile number GOV.UK Notify could never deliver
    to: the team checks their contact details. A later delivered notice clears the flag."""

    access_kind = services.KIND
    model = ContactProblem
    permission_policy = None  # the access rule of "messaging.thread" decides
    page_title = _("Contact details problems")
    header_icon = "warning"
    index_url_name = "messaging_contact_problems"
    index_results_url_name = "messaging_contact_problems_results"
    paginate_by = 50
    default_ordering = "-flagged_at"

    @cached_property
    def columns(self):
        return [
            Column("user", label=_("User")),
            Column("channel", label=_("Channel"), accessor="get_channel_display"),
            Column("address", label=_("Email address or mobile number")),
            Column("flagged_at", label=_("Flagged")),
        ]

    def get_base_queryset(self):
        return ContactProblem.objects.select_related("user")
