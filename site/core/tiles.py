"""Which home tiles a user sees, in the active language."""

from dataclasses import dataclass, replace

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from wagtail.models import Page

from portal.plugins import BOTH, CITIZEN, PROFESSIONAL, plugin_tiles

from . import cache
from .config import tile_enabled


@dataclass(frozen=True)
class ShownTile:
    title: str
    description: str
    icon: str
    url: str
    external: bool
    audience: str
    plugin_tile: str
    requires_two_factor: bool
    status: str = ""


def _url_for(tile, spec, pages):
    if spec:
        try:
            return reverse(spec.url_name)
        except NoReverseMatch:
            return None
    if tile.page_id:
        page = pages.get(tile.page.translation_key, tile.page) if tile.page else None
        return page.url if page and page.live else None
    return tile.external_url or None


def build_tiles(language):
    """Enabled tiles in editor order. The English tile decides everything but the words."""
    from django.utils import translation

    from core.texts import raw_text

    from .models import Tile

    sources = list(
        Tile.objects.filter(locale__language_code=settings.LANGUAGE_CODE, enabled=True)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    words = {
        t.translation_key: t
        for t in Tile.objects.filter(
            locale__language_code=language, translation_key__in=[s.translation_key for s in sources]
        )
    }
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale__language_code=language,
            translation_key__in=[s.page.translation_key for s in sources if s.page],
        )
    }
    specs = plugin_tiles()
    shown = []
    with translation.override(language):
        for tile in sources:
            spec = specs.get(tile.plugin_tile) if tile.plugin_tile else None
            if tile.plugin_tile and spec is None:
                continue  # its plugin has been uninstalled
            url = _url_for(tile, spec, pages)
            if not url:
                continue
            local = words.get(tile.translation_key, tile)
            title = (
                local.title or tile.title or (raw_text(spec.title_key, language) if spec else "")
            )
            description = local.description or tile.description
            if not description and spec:
                description = raw_text(spec.description_key, language)
            shown.append(
                ShownTile(
                    title=title,
                    description=description,
                    icon=tile.icon,
                    url=url,
                    external=bool(tile.external_url),
                    audience=spec.audience if spec and tile.audience == BOTH else tile.audience,
                    plugin_tile=tile.plugin_tile,
                    requires_two_factor=bool(spec and spec.requires_two_factor),
                )
            )
    return shown


def _audiences_for(user):
    kind = getattr(user, "kind", None) if user.is_authenticated else None
    if kind == CITIZEN:
        return {CITIZEN, BOTH}
    if kind == PROFESSIONAL:
        return {PROFESSIONAL, BOTH}
    return {CITIZEN, PROFESSIONAL, BOTH}  # signed out and staff see every service


def _with_status(tile, user, specs):
    """The tile with its plugin's line about ``user`` (cached tiles are shared by everyone)."""
    spec = specs.get(tile.plugin_tile) if tile.plugin_tile else None
    if spec is None or spec.status is None or not user.is_authenticated:
        return tile
    return replace(tile, status=import_string(spec.status)(user))


def visible_tiles(user, language=None):
    audiences = _audiences_for(user)
    specs = plugin_tiles()
    return [
        _with_status(tile, user, specs)
        for tile in cache.get("tiles", language or get_language())
        if tile.audience in audiences and (not tile.plugin_tile or tile_enabled(tile.plugin_tile))
    ]
