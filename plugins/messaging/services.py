"""Every rule of portal messaging: writing to the SEND team, replying, reading, counting
unread messages and the ``notify`` service. Views, the admin, tasks and tests call these.

A new message or reply is stored at once; the notices telling each recipient about it are
django-q2 tasks enqueued after the commit (``plugins.messaging.delivery.notices``)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.config import portal_settings
from core.emails import render_email
from core.texts import raw_text
from portal import events

from . import subjects
from .attachments import services as attached
from .delivery import notices
from .models import Message, Recipient, Thread

KIND = "messaging.thread"


def max_length():
    """The longest message a portal user may write (Portal configuration › Message settings)."""
    return portal_settings().message_max_length


def visible_threads(user):
    """The threads ``user`` takes part in, limited to subjects they may still message about:
    someone no longer authenticated on a child loses that child's threads at once."""
    allowed = Q(about_kind="")
    for kind, subject in subjects.registered().items():
        allowed |= Q(about_kind=kind, about_id__in=subject.ids_for(user))
    taking_part = Q(messages__recipients__user=user) | Q(messages__sender=user)
    return Thread.objects.filter(pk__in=Thread.objects.filter(taking_part).values("pk")).filter(
        allowed
    )


def _deliver(message, users):
    recipients = [Recipient.objects.create(message=message, user=user) for user in users]
    for recipient in recipients:
        notices.plan(recipient)
    return recipients


def post_notice(user, subject, body, *, about_kind="", about_id=None):
    """A message from the council to ``user`` (an alert): filed under ``about_kind:about_id``
    when given, so it follows that subject's access rule; the email only says it is there."""
    thread = Thread.objects.create(subject=subject[:200], about_kind=about_kind, about_id=about_id)
    message = Message.objects.create(thread=thread, body=body, from_team=True)
    _deliver(message, [user])
    return message


@transaction.atomic
def write_to_team(user, about_kind, about_id, message_type, subject, body, attachments=()):
    """Start a thread from a portal user to the SEND team about a subject they may message
    about, with ``attachments`` (files that passed ``attachments.services.check``). It reaches
    the subject's team member (the caseworker) or, without one, the team inbox."""
    if not subjects.may_take_part(user, about_kind, about_id):
        raise PermissionError("This user may not send messages about this subject.")
    member = subjects.get(about_kind).team_member(about_id)
    thread = Thread.objects.create(
        subject=subject,
        about_kind=about_kind,
        about_id=about_id,
        message_type=message_type,
        assigned_to=member,
    )
    message = Message.objects.create(thread=thread, sender=user, body=body)
    attached.attach(message, attachments)
    _deliver(message, [member] if member else [])
    events.send_after_commit(events.message_received, Message, message=message)
    return thread


@transaction.atomic
def write_from_team(sender, recipients, about_kind, about_id, subject, body, message_type=None):
    """Start a thread from the SEND team (``sender``, a member of staff or the case system's
    service account) to ``recipients`` about a subject each of them may message about;
    anyone else refuses the whole message."""
    if not recipients or not all(
        subjects.may_take_part(user, about_kind, about_id) for user in recipients
    ):
        raise PermissionError("A recipient may not receive messages about this subject.")
    thread = Thread.objects.create(
        subject=subject, about_kind=about_kind, about_id=about_id, message_type=message_type
    )
    message = Message.objects.create(thread=thread, sender=sender, body=body, from_team=True)
    _deliver(message, recipients)
    return thread


@transaction.atomic
def reply(user, thread, body, *, from_team=False, attachments=()):
    """Add ``user``'s reply, with ``attachments`` (checked files), to ``thread``: it keeps the
    thread's subject, child and type.

    A reply from the team reaches the portal users who wrote in the thread; a portal user's
    reply reaches the caseworker the thread is assigned to, else the team members who wrote in
    it, else the subject's team member."""
    message = Message.objects.create(thread=thread, sender=user, body=body, from_team=from_team)
    attached.attach(message, attachments)
    earlier = thread.messages.exclude(pk=message.pk)
    if from_team:
        users = {m.sender for m in earlier.filter(from_team=False) if m.sender}
        users = {u for u in users if subjects.may_take_part(u, thread.about_kind, thread.about_id)}
    elif thread.assigned_to_id:
        users = {thread.assigned_to}
    else:
        users = {m.sender for m in earlier.filter(from_team=True) if m.sender}
        if not users and thread.about_kind:
            member = subjects.get(thread.about_kind).team_member(thread.about_id)
            users = {member} if member else set()
    _deliver(message, sorted(users - {user}, key=lambda u: u.pk))
    if not from_team:
        events.send_after_commit(events.message_received, Message, message=message)
    return message


def mark_read(user, thread):
    """Opening a thread marks every message of it to ``user`` read."""
    Recipient.objects.filter(message__thread=thread, user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def received(user):
    """``user``'s copies of the messages in threads they may see, newest first."""
    return (
        Recipient.objects.filter(user=user, message__thread__in=visible_threads(user))
        .select_related("message__thread__message_type", "message__sender")
        .order_by("-message__sent_at", "-pk")
    )


def sent(user):
    """The messages ``user`` wrote, in threads they may see, newest first."""
    return (
        Message.objects.filter(sender=user, thread__in=visible_threads(user))
        .select_related("thread__message_type")
        .prefetch_related("recipients__user")
        .order_by("-sent_at", "-pk")
    )


def unread_count(user):
    return received(user).filter(read_at__isnull=True).count()


def unread_about(user, kind, about_id):
    """Unread messages to ``user`` in threads about ``kind:about_id``."""
    return (
        received(user)
        .filter(read_at__isnull=True, message__thread__about_kind=kind)
        .filter(message__thread__about_id=about_id)
        .count()
    )


def unread_status(user):
    """The home tile's line: "3 unread messages", or "" when there are none."""
    count = unread_count(user) if user.is_authenticated and not user.is_council_staff else 0
    if not count:
        return ""
    if count == 1:
        return raw_text("messaging.tile.unread_one")
    return raw_text("messaging.tile.unread_many", count=count)


def about_title(thread):
    """The title of what ``thread`` is about, as its owning plugin names it, or ""."""
    if not thread.about_kind:
        return ""
    try:
        return subjects.get(thread.about_kind).title(thread.about_id)
    except LookupError:
        return ""


@transaction.atomic
def notify(user, subject_key, body_key, context, *, link=None):
    """The ``notify`` service (portal.services.Notify): the notice becomes a portal message to
    ``user`` in their language, and the email only says there is a new message."""
    language = user.preferred_language
    placeholders = dict(context)
    if link is not None:
        placeholders["link"] = link
    placeholders.setdefault("name", user.get_full_name() or user.email)
    subject, text, _html = render_email(subject_key, body_key, language, user.kind, **placeholders)
    thread = Thread.objects.create(subject=subject[:200])
    message = Message.objects.create(thread=thread, body=text, from_team=True)
    _deliver(message, [user])
    return message
