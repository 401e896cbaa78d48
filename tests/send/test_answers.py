"""Reading a submission's answers back in words, as check-your-answers pages and printouts
show them, in English and in Welsh."""

import pytest
from django.utils import translation

from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.filling.answers import blank_answers, load_answers
from plugins.send.models import Answer, Submission, SubmissionFile, SubmissionStep
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    SubmissionFactory,
    place,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def form():
    """A published form with one question of each data type and a repeating group."""
    definition = FormDefinitionFactory()
    questions = {
        data_type: QuestionFactory(code=f"ASK_{data_type.upper()}", data_type=data_type)
        for data_type in ("text", "memo", "integer", "decimal", "yes_no", "date", "choice", "file")
    }
    ChoiceFactory(
        question=questions["choice"],
        value="speech",
        label_en="Speech and language",
        label_cy="Lleferydd ac iaith",
    )
    ChoiceFactory(
        question=questions["choice"], value="sensory", label_en="Sensory", label_cy="Synhwyraidd"
    )
    place(GroupFactory(form=definition, number=2), *questions.values())
    repeating = GroupFactory(form=definition, number=3, repeating=True)
    place(repeating, QuestionFactory(code="SCHOOL_NAME"))
    builder.publish(definition)
    definition.refresh_from_db()
    return definition


def answer(submission, code, value, repeat=0, group=2, prefilled=False):
    Answer.objects.create(
        submission=submission,
        group_number=group,
        repeat_index=repeat,
        question_code=code,
        value=value,
        prefilled=prefilled,
    )


@pytest.fixture
def submission(form):
    submission = SubmissionFactory(version=form.live_version)
    report = SubmissionFile.objects.create(
        submission=submission,
        question_code="ASK_FILE",
        file="send/submissions/abc",
        original_name="Speech therapy report – Ŵyn.pdf",
        content_type="application/pdf",
        size=1000,
        sha256="0" * 64,
    )
    answer(submission, "ASK_TEXT", "Hillside Primary")
    answer(submission, "ASK_MEMO", "Loves drawing.\nFinds noise hard.")
    answer(submission, "ASK_INTEGER", 7)
    answer(submission, "ASK_DECIMAL", "1.50")
    answer(submission, "ASK_YES_NO", "yes")
    answer(submission, "ASK_DATE", "2020-03-05")
    answer(submission, "ASK_CHOICE", "speech")
    answer(submission, "ASK_FILE", report.pk)
    return Submission.objects.select_related("version").get(pk=submission.pk)


def shown(answers, form):
    schema = FormSchema(form.live_version.schema)
    return {code: answers.display(question) for code, question in schema.questions.items()}


def test_each_kind_of_answer_reads_in_english_words(form, submission):
    words = shown(load_answers(submission), form)
    assert words == {
        "ASK_TEXT": "Hillside Primary",
        "ASK_MEMO": "Loves drawing.\nFinds noise hard.",
        "ASK_INTEGER": "7",
        "ASK_DECIMAL": "1.50",
        "ASK_YES_NO": "Yes",
        "ASK_DATE": "5 March 2020",
        "ASK_CHOICE": "Speech and language",
        "ASK_FILE": "Speech therapy report – Ŵyn.pdf (PDF, 1000\xa0bytes)",
        "SCHOOL_NAME": "",
    }


def test_each_kind_of_answer_reads_in_welsh_words_under_welsh(form, submission):
    answers = load_answers(submission)
    with translation.override("cy"):
        words = shown(answers, form)
    assert words["ASK_YES_NO"] == "Ie"
    assert words["ASK_DATE"] == "5 Mawrth 2020"
    assert words["ASK_CHOICE"] == "Lleferydd ac iaith"
    assert words["ASK_TEXT"] == "Hillside Primary"  # people's own words stay as they wrote them
    assert words["ASK_FILE"].startswith("Speech therapy report – Ŵyn.pdf (PDF, 1000")


@pytest.mark.parametrize(
    ("value", "english", "welsh"),
    [("yes", "Yes", "Ie"), ("no", "No", "Na"), (None, "Not answered", "Heb ateb")],
)
def test_a_yes_or_no_question_always_says_something(form, value, english, welsh):
    submission = SubmissionFactory(version=form.live_version)
    if value is not None:
        answer(submission, "ASK_YES_NO", value)
    question = FormSchema(form.live_version.schema).questions["ASK_YES_NO"]
    answers = load_answers(submission)
    assert answers.display(question) == english
    with translation.override("cy"):
        assert answers.display(question) == welsh


def test_questions_without_an_answer_show_nothing(form):
    words = shown(load_answers(SubmissionFactory(version=form.live_version)), form)
    assert words.pop("ASK_YES_NO") == "Not answered"
    assert set(words.values()) == {""}


def test_a_file_answer_never_shows_another_submissions_file_name(form, submission):
    other = SubmissionFactory(version=form.live_version)
    answer(other, "ASK_FILE", SubmissionFile.objects.get(submission=submission).pk)
    question = FormSchema(form.live_version.schema).questions["ASK_FILE"]
    assert load_answers(other).display(question) == ""


def test_a_repeating_group_is_read_entry_by_entry(form, submission):
    SubmissionStep.objects.create(submission=submission, group_number=3, repeat_count=2)
    answer(submission, "SCHOOL_NAME", "Ysgol Gymraeg", repeat=0, group=3)
    answer(submission, "SCHOOL_NAME", "Hillside Primary", repeat=1, group=3)
    answers = load_answers(submission)
    question = FormSchema(form.live_version.schema).questions["SCHOOL_NAME"]
    assert answers.repeat_count(3) == 2
    assert answers.repeat_count(2) == 1  # a step not saved yet is filled in once
    assert [answers.display(question, index) for index in range(2)] == [
        "Ysgol Gymraeg",
        "Hillside Primary",
    ]
    assert answers.value("SCHOOL_NAME", 1) == "Hillside Primary"


def test_answers_copied_from_an_earlier_form_are_known_as_prefilled(form):
    submission = SubmissionFactory(version=form.live_version)
    answer(submission, "ASK_TEXT", "Hillside Primary", prefilled=True)
    answer(submission, "ASK_MEMO", "New words")
    answers = load_answers(submission)
    assert answers.is_prefilled("ASK_TEXT")
    assert not answers.is_prefilled("ASK_MEMO")
    assert not answers.is_prefilled("ASK_TEXT", 1)


def test_reading_answers_takes_two_queries_and_a_third_only_for_file_names(
    form, submission, django_assert_num_queries
):
    with django_assert_num_queries(3):
        load_answers(submission)
    without_files = Submission.objects.select_related("version").get(
        pk=SubmissionFactory(version=form.live_version).pk
    )
    answer(without_files, "ASK_TEXT", "Hillside Primary")
    with django_assert_num_queries(2):
        load_answers(without_files)


def test_a_blank_form_has_no_answers(form):
    answers = blank_answers()
    schema = FormSchema(form.live_version.schema)
    assert answers.value("ASK_TEXT") is None
    assert answers.repeat_count(3) == 1
    assert answers.display(schema.questions["ASK_DATE"]) == ""
