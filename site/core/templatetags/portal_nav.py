from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


def _translated_url(context, language):
    page = context.get("page")
    request = context["request"]
    if page is not None and hasattr(page, "get_translation_or_none"):
        translation = page.get_translation_or_none(_locale(language))
        if translation is not None and translation.live:
            return translation.url
    url = translate_url(request.get_full_path(), language)
    return url


def _locale(language):
    from wagtail.models import Locale

    return Locale.objects.get_for_language(language)


@register.inclusion_tag("core/includes/language_navigation.html", takes_context=True)
def language_navigation(context):
    """GOV.UK language navigation that keeps the user on the same page."""
    current = get_language()
    items = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        items.append(
            {
                "code": code,
                "text": info["name_local"],
                "href": _translated_url(context, code),
                "current": code == current,
            }
        )
    return {"items": items}
