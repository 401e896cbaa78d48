"""The GDPR part of a subject access export (see core.subject_access for the format): every
agreement and withdrawal, with the statement's words as the user was shown them."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.subject_access import field

from . import services
from .models import WITHDRAWN


def export_user(user):
    return {
        "title": _("Consent"),
        "items": [_record(record) for record in services.history(user)],
    }


def _record(record):
    statement = record.statement
    shown = statement.text_for(record.language)
    languages = dict(settings.LANGUAGES)
    return {
        "kind": "consent_record",
        "title": _("%(action)s: statement version %(version)d")
        % {"action": record.get_action_display(), "version": statement.version},
        "fields": [
            field("action", _("What the person did"), record.action, record.get_action_display()),
            field("created_at", _("When"), record.created_at),
            field("channel", _("Where"), record.channel, record.get_channel_display()),
            field(
                "language",
                _("Language shown"),
                record.language,
                languages.get(record.language, record.language),
            ),
            field("statement_version", _("Statement version"), statement.version),
            field("statement_published_at", _("Statement published"), statement.published_at),
            field("statement", _("Statement"), shown.get("statement", "")),
            field("agreement", _("Agreement"), shown.get("agreement", "")),
        ]
        + _actioned(record),
    }


def _actioned(record):
    if record.action != WITHDRAWN:
        return []
    return [field("actioned_at", _("Withdrawal actioned by the council"), record.actioned_at)]
