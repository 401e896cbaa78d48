"""The council's register of children: one ChildRecord per child, its addresses over time, and
the CSV imports that fill it. Any plugin may hold a foreign key to ChildRecord."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import identifiers


class Source(models.TextChoices):
    """Where a value of a record came from."""

    IMPORT = "import", _("Import from the council's system")
    PORTAL = "portal", _("The portal")
    API = "api", _("The API")
    STAFF = "staff", _("Council staff")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another gender")


class ChildRecord(models.Model):
    """A child or young person on the council's register.

    ``sources`` is the provenance of every value: ``{field: {"source": …, "changed_at": …}}``
    for each name in ``TRACKED_FIELDS`` ("address" for the current address). Only the services
    write records, and they set it whenever a value changes (records.services)."""

    TRACKED_FIELDS = (
        "council_id",
        "upn",
        "nhs_number",
        "forename",
        "middle_names",
        "surname",
        "preferred_name",
        "date_of_birth",
        "gender",
        "address",
    )

    council_id = models.CharField(
        _("council id"), max_length=identifiers.COUNCIL_ID_MAX, unique=True
    )
    upn = models.CharField(
        _("UPN"),
        max_length=13,
        blank=True,
        validators=[identifiers.validate_upn],
        help_text=_("Unique pupil number"),
    )
    nhs_number = models.CharField(
        _("NHS number"), max_length=10, blank=True, validators=[identifiers.validate_nhs_number]
    )
    forename = models.CharField(_("first name"), max_length=identifiers.FORENAME_MAX)
    middle_names = models.CharField(
        _("middle names"), max_length=identifiers.MIDDLE_NAMES_MAX, blank=True
    )
    surname = models.CharField(_("last name"), max_length=identifiers.SURNAME_MAX)
    preferred_name = models.CharField(
        _("preferred name"), max_length=identifiers.PREFERRED_NAME_MAX, blank=True
    )
    date_of_birth = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    sources = models.JSONField(_("where each value came from"), default=dict, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("child record")
        verbose_name_plural = _("child records")
        ordering = ["surname", "forename", "pk"]
        indexes = [
            models.Index(fields=["surname", "forename"], name="records_child_name"),
            models.Index(fields=["date_of_birth"], name="records_child_birth"),
        ]
        constraints = [
            # Blank means "not known"; a known UPN or NHS number belongs to one child only.
            models.UniqueConstraint(
                fields=["upn"], condition=~Q(upn=""), name="records_child_unique_upn"
            ),
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~Q(nhs_number=""),
                name="records_child_unique_nhs_number",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.council_id})"

    @property
    @admin.display(description=_("name"))
    def full_name(self):
        return " ".join(part for part in (self.forename, self.middle_names, self.surname) if part)

    def source_of(self, field):
        """``{"source": …, "changed_at": …}`` for ``field``, or None when never recorded."""
        return self.sources.get(field)


class ChildAddressQuerySet(models.QuerySet):
    def current(self):
        return self.filter(valid_to__isnull=True)


class ChildAddress(models.Model):
    """Where a child lived from ``valid_from`` until ``valid_to``; the current address has no
    ``valid_to``. Addresses are never edited: a move closes one and opens the next."""

    record = models.ForeignKey(ChildRecord, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(_("address line 1"), max_length=100)
    line_2 = models.CharField(_("address line 2"), max_length=100, blank=True)
    town = models.CharField(_("town or city"), max_length=60)
    postcode = models.CharField(
        _("postcode"), max_length=8, validators=[identifiers.validate_postcode], db_index=True
    )
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)

    objects = ChildAddressQuerySet.as_manager()

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["record"],
                condition=Q(valid_to__isnull=True),
                name="records_one_current_address",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="records_address_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return ", ".join(
            part for part in (self.line_1, self.line_2, self.town, self.postcode) if part
        )

    def same_place(self, line_1, line_2, town, postcode):
        return (self.line_1, self.line_2, self.town, self.postcode) == (
            line_1,
            line_2,
            town,
            postcode,
        )


class ImportRun(models.Model):
    """One CSV import into the register, queued from the admin or run by the command. It
    carries its own progress, so the run's page can show it while a task worker imports."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        VALIDATING = "validating", _("Checking the rows")
        IMPORTING = "importing", _("Importing")
        SUCCEEDED = "succeeded", _("Imported")
        FAILED = "failed", _("Not imported")

    RUNNING = (Status.VALIDATING, Status.IMPORTING)
    FINISHED = (Status.SUCCEEDED, Status.FAILED)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The upload waits here for the task and is deleted once imported: it is personal data.
    file = models.FileField(upload_to="records/imports/%Y/%m/", blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("records created"), default=0)
    updated_count = models.PositiveIntegerField(_("records updated"), default=0)
    # [{"row": 2, "column": "upn", "message": "…"}]; row is None for a problem with the file.
    errors = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        verbose_name = _("import from CSV")
        verbose_name_plural = _("imports from CSV")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_finished(self):
        return self.status in self.FINISHED
