"""The form builder warns when a question "inherited multiple times" sits in a repeating
group, where a new form from the chronology inherits its answer only once."""

import pytest

from tests.conftest import sign_in_verified
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place
from tests.send.test_form_definitions_admin import staff
from tests.send.test_question_bank import question_data

pytestmark = pytest.mark.django_db

FORMS = "/admin/send/forms/"
WARNING = "can be inherited multiple times, but group"


@pytest.fixture
def send_team(client):
    sign_in_verified(client, staff("access_admin", "build_forms"))
    return client


@pytest.fixture
def advice():
    return QuestionFactory(code="HEALTH_ADVICE", inherit_multiple=True)


def test_adding_a_multiply_inherited_question_to_a_repeating_group_warns(send_team, advice):
    group = GroupFactory(form=FormDefinitionFactory(code="EHC_REQ"), number=3, repeating=True)
    response = send_team.post(
        f"{FORMS}groups/{group.pk}/questions/", {"question": advice.pk}, follow=True
    )
    assert (
        "Question HEALTH_ADVICE can be inherited multiple times, but group 3 of form EHC_REQ "
        "repeats" in response.text
    )
    assert "data-inherited-once" in response.text  # and the Build page says it on the row


def test_the_same_question_in_a_group_that_does_not_repeat_gives_no_warning(send_team, advice):
    group = GroupFactory(form=FormDefinitionFactory(), repeating=False)
    response = send_team.post(
        f"{FORMS}groups/{group.pk}/questions/", {"question": advice.pk}, follow=True
    )
    assert WARNING not in response.text and "data-inherited-once" not in response.text


def test_making_a_group_repeat_warns_about_its_multiply_inherited_questions(send_team, advice):
    group = GroupFactory(form=FormDefinitionFactory(), number=2)
    place(group, advice, QuestionFactory(code="OTHER"))
    response = send_team.post(
        f"{FORMS}groups/{group.pk}/edit/",
        {"name_en": "Health", "number": 2, "repeating": "on"},
        follow=True,
    )
    assert response.text.count(WARNING) == 2  # the message, and the note on the row
    assert "Question OTHER can be" not in response.text


def test_flagging_a_question_in_the_bank_warns_where_it_sits_in_a_repeating_group(send_team):
    question = QuestionFactory(code="ADVICE")
    place(
        GroupFactory(form=FormDefinitionFactory(code="EHC_REQ"), number=4, repeating=True), question
    )
    response = send_team.post(
        f"/admin/send/questions/edit/{question.pk}/",
        question_data(code="ADVICE", inherit_multiple="on"),
        follow=True,
    )
    assert "Question ADVICE can be inherited multiple times, but group 4 of form EHC_REQ" in (
        response.text
    )
