"""The rules of a new form made from a child's chronology.

Staff choose a published form definition; the new form starts from the answers of the
child's latest approved form (same question codes, whatever the form), and, for questions
"inherited multiple times", from the earlier answers staff choose. Saving makes a submission
for the same portal person, created by the member of staff, submitted and approved at once
(``review.approve_from_chronology``), so it becomes a new event of the child's chronology.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone

from portal import access

from ...access import CHRONOLOGY
from ...builder.schema import FormSchema, text
from ...filling.answers import DATE_FORMAT, AnswerSet, file_description
from ...filling.services import (
    delete_unanswered_files,
    drop_hidden_answers,
    new_reference,
    upload_codes,
)
from ...filling.steps import SUBJECT_STEP
from ...models import Answer, FormDefinition, Submission, SubmissionFile, SubmissionStep
from ...models.questions import TEXT_TYPES, UPLOAD_TYPES, DataType
from ...models.submissions import Review, Status
from .. import review

# Several earlier text answers brought into one answer, oldest first.
JOINED_ANSWERS_SEPARATOR = "\n\n"


def approved_for_child(user, child_record_id):
    """The approved forms of the child record that ``user`` may see on its chronology (so
    each form definition's access list applies to what a new form copies), newest decision
    first."""
    approved = Submission.objects.filter(
        review_state=Review.APPROVED, person__child_record_id=child_record_id
    )
    return (
        access.scoped(user, CHRONOLOGY, approved)
        .select_related("person", "version")
        .order_by("-decided_at", "-pk")
    )


def latest_approved(user, child_record_id):
    """The child's latest approved form, which a new form copies; None when there is none
    (an unknown child record, or one with no approved form yet, has nothing to start from)."""
    return approved_for_child(user, child_record_id).first()


def published_forms():
    """The form definitions a new form can be made from: those with a published version."""
    return (
        FormDefinition.objects.filter(live_version__isnull=False)
        .select_related("live_version")
        .order_by("title_en", "code")
    )


# -- what the new form inherits ------------------------------------------------------------


@dataclass
class Inheritance:
    """What a new form starts from: ``answers`` keyed ``(repeat_index, code)`` as ``Answer``
    rows store them, how many items each repeating group has, and the files it keeps
    (``files``: the same keys to the source's ``SubmissionFile`` rows)."""

    source: Submission
    answers: dict = field(default_factory=dict)
    repeat_counts: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)

    def for_group(self, group):
        codes = {question.code for question in group.questions}
        return {key: value for key, value in self.answers.items() if key[1] in codes}

    def file_words(self, key):
        """The kept file of ``key`` as people read it ("report.pdf (PDF, 12 KB)"), or ""."""
        stored = self.files.get(key)
        return file_description(stored.original_name, stored.size) if stored else ""


def _fits(question, value):
    # A list item may have been withdrawn from the chosen form's list, and an answer to the
    # same code may have been given to a question of another kind on another form.
    if question.data_type == DataType.CHOICE:
        return value in dict(question.choices)
    if question.data_type == DataType.YES_NO:
        return value in ("yes", "no")
    return True


def inherit(schema, source, chosen=None):
    """What a new form of ``schema`` inherits from ``source``, the child's latest approved
    form: each answer to a question with the same code (every item in a repeating group,
    only the first where the new form's group does not repeat). ``chosen`` maps a question
    inherited multiple times to the answer made from the earlier answers staff chose
    (:func:`combined_answer`), which replaces the latest one."""
    chosen = chosen or {}
    inheritance = Inheritance(source)
    rows = source.answers.filter(question_code__in=schema.questions, unchecked=False)
    for index, code, value in rows.values_list("repeat_index", "question_code", "value"):
        question = schema.questions[code]
        if code in chosen or value in (None, ""):
            continue
        if (index and not question.group.repeating) or not _fits(question, value):
            continue
        inheritance.answers[index, code] = value
    for code, value in chosen.items():
        if value not in (None, ""):
            inheritance.answers[0, code] = value
    file_ids = {
        value: key
        for key, value in inheritance.answers.items()
        if schema.questions[key[1]].data_type in UPLOAD_TYPES
    }
    stored = SubmissionFile.objects.filter(submission=source, pk__in=file_ids)
    inheritance.files = {file_ids[row.pk]: row for row in stored}
    for key in set(file_ids.values()) - set(inheritance.files):
        del inheritance.answers[key]  # a file no longer stored is not inherited
    for group in schema.groups:
        if group.repeating:
            indexes = [index for index, code in inheritance.for_group(group)]
            inheritance.repeat_counts[group.number] = max(indexes, default=0) + 1
    return inheritance


# -- questions inherited multiple times ------------------------------------------------------


def decided_words(moment):
    """A decision's date as the pages show it ("5 March 2020")."""
    return formats.date_format(timezone.localtime(moment), DATE_FORMAT)


@dataclass(frozen=True)
class EarlierAnswer:
    """One answer an earlier approved form of the child gave, offered to bring in."""

    pk: int
    value: object
    words: str
    form_title: str
    reference: str
    decided: str


def multiple_questions(schema):
    """The questions of ``schema`` whose answers may be inherited multiple times. In a
    repeating group such a question is inherited like any other (the form builder warns)."""
    return [
        question
        for group in schema.groups
        if not group.repeating
        for question in group.questions
        if question.inherit_multiple and question.data_type not in UPLOAD_TYPES
    ]


def earlier_answers(user, child_record_id, schema):
    """``{code: [EarlierAnswer, …]}``, newest first: for each question of ``schema`` inherited
    multiple times, the answers every approved form of the child gave to the same code."""
    questions = {question.code: question for question in multiple_questions(schema)}
    if not questions:
        return {}
    rows = (
        Answer.objects.filter(
            submission__in=approved_for_child(user, child_record_id).values("pk"),
            question_code__in=questions,
            unchecked=False,
        )
        .exclude(value=None)
        .exclude(value="")
        .select_related("submission__version")
        .order_by("-submission__decided_at", "-submission__pk", "repeat_index")
    )
    found = {code: [] for code in questions}
    for row in rows:
        question = questions[row.question_code]
        if not _fits(question, row.value):
            continue
        words = AnswerSet({(row.question_code, 0): row.value}).display(question)
        found[row.question_code].append(
            EarlierAnswer(
                pk=row.pk,
                value=row.value,
                words=words,
                form_title=text(row.submission.version.schema["title"]),
                reference=row.submission.reference,
                decided=decided_words(row.submission.decided_at),
            )
        )
    return {code: answers for code, answers in found.items() if answers}


def combined_answer(question, answers):
    """The one answer made from the earlier ``answers`` (newest first) staff chose for
    ``question``: text answers one after another, oldest first, a blank line between them;
    for any other kind of question, only one answer can be chosen."""
    if not answers:
        return None
    if question.data_type in TEXT_TYPES:
        return JOINED_ANSWERS_SEPARATOR.join(str(a.value) for a in reversed(answers))
    return answers[0].value


def may_choose_several(question):
    """Whether several earlier answers can be brought into ``question`` together."""
    return question.data_type in TEXT_TYPES


# -- saving -----------------------------------------------------------------------------------


def unchanged_answers(inheritance, answers):
    """The inherited answers still as inherited in ``answers`` (files cannot be changed on
    the page, so they are not counted): saving asks "Are you sure?" while there are any."""
    return {
        key
        for key, value in inheritance.answers.items()
        if key not in inheritance.files and key in answers and answers[key] == value
    }


def _copied_file(submission, key, stored):
    # The new form keeps its own copy: deleting or purging one form never empties the other.
    with stored.file.open("rb") as handle:
        content = ContentFile(handle.read())
    copy = SubmissionFile(
        submission=submission,
        question_code=key[1],
        repeat_index=key[0],
        original_name=stored.original_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
        uploaded_by=stored.uploaded_by,
    )
    copy.file.save(stored.original_name, content, save=False)
    copy.save()
    return copy


def create_from_chronology(user, form, inheritance, answers, repeat_counts, request=None):
    """Save the new form: a submission of ``form``'s published version for the person of the
    inherited form, created by ``user``, with ``answers`` (``{(repeat_index, code): value}``),
    the inherited files, and ``repeat_counts`` items per repeating group; then submitted and
    approved at once (``review.approve_from_chronology``)."""
    version = form.live_version
    schema = FormSchema(version.schema)
    group_of = {code: question.group.number for code, question in schema.questions.items()}
    with transaction.atomic():
        submission = Submission.objects.create(
            person=inheritance.source.person,
            version=version,
            created_by=user,
            status=Status.SUBMITTED,
            submitted_at=timezone.now(),
            reference=new_reference(),
        )
        values = {key: value for key, value in answers.items() if value not in (None, "")}
        for key, stored in inheritance.files.items():
            values[key] = _copied_file(submission, key, stored).pk
        Answer.objects.bulk_create(
            Answer(
                submission=submission,
                group_number=group_of[code],
                repeat_index=index,
                question_code=code,
                value=value,
            )
            for (index, code), value in sorted(values.items())
            if code in group_of
        )
        # The answers (and kept files) of questions the new answers no longer ask.
        drop_hidden_answers(submission)
        delete_unanswered_files(submission, upload_codes(submission))
        SubmissionStep.objects.bulk_create(
            [SubmissionStep(submission=submission, group_number=SUBJECT_STEP)]
            + [
                SubmissionStep(
                    submission=submission,
                    group_number=group.number,
                    repeat_count=repeat_counts.get(group.number, 1),
                )
                for group in schema.groups
            ]
        )
        review.approve_from_chronology(submission, user, inheritance.source, request=request)
    return submission
