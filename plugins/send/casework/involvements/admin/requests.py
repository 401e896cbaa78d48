"""Information requested in the admin: record what the council asked someone for, and mark
it received (which stops its reminders). Every rule is in ``services``."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from .. import services
from .base import InvolvementPage
from .forms import InformationRequestForm


class RequestView(InvolvementPage, FormView):
    template_name = "send/admin/involvements/form.html"
    form_class = InformationRequestForm
    page_title = _("Record information requested")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "involvement": self.involvement}

    def form_valid(self, form):
        services.request_information(
            self.involvement, self.request.user, request=self.request, **form.cleaned_data
        )
        messages.success(self.request, _("Information requested recorded."))
        return redirect("send_involvement", self.involvement.pk)


class ReceivedView(InvolvementPage, View):
    """Mark the information received today (a POST from the involvement's page)."""

    def post(self, request, *args, **kwargs):
        row = get_object_or_404(self.involvement.information_requests, pk=kwargs["request_pk"])
        try:
            services.received(row, request.user, request=request)
        except services.NotAllowed as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("Information marked as received."))
        return redirect("send_involvement", self.involvement.pk)
