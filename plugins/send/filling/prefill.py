"""Pre-filling a new draft: the answers a user gave before for the same person, and those
approved onto the child's chronology that the user may read."""

from ..builder.schema import FormSchema
from ..casework import sharing
from ..models import Answer

PREFILL_TYPES = {"text", "memo", "integer", "decimal", "yes_no", "date", "choice"}


def prefill(submission):
    """Copy the latest answer this user gave for the same person to each question of the
    form's non-repeating groups, marked as pre-filled until the user saves that step. A
    question they never answered for the person takes the latest answer approved onto the
    child's chronology among the forms the user may read: their own, and those shared on the
    case while they are authenticated on the child (``casework.sharing``)."""
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
            unchecked=False,
        )
        .exclude(submission=submission)
        .order_by("question_code", "-submission__updated_at")
        .values_list("question_code", "value")
    )
    latest = {}
    for code, value in earlier:
        latest.setdefault(code, value)
    approved = sharing.chronology_answers(submission.created_by, submission.person, codes)
    for code, value in approved.items():
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
