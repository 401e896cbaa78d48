"""The SEND team's list of submitted forms: by default only the forms waiting for the council,
widened to every status; filtered by form, received dates and status; sorted by each column;
the same number of queries however many forms it shows."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.send.casework import review
from plugins.send.models import Review, Submission
from tests.send.factories import published_form
from tests.send.test_council_submissions import family, fill, submissions_in_bulk

from .conftest import matched

pytestmark = pytest.mark.django_db

LIST = "/admin/send/submissions/"


def references(response):
    return re.findall(r"SND-[0-9A-Z]{10}", response.text)


@pytest.fixture
def forms_in_every_state(form, decider):
    new = fill(family(forename="Nia", surname="Newydd"), form)
    opened = fill(family(forename="Owen", surname="Opened"), form)
    review.open_submission(opened, decider)
    approved = matched(fill(family(forename="Alys", surname="Approved"), form))
    review.open_submission(approved, decider)
    review.approve(approved, decider, "Yes.", share_with_case=True)
    rejected = fill(family(forename="Rhys", surname="Rejected"), form)
    review.open_submission(rejected, decider)
    review.reject(rejected, decider, "No.")
    more = fill(family(forename="Mari", surname="More"), form)
    review.open_submission(more, decider)
    review.request_more_information(more, decider, "More.")
    return {
        "new": new,
        "opened": opened,
        "approved": approved,
        "rejected": rejected,
        "more": more,
    }


def test_by_default_the_list_shows_only_the_forms_waiting_for_the_council(
    deciding, forms_in_every_state
):
    forms = forms_in_every_state
    shown = set(references(deciding.get(LIST)))
    assert shown == {forms["new"].reference, forms["opened"].reference}


def test_every_status_widens_the_list_and_each_status_narrows_it(deciding, forms_in_every_state):
    forms = forms_in_every_state
    every = set(references(deciding.get(LIST, {"status": "all"})))
    assert every == {s.reference for s in forms.values()}
    for key, state in [
        ("approved", Review.APPROVED),
        ("rejected", Review.REJECTED),
        ("more", Review.MORE_INFORMATION),
    ]:
        assert references(deciding.get(LIST, {"status": state})) == [forms[key].reference]


def test_the_list_shows_status_and_matching_columns(deciding, forms_in_every_state):
    page = deciding.get(LIST, {"status": "all"}).text
    for heading in ("Form", "Submitted by", "Child&#x27;s name", "Date of birth", "Received"):
        assert heading in page, heading
    assert "Awaiting matching" in page and "Matched" in page
    assert "More information requested" in page


def test_the_list_filters_by_form_and_by_received_dates(deciding, form):
    other_form = published_form(title_en="Annual review")
    mine = fill(family(), form)
    other = fill(family(), other_form)
    assert references(deciding.get(LIST, {"form": other_form.pk})) == [other.reference]
    Submission.objects.filter(pk=mine.pk).update(submitted_at=timezone.now() - timedelta(days=30))
    today = timezone.localdate().isoformat()
    shown = references(deciding.get(LIST, {"received_from": today, "received_to": today}))
    assert shown == [other.reference]


@pytest.mark.parametrize(
    "ordering",
    [
        "form_title",
        "created_by__last_name",
        "person__surname",
        "person__date_of_birth",
        "submitted_at",
        "reference",
        "review_state",
        "matching",
    ],
)
def test_every_column_sorts_both_ways(deciding, forms_in_every_state, ordering):
    for direction in ("", "-"):
        response = deciding.get(LIST, {"status": "all", "ordering": direction + ordering})
        assert response.status_code == 200
        assert len(references(response)) == 5


def test_sorting_by_the_childs_name(deciding, forms_in_every_state):
    forms = forms_in_every_state
    shown = references(deciding.get(LIST, {"status": "all", "ordering": "person__surname"}))
    assert shown[0] == forms["approved"].reference  # Approved < More < Newydd < ...
    assert shown[-1] == forms["rejected"].reference


def list_queries(client, params):
    client.get(LIST, params)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(LIST, params)
    assert page.status_code == 200
    return len(captured)


def test_the_list_takes_the_same_queries_for_5_and_100_forms_in_every_status(deciding, form):
    params = {"status": "all", "ordering": "matching"}
    submissions_in_bulk(form, 5)
    few = list_queries(deciding, params)
    submissions_in_bulk(form, 95)
    Submission.objects.filter(pk__in=Submission.objects.values("pk")[:40]).update(
        review_state=Review.APPROVED, decision_message="Yes."
    )
    many = list_queries(deciding, params)
    assert many == few


def test_received_dates_are_the_councils_days_from_first_to_last_minute(deciding, form):
    first, last, after = (fill(family(), form) for _ in range(3))
    for submission, moment in [
        (first, datetime(2026, 6, 1, 0, 5)),
        (last, datetime(2026, 6, 30, 23, 55)),
        (after, datetime(2026, 7, 1, 0, 5)),
    ]:
        Submission.objects.filter(pk=submission.pk).update(
            submitted_at=timezone.make_aware(moment)  # British Summer Time: an hour off UTC
        )
    shown = references(
        deciding.get(LIST, {"received_from": "2026-06-01", "received_to": "2026-06-30"})
    )
    assert sorted(shown) == sorted([first.reference, last.reference])


def test_a_whole_reference_finds_its_form_in_any_case_and_part_of_one_still_searches(
    deciding, forms_in_every_state
):
    approved = forms_in_every_state["approved"]
    shown = references(deciding.get(LIST, {"status": "all", "q": approved.reference.lower()}))
    assert shown == [approved.reference]
    shown = references(deciding.get(LIST, {"status": "all", "q": approved.reference[:8]}))
    assert approved.reference in shown


@pytest.mark.parametrize("ordering", ["form_title", "matching"])
def test_the_columns_the_database_computes_sort_the_list(deciding, form, ordering):
    annual = published_form(title_en="Annual review")
    first = matched(fill(family(), annual))  # "Annual review", "Matched"
    second = fill(family(), form)  # "Request for help", "Awaiting matching"
    expected = [second.reference, first.reference]
    if ordering == "form_title":
        expected.reverse()
    assert references(deciding.get(LIST, {"ordering": ordering})) == expected
    assert references(deciding.get(LIST, {"ordering": "-" + ordering})) == expected[::-1]
    page = deciding.get(LIST, {"ordering": ordering}).text
    assert "Annual review" in page and "Request for help" in page
