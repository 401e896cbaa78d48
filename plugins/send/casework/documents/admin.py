"""The staff screens of documents to view, on an involvement ("send.manage_involvement"):
publish a document, see who it went to and who has opened it, download it and withdraw it.
Every rule is in ``services``; these views ask it. The involvement's page lists the
documents through the ``{% involvement_documents %}`` tag (``templatetags.send_documents``).
"""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from core import audit
from portal import access

from ..involvements.admin.base import KIND, InvolvementPage
from . import services
from .access import DOCUMENT
from .forms import PublishForm, WithdrawForm


class DocumentPage(InvolvementPage):
    """A page about one document of the involvement: ``document`` in the URL."""

    @cached_property
    def document(self):
        queryset = self.involvement.documents.select_related("published_by", "withdrawn_by")
        return access.get_or_404(self.request.user, DOCUMENT, queryset, pk=self.kwargs["document"])


class PublishView(InvolvementPage, FormView):
    template_name = "send/admin/documents/publish.html"
    form_class = PublishForm
    page_title = _("Publish a document")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "involvement": self.involvement}

    def form_valid(self, form):
        try:
            services.publish(
                self.involvement,
                self.request.user,
                form.cleaned_data["file"],
                form.checked,
                description=form.cleaned_data["description"],
                document_date=form.cleaned_data["document_date"],
                chosen=form.chosen,
                request=self.request,
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Document published."))
        return redirect("send_involvement", self.involvement.pk)


class DocumentView(DocumentPage, FormView):
    """Who the document went to and when each first opened it; withdrawing it."""

    template_name = "send/admin/documents/detail.html"
    form_class = WithdrawForm
    page_title = _("Document")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "document": self.document,
            "recipients": self.document.recipients.select_related("user"),
        }

    def form_valid(self, form):
        try:
            services.withdraw(
                self.document, self.request.user, form.cleaned_data["reason"], self.request
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Document withdrawn."))
        return redirect("send_involvement", self.involvement.pk)


class DownloadView(DocumentPage, View):
    def get(self, request, *args, **kwargs):
        document = self.document
        audit.record(
            request.user, "file.downloaded", document, document.original_name, request=request
        )
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    base = "send/involvements/<int:pk>/documents/"
    one = {"pk": KIND, "document": DOCUMENT}
    return [
        access.route(
            path(base + "new/", PublishView.as_view(), name="send_document_publish"), pk=KIND
        ),
        access.route(
            path(base + "<int:document>/", DocumentView.as_view(), name="send_document"), **one
        ),
        access.route(
            path(
                base + "<int:document>/download/",
                DownloadView.as_view(),
                name="send_document_download",
            ),
            **one,
        ),
    ]
