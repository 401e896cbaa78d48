"""The matching keys of the register: one row per way a child's name can be written (each part
of a double surname, the forename and the preferred name), with the values the candidate
search looks up by index. Computed in Python (plugins.matching.keys), never edited."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records.services import Address


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
    # The folded surname (or part) itself, for the trigram branch on PostgreSQL (pg_trgm).
    surname = models.CharField(_("surname"), max_length=60, blank=True, default="")
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    # The house number and the start of the street of the current address
    # (normalise.address_key), for a child whose names, date and postcode were all mistyped.
    address_key = models.CharField(_("address key"), max_length=12, blank=True, default="")

    class Meta:
        verbose_name = _("matching key")
        verbose_name_plural = _("matching keys")
        # One index per blocking branch (plugins.matching.candidates), each also holding the
        # columns the branch returns, so PostgreSQL answers from the index alone (SQLite
        # ignores ``include``).
        indexes = [
            models.Index(
                fields=["date_of_birth"],
                include=["record_id", "forename_key", "surname_key", "postcode"],
                name="matching_key_birth",
            ),
            models.Index(fields=["swapped_date_of_birth"], name="matching_key_swapped"),
            models.Index(
                fields=["birth_year", "surname_key"],
                include=["record_id", "forename_key", "date_of_birth", "postcode"],
                name="matching_key_year_surname",
            ),
            models.Index(
                fields=["forename_key", "surname_key", "date_of_birth"],
                include=["record_id", "postcode"],
                name="matching_key_names",
            ),
            models.Index(
                fields=["postcode"],
                include=["record_id", "forename_key", "surname_key", "date_of_birth"],
                name="matching_key_postcode",
            ),
            # The trigram branch: a forename key within the date window, the surname checked.
            models.Index(
                fields=["forename_key", "date_of_birth"],
                include=["record_id", "surname_key", "postcode", "surname"],
                name="matching_key_forename_birth",
            ),
            # The address branch: house number and start of the street.
            models.Index(
                fields=["address_key"],
                include=["record_id", "forename_key", "surname_key", "date_of_birth", "postcode"],
                name="matching_key_address",
            ),
        ]

    def __str__(self):
        return f"{self.forename_key} {self.surname_key} {self.date_of_birth}"


class MatchRequest(models.Model):
    """One incoming child waiting for (or settled by) a caseworker's decision: the child as
    declared when their form arrived, who declared them, the forms waiting and the decision.

    The portal person is named through the content types framework: a plugin holds foreign
    keys to core models only, never to another plugin's (DESIGN.md §3)."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        MATCHED = "matched", _("Matched to a child record")
        NEW_RECORD = "new_record", _("Added as a new child record")
        REJECTED = "rejected", _("Rejected")

    person_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    person_id = models.PositiveIntegerField()
    person = GenericForeignKey("person_type", "person_id")
    forename = models.CharField(_("first name"), max_length=15)
    middle_names = models.CharField(_("middle names"), max_length=25, blank=True)
    surname = models.CharField(_("last name"), max_length=30)
    date_of_birth = models.DateField(_("date of birth"))
    # The address the family gave (the account address of a user the child lives with).
    address_line_1 = models.CharField(_("address line 1"), max_length=100, blank=True)
    address_line_2 = models.CharField(_("address line 2"), max_length=100, blank=True)
    town = models.CharField(_("town or city"), max_length=60, blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("declared by"),
    )
    # The references of the forms waiting for this decision, oldest first.
    forms = models.JSONField(_("forms waiting"), default=list)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    best_score = models.FloatField(_("best candidate's score"), null=True)
    best_band = models.CharField(_("best candidate's band"), max_length=10, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.WAITING)
    child_record = models.ForeignKey(
        "records.ChildRecord",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("child record"),
    )
    # {field: "council" | "portal"}: which value each conflicting field kept on a match.
    settled = models.JSONField(_("conflicts settled"), default=dict)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("incoming child")
        verbose_name_plural = _("incoming children")
        ordering = ["received_at", "pk"]
        indexes = [
            models.Index(fields=["state", "received_at"], name="matching_request_queue"),
            models.Index(fields=["person_type", "person_id"], name="matching_request_person"),
        ]
        permissions = [("match_people", _("Can match incoming children to the register"))]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return " ".join(p for p in (self.forename, self.middle_names, self.surname) if p)

    @property
    def address(self):
        """The declared address as ``records.services.Address``, or None."""
        return Address.of(self.address_line_1, self.address_line_2, self.town, self.postcode)


class MatchWeights(models.Model):
    """The scoring probabilities estimated from the register on one date
    (``plugins.matching.estimation``); scoring uses the newest, or the shipped ones when
    there is none."""

    class Source(models.TextChoices):
        REGISTER = "register", _("the register's records looked up in the register")
        INCOMING = "incoming", _("incoming children and their candidates")

    estimated_at = models.DateTimeField(_("estimated"), default=timezone.now)
    estimated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("estimated by"),
    )
    # {field: {level: [m, u]}}, the shape of the shipped defaults.json "fields".
    probabilities = models.JSONField(_("probabilities"))
    records = models.PositiveIntegerField(_("records on the register"))
    # Which pairs m was estimated from (estimation.INCOMING_ENOUGH decides).
    source = models.CharField(
        _("estimated from"), max_length=10, choices=Source, default=Source.REGISTER
    )
    candidate_pairs = models.PositiveIntegerField(_("candidate pairs"))
    random_pairs = models.PositiveIntegerField(_("random pairs"))
    match_share = models.FloatField(_("share of candidate pairs estimated the same child"))
    iterations = models.PositiveSmallIntegerField(_("iterations"))

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")
        get_latest_by = ("estimated_at", "pk")

    def __str__(self):
        return f"{self.estimated_at:%Y-%m-%d %H:%M}"
