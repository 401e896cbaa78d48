"""Messages about a child, when the messaging plugin is installed: SEND registers the subject
"send.child_record" (its title, link and access rule: users authenticated on the child) and
the case dashboard's Messages tile. Messaging is reached through the app registry, never
imported, so SEND works the same without it."""

from django.apps import apps
from django.urls import reverse

from core.texts import raw_text
from records.models import ChildRecord

from ...models import Involvement
from ..involvements.authentication import child_records_for
from .tiles import Tile, register_tile

KIND = "send.child_record"
MESSAGING = "plugins.messaging"


def _title(pk):
    return ChildRecord.objects.get(pk=pk).full_name


def _link(pk):
    return reverse("send:case", args=[pk])


def _ids_for(user):
    """The children ``user`` may message about: those they are authenticated on."""
    return child_records_for(user).values_list("pk", flat=True)


def _choices(user):
    return [(child.pk, child.full_name) for child in child_records_for(user).order_by("pk")]


def _caseworker(pk):
    """The caseworker of the child's newest open involvement, or None (the team inbox)."""
    involvement = (
        Involvement.objects.open()
        .filter(child_record_id=pk, caseworker__isnull=False)
        .select_related("caseworker")
        .order_by("-pk")
        .first()
    )
    return involvement.caseworker if involvement else None


def messages_tile(user, child_record):
    """The dashboard tile: unread messages about the child, linking to the inbox filtered to
    the child."""
    messaging = apps.get_app_config("messaging")
    return Tile(
        title=raw_text("send.case.tile.messages"),
        count=messaging.unread_about(user, KIND, child_record.pk),
        url=f"{reverse('messaging:inbox')}?child={child_record.pk}",
        empty_text=raw_text("send.case.tile.messages.empty"),
    )


def register_with_messaging():
    """For ``SendConfig.ready()``: nothing when messaging is not installed."""
    if not apps.is_installed(MESSAGING):
        return
    apps.get_app_config("messaging").register_subject(
        KIND,
        title=_title,
        link=_link,
        ids_for=_ids_for,
        choices=_choices,
        team_member=_caseworker,
        child_record_id=lambda pk: pk,
        about_child_record=lambda record_id: [record_id],
    )
    register_tile(messages_tile)
