"""Filling in SEND forms: which forms a user may start, drafts, saving steps (with stale-save
detection), pre-filled answers, submitting (idempotent), reopening, purging old drafts.

Every change is written to the submission's audit trail."""

import secrets

from django.db import transaction
from django.db.models import Q
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from portal import events

from .models import (
    Answer,
    FormDefinition,
    Submission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStep,
)
from .models.forms import PortalType, UserType
from .models.people import Relationship
from .models.submissions import Status
from .schema import FormSchema

SUBJECT_STEP = 1  # the automatic "Subject details" step
REFERENCE_PREFIX = "SND-"
# No 0/O or 1/I/L: references are read out over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 10
PREFILL_TYPES = {"text", "memo", "integer", "decimal", "yes_no", "date", "choice"}


class StaleStep(Exception):
    """The step was saved elsewhere (another tab or device) after this page was loaded."""


class NotEditable(Exception):
    """The submission is no longer a draft."""


class Incomplete(Exception):
    """Some steps have not been saved yet. ``steps`` lists their numbers."""

    def __init__(self, steps):
        super().__init__(steps)
        self.steps = steps


def record(submission, action, user, detail=""):
    SubmissionEvent.objects.create(submission=submission, action=action, user=user, detail=detail)


# -- which forms ---------------------------------------------------------------------------


def user_type_for(link):
    return (
        UserType.YOUNG_PERSON if link.relationship == Relationship.SELF else UserType.PARENT_CARER
    )


def available_forms(user, link, search=""):
    """Live forms this user may start for the person of ``link``."""
    forms = FormDefinition.objects.available().select_related("live_version")
    if user.is_professional:
        forms = forms.filter(portal_type=PortalType.PROFESSIONAL)
    else:
        forms = forms.filter(portal_type=PortalType.CITIZEN, user_type=user_type_for(link))
    search = search.strip()
    if search:
        forms = forms.filter(
            Q(title_en__icontains=search) | Q(title_cy__icontains=search) | Q(code__iexact=search)
        )
    return forms.order_by("title_en")


def history(user, person):
    """The user's own submissions for ``person``: drafts first, then submitted, newest first."""
    return (
        Submission.objects.filter(created_by=user, person=person)
        .select_related("version")
        # The list needs each form's title, not its whole published schema decoded per row.
        .defer("version__schema")
        .annotate(form_title=KeyTransform("title", "version__schema"))
        .order_by("status", "-updated_at")
    )


# -- drafts ---------------------------------------------------------------------------------


@transaction.atomic
def start(user, person, form):
    """The user's draft of ``form`` for ``person``: an existing one is continued rather than
    a second started, so a double click on Start makes one draft."""
    existing = (
        Submission.objects.select_for_update()
        .filter(created_by=user, person=person, version__form=form, status=Status.DRAFT)
        .first()
    )
    if existing:
        return existing
    submission = Submission.objects.create(
        person=person, version=form.live_version, created_by=user
    )
    record(submission, SubmissionEvent.Action.CREATED, user)
    prefill(submission)
    return submission


def prefill(submission):
    """Copy the latest answer this user gave for the same person to each question of the
    form's non-repeating groups, marked as pre-filled until the user saves that step."""
    schema = FormSchema(submission.version.schema)
    codes = {
        q.code: g.number
        for g in schema.groups
        if not g.repeating
        for q in g.questions
        if q.data_type in PREFILL_TYPES
    }
    earlier = (
        Answer.objects.filter(
            submission__person=submission.person,
            submission__created_by=submission.created_by,
            question_code__in=codes,
            repeat_index=0,
        )
        .exclude(submission=submission)
        .order_by("question_code", "-submission__updated_at")
        .values_list("question_code", "value")
    )
    latest = {}
    for code, value in earlier:
        latest.setdefault(code, value)
    schema_questions = schema.questions
    Answer.objects.bulk_create(
        Answer(
            submission=submission,
            group_number=codes[code],
            question_code=code,
            value=value,
            prefilled=True,
        )
        for code, value in latest.items()
        if value not in (None, "") and _still_valid(schema_questions[code], value)
    )


