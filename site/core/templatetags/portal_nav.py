from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, get_language_info, override

register = template.Library()


def _page_translations(page):
    """{language code: URL} of a Wagtail page's live translations, in one query."""
    from wagtail.models import Page

    translations = Page.objects.filter(translation_key=page.translation_key, live=True)
    return {
        translation.locale.language_code: translation.url
        for translation in translations.select_related("locale")
    }


def _translated(request, code):
    """The request's address in another language. Django's translate_url resolves the path
    again; the request was resolved already, so only the reverse is left to do."""
    match = request.resolver_match
    if match is None or match.url_name is None:
        return translate_url(request.get_full_path(), code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            path = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), code)
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    return f"{path}?{query}" if query else path


@register.inclusion_tag("core/includes/language_navigation.html", takes_context=True)
def language_navigation(context):
    """GOV.UK language navigation that keeps the user on the same page."""
    request = context["request"]
    page = context.get("page")
    page_urls = _page_translations(page) if hasattr(page, "translation_key") else {}
    current = get_language()
    items = []
    for code, _name in settings.LANGUAGES:
        # The current language is shown as text: it needs no address.
        href = "" if code == current else page_urls.get(code) or _translated(request, code)
        items.append(
            {
                "code": code,
                "text": get_language_info(code)["name_local"],
                "href": href,
                "current": code == current,
            }
        )
    return {"items": items}
