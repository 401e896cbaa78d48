from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from records import importing
from records.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import children from a CSV file into the register (upsert by council id). Every row is "
        "checked first; nothing is written when any row is wrong. See docs/architecture.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file, UTF-8, with a header row.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        run = ImportRun.objects.create(file_name=path.name, status=ImportRun.Status.VALIDATING)
        importing.run_import(run, data)
        if run.status == ImportRun.Status.SUCCEEDED:
            self.stdout.write(
                _("%(rows)d rows imported: %(created)d records created, %(updated)d updated.")
                % {
                    "rows": run.rows_total,
                    "created": run.created_count,
                    "updated": run.updated_count,
                }
            )
            return
        for problem in run.errors:
            where = _("row %(row)s") % {"row": problem["row"]} if problem["row"] else _("file")
            column = f" [{problem['column']}]" if problem["column"] else ""
            self.stderr.write(f"{where}{column}: {problem['message']}")
        count = len(run.errors)
        raise CommandError(
            ngettext(
                "Nothing was imported: %(count)d problem.",
                "Nothing was imported: %(count)d problems.",
                count,
            )
            % {"count": count}
        )
