"""The demo council's SEND set-up: the SEND team's permissions and realistic forms.

The demo forms are form files in the transfer format (``forms/<name>.json``, made by the
form builder's export) loaded by the same importer the SEND team uses."""

import json
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Locale

from core.models import Tile

from ..builder import services as builder
from ..builder import transfer
from ..models import FormDefinition, SendSettings
from .actions import load_demo_actions
from .casework import load_demo_reviews
from .delegation import load_demo_delegation
from .documents import load_demo_documents
from .incoming import load_demo_incoming
from .invitations import load_demo_invitations
from .involvements import load_demo_involvements

FORMS_DIR = Path(__file__).resolve().parent / "forms"


@transaction.atomic
def load_demo():
    """The SEND team's group, the demo forms, submitted forms in every review state and the
    demo children's involvements, an invitation awaiting approval, the documents published on
    Alfie's, the demo parent's action to complete and the school's delegated tasks.
    Idempotent, like core's ``load_demo``."""
    team, _created = Group.objects.get_or_create(name="SEND team")
    # Professionals ask the SEND team for access, so the team verifies their accounts too.
    team.permissions.add(
        *Permission.objects.filter(
            Q(
                content_type__app_label="send",
                codename__in=[
                    "build_forms",
                    "view_submission",
                    "decide_submission",
                    "share_submission",
                    "delete_submission",
                    "manage_involvement",
                    "manage_delegation",
                ],
            )
            | Q(content_type__app_label="accounts", codename="verify_professionals")
        )
    )
    _settings()
    load_demo_forms()
    load_demo_reviews()
    load_demo_incoming()
    load_demo_involvements()
    load_demo_invitations()
    load_demo_documents()
    load_demo_actions()
    load_demo_delegation()
    _home_tile()


def _settings():
    """The demo council deletes forms in progress after 30 days untouched (the guides' figure)
    and publishes nothing without its Welsh (its forms have it all). Set only when the SEND
    settings are first made, so that an editor's later choices stand."""
    if not SendSettings.objects.exists():
        SendSettings.objects.create(purge_drafts_after_days=30, require_welsh=True)


def _home_tile():
    """The SEND tile, first on the demo home page, and the professionals' "Delegated tasks"
    tile; their words are the plugin's own texts."""
    english = Locale.objects.get(language_code="en")
    for key, icon, order in (("send", "form", 0), ("send_tasks", "document", 2)):
        if Tile.objects.filter(locale=english, plugin_tile=key).exists():
            continue
        tile = Tile.objects.create(locale=english, plugin_tile=key, icon=icon, sort_order=order)
        tile.copy_for_translation(Locale.objects.get(language_code="cy")).save()


def demo_form_files():
    """The decoded demo form files, in file name order."""
    return [json.loads(path.read_text("utf-8")) for path in sorted(FORMS_DIR.glob("*.json"))]


@transaction.atomic
def load_demo_forms(files=None):
    """Import, publish and make live each demo form file (``files``: decoded form files,
    all of :func:`demo_form_files` by default) whose code is not taken yet, and return the
    new definitions. A form whose code exists is left alone, so a second run changes nothing.

    Bank questions are matched by code, so a fact several forms ask (the child's school, the
    main area of need) is one question and its answer can pre-fill the later forms. A code
    already in the bank is used as it stands: the SEND team's bank wins over the demo's."""
    files = demo_form_files() if files is None else files
    codes = [data["form"]["code"] for data in files]
    taken = set(FormDefinition.objects.filter(code__in=codes).values_list("code", flat=True))
    return [_publish_live(data) for data in files if data["form"]["code"] not in taken]


def _publish_live(data):
    form = transfer.import_form(data, bank_wins=True)
    form.live = True
    form.save(update_fields=["live"])
    builder.publish(form)
    form.refresh_from_db()
    return form
