"""The message types staff edit (a snippet): English and Welsh names and their order."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MessageType


class MessageTypeViewSet(SnippetViewSet):
    model = MessageType
    icon = "tag"
    menu_label = _("Message types")
    list_display = ["name", "name_cy", "sort_order"]
    panels = [FieldPanel("name"), FieldPanel("name_cy"), FieldPanel("sort_order")]
    add_to_admin_menu = False
