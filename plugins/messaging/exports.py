"""The messaging part of a subject access export (see core.subject_access for the format):
every message the user wrote or received, with its thread, date and words. Everything the
portal holds is exported, whatever the user may still see on the portal."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.subject_access import field

from .models import Message


def export_user(user):
    messages = (
        Message.objects.filter(Q(sender=user) | Q(recipients__user=user))
        .distinct()
        .select_related("thread__message_type")
        .order_by("sent_at", "pk")
    )
    return {"title": _("Messages"), "items": [_message(message, user) for message in messages]}


def _message(message, user):
    thread = message.thread
    return {
        "kind": "message",
        "title": thread.subject,
        "fields": [
            field("sent_at", _("sent"), message.sent_at),
            field("written_by_user", _("Written by this user"), message.sender_id == user.pk),
            field("from_team", _("from the SEND team"), message.from_team),
            field(
                "message_type",
                _("message type"),
                str(thread.message_type) if thread.message_type else None,
            ),
            field("about", _("about (kind)"), thread.about),
            field("body", _("message"), message.body),
        ],
    }
