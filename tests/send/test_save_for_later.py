"""Item 13: nothing typed is lost. "Save and come back later" keeps every answer typed, right
or wrong, mandatory or not, and returns to the task list with a confirmation; mandatory
answers are enforced at "Save and continue" and at submit."""

import pytest
from django.utils import timezone

from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services
from plugins.send.models import Submission
from tests.conftest import sign_in_verified
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    form = FormDefinitionFactory()
    place(
        GroupFactory(form=form, number=2, name_en="About your child"),
        QuestionFactory(code="SCHOOL", mandatory=True),
        QuestionFactory(code="HOURS", data_type="integer"),
        QuestionFactory(code="STARTED", data_type="date"),
        QuestionFactory(code="VIEWS", data_type="memo"),
    )
    builder.publish(form)
    form.refresh_from_db()
    submission = services.start(link.user, link.person, form)
    services.confirm_subject(submission, link.user)
    return submission


def later(client, submission, **answers):
    data = {"revision": Submission.objects.get(pk=submission.pk).revision, "action": "later"}
    data.update(answers)
    return client.post(f"/send/submissions/{submission.pk}/step/2/", data)


def test_save_and_come_back_later_keeps_wrong_and_missing_answers_as_typed(client, draft):
    response = later(
        client,
        draft,
        HOURS="about ten",
        **{"STARTED-day": "31", "STARTED-month": "2", "STARTED-year": "2020"},
        VIEWS="Likes maths",
    )
    assert response.status_code == 302
    assert response.url == f"/send/submissions/{draft.pk}/"
    overview = client.get(response.url).content.decode()
    assert "Your answers to “About your child” have been saved" in overview
    assert "In progress" in overview

    step = client.get(f"/send/submissions/{draft.pk}/step/2/").content.decode()
    assert 'value="about ten"' in step and "Likes maths" in step
    assert 'value="31"' in step and 'value="2" ' in step and 'value="2020"' in step
    assert "govuk-error-summary" not in step  # nothing is judged until "Save and continue"


def test_a_step_saved_for_later_with_a_missing_mandatory_answer_cannot_be_submitted(client, draft):
    later(client, draft, VIEWS="Likes maths")
    with pytest.raises(services.Incomplete) as raised:
        services.submit(Submission.objects.get(pk=draft.pk), draft.created_by)
    assert raised.value.steps == [2]
    check = client.get(f"/send/submissions/{draft.pk}/check/").content.decode()
    assert "Not finished yet" in check and "About your child" in check


def test_save_and_continue_still_demands_the_mandatory_answers(client, draft):
    later(client, draft, VIEWS="Likes maths")
    data = {"revision": Submission.objects.get(pk=draft.pk).revision, "VIEWS": "Likes maths"}
    response = client.post(f"/send/submissions/{draft.pk}/step/2/", data)
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_a_step_saved_for_later_with_everything_right_is_complete(client, draft):
    later(client, draft, SCHOOL="Hillside", HOURS="10")
    submission = Submission.objects.get(pk=draft.pk)
    assert services.step_statuses(submission, FormSchema(submission.version.schema))[2]
    assert submission.answers.get(question_code="HOURS").value == 10


def test_an_answer_kept_as_typed_is_never_copied_into_a_new_form(client, draft):
    later(client, draft, SCHOOL="Hillside", HOURS="about ten")
    Submission.objects.filter(pk=draft.pk).update(status="submitted")
    again = services.start(draft.created_by, draft.person, draft.version.form)
    assert set(again.answers.values_list("question_code", flat=True)) == {"SCHOOL"}
