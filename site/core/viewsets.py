import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.ordering import ReorderView
from wagtail.snippets.views.snippets import SnippetViewSet

from . import cache
from .admin_forms import TextResourceForm, TileForm
from .models import Announcement, TextResource, Tile
from .texts import area_labels


class TileReorderView(ReorderView):
    def get_queryset(self):
        return super().get_queryset().filter(locale__language_code=settings.LANGUAGE_CODE)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        cache.invalidate("tiles")  # reordering updates rows in bulk, without save signals
        return response


class TileViewSet(SnippetViewSet):
    model = Tile
    icon = "grip"
    menu_label = _("Home tiles")
    menu_name = "home-tiles"
    list_display = ["__str__", "plugin_tile", "audience", BooleanColumn("enabled")]
    list_filter = ["enabled", "audience"]
    search_fields = ["title", "description"]
    sort_order_field = "sort_order"
    search_backend_name = None
    edit_handler = ObjectList(Tile.panels, base_form_class=TileForm)

    reorder_view_class = TileReorderView

    def get_queryset(self, request):
        # One language at a time: English by default (its tiles decide order and visibility),
        # Welsh through the list's locale filter; each tile's page links to its translations.
        language = request.GET.get("locale") or settings.LANGUAGE_CODE
        return Tile.objects.filter(locale__language_code=language).select_related("locale")


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "warning"
    menu_label = _("Announcements")
    menu_name = "announcements"
    list_display = ["title", "starts_at", "ends_at"]
    search_fields = ["title", "body"]
    search_backend_name = None


def _area_choices():
    return sorted(area_labels().items(), key=lambda item: item[1])


class TextResourceFilterSet(WagtailFilterSet):
    area = django_filters.ChoiceFilter(label=_("Area"), choices=_area_choices)

    class Meta:
        model = TextResource
        fields = ["area", "markdown"]


class TextResourceViewSet(SnippetViewSet):
    model = TextResource
    icon = "doc-full"
    menu_label = _("Texts")
    menu_name = "texts"
    list_display = [
        "key",
        Column("value", label=_("Text")),
        Column("language", label=_("Language")),
        Column("area_label", label=_("Area")),
        BooleanColumn("markdown"),
    ]
    filterset_class = TextResourceFilterSet
    edit_handler = ObjectList(TextResource.panels, base_form_class=TextResourceForm)

    def get_queryset(self, request):
        return TextResource.objects.select_related("locale")

    search_fields = ["key", "value"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["key"]
