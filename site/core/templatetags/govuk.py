"""GOV.UK Frontend components in templates: {% govuk "input" params label=... %}.

Keyword arguments override single parameters, so a template can reuse a params mapping
and set, say, the ``for`` of a label or the ``id`` of a hint.
"""

from django import template

from core import components

register = template.Library()


@register.simple_tag
def govuk(name, params=None, **overrides):
    return components.render_component(name, {**(params or {}), **overrides})


@register.filter
def govuk_attributes(attrs):
    """A component's ``attributes`` parameter as HTML attributes."""
    return components.attributes(attrs)


@register.filter
def govuk_content(params, prefix=""):
    """``html`` (or e.g. ``titleHtml`` with prefix "title") as given, else the escaped text."""
    return components.content(params, prefix)