def _still_valid(question, value):
    # A list item may have been withdrawn from the newer form's list.
    return question.data_type != "choice" or value in {v for v, _words in question.choices}


def confirm_subject(submission, user):
    """Step 1: the user checked the details of the person the form is about."""
    with transaction.atomic():
        submission = _locked_draft(submission)
        submission.revision += 1
        submission.purge_warned_at = None
        SubmissionStep.objects.update_or_create(
            submission=submission,
            group_number=SUBJECT_STEP,
            defaults={"revision": submission.revision},
        )
        submission.save(update_fields=["revision", "purge_warned_at", "updated_at"])
    return submission


def _locked_draft(submission):
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Status.DRAFT:
        raise NotEditable()
    return submission


def save_step(submission, group, answers, repeat_count, loaded_revision, user, files=()):
    """Save one step's answers (``{(repeat_index, code): value}``) from a page loaded at
    ``loaded_revision``. Raises StaleStep if the step was saved since, leaving it untouched.

    File questions the page did not change keep their stored file; ``files`` are
    SubmissionFile rows just accepted for this step."""
    with transaction.atomic():
        submission = _locked_draft(submission)
        step = SubmissionStep.objects.filter(
            submission=submission, group_number=group.number
        ).first()
        if step and step.revision > loaded_revision:
            raise StaleStep()
        file_codes = {q.code for q in group.questions if q.data_type in {"file", "image"}}
        kept_files = {
            (a.repeat_index, a.question_code): a.value
            for a in submission.answers.filter(
                group_number=group.number, question_code__in=file_codes
            )
            if a.repeat_index < repeat_count
        }
        new_files = {(f.repeat_index, f.question_code): f.pk for f in files}
        submission.answers.filter(group_number=group.number).delete()
        merged = {**kept_files, **{k: v for k, v in answers.items() if v not in (None, "")}}
        merged.update(new_files)
        Answer.objects.bulk_create(
            Answer(
                submission=submission,
                group_number=group.number,
                repeat_index=index,
                question_code=code,
                value=value,
            )
            for (index, code), value in sorted(merged.items())
            if index < repeat_count
        )
        submission.files.filter(
            question_code__in=file_codes, repeat_index__gte=repeat_count
        ).delete()
        submission.revision += 1
        SubmissionStep.objects.update_or_create(
            submission=submission,
            group_number=group.number,
            defaults={"repeat_count": repeat_count, "revision": submission.revision},
        )
        submission.purge_warned_at = None
        submission.save(update_fields=["revision", "purge_warned_at", "updated_at"])
        record(submission, SubmissionEvent.Action.STEP_SAVED, user, detail=str(group.number))
    return submission


def store_file(submission, code, repeat_index, upload, checked, user):
    """Keep a file that passed ``uploads.check_upload`` (``checked``) for a draft."""
    stored = SubmissionFile(
        submission=submission,
        question_code=code,
        repeat_index=repeat_index,
        original_name=upload.name[-255:],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )
    upload.seek(0)
    stored.file.save(upload.name, upload, save=False)
    stored.save()
    record(submission, SubmissionEvent.Action.FILE_ADDED, user, detail=stored.original_name)
    return stored


def attach_files(submission, group, files, user):
    """Make accepted files the answers to their questions while the rest of the step still
    has errors, so nobody uploads the same file twice. The step is not marked saved."""
    with transaction.atomic():
        submission = _locked_draft(submission)
        for stored in files:
            Answer.objects.update_or_create(
                submission=submission,
                repeat_index=stored.repeat_index,
                question_code=stored.question_code,
                defaults={"group_number": group.number, "value": stored.pk, "prefilled": False},
            )


def first_unsaved_step(submission, schema):
    """Where "Continue" on the task list leads: the first step not saved yet."""
    statuses = step_statuses(submission, schema)
    return next((number for number, saved in statuses.items() if not saved), SUBJECT_STEP)


