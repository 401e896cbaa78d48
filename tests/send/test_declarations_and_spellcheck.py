"""Item 18: the whole information-sharing declaration is read before the box that agrees to
it, in English and Welsh; the form builder's "answer is spell checked" flag reaches the
input, the published version and the form file."""

import json

import pytest
from django.utils import timezone

from plugins.send.builder import services as builder
from plugins.send.builder import transfer
from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services, steps
from plugins.send.models import FormDefinition, Question, Submission
from tests.conftest import sign_in_verified
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db


def checked_draft(client, language="en"):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    form = published_form(groups=((2, False, 1),))
    submission = services.start(link.user, link.person, form)
    prefix = "/cy" if language == "cy" else ""
    client.post(f"{prefix}/send/submissions/{submission.pk}/subject/")
    (question,) = submission.version.schema["groups"][0]["questions"]
    client.post(
        f"{prefix}/send/submissions/{submission.pk}/step/2/",
        {question["code"]: "An answer", "revision": 1},
    )
    return f"{prefix}/send/submissions/{submission.pk}/check/"


@pytest.mark.parametrize(
    ("language", "words", "agree"),
    [
        (
            "en",
            [
                "whether to carry out an assessment",
                "whether they need a plan",
                "what the plan should contain",
                "professionals who work with the child",
                "other teams in the council",
                "If you do not agree to this, you cannot send the form.",
            ],
            "I agree to the information in this form being used and shared",
        ),
        (
            "cy",
            [
                "a ddylid asesu anghenion addysg, iechyd a gofal",
                "a oes angen cynllun arnynt",
                "beth ddylai fod yn y cynllun",
                "gweithio gyda",
                "thimau eraill yn y cyngor",
                "Os nad ydych yn cytuno i hyn, ni allwch anfon y ffurflen.",
            ],
            "yn y ffurflen hon gael ei defnyddio a",
        ),
    ],
)
def test_the_whole_sharing_declaration_comes_before_the_box_that_agrees_to_it(
    client, language, words, agree
):
    page = client.get(checked_draft(client, language)).content.decode()
    statement = page.index('id="sharing-statement"')
    for sentence in words:
        assert statement < page.index(sentence) < page.index('name="sharing"'), sentence
    assert page.index(agree) > statement


def test_without_agreeing_to_sharing_the_form_is_not_sent(client):
    url = checked_draft(client)
    response = client.post(url, {"council": "true"})
    assert response.status_code == 200
    assert "or you cannot send the form" in response.content.decode()
    assert not Submission.objects.filter(status="submitted").exists()


def spell_checked_form():
    form = FormDefinitionFactory(code="SPELL")
    group = GroupFactory(form=form, number=2)
    place(
        group,
        QuestionFactory(code="VIEWS", data_type="memo", spellcheck=True),
        QuestionFactory(code="SURNAME", data_type="text"),
        QuestionFactory(code="NOTES", data_type="text", spellcheck=True),
    )
    return form


def test_only_answers_flagged_in_the_builder_are_spell_checked():
    form = spell_checked_form()
    builder.publish(form)
    form.refresh_from_db()
    (group,) = FormSchema(form.live_version.schema).groups
    html = str(steps.step_form(group))
    views = html.split('id="id_VIEWS"')[1].split(">")[0]
    surname = html.split('id="id_SURNAME"')[1].split(">")[0]
    notes = html.split('id="id_NOTES"')[1].split(">")[0]
    assert 'spellcheck="true"' in views
    assert 'spellcheck="false"' in surname
    assert 'spellcheck="true"' in notes


def test_a_version_published_before_the_flag_existed_is_not_spell_checked():
    form = spell_checked_form()
    builder.publish(form)
    form.refresh_from_db()
    old = form.live_version.schema
    for question in old["groups"][0]["questions"]:
        del question["spellcheck"]
    (group,) = FormSchema(old).groups
    assert all(not question.spellcheck for question in group.questions)
    assert 'spellcheck="true"' not in str(steps.step_form(group))


def test_the_flag_travels_in_the_form_file_and_a_file_without_it_still_imports():
    form = spell_checked_form()
    data = json.loads(transfer.export_json(form))
    flags = {q["code"]: q["spellcheck"] for q in data["questions"]}
    assert flags == {"VIEWS": True, "SURNAME": False, "NOTES": True}

    form.delete()
    Question.objects.filter(code__in=flags).delete()
    transfer.import_form(json.dumps(data))
    assert set(Question.objects.filter(spellcheck=True).values_list("code", flat=True)) == {
        "VIEWS",
        "NOTES",
    }

    FormDefinition.objects.all().delete()
    Question.objects.all().delete()
    for question in data["questions"]:
        del question["spellcheck"]
    transfer.import_form(json.dumps(data), code="SPELL_OLD")
    assert not Question.objects.filter(spellcheck=True).exists()


def test_a_file_with_a_spellcheck_flag_that_is_not_true_or_false_is_refused():
    data = json.loads(transfer.export_json(spell_checked_form()))
    data["questions"][0]["spellcheck"] = "yes"
    with pytest.raises(Exception) as raised:
        transfer.import_form(json.dumps(data), code="SPELL_BAD")
    assert "questions[0].spellcheck: should be true or false." in raised.value.messages


def test_only_text_and_memo_questions_may_be_spell_checked():
    from django.core.exceptions import ValidationError

    question = Question(code="WHEN", label_en="When", data_type="date", spellcheck=True)
    with pytest.raises(ValidationError) as raised:
        question.full_clean()
    assert "spellcheck" in raised.value.message_dict


def test_a_form_builder_marks_a_memo_question_as_spell_checked(client):
    from tests.send.test_question_bank import add, staff

    sign_in_verified(client, staff("build_forms"))
    assert "Answer is spell checked" in client.get("/admin/send/questions/new/").text
    add(client, code="CHILD_VIEWS", data_type="memo", spellcheck="on")
    assert Question.objects.get(code="CHILD_VIEWS").spellcheck
