from django.utils.translation import get_language

from .config import branding, portal_settings
from .navigation import footer_links


def portal(request):
    """What every page's base template shows, all from the portal cache: no query per page
    (Wagtail's own ``settings`` context processor would load the settings row each time)."""
    language = get_language()
    brand = branding()
    return {
        "council_name": brand.name_for(language),
        "branding": brand,
        "portal_settings": portal_settings(),
        "footer_links": footer_links(language),
        "theme_css_version": brand.brand_colour.lstrip("#"),
    }
