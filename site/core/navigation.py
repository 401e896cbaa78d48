"""Footer links: live information pages that editors mark "show in footer"."""

from wagtail.models import Page, Site

from . import cache


def build_footer(language):
    from .models import StandardPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    root = (
        Page.objects.filter(
            translation_key=site.root_page.translation_key, locale__language_code=language
        ).first()
        or site.root_page
    )
    pages = (
        StandardPage.objects.live()
        .public()
        .descendant_of(root)
        .filter(show_in_footer=True)
        .order_by("path")
    )
    return [{"title": page.title, "url": page.url} for page in pages]


def footer_links(language):
    return cache.get("footer", language)
