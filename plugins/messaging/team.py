"""The SEND team's side of messaging: the team inbox's threads with their unread counts,
opening a thread (marks the portal users' messages read by the team, audited) and answering.
The admin views (``admin_views``) only ask these."""

from django.db.models import Count, Max, Q
from django.utils import timezone

from core import audit

from . import services, subjects
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
    child_record_id = None
    if thread.about_kind in subjects.registered():
        child_record_id = subjects.get(thread.about_kind).child_record_id(thread.about_id)
    audit.record(user, "message.viewed", thread, request=request, child_record_id=child_record_id)


def answer(user, thread, body):
    """The team's reply: on the portal it is from the SEND team."""
    return services.reply(user, thread, body, from_team=True)


def reply_from_template(thread, template):
    """The start of the team's reply from ``template``: for the thread's portal user, in
    their language, the child's name filled in (staff edit it before sending)."""
    user = next((m.sender for m in thread.messages.filter(from_team=False) if m.sender), None)
    if user is None:
        return template.body
    return placeholders.render(template, user, {"child": services.about_title(thread)})[1]
