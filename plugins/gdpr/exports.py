"""The GDPR part of a subject access export (see core.subject_access for the format): every
agreement, withdrawal and withheld consent, with the statement's words as the user was shown
them, and when each new statement was first shown."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.subject_access import field

from . import services
from .models import WITHDRAWN, WITHHELD, StatementShown


def export_user(user):
    return {
        "title": _("Consent"),
        "items": [_record(record) for record in services.history(user)]
        + [_shown(shown) for shown in _statements_shown(user)],
    }


def _statements_shown(user):
    return StatementShown.objects.filter(user=user).select_related("statement")


def _shown(shown):
    return {
        "kind": "statement_shown",
        "title": _("Statement version %(version)d shown") % {"version": shown.statement.version},
        "fields": [
            field("statement_version", _("Statement version"), shown.statement.version),
            field("first_shown_at", _("First shown"), shown.first_shown_at),
        ],
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
    labels = {
        WITHDRAWN: _("Withdrawal actioned by the council"),
        WITHHELD: _("Withheld consent actioned by the council"),
    }
    if record.action not in labels:
        return []
    return [field("actioned_at", labels[record.action], record.actioned_at)]
