from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plugins.matching import bulk


class Command(BaseCommand):
    help = (
        "Match the children of a CSV file (header: ref and any of forename, middle_names, "
        "surname, date_of_birth, gender, address_line_1, address_line_2, town, postcode, upn, "
        "nhs_number) against the register; write ref,rank,council_id,score,band rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("incoming", help="The CSV file of incoming children, UTF-8.")
        parser.add_argument("--out", required=True, help="Where to write the results CSV.")
        parser.add_argument(
            "--top", type=int, default=bulk.TOP, help="Candidates per child (default 10)."
        )

    def handle(self, *args, **options):
        if options["top"] < 1:
            raise CommandError(_("--top must be at least 1."))
        try:
            # Every row is read and checked before the results file is written.
            with open(options["incoming"], encoding="utf-8-sig", newline="") as lines:
                people = bulk.read(lines)
            with open(options["out"], "w", encoding="utf-8", newline="") as out:
                bulk.write_matches(people, out, options["top"])
        except (OSError, bulk.InputRefused) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("%(count)d children matched.") % {"count": len(people)})
