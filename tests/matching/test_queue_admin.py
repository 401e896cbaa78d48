"""The matching queue in the admin: only the matching team opens it (Wagtail's "permission
denied", a redirect to the admin home, otherwise; 404 for
an id that is not an incoming child), the list takes the same number of queries however long
it is, an incoming child shows its candidates best first with their explanations and the
values side by side, opening it is audited, and the decisions are made from it."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from plugins.matching import queue
from plugins.matching.models import MatchRequest
from tests.conftest import sign_in_verified
from tests.send.factories import PersonLinkFactory
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

QUEUE = reverse("matching_queue")


def incoming(forename="Sian", surname="Jones", born=datetime.date(2014, 11, 20), number=1):
    link = PersonLinkFactory(
        person__forename=forename, person__surname=surname, person__date_of_birth=born
    )
    person_type = ContentType.objects.get_for_model(link.person)
    pk = queue.enter(person_type.pk, link.person.pk, f"SND-{number:08}", link.user.pk)
    return MatchRequest.objects.get(pk=pk)


def refused(response):
    """Wagtail's "permission denied": back to the admin home with a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def matching(client):
    user = staff("access_admin", "match_people", first_name="Mali", last_name="Match")
    sign_in_verified(client, user)
    client.user = user
    return client


@pytest.fixture
def other_staff(client):
    sign_in_verified(client, staff("access_admin", "view_submission"))
    return client


def test_staff_without_the_matching_permission_are_refused(other_staff, register):
    request = incoming()
    assert refused(other_staff.get(QUEUE))
    page = reverse("matching_request", args=[request.pk])
    assert refused(other_staff.get(page))
    assert refused(other_staff.post(page, {"decision": "new"}))
    request.refresh_from_db()
    assert request.state == MatchRequest.State.WAITING


def test_an_id_that_is_no_incoming_child_gives_404(matching, register):
    assert matching.get(reverse("matching_request", args=[999999])).status_code == 404


def test_the_queue_lists_the_oldest_first_in_a_fixed_number_of_queries(matching, register):
    first = incoming(number=1)
    matching.get(QUEUE)
    with CaptureQueriesContext(connection) as one:
        response = matching.get(QUEUE)
    incoming("Gwenllian", "Ap Rhys", datetime.date(2016, 3, 4), number=2)
    incoming("Nia", "Newydd", datetime.date(2019, 2, 2), number=3)
    with CaptureQueriesContext(connection) as three:
        response = matching.get(QUEUE)
    assert len(three) == len(one)
    assert list(response.context["requests"])[0] == first
    assert "SND-00000001" in response.content.decode()


def test_opening_an_incoming_child_shows_the_right_record_first_with_its_explanation(
    matching, register
):
    request = incoming("Sian", "Jones-Evans")
    response = matching.get(reverse("matching_request", args=[request.pk]))
    best = response.context["candidates"][0]
    assert best["record"] == register["sian"]
    assert any(line.startswith("Date of birth: same") for line in best["explanation"])
    conflicts = [value["field"] for value in best["values"] if value["conflict"]]
    assert conflicts == ["forename", "surname"]
    assert len(response.context["candidates"]) <= 10
    entry = AuditEntry.objects.get(action="matching.viewed")
    assert entry.actor == matching.user and entry.object_id == str(request.pk)


def test_matching_from_the_page_takes_the_chosen_portal_values(matching, register):
    request = incoming("Sian", "Jones-Evans")
    record = register["sian"]
    response = matching.post(
        reverse("matching_request", args=[request.pk]),
        {"decision": "match", "record": record.pk, "take_surname": "portal"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    request.refresh_from_db()
    assert request.state == MatchRequest.State.MATCHED and request.child_record == record
    assert (record.forename, record.surname) == ("Siân", "Jones-Evans")


def test_a_second_decision_from_the_page_is_refused_with_the_reason(matching, register):
    request = incoming()
    page = reverse("matching_request", args=[request.pk])
    matching.post(page, {"decision": "reject", "reason": "Declared twice."})
    response = matching.post(page, {"decision": "new"}, follow=True)
    assert "already been made" in response.content.decode()
    request.refresh_from_db()
    assert request.state == MatchRequest.State.REJECTED
