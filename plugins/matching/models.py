"""The matching keys of the register: one row per way a child's name can be written (each part
of a double surname, the forename and the preferred name), with the values the candidate
search looks up by index. Computed in Python (plugins.matching.keys), never edited."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchKey(models.Model):
    record = models.ForeignKey(
        "records.ChildRecord",
        on_delete=models.CASCADE,
        related_name="match_keys",
        verbose_name=_("child record"),
    )
    date_of_birth = models.DateField(_("date of birth"))
    # The date read the other way round (1 May ↔ 5 January), when that is a date at all.
    swapped_date_of_birth = models.DateField(_("date of birth, day and month swapped"), null=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    forename_key = models.CharField(_("forename key"), max_length=8)
    surname_key = models.CharField(_("surname key"), max_length=8)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("matching key")
        verbose_name_plural = _("matching keys")
        indexes = [
            models.Index(fields=["date_of_birth"], name="matching_key_birth"),
            models.Index(fields=["swapped_date_of_birth"], name="matching_key_swapped"),
            models.Index(fields=["birth_year", "surname_key"], name="matching_key_year_surname"),
            models.Index(
                fields=["forename_key", "surname_key", "date_of_birth"], name="matching_key_names"
            ),
            models.Index(fields=["postcode"], name="matching_key_postcode"),
        ]

    def __str__(self):
        return f"{self.forename_key} {self.surname_key} {self.date_of_birth}"
