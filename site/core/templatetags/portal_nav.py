from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


def _page_translations(page):
    """{language code: URL} of a Wagtail page's live translations, in one query."""
    from wagtail.models import Page

    translations = Page.objects.filter(translation_key=page.translation_key, live=True)
    return {
        translation.locale.language_code: translation.url
        for translation in translations.select_related("locale")
    }


@register.inclusion_tag("core/includes/language_navigation.html", takes_context=True)
def language_navigation(context):
    """GOV.UK language navigation that keeps the user on the same page."""
    request = context["request"]
    page = context.get("page")
    page_urls = _page_translations(page) if hasattr(page, "translation_key") else {}
    current = get_language()
    items = []
    for code, _name in settings.LANGUAGES:
        href = page_urls.get(code) or translate_url(request.get_full_path(), code)
        items.append(
            {
                "code": code,
                "text": get_language_info(code)["name_local"],
                "href": href,
                "current": code == current,
            }
        )
    return {"items": items}
