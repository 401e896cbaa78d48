from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from plugins.matching import estimation


class Command(BaseCommand):
    help = (
        "Estimate the matching weights (m and u of each comparison level) without labels, "
        "from the incoming children once there are enough of them, else from the register, "
        "and store them for scoring."
    )

    def handle(self, *args, **options):
        weights = estimation.estimate()
        self.stdout.write(
            _(
                "Matching weights estimated from %(records)d records: %(pairs)d candidate pairs "
                "(%(source)s), %(random)d random pairs, %(iterations)d iterations."
            )
            % {
                "records": weights.records,
                "source": weights.get_source_display(),
                "pairs": weights.candidate_pairs,
                "random": weights.random_pairs,
                "iterations": weights.iterations,
            }
        )
