"""Filling in SEND forms: which forms a user may start, drafts, saving steps (with stale-save
detection), pre-filled answers, submitting (idempotent), reopening, purging old drafts.

Every change is written to the submission's audit trail."""

import secrets
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from portal import events, services

from ..builder.schema import FormSchema, text
from ..casework import review
from ..models import (
    Answer,
    FormDefinition,
    SendSettings,
    Submission,
    SubmissionEvent,
    SubmissionStep,
)
from ..models.forms import PortalType, UserType
from ..models.people import Relationship
from ..models.questions import UPLOAD_TYPES
from ..models.submissions import Review, Status
from .files import delete_files
from .prefill import prefill

SUBJECT_STEP = 1  # the automatic "Subject details" step
REFERENCE_PREFIX = "SND-"
# No 0/O or 1/I/L: references are read out over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 10


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


def forms_on_offer(user, link, search=""):
    """:func:`available_forms` as the person's forms page lists them: each with its title
    (``form_title``), not its published version with its whole schema decoded."""
    return (
        available_forms(user, link, search)
        .select_related(None)
        .annotate(form_title=KeyTransform("title", "live_version__schema"))
    )


def history(user, person):
    """The user's own submissions for ``person``: drafts first, then submitted, newest first."""
    return (
        Submission.objects.filter(created_by=user, person=person)
        # The list needs each form's title, not its whole published schema decoded per row.
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


def submitted_before(user, person, form):
    """The user's copies of ``form`` for ``person`` sent to the council and not yet decided
    (not opened or opened), newest first: starting another asks "Are you sure?"."""
    return Submission.objects.filter(
        created_by=user,
        person=person,
        version__form=form,
        status=Status.SUBMITTED,
        review_state__in=[Review.NOT_OPENED, Review.OPENED],
    ).order_by("-submitted_at")


def has_draft(user, person, form):
    return Submission.objects.filter(
        created_by=user, person=person, version__form=form, status=Status.DRAFT
    ).exists()


def needs_professional_details(submission):
    """Whether a professional's draft still waits for them to confirm who they are."""
    return submission.created_by.is_professional and not submission.professional_name


def confirm_subject(submission, user):
    """Step 1: the user checked the details of the person the form is about."""
    with transaction.atomic():
        submission = locked_draft(submission)
        submission.revision += 1
        submission.purge_warned_at = None
        SubmissionStep.objects.update_or_create(
            submission=submission,
            group_number=SUBJECT_STEP,
            defaults={"revision": submission.revision},
        )
        submission.save(update_fields=["revision", "purge_warned_at", "updated_at"])
    return submission


def locked_draft(submission):
    """``submission`` locked for this transaction; NotEditable once it is no longer a draft."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != Status.DRAFT:
        raise NotEditable()
    # A submission's published version never changes: the one already loaded serves, rather
    # than a query (and its whole schema decoded again) for each rule that reads it.
    if locked.version_id == submission.version_id and Submission.version.is_cached(submission):
        locked.version = submission.version
    return locked


def save_step(
    submission,
    group,
    answers,
    repeat_count,
    loaded_revision,
    user,
    files=(),
    unchecked=(),
    complete=True,
):
    """Save one step's answers (``{(repeat_index, code): value}``) from a page loaded at
    ``loaded_revision``. Raises StaleStep if the step was saved since, leaving it untouched.

    "Save and come back later" saves whatever was typed: ``unchecked`` names the answers kept
    as typed because they fail their checks, and ``complete`` is false while the step still
    has such answers or mandatory ones missing; submitting needs every step complete.

    File questions the page did not change keep their stored file; ``files`` are
    SubmissionFile rows just accepted for this step. A stale save deletes them (no answer
    points at them); saving deletes the files no answer points at any more (a removed
    repeating item's, a replaced one)."""
    try:
        return _save_step(
            submission,
            group,
            answers,
            repeat_count,
            loaded_revision,
            user,
            files,
            set(unchecked),
            complete,
        )
    except StaleStep:
        delete_files(files)
        raise


def _save_step(
    submission, group, answers, repeat_count, loaded_revision, user, files, unchecked, complete
):
    with transaction.atomic():
        submission = locked_draft(submission)
        step = SubmissionStep.objects.filter(
            submission=submission, group_number=group.number
        ).first()
        if step and step.revision > loaded_revision:
            raise StaleStep()
        file_codes = {q.code for q in group.questions if q.data_type in UPLOAD_TYPES}
        kept_files = {}
        if file_codes:  # the files this page did not change keep their answers
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
                unchecked=(index, code) in unchecked,
            )
            for (index, code), value in sorted(merged.items())
            if index < repeat_count
        )
        drop_hidden_answers(submission)
        delete_unanswered_files(submission, file_codes | upload_codes(submission))
        submission.revision += 1
        # The step's row was read (and the submission locked) above: no second look-up.
        step = step or SubmissionStep(submission=submission, group_number=group.number)
        step.repeat_count, step.revision, step.complete = (
            repeat_count,
            submission.revision,
            complete,
        )
        step.save()
        submission.purge_warned_at = None
        submission.save(update_fields=["revision", "purge_warned_at", "updated_at"])
        record(submission, SubmissionEvent.Action.STEP_SAVED, user, detail=str(group.number))
    return submission


