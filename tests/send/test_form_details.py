"""Item 19: a professional confirms their name, role and organisation before a form (stored
on it); a parent corrects a child's details until the council matches the child; the check
page shows the child and warns that nothing can be changed after sending; starting a second
copy of a form already sent and not yet decided asks "Are you sure?"."""

import datetime

import pytest
from django.utils import timezone

from plugins.send.filling import services
from plugins.send.models import Submission
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.send.factories import PersonLinkFactory, published_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def professional(client):
    user = UserFactory(
        kind="professional",
        first_name="Ann",
        last_name="Lee",
        professional_role="Speech and language therapist",
        organisation="Hywel Dda health board",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )
    sign_in_verified(client, user)
    link = PersonLinkFactory(user=user, relationship="professional")
    form = published_form(portal_type="professional", user_type="not_applicable")
    return services.start(user, link.person, form)


@pytest.fixture
def parent(client):
    link = PersonLinkFactory(
        user__email_confirmed_at=timezone.now(),
        person__forename="Alis",
        person__surname="Jons",
        person__date_of_birth=datetime.date(2015, 4, 9),
    )
    sign_in_verified(client, link.user)
    return link


def test_a_professional_confirms_who_they_are_before_the_task_list(client, professional):
    overview = client.get(f"/send/submissions/{professional.pk}/")
    assert overview.url == f"/send/submissions/{professional.pk}/your-details/"
    step = client.get(f"/send/submissions/{professional.pk}/step/2/")
    assert step.url == f"/send/submissions/{professional.pk}/"

    page = client.get(overview.url).content.decode()
    assert 'value="Ann Lee"' in page and 'value="Speech and language therapist"' in page
    assert 'value="Hywel Dda health board"' in page

    empty = client.post(overview.url, {"name": "Ann Lee", "role": "", "organisation": "X"})
    assert "Enter your role" in empty.content.decode()

    done = client.post(
        overview.url,
        {"name": "Dr Ann Lee", "role": "Lead therapist", "organisation": "Hywel Dda"},
    )
    assert done.url == f"/send/submissions/{professional.pk}/"
    professional.refresh_from_db()
    assert (
        professional.professional_name,
        professional.professional_role,
        professional.professional_organisation,
    ) == ("Dr Ann Lee", "Lead therapist", "Hywel Dda")
    assert client.get(done.url).status_code == 200


def test_a_professionals_form_is_not_submitted_without_their_details(professional):
    services.confirm_subject(professional, professional.created_by)
    with pytest.raises(services.Incomplete):
        services.submit(Submission.objects.get(pk=professional.pk), professional.created_by)


def test_a_parent_corrects_the_childs_details_from_subject_details(client, parent):
    submission = services.start(parent.user, parent.person, published_form())
    subject = client.get(f"/send/submissions/{submission.pk}/subject/").content.decode()
    url = f"/send/submissions/{submission.pk}/subject/correct/"
    assert url in subject
    response = client.post(
        url,
        {
            "forename": "Alys",
            "middle_names": "",
            "surname": "Jones",
            "date_of_birth-day": "19",
            "date_of_birth-month": "4",
            "date_of_birth-year": "2015",
        },
    )
    assert response.url == f"/send/submissions/{submission.pk}/subject/"
    parent.person.refresh_from_db()
    assert (parent.person.full_name, parent.person.date_of_birth) == (
        "Alys Jones",
        datetime.date(2015, 4, 19),
    )


def test_a_child_matched_to_the_councils_records_cannot_be_corrected(client, parent):
    parent.person.child_record = child_record("C1")
    parent.person.save(update_fields=["child_record"])
    submission = services.start(parent.user, parent.person, published_form())
    subject = client.get(f"/send/submissions/{submission.pk}/subject/").content.decode()
    assert "/subject/correct/" not in subject
    response = client.get(f"/send/submissions/{submission.pk}/subject/correct/")
    assert response.status_code == 404


def test_a_professional_cannot_correct_the_childs_details(client, professional):
    response = client.get(f"/send/submissions/{professional.pk}/subject/correct/")
    assert response.status_code == 404


def test_the_check_page_shows_the_child_and_warns_that_sending_is_final(client, parent):
    submission = services.start(parent.user, parent.person, published_form())
    page = client.get(f"/send/submissions/{submission.pk}/check/").content.decode()
    assert "Who this form is about" in page
    assert "Alis Jons" in page and "9 April 2015" in page
    assert "You cannot change anything once you have sent this form." in page


def sent(link, form):
    submission = services.start(link.user, link.person, form)
    Submission.objects.filter(pk=submission.pk).update(
        status="submitted", submitted_at=timezone.now(), reference=f"SND-{submission.pk}"
    )


def test_starting_a_form_already_sent_and_not_decided_asks_are_you_sure(client, parent):
    form = published_form()
    sent(parent, form)
    url = f"/send/people/{parent.person.pk}/start/"

    asked = client.post(url, {"form": form.code})
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Are you sure you want to start this form again?" in page
    assert 'name="sure" value="yes"' in page
    assert Submission.objects.count() == 1

    started = client.post(url, {"form": form.code, "sure": "yes"})
    draft = Submission.objects.get(status="draft")
    assert started.url == f"/send/submissions/{draft.pk}/"
    # Continuing the new draft does not ask again.
    assert client.post(url, {"form": form.code}).url == started.url


def test_a_form_never_sent_for_the_child_starts_without_asking(client, parent):
    form = published_form()
    sent(PersonLinkFactory(person=parent.person), form)  # another user's copy does not count
    response = client.post(f"/send/people/{parent.person.pk}/start/", {"form": form.code})
    assert response.status_code == 302
