"""Message templates in the admin (behind "messaging.manage_message_template"): the list,
create, edit and delete views, the live preview of the Markdown, and the refusal to delete a
template an alert uses."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from portal import access

from ..access import MESSAGE_TEMPLATES
from ..alerts.services import template_in_use
from . import placeholders
from .models import MessageTemplate
from .widgets import MarkdownWithPreview, SubjectWithPlaceholders


class DeleteTemplateView(generic.DeleteView):
    """A template an alert sends cannot be deleted: staff are told which rule stops them."""

    def _refused(self):
        """Asked after Wagtail's permission check, before anything is shown or deleted."""
        if not template_in_use(self.object):
            return None
        messages.error(
            self.request,
            _(
                "This template is used by an alert, so it cannot be deleted. "
                "Choose another template for the alert first."
            ),
        )
        return redirect(self.edit_url_name, self.object.pk)

    def get(self, request, *args, **kwargs):
        return self._refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refused() or super().post(request, *args, **kwargs)


@method_decorator(require_POST, name="dispatch")
class PreviewView(access.AccessRequiredMixin, View):
    """The live preview: the Markdown rendered as a recipient sees it (sanitised HTML)."""

    access_kind = MESSAGE_TEMPLATES

    def post(self, request):
        return HttpResponse(placeholders.preview_html(request.POST.get("text", "")))


class MessageTemplateViewSet(ModelViewSet):
    model = MessageTemplate
    icon = "doc-full"
    menu_label = _("Message templates")
    url_prefix = "messages/templates"
    name = "message_templates"
    add_to_admin_menu = False
    list_display = ["name", "subject", "updated_at"]
    search_fields = ["name", "subject"]
    delete_view_class = DeleteTemplateView
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("subject", widget=SubjectWithPlaceholders),
                FieldPanel("body", widget=MarkdownWithPreview),
            ],
            heading=_("English"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subject_cy", widget=SubjectWithPlaceholders),
                FieldPanel("body_cy", widget=MarkdownWithPreview),
            ],
            heading=_("Welsh"),
        ),
    ]
