"""Template filters for SEND forms."""

from django import template

from core.texts import render

from ..builder.schema import text

register = template.Library()


@register.filter
def guidance(value):
    """The SEND team's guidance notes (Markdown) as safe GOV.UK-styled HTML."""
    return render(value, True) if value else ""


@register.filter
def bilingual(values):
    """A schema's {"en": …, "cy": …} words in the active language (English fallback)."""
    return text(values)
