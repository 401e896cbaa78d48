"""Portal texts: every wording an editor may change, in English and Welsh.

Lookup order for a key in a language: the editor's value in that language, the editor's
English value, the code's default in that language, the code's English default.
"""

import logging

import markdown as markdown_lib
import nh3
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.plugins import plugin_text_areas, plugin_texts

from . import cache

logger = logging.getLogger(__name__)

# Markdown output styled with GOV.UK classes; anything else an editor types is stripped.
_GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "h2": {"class": "govuk-heading-m"},
    "h3": {"class": "govuk-heading-s"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
}
_ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "br"}


def text_defaults():
    """Every declared text default, keyed by key: those of every installed portal app (core,
    accounts and the plugins; see portal.plugins.PortalAppConfig.texts)."""
    return {text.key: text for _config, text in plugin_texts()}


def area_labels():
    """Area key -> label of every text area the installed portal apps declare."""
    return plugin_text_areas()


def _default_language():
    return settings.LANGUAGE_CODE


def build_texts(language):
    """{key: (value, is_markdown, html)} for one language, from the defaults and two queries at
    most. The HTML is rendered here, once per change, rather than on every ``{% text %}``."""
    from .models import TextResource

    defaults = text_defaults()
    english = _default_language()
    result = {key: (getattr(d, language, "") or d.en, d.markdown) for key, d in defaults.items()}
    languages = [english] if language == english else [english, language]
    rows = TextResource.objects.filter(locale__language_code__in=languages).values_list(
        "key", "locale__language_code", "value", "markdown"
    )
    # English rows first so the language's own rows win.
    for key, _language, value, is_markdown in sorted(rows, key=lambda r: r[1] != english):
        if value.strip():
            result[key] = (value, is_markdown)
        elif key not in result:
            result[key] = ("", is_markdown)
    return {key: (value, md, render(value, md)) for key, (value, md) in result.items()}


def render(value, is_markdown):
    if is_markdown:
        html = markdown_lib.markdown(value)
        return mark_safe(  # noqa: S308 - sanitised by nh3 with a fixed allow-list
            nh3.clean(
                html,
                tags=_ALLOWED_TAGS,
                attributes={"a": {"href"}},
                set_tag_attribute_values=_GOVUK_CLASSES,
                link_rel="noopener",
            )
        )
    return escape(value)


def raw_text(key, language=None, **placeholders):
    """The plain value of a text (for email subjects and other non-HTML uses)."""
    texts = cache.get("texts", language or get_language() or _default_language())
    if key not in texts:
        logger.warning("Portal text %r is not declared", key)
        return key
    value = texts[key][0]
    return value.format_map(placeholders) if placeholders else value


def text(key, language=None, **placeholders):
    """A text ready for a template: escaped plain text or sanitised Markdown HTML."""
    texts = cache.get("texts", language or get_language() or _default_language())
    if key not in texts:
        logger.warning("Portal text %r is not declared", key)
        return key
    value, is_markdown, html = texts[key]
    if not placeholders:
        return html
    value = value.format_map({k: str(v) for k, v in placeholders.items()})
    return render(value, is_markdown)


def optional_text(key, language=None):
    """A text's plain value if the key exists (declared or created by an editor), else None."""
    texts = cache.get("texts", language or get_language() or _default_language())
    value = texts.get(key)
    return value[0] if value and value[0] else None


def sync_text_resources():
    """Create a row for every declared text in every language that lacks one.

    Existing rows are never overwritten: they may hold an editor's wording.
    """
    from wagtail.models import Locale

    from .models import TextResource

    defaults = text_defaults()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    english = locales.get(_default_language())
    if english is None:
        return 0
    existing = {
        (key, code): tkey
        for key, code, tkey in TextResource.objects.values_list(
            "key", "locale__language_code", "translation_key"
        )
    }
    created = []
    for key, default in defaults.items():
        tkey = existing.get((key, english.language_code))
        if tkey is None:
            source = TextResource(
                key=key, locale=english, value=default.en, markdown=default.markdown
            )
            source.area = key.split(".", 1)[0]
            created.append(source)
            tkey = source.translation_key
        for code, locale in locales.items():
            if code != english.language_code and (key, code) not in existing:
                row = TextResource(
                    key=key,
                    locale=locale,
                    value=getattr(default, code, "") or "",
                    markdown=default.markdown,
                    translation_key=tkey,
                )
                row.area = key.split(".", 1)[0]
                created.append(row)
    with transaction.atomic():
        TextResource.objects.bulk_create(created)
    if created:
        cache.invalidate("texts")
    return len(created)
