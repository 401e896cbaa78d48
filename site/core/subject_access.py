"""Subject access exports: everything the portal holds about one user, as JSON and as a PDF.

Core and accounts are not plugins, so the export hook is read from every installed app config:
an app contributes by naming ``exports``, the dotted path of ``export(user) -> dict``. That
function returns one *section*, with its wording in the active language:

    {
        "title": "Account",                  # the section's heading
        "items": [                           # one block per record (a profile, a consent...)
            {
                "kind": "profile",           # optional stable name of the kind of record
                "title": "Profile",          # optional heading of the block
                "fields": [
                    {
                        "name": "kind",      # stable machine name
                        "label": "Kind",     # words for people
                        "value": "citizen",  # None, bool, int, float, str, date,
                                             # datetime, or a list of these
                        "display": "Citizen" # optional: the value in words for the PDF
                    },
                ],
            },
        ],
        "notes": ["..."],                    # optional: what is held but not exported, and why
    }

An export that raises, or returns anything else, stops the whole export: a subject access
response must never leave out data silently.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from portal.plugins import plugin_exports

from .config import branding

FORMAT = "portal-subject-access/1"
# Passed to WeasyPrint beside the template rather than in a <style> element, which the
# portal's templates never hold (the CSP test checks every template).
PRINT_CSS = """
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @top-left { content: string(council); font-size: 9pt; color: #505a5f; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #505a5f; }
}
html {
  font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
  font-size: 10.5pt;
  line-height: 1.4;
  color: #0b0c0c;
}
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 {
  font-size: 15pt;
  margin: 8mm 0 3mm;
  padding-bottom: 1mm;
  border-bottom: 2px solid #0b0c0c;
  break-after: avoid;
}
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; }
.council { string-set: council content(); font-size: 12pt; font-weight: bold; margin-bottom: 6mm; }
dl { display: grid; grid-template-columns: 38% 62%; margin: 0 0 4mm; }
dt, dd { margin: 0; padding: 1.2mm 2mm 1.2mm 0; border-bottom: 1px solid #b1b4b6; }
dt { font-weight: bold; }
dd ul { margin: 0; padding-left: 5mm; }
.item { break-inside: avoid-page; }
.notes { border-left: 4px solid #1d70b8; padding-left: 3mm; margin: 3mm 0; }
.empty { color: #505a5f; }
"""
# PDF/UA: a tagged PDF (headings, lists, language) that screen readers can follow.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
_SCALARS = (type(None), bool, int, float, str, datetime.date)


class SubjectAccessError(Exception):
    """An app's export failed or returned something that is not a section."""


def contributors():
    """(app label, export function) for every installed app that declares ``exports``, in
    INSTALLED_APPS order."""
    return plugin_exports()


def field(name, label, value, display=None):
    """One field of a section's item (see the module docstring)."""
    built = {"name": name, "label": label, "value": value}
    if display is not None:
        built["display"] = str(display)
    return built


def collect(user, by=None, language=None):
    """The export of ``user`` requested by staff user ``by``, worded in ``language`` (the
    user's preferred language by default). Raises SubjectAccessError if any app's export fails.
    """
    language = language or user.preferred_language
    with translation.override(language):
        sections = [_section(label, export, user) for label, export in contributors()]
        return {
            "format": FORMAT,
            "generated_at": timezone.now(),
            "generated_by": _person(by) if by else None,
            "council": branding().name_for(language),
            "language": language,
            "subject": _person(user),
            "sections": sections,
        }


def as_json(data):
    """UTF-8 JSON, indented, keys sorted so the same data always gives the same bytes; dates
    and times in ISO 8601."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def as_pdf(data, language):
    """A readable PDF of ``data`` (from collect()), its headings in ``language``."""
    return as_document(data, language).write_pdf(**PDF_OPTIONS)


def as_document(data, language):
    """The laid-out pages (a WeasyPrint Document) the PDF is written from."""
    from weasyprint import CSS, HTML  # imported here: loading it takes a while and needs Pango

    # No base_url: nothing is loaded from outside.
    html = HTML(string=_html(data, language), base_url=None)
    return html.render(stylesheets=[CSS(string=PRINT_CSS, base_url=None)], **PDF_OPTIONS)


def _html(data, language):
    with translation.override(language):
        context = {
            **data,
            "generated_at": _display(data["generated_at"]),
            "sections": [
                {**section, "items": [_display_item(item) for item in section["items"]]}
                for section in data["sections"]
            ],
        }
        return render_to_string("core/subject_access.html", context)


def _person(user):
    return {"id": user.pk, "email": user.email, "name": user.get_full_name()}


def _section(label, export, user):
    try:
        section = export(user)
    except Exception as error:
        raise SubjectAccessError(f"The {label!r} app's export failed: {error!r}") from error
    return {"app": label, **_checked(label, section)}


def _checked(label, section):
    """The section with lazy texts made plain, or SubjectAccessError if it breaks the shape."""

    def fail(problem):
        raise SubjectAccessError(f"The {label!r} app's export {problem}")

    if not isinstance(section, dict) or "title" not in section or "items" not in section:
        fail("is not a dict with a title and items")
    items = []
    for item in section["items"]:
        if not isinstance(item, dict) or not isinstance(item.get("fields"), list):
            fail(f"has an item without a list of fields: {item!r}")
        fields = []
        for field in item["fields"]:
            if not isinstance(field, dict) or not {"name", "label", "value"} <= field.keys():
                fail(f"has a field without a name, label and value: {field!r}")
            value = field["value"]
            values = value if isinstance(value, list) else [value]
            if not all(isinstance(_plain(v), _SCALARS) for v in values):
                fail(f"has a value that cannot be exported: {field['name']}={value!r}")
            fields.append({key: _plain(v) for key, v in field.items()})
        items.append({**item, "title": _plain(item.get("title", "")), "fields": fields})
    checked = {"title": str(section["title"]), "items": items}
    if section.get("notes"):
        checked["notes"] = [str(note) for note in section["notes"]]
    return checked


def _plain(value):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _display_item(item):
    fields = []
    for field in item["fields"]:
        shown = field["display"] if "display" in field else _display(field["value"])
        # "entries", not "values": a template would find the dict's values() method.
        if isinstance(shown, list):
            fields.append({"label": field["label"], "entries": shown, "text": ""})
        else:
            fields.append({"label": field["label"], "entries": None, "text": str(shown)})
    return {"title": item["title"], "fields": fields}


def _display(value):
    """A value in words, in the active language."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list):
        return [_display(v) for v in value] or "–"
    return str(value)
