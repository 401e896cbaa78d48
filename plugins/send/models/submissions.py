"""Submissions: one person's answers to one exact form version, with their files and an
audit trail of every change."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import FormVersion
from .people import PortalPerson


class Status(models.TextChoices):
    DRAFT = "draft", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class Submission(models.Model):
    """``revision`` grows with every saved step: a save based on an older revision is stale
    and is refused rather than overwriting newer answers."""

    person = models.ForeignKey(PortalPerson, on_delete=models.PROTECT, related_name="submissions")
    version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="submissions")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="send_submissions"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True)
    revision = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    opened_by_council_at = models.DateTimeField(null=True, blank=True)
    purge_warned_at = models.DateTimeField(null=True, blank=True)
    # A professional's name, role and organisation as they confirmed them before starting:
    # what the council reads on the form, even if their account changes later.
    professional_name = models.CharField(_("professional's name"), max_length=150, blank=True)
    professional_role = models.CharField(_("professional's role"), max_length=100, blank=True)
    professional_organisation = models.CharField(
        _("professional's organisation"), max_length=150, blank=True
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["created_by", "person", "status"])]

    def __str__(self):
        return self.reference or f"{self.version} draft {self.pk}"


class Answer(models.Model):
    """One answer, keyed by question code and, in a repeating group, by its repeat index.
    ``value`` is a string, number, ISO date, yes/no, list value or a SubmissionFile id."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    group_number = models.PositiveSmallIntegerField()
    repeat_index = models.PositiveSmallIntegerField(default=0)
    question_code = models.CharField(max_length=30)
    value = models.JSONField(null=True)
    prefilled = models.BooleanField(default=False)
    # Kept as typed by "Save and come back later" although it fails the question's checks
    # (a string, a date as "YYYY-M-D"): shown back on the step, never submitted.
    unchecked = models.BooleanField(default=False)

    class Meta:
        ordering = ["group_number", "repeat_index", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "repeat_index", "question_code"], name="send_one_answer"
            )
        ]

    def __str__(self):
        return f"{self.question_code}[{self.repeat_index}]"


class SubmissionStep(models.Model):
    """A step the user has saved, and how many times a repeating group is filled in.
    ``complete`` is false after "Save and come back later" left answers missing or wrong."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="steps")
    group_number = models.PositiveSmallIntegerField()
    repeat_count = models.PositiveSmallIntegerField(default=1)
    complete = models.BooleanField(default=True)
    # The submission's revision this step was last saved at: a save of the step from a page
    # loaded before that revision is stale.
    revision = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group_number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "group_number"], name="send_one_step")
        ]

    def __str__(self):
        return f"{self.submission_id}: {self.group_number}"


def submission_file_path(instance, filename):
    # Stored under a random name: the original name is kept in the row, never in the path.
    return f"send/submissions/{uuid.uuid4().hex}"


class SubmissionFile(models.Model):
    """An uploaded file, accepted only after its content type check and virus scan."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    question_code = models.CharField(max_length=30)
    repeat_index = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=submission_file_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class SubmissionEvent(models.Model):
    """The audit trail: who did what to a submission, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("Started")
        STEP_SAVED = "step_saved", _("Step saved")
        FILE_ADDED = "file_added", _("File added")
        FILE_REMOVED = "file_removed", _("File removed")
        SUBMITTED = "submitted", _("Submitted")
        REOPENED = "reopened", _("Reopened to edit")
        # The council's side: only what it did with the form, not every look at it.
        OPENED = "opened", _("Opened by the council")
        PRINTED = "printed", _("Printed by the council")
        FILE_DOWNLOADED = "file_downloaded", _("File downloaded by the council")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.submission_id}: {self.action}"