def remove_file(submission, file_pk, user):
    """Take an uploaded file off a draft (its answer goes with it)."""
    with transaction.atomic():
        submission = _locked_draft(submission)
        upload = submission.files.get(pk=file_pk)
        submission.answers.filter(
            question_code=upload.question_code, repeat_index=upload.repeat_index
        ).delete()
        upload.file.delete(save=False)
        upload.delete()
        submission.revision += 1
        submission.save(update_fields=["revision", "updated_at"])
        record(submission, SubmissionEvent.Action.FILE_REMOVED, user, detail=upload.original_name)


def step_statuses(submission, schema):
    """{group number: saved?} for the subject step and every group of the form."""
    saved = set(submission.steps.values_list("group_number", flat=True))
    numbers = [SUBJECT_STEP, *(g.number for g in schema.groups)]
    return {number: number in saved for number in numbers}


# -- submitting ----------------------------------------------------------------------------


def new_reference():
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        reference = REFERENCE_PREFIX + code
        if not Submission.objects.filter(reference=reference).exists():
            return reference


def submit(submission, user):
    """Submit a draft whose steps are all saved. Submitting again (a double click, a replayed
    request) returns the same submission and changes nothing."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status == Status.SUBMITTED:
            return submission
        statuses = step_statuses(submission, FormSchema(submission.version.schema))
        missing = [number for number, saved in statuses.items() if not saved]
        if missing:
            raise Incomplete(missing)
        submission.status = Status.SUBMITTED
        submission.submitted_at = timezone.now()
        submission.reference = submission.reference or new_reference()
        submission.save(update_fields=["status", "submitted_at", "reference", "updated_at"])
        submission.answers.filter(prefilled=True).update(prefilled=False)
        record(submission, SubmissionEvent.Action.SUBMITTED, user)
        transaction.on_commit(
            lambda: events.form_submitted.send(sender=Submission, submission=submission)
        )
    return submission


def may_reopen(submission, user):
    from .models import SendSettings

    return (
        user.is_professional
        and submission.created_by_id == user.pk
        and submission.status == Status.SUBMITTED
        and submission.opened_by_council_at is None
        and SendSettings.load().allow_professional_edit
    )


def reopen(submission, user, reason):
    """A professional reopens a submitted form the council has not opened, saying why."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if not may_reopen(submission, user):
            raise NotEditable()
        submission.status = Status.DRAFT
        submission.save(update_fields=["status", "updated_at"])
        record(submission, SubmissionEvent.Action.REOPENED, user, detail=reason)
    return submission


# -- the council ----------------------------------------------------------------------------


def submitted_forms():
    """The forms sent to the council. A draft is the family's own until they submit it: the
    council never sees one."""
    return Submission.objects.filter(status=Status.SUBMITTED)


def mark_opened(submission, user):
    """Record the council's first opening of a submitted form: from then on a professional
    can no longer reopen it (see :func:`may_reopen`). Later openings change nothing.

    One conditional update, so it cannot race with :func:`reopen`: a form reopened first is
    a draft again and is not marked."""
    if submission.opened_by_council_at is not None:
        return submission
    now = timezone.now()
    with transaction.atomic():
        marked = Submission.objects.filter(
            pk=submission.pk, status=Status.SUBMITTED, opened_by_council_at__isnull=True
        ).update(opened_by_council_at=now)
        if marked:
            submission.opened_by_council_at = now
            record(submission, SubmissionEvent.Action.OPENED, user)
    return submission


def record_council_print(submission, user, file_format):
    """The council printed the form (which opens it, if nobody had)."""
    mark_opened(submission, user)
    record(submission, SubmissionEvent.Action.PRINTED, user, detail=file_format)


def record_council_download(submission, upload, user):
    """The council downloaded one of the form's files (which opens it, if nobody had)."""
    mark_opened(submission, user)
    record(submission, SubmissionEvent.Action.FILE_DOWNLOADED, user, detail=upload.original_name)


# -- old drafts -----------------------------------------------------------------------------


def drafts_untouched_since(moment):
    return Submission.objects.filter(status=Status.DRAFT, updated_at__lt=moment)


def delete_draft_files(submissions):
    for upload in SubmissionFile.objects.filter(submission__in=submissions):
        upload.file.delete(save=False)