def drop_hidden_answers(submission):
    """Delete the answers of conditional questions the submission's answers no longer ask
    (a "Yes" changed to "No" on an earlier step): they are not part of the form any more."""
    schema = FormSchema(submission.version.schema)
    if not any(question.shown_when for question in schema.questions.values()):
        return
    rows = list(submission.answers.values_list("pk", "question_code", "repeat_index", "value"))
    values = {(code, index): value for _pk, code, index, value in rows}

    def value(code, index=0):
        return values.get((code, index))

    hidden = [
        pk
        for pk, code, index, _value in rows
        if code in schema.questions and not schema.is_shown(schema.questions[code], value, index)
    ]
    submission.answers.filter(pk__in=hidden).delete()


def upload_codes(submission):
    """The codes of the form's file and image questions."""
    schema = FormSchema(submission.version.schema)
    return {code for code, q in schema.questions.items() if q.data_type in UPLOAD_TYPES}


def delete_unanswered_files(submission, codes):
    """Delete the stored files of questions ``codes`` that no answer points at any more."""
    if not codes:  # a form without file questions has no files to look for
        return
    answers = submission.answers.filter(question_code__in=codes).values_list("value", flat=True)
    answered = [value for value in answers if isinstance(value, int)]
    delete_files(submission.files.filter(question_code__in=codes).exclude(pk__in=answered))


def first_unsaved_step(submission, schema):
    """Where "Continue" on the task list leads: the first step not saved yet."""
    statuses = step_statuses(submission, schema)
    return next((number for number, saved in statuses.items() if not saved), SUBJECT_STEP)


def step_statuses(submission, schema, answers=None):
    """{group number: complete?} for the subject step and every group of the form: saved
    with "Save and continue", or with "Save and come back later" and nothing missing.
    ``answers`` (the submission's AnswerSet), when a page has loaded it, saves a query."""
    if answers is not None:
        saved = {number for number, complete in answers.saved_steps.items() if complete}
    else:
        saved = set(submission.steps.filter(complete=True).values_list("group_number", flat=True))
    numbers = [SUBJECT_STEP, *(g.number for g in schema.groups)]
    return {number: number in saved for number in numbers}


def step_progress(submission, schema, answers=None):
    """{group number: True (complete), False (saved for later with answers still missing or
    wrong) or None (not saved yet)} for the subject step and every group, from one query, or
    none when the page has loaded the submission's ``answers`` (an AnswerSet) already."""
    if answers is not None:
        saved = answers.saved_steps
    else:
        saved = dict(submission.steps.values_list("group_number", "complete"))
    return {
        number: saved.get(number) for number in [SUBJECT_STEP, *(g.number for g in schema.groups)]
    }


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
        if missing or needs_professional_details(submission):
            raise Incomplete(missing)
        submission.status = Status.SUBMITTED
        submission.submitted_at = timezone.now()
        submission.reference = submission.reference or new_reference()
        submission.save(update_fields=["status", "submitted_at", "reference", "updated_at"])
        submission.answers.filter(prefilled=True).update(prefilled=False)
        record(submission, SubmissionEvent.Action.SUBMITTED, user)
        if submission.review_state == Review.MORE_INFORMATION:
            # Sent again with the more information the council asked for.
            review.resend(submission, user)
        events.send_after_commit(events.form_submitted, Submission, submission=submission)
        # Only a submission that really happened gets a receipt.
        transaction.on_commit(partial(send_receipt, submission))
    return submission


def send_receipt(submission):
    """Tell the submitter, in their language, which form they sent, for whom, and its
    reference."""
    user = submission.created_by
    services.get("notify")(
        user,
        "send.emailsubject.receipt",
        "send.email_receipt",
        {
            "form": text(submission.version.schema["title"], user.preferred_language),
            "person": submission.person.full_name,
            "reference": submission.reference,
        },
    )


def may_reopen(submission, user):
    """Whether ``user`` may reopen ``submission``: a professional's own submitted form that the
    council has not opened yet (see ``casework.review.open_submission``), where
    the council allows it."""
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


# -- old drafts -----------------------------------------------------------------------------


def drafts_untouched_since(moment):
    """Drafts nobody has saved since ``moment``."""
    return Submission.objects.filter(status=Status.DRAFT, updated_at__lt=moment)
