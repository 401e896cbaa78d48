"""Moving a form definition between sites as one JSON file: from a test site to the live one,
or to another council.

The file, ``format_version`` 1 (every key is required; list positions in error messages count
from 0; ``exported_at`` is for people and ignored on import)::

    {"format": "send-portal-form", "format_version": 1, "exported_at": "2025-03-05T10:00:00+00:00",
     "form": {"code": "EHC_REQ", "title": {"en": "...", "cy": "..."},
              "guidance": {"en": "...", "cy": "..."}, "subtitle": "...", "description": "...",
              "portal_type": "citizen", "user_type": "parent_carer",
              "groups": [{"number": 2, "name": {"en": "...", "cy": "..."},
                          "guidance": {"en": "...", "cy": "..."}, "repeating": false,
                          "questions": ["OTHER_PR", "OTHER_PR_NAMES"],
                          "shown_when": {"OTHER_PR_NAMES": {"question": "OTHER_PR",
                                                            "values": ["yes"]}}}]},
     "questions": [{"code": "CHILD_VIEWS", "label": {"en": "...", "cy": "..."},
                    "hint": {"en": "...", "cy": "..."}, "data_type": "memo", "max_length": 2000,
                    "mandatory": true, "spellcheck": true, "in_chronology": false,
                    "inherit_multiple": false,
                    "choices": [{"value": "yes", "label": {"en": "...", "cy": "..."}}]}]}

A group's "shown_when" holds its conditional questions (``builder.conditions``) and is the
one optional key: files made before conditions existed have none.

Groups name their questions by code and each question is written once, as the bank holds it
(``schema.question_schema``), because the receiving site's bank may already have it; every
question in "questions" is in exactly one group. A question's "spellcheck" may be left out
(files written before it existed): it is then false. An empty list item "value" is made from the
English words, as in the bank. The file holds the working copy (draft); an imported form
always arrives as a draft that is not live.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .importing import ImportPlan, is_number
from .schema import bilingual, condition_schema, form_groups, question_schema

FORMAT = "send-portal-form"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024

# -- export ------------------------------------------------------------------------------------


def export_form(form):
    """The form's working copy and the bank questions it uses, in the file format above."""
    groups = list(form_groups(form))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "form": {
            "code": form.code,
            "title": bilingual(form, "title"),
            "guidance": bilingual(form, "guidance"),
            "subtitle": form.subtitle,
            "description": form.description,
            "portal_type": form.portal_type,
            "user_type": form.user_type,
            "groups": [
                {
                    "number": group.number,
                    "name": bilingual(group, "name"),
                    "guidance": bilingual(group, "guidance"),
                    "repeating": group.repeating,
                    "questions": [item.question.code for item in group.items.all()],
                    "shown_when": {
                        item.question.code: condition_schema(item)
                        for item in group.items.all()
                        if item.shown_when_id
                    },
                }
                for group in groups
            ],
        },
        "questions": [
            question_schema(item.question) for group in groups for item in group.items.all()
        ],
    }


def export_json(form):
    """The export as the text of a ``.json`` file (Welsh letters kept readable)."""
    return json.dumps(export_form(form), ensure_ascii=False, indent=2)


# -- import ------------------------------------------------------------------------------------


def ensure_file_size(size):
    """Refuse files over the limit before anything reads them."""
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB, so it cannot be a form definition.")
            % {"limit": MAX_FILE_BYTES // (1024 * 1024)},
            code="too_big",
        )


def import_form(data, code=None, bank_wins=False):
    """Create a not-live draft form from an exported file and return it.

    ``data`` is the file's content (bytes or text) or the decoded JSON. ``code``, when given,
    replaces the form's code (to import a form this site already has). Questions already in
    the bank with the same definition are reused; the others are created. With
    ``bank_wins`` a question already in the bank is used as it stands even when the file
    words it differently (the demo forms: the SEND team's own bank is never changed).
    Everything is checked before anything is written: a ValidationError lists every problem
    found."""
    with transaction.atomic():
        plan = ImportPlan(_decode(data), code, bank_wins)
        return plan.write()


def _decode(data):
    if isinstance(data, bytes | str):
        ensure_file_size(len(data))
        try:
            text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("The file is not UTF-8 text, so it is not a form file from a SEND portal."),
                code="not_text",
            ) from error
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ValidationError(
                _("The file is not valid JSON (%(error)s).") % {"error": error}, code="not_json"
            ) from error
    if not isinstance(data, dict):
        raise ValidationError(
            _("The file should hold one JSON object ({…}), as the export makes."),
            code="not_object",
        )
    if data.get("format") != FORMAT:
        raise ValidationError(
            _("This is not a SEND portal form file: “format” should be “%(format)s”.")
            % {"format": FORMAT},
            code="wrong_format",
        )
    version = data.get("format_version")
    if not (is_number(version) and version == FORMAT_VERSION):
        raise ValidationError(
            _(
                "The file is in format version %(version)s, which this site cannot read. "
                "It reads version %(supported)s."
            )
            % {"version": version, "supported": FORMAT_VERSION},
            code="unsupported_version",
        )
    return data
