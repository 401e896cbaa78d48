"""The placeholders a message template may use, and filling them in for one recipient.

A placeholder is written ``{forename}``. The recipient's own are filled from their account;
the case placeholders from the record the alert is about (the owning plugin supplies them,
``plugins.messaging.alerts.registry``) and are empty when there is none. Values are data: they
are escaped before the Markdown is rendered (``core.email_format``, as for every email)."""

import string
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from core import email_format

#: name -> label, in the order the admin's "Insert placeholder" buttons show them.
RECIPIENT = {
    "title": _("Title"),
    "forename": _("Forename"),
    "surname": _("Surname"),
    "business_phone": _("Business phone"),
    "mobile_phone": _("Mobile phone"),
    "home_phone": _("Home phone"),
}
CASE = {
    "child": _("Child's name"),
    "form": _("Form name"),
    "reference": _("Reference"),
    "due_date": _("Due date"),
    "caseworker": _("Caseworker"),
}
PLACEHOLDERS = {**RECIPIENT, **CASE}


def names_in(text):
    """The placeholder names ``text`` uses; ValidationError when its braces are malformed
    or a placeholder is more than a plain name (``{a.b}``, ``{a!r}``, ``{a:>9}``)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValidationError(
            _("A brace is not closed. Write placeholders as {forename}."), code="braces"
        ) from None
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValidationError(
                _("“{%(name)s}” is not a placeholder. Write placeholders as {forename}."),
                code="placeholder",
                params={"name": name},
            )
        names.append(name)
    return names


def validate(text):
    """Refuse a text using a placeholder the portal does not know."""
    unknown = sorted(set(names_in(text)) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(unknown)s. Use one of: %(known)s."),
            code="unknown_placeholder",
            params={
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            },
        )


def recipient_values(user):
    """The recipient's own placeholders (call inside their language: the title is words)."""
    return {
        "title": user.get_title_display(),
        "forename": user.first_name,
        "surname": user.last_name,
        "business_phone": user.work_phone,
        "mobile_phone": user.mobile_phone,
        "home_phone": user.home_phone,
    }


def _shown(value):
    """A value as the recipient reads it (inside their language): a date in words, a
    mapping of language code -> words (a form's English and Welsh titles) in theirs."""
    if isinstance(value, dict):
        value = value.get(translation.get_language()) or value.get("en", "")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    return "" if value is None else str(value)


def values_for(user, case_values):
    """Every placeholder's value for ``user`` in their language: unknown names are dropped,
    missing ones are empty."""
    with translation.override(user.preferred_language):
        values = {name: "" for name in PLACEHOLDERS}
        values.update(recipient_values(user))
        values.update({k: v for k, v in case_values.items() if k in CASE})
        return {name: _shown(value) for name, value in values.items()}


def render(template, user, case_values, extra_markdown=""):
    """(subject, plain-text body) of ``template`` for ``user``, in their language.

    The subject is plain text; the body's Markdown is rendered with every value escaped, then
    turned into the plain text portal messages hold. ``extra_markdown`` (already escaped, e.g.
    a scheduled alert's rows) is added at the end."""
    language = user.preferred_language
    values = values_for(user, case_values)
    subject = template.subject_in(language).format_map(values)
    body = email_format.fill(template.body_in(language), values)
    if extra_markdown:
        body = f"{body}\n\n{extra_markdown}"
    return " ".join(subject.split())[:200], email_format.to_plain_text(email_format.to_html(body))


def preview_html(markdown_text):
    """The admin's live preview: the Markdown as a recipient sees it, placeholders as
    written."""
    return email_format.to_html(markdown_text)
