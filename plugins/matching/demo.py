"""The demo council's matching: the SEND team may work the matching queue, and the demo
register's matching keys are built at once (the register is written before any task worker
runs). Loading again changes nothing."""

from django.contrib.auth.models import Group, Permission

from . import keys

TEAM = "SEND team"


def load_demo():
    team = Group.objects.filter(name=TEAM).first()
    if team is not None:
        team.permissions.add(
            Permission.objects.get(content_type__app_label="matching", codename="match_people")
        )
    keys.rebuild()
