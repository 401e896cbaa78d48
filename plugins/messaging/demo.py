"""The demo council's messages: the Messages home tile, the SEND team's right to the team
inbox, and a thread between the demo parent and the SEND team about a child they are
authenticated on, the team's answer unread. Loading again changes nothing; without a
plugin that registers children as subjects (SEND), only the tile and the rights are made."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Locale

from core.models import Tile

from . import services, subjects
from .models import MessageType, Thread

PARENT = "parent@example.org"
CHILD = "send.child_record"
TEAM = "SEND team"
SUBJECT = "School transport from September"


@transaction.atomic
def load_demo():
    _home_tile()
    team = Group.objects.filter(name=TEAM).first()
    if team is not None:
        team.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="messaging", codename="manage_thread"
            )
        )
    _thread()


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
        f"{child_name} starts at the new school in September. Who arranges the transport?",
    )
    services.reply(
        member,
        thread,
        "The council's transport team will write to you by the end of July.",
        from_team=True,
    )
