"""The messaging part of a subject access export (see core.subject_access for the format):
every message the user wrote or received, with its thread, date, words, files' names and how
the notices to the user were delivered, and their text message choice. Everything the portal
holds is exported, whatever the user may still see on the portal."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.subject_access import field

from .models import Delivery, Message, TextMessageConsent


def export_user(user):
    messages = (
        Message.objects.filter(Q(sender=user) | Q(recipients__user=user))
        .distinct()
        .select_related("thread__message_type")
        .prefetch_related("attachments")
        .order_by("sent_at", "pk")
    )
    items = [_message(message, user) for message in messages]
    consent = TextMessageConsent.objects.filter(user=user).first()
    if consent is not None:
        items.append(
            {
                "kind": "text_message_consent",
                "title": _("text message consent"),
                "fields": [field("given_at", _("given"), consent.given_at)],
            }
        )
    return {"title": _("Messages"), "items": items}


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
            field(
                "attachments",
                _("attachments"),
                [attachment.original_name for attachment in message.attachments.all()],
            ),
            field(
                "deliveries",
                _("deliveries"),
                [
                    f"{delivery.get_channel_display()}: {delivery.get_status_display()}"
                    for delivery in Delivery.objects.filter(
                        recipient__message=message, recipient__user=user
                    )
                ],
            ),
        ],
    }
