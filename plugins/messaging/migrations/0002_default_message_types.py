"""The message types a council starts with; staff edit the list afterwards."""

from django.db import migrations

DEFAULTS = [
    ("EHC needs assessment (0–20 weeks)", "Asesiad o anghenion EHC (0–20 wythnos)"),
    ("Annual review", "Adolygiad blynyddol"),
    ("School placement", "Lleoliad ysgol"),
    ("General", "Cyffredinol"),
]


def add_defaults(apps, schema_editor):
    MessageType = apps.get_model("messaging", "MessageType")
    for order, (name, name_cy) in enumerate(DEFAULTS):
        MessageType.objects.get_or_create(
            name=name, defaults={"name_cy": name_cy, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("messaging", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
