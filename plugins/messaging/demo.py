"""The demo council's messages: the Messages home tile, the SEND team's rights to the team
inbox, the message templates and the alerts, and a thread between the demo parent and the
SEND team about a child they are authenticated on (the school's letter attached, the team's
answer unread, the notices' delivery statuses as Notify's receipts would set them); a trigger
alert telling a person they are authenticated on a case, and a scheduled alert on overdue
information with one logged run. Loading again changes nothing; without a plugin that
registers children as subjects and alert conditions (SEND), only the tile and the rights are
made."""

import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from core.models import Tile

from . import services, subjects
from .alerts import registry, scheduled
from .alerts import services as alert_services
from .alerts.models import ScheduledAlert, TriggerAlert
from .delivery.models import Channel
from .models import Attachment, ContactProblem, Delivery, MessageType, Thread
from .wording.models import MessageTemplate

PARENT = "parent@example.org"
CHILD = "send.child_record"
TEAM = "SEND team"
SUBJECT = "School transport from September"
LETTER = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)


@transaction.atomic
def load_demo():
    _home_tile()
    team = Group.objects.filter(name=TEAM).first()
    if team is not None:
        team.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="messaging",
                codename__in=["manage_thread", "manage_message_template", "manage_alert"],
            )
        )
    _thread()
    _alerts()


def _home_tile():
    english = Locale.objects.get(language_code="en")
    if Tile.objects.filter(locale=english, plugin_tile="messages").exists():
        return
    tile = Tile.objects.create(locale=english, plugin_tile="messages", icon="message", sort_order=1)
    tile.copy_for_translation(Locale.objects.get(language_code="cy")).save()


def _thread():
    parent = get_user_model().objects.filter(email=PARENT).first()
    if parent is None or CHILD not in subjects.registered():
        return
    if Thread.objects.filter(subject=SUBJECT).exists():
        return
    subject = subjects.get(CHILD)
    children = list(subject.choices(parent))
    if not children:
        return
    child_id, child_name = children[0]
    member = subject.team_member(child_id)
    thread = services.write_to_team(
        parent,
        CHILD,
        child_id,
        MessageType.objects.get(name="School placement"),
        SUBJECT,
        f"{child_name} starts at the new school in September. Who arranges the transport? "
        "The school's letter is attached.",
    )
    _attach_letter(thread.messages.get())
    answer = services.reply(
        member,
        thread,
        "The council's transport team will write to you by the end of July.",
        from_team=True,
    )
    # What GOV.UK Notify's receipts would have said: the caseworker's notice arrived, the
    # parent's text message could not be delivered (her number is flagged for the team).
    now = timezone.now()
    Delivery.objects.filter(recipient__message__thread=thread, channel=Channel.EMAIL).update(
        status=Delivery.Status.DELIVERED, sent_at=now, status_at=now
    )
    copy = answer.recipients.get(user=parent)
    Delivery.objects.create(
        recipient=copy,
        channel=Channel.SMS,
        status=Delivery.Status.PERMANENT_FAILURE,
        sent_at=now,
        status_at=now,
    )
    ContactProblem.objects.get_or_create(
        user=parent,
        channel=Channel.SMS,
        defaults={"address": parent.mobile_phone or "07700 900000"},
    )


def _attach_letter(message):
    """The school's letter: the demo's own small PDF, so it needs no virus scan to load."""
    Attachment.objects.create(
        message=message,
        file=ContentFile(LETTER, name="letter.pdf"),
        original_name="School transport letter.pdf",
        content_type="application/pdf",
        size=len(LETTER),
        sha256=hashlib.sha256(LETTER).hexdigest(),
    )


AUTHENTICATED_ALERT = "Tell the professionals on a case who can see it"
ACCESS_TEMPLATE = "Demo – Who can see a child's case has changed"


def _access_changed_template():
    template, _created = MessageTemplate.objects.get_or_create(
        name=ACCESS_TEMPLATE,
        defaults={
            "subject": "Who can see {child}'s case has changed",
            "body": "Dear {title} {forename} {surname},\n\n"
            "The council has changed who can see {child}'s case on the portal. "
            "{caseworker} can tell you more.",
            "subject_cy": "Mae pwy sy’n gallu gweld achos {child} wedi newid",
            "body_cy": "Annwyl {title} {forename} {surname},\n\n"
            "Mae’r cyngor wedi newid pwy sy’n gallu gweld achos {child} ar y porth. "
            "Gall {caseworker} ddweud mwy wrthych.",
        },
    )
    return template


OVERDUE_ALERT = "Information requested and overdue"


def _alerts():
    """The alerts on the presets (made by the migration on every install)."""
    contexts, conditions = registry.contexts(), registry.conditions()
    if "send.portal_sharing" in contexts and not TriggerAlert.objects.exists():
        # The person authenticated already gets the casework's own "You can now see" message;
        # this alert tells the professionals on the case instead.
        TriggerAlert.objects.create(
            reason=AUTHENTICATED_ALERT,
            description="The professionals on a child's case hear when someone new is given "
            "access to it, or loses it.",
            context="send.portal_sharing",
            fields=["state"],
            template=_access_changed_template(),
            all_professionals=True,
            active=True,
        )
    if "send.information_overdue" in conditions and not ScheduledAlert.objects.exists():
        # Every morning at 7; the professionals on the case see what is still awaited.
        first = timezone.localtime().replace(hour=7, minute=0, second=0, microsecond=0)
        alert = ScheduledAlert(
            reason=OVERDUE_ALERT,
            description="Each morning, the overdue information on each child's case.",
            condition="send.information_overdue",
            include_rows=True,
            repeat_every=1,
            repeat_unit=ScheduledAlert.Unit.DAYS,
            template=MessageTemplate.objects.get(name__startswith="SEND – Reminder"),
            all_professionals=True,
            active=True,
        )
        alert_services.set_next_run(alert, first + timedelta(days=1))
        alert.save()
        scheduled.run(alert, by_hand=True)
