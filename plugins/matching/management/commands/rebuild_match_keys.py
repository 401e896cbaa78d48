from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from plugins.matching import keys


class Command(BaseCommand):
    help = "Recompute the matching keys of every record on the register."

    def handle(self, *args, **options):
        count = keys.rebuild()
        self.stdout.write(_("Matching keys rebuilt for %(count)d records.") % {"count": count})
