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


class Review(models.TextChoices):
    """Where a submitted form is in the council's review (casework.review holds the rules)."""

    NOT_OPENED = "not_opened", _("Not opened")
    OPENED = "opened", _("Opened")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    MORE_INFORMATION = "more_information", _("More information requested")


class Matching(models.TextChoices):
    """Whether the form's child is linked to the council's record of them."""

    AWAITING = "awaiting", _("Awaiting matching")
    RESUBMITTED = "resubmitted", _("Resubmitted to matching")
    MATCHED = "matched", _("Matched")


def sent_to_council():
    """The submissions the council sees: those submitted, and those it sent back for more
    information (a draft again for the family). A draft never sent is the family's own."""
    return models.Q(status=Status.SUBMITTED) | models.Q(review_state=Review.MORE_INFORMATION)


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
    # The council's review (casework.review): the state, the last decision and its message.
    review_state = models.CharField(
        _("review status"),
        max_length=20,
        choices=Review.choices,
        default=Review.NOT_OPENED,
        db_index=True,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_message = models.TextField(_("message to the submitter"), blank=True)
    # Set when the family sends the form again after the council asked for more information.
    resubmitted_at = models.DateTimeField(_("resubmitted"), null=True, blank=True)
    matching_resubmitted_at = models.DateTimeField(null=True, blank=True)
    # The approver's answer to "Share this form with the other people authenticated on this
    # child's case?" (null until the form is approved).
    share_with_case = models.BooleanField(_("shared with the child's case"), null=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["created_by", "person", "status"]),
            # The SEND team's list (council.listing): counted and sorted by received date from
            # the index alone, by status, and across forms sent to the council over a date range.
            models.Index(
                fields=["review_state", "status", "submitted_at"], name="send_review_received"
            ),
            models.Index(fields=["status", "submitted_at"], name="send_status_received"),
        ]
        permissions = [
            ("decide_submission", _("Can approve, reject or ask for more on submitted forms")),
            ("share_submission", _("Can share submitted forms on a child's case")),
        ]

    def __str__(self):
        return self.reference or f"{self.version} draft {self.pk}"

    @property
    def matching_state(self):
        if self.person.child_record_id:
            return Matching.MATCHED
        if self.matching_resubmitted_at:
            return Matching.RESUBMITTED
        return Matching.AWAITING


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
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        MORE_INFORMATION = "more_information", _("More information requested")
        RESENT = "resent", _("Sent again with more information")
        MATCHING = "matching", _("Child sent to matching")
        MATCHED = "matched", _("Child linked to a child record")
        FROM_CHRONOLOGY = "from_chronology", _("Created from the chronology")

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
