from django.utils.translation import get_language

from .config import branding
from .navigation import footer_links


def portal(request):
    language = get_language()
    brand = branding()
    return {
        "council_name": brand.name_for(language),
        "branding": brand,
        "footer_links": footer_links(language),
        "theme_css_version": brand.brand_colour.lstrip("#"),
    }
