"""The SEND team's side of messaging: the team inbox's threads with their unread counts,
opening a thread (marks the portal users' messages read by the team, audited) and answering.
The admin views (``admin_views``) only ask these."""

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from core import audit
from portal import access

from . import services, subjects
from .access import MESSAGE_TYPES
from .models import Thread
from .wording import placeholders


def team_threads():
    """Threads with the SEND team (about a subject), newest activity first, each with
    ``unread`` (portal users' messages no member of staff has opened) and ``last_at``."""
    return (
        Thread.objects.exclude(about_kind="")
        .select_related("message_type")
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__from_team=False, messages__read_by_team_at__isnull=True),
            ),
            last_at=Max("messages__sent_at"),
        )
        .order_by("-last_at", "-pk")
    )


def unread_threads_count():
    return team_threads().filter(unread__gt=0).count()


def open_thread(user, thread, request=None):
    """Staff open ``thread``: its portal users' messages are read by the team, its copies to
    ``user`` read, and the read is audited against the child it is about."""
    thread.messages.filter(from_team=False, read_by_team_at__isnull=True).update(
        read_by_team_at=timezone.now()
    )
    services.mark_read(user, thread)
    audit.record(
        user,
        "message.viewed",
        thread,
        request=request,
        child_record_id=_child_record_id(thread),
    )


def _child_record_id(thread):
    if thread.about_kind in subjects.registered():
        return subjects.get(thread.about_kind).child_record_id(thread.about_id)
    return None


def reply_from_template(thread, template):
    """The start of the team's reply from ``template``: for the thread's portal user, in
    their language, the child's name filled in (staff edit it before sending)."""
    user = next((m.sender for m in thread.messages.filter(from_team=False) if m.sender), None)
    if user is None:
        return template.body
    return placeholders.render(template, user, {"child": services.about_title(thread)})[1]


def members():
    """The staff who answer the team inbox: those holding "messaging.manage_thread"."""
    return access.rule_for(MESSAGE_TYPES).holders().distinct().order_by("first_name", "last_name")


@transaction.atomic
def assign(user, thread, caseworker, request=None):
    """``user`` gives ``thread`` to ``caseworker`` (a team member, or None for the whole team):
    the portal user's replies reach them from now on. Audited against the child."""
    if caseworker is not None and not members().filter(pk=caseworker.pk).exists():
        raise PermissionError("Only a member of the SEND team may answer a thread.")
    thread.assigned_to = caseworker
    thread.save(update_fields=["assigned_to"])
    audit.record(
        user,
        "message.assigned",
        thread,
        detail=caseworker.get_full_name() or caseworker.email if caseworker else "",
        request=request,
        child_record_id=_child_record_id(thread),
    )


def threads_about_child_record(record_id):
    """The team's threads about the council's child record ``record_id``, whatever kind of
    subject they name (each kind says which of its subjects are about the child)."""
    wanted = Q(pk__in=[])
    for kind, subject in subjects.registered().items():
        wanted |= Q(about_kind=kind, about_id__in=list(subject.about_child_record(record_id)))
    return team_threads().filter(wanted)


def answer(user, thread, body, attachments=()):
    """The team's reply, with ``attachments`` (checked files): on the portal it is from the
    SEND team."""
    return services.reply(user, thread, body, from_team=True, attachments=attachments)


def download(user, attachment, request=None):
    """Staff open a message's file: audited against the child its thread is about."""
    audit.record(
        user,
        "file.downloaded",
        attachment,
        request=request,
        child_record_id=_child_record_id(attachment.message.thread),
        detail=attachment.original_name,
    )
