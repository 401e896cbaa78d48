"""{% text "area.key" %}: a portal text in the active language (see core.texts).

Loaded as a template builtin, so every template can use it without {% load %}.
"""

from django import template

from core import texts

register = template.Library()


@register.simple_tag
def text(key, **placeholders):
    return texts.text(key, **placeholders)


@register.simple_tag
def plain_text(key, **placeholders):
    """The text's plain value, for attributes such as a page title."""
    return texts.raw_text(key, **placeholders)
