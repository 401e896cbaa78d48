"""The demo council's SEND set-up: the SEND team's permissions and realistic forms."""

from django.contrib.auth.models import Group, Permission


def load_demo():
    """Idempotent, like core's ``load_demo``."""
    team, _created = Group.objects.get_or_create(name="SEND team")
    team.permissions.add(
        Permission.objects.get(content_type__app_label="send", codename="build_forms")
    )
