"""manage.py load_addresses <csv>: fill the local postcode lookup used at registration."""

from django.core.management.base import BaseCommand, CommandError

from accounts.addresses import load_addresses_csv


class Command(BaseCommand):
    help = (
        "Load addresses for the registration postcode lookup from a CSV file with the columns "
        "postcode,address_line_1,address_line_2,town. Rows already loaded are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument(
            "--replace", action="store_true", help="Remove every loaded address first."
        )

    def handle(self, csv_path, replace=False, **options):
        try:
            added = load_addresses_csv(csv_path, replace=replace)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Loaded {added} new addresses.")
