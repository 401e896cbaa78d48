"""The caseworker's tray shows each involvement held with its stage, next deadline and days
left or overdue, sorted and filtered, in the same number of queries however many there are;
the admin dashboard lists the involvements overdue and due within the week."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plugins.send.casework.involvements import services
from tests.conftest import sign_in_verified
from tests.factories import child_record
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

TRAY = reverse("send_involvements_tray")


def case(number, caseworker, stage, request_days_ago, surname, decided_days_ago=None):
    """An EHC needs assessment requested ``request_days_ago`` days ago: its next deadline is
    the decision whether to assess, 42 days after the request; once that decision is recorded
    (``decided_days_ago``), the assessment is under way."""
    involvement = services.open_involvement(
        child_record(f"C00060{number:02}", surname=surname),
        "england_ehc_needs_assessment",
        caseworker,
        stage=stage,
        caseworker=caseworker,
    )
    day = timezone.localdate() - timedelta(days=request_days_ago)
    services.record_date(involvement, "request_received", day, caseworker)
    if decided_days_ago is not None:
        day = timezone.localdate() - timedelta(days=decided_days_ago)
        services.record_date(involvement, "assessment_decision", day, caseworker)
    return involvement


def rows(response):
    """The council ids of the tray's involvements, in order."""
    page = response.content.decode()
    table = page.split("data-involvements", 1)[1].split("</table>", 1)[0]
    return [part.split('"', 1)[0] for part in table.split('data-row="')[1:]]


def test_the_tray_shows_the_next_deadline_with_days_left_or_overdue(managing, caseworker):
    case(1, caseworker, "request", 45, "Adams")  # decision due 3 days ago
    case(2, caseworker, "request", 40, "Baker")  # due in 2 days
    page = managing.get(TRAY).content.decode()
    assert "Decision whether to assess" in page
    assert "3 days overdue" in page and "2 days left" in page
    # Soonest deadline first by default.
    assert rows(managing.get(TRAY)) == ["C0006001", "C0006002"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["C0006001", "C0006002", "C0006003"]),
        ({"involvements": "child"}, ["C0006003", "C0006002", "C0006001"]),
        ({"involvements": "deadline", "overdue": "on"}, ["C0006001"]),
        ({"stage": "assessment"}, ["C0006003"]),
        ({"caseworker": "other"}, ["C0006002"]),
    ],
)
def test_the_tray_sorts_and_filters(managing, caseworker, query, expected):
    other = staff("manage_involvement", first_name="Olwen", last_name="Other")
    case(1, caseworker, "request", 50, "Zephaniah")  # overdue by 8 days
    case(2, other, "request", 10, "Morgan")  # held by another caseworker
    case(3, caseworker, "assessment", 30, "Adams", decided_days_ago=1)  # next due in 82 days
    if query.get("caseworker") == "other":
        query = {**query, "caseworker": other.pk}
    elif query:
        query = {"caseworker": "", **query}
    else:
        query = {"caseworker": ""}
    assert rows(managing.get(TRAY, query)) == expected


def test_the_tray_queries_do_not_grow_with_the_rows(managing, caseworker):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert managing.get(TRAY).status_code == 200
        return len(captured)

    for number in range(2):
        case(number, caseworker, "request", number, f"Few{number}")
    queries()  # the first request fills the caches of the session and the menu
    few = queries()
    for number in range(2, 12):
        case(number, caseworker, "request", number, f"Many{number}")
    assert queries() == few


def test_the_dashboard_lists_involvements_overdue_and_due_within_the_week(managing, caseworker):
    case(1, caseworker, "request", 45, "Overdue")  # 3 days overdue
    case(2, caseworker, "request", 37, "Soon")  # due in 5 days
    case(3, caseworker, "request", 10, "Later")  # due in 32 days
    page = managing.get(reverse("wagtailadmin_home")).content.decode()
    overdue = page.split('data-deadlines="overdue"', 1)[1].split("</ul>", 1)[0]
    soon = page.split('data-deadlines="due-soon"', 1)[1].split("</ul>", 1)[0]
    assert "Overdue" in overdue and "3 days overdue" in overdue and "Soon" not in overdue
    assert "Soon" in soon and "5 days left" in soon
    assert "Later" not in overdue + soon


def test_the_deadlines_panel_is_only_for_those_who_manage_involvements(client, caseworker):
    case(1, caseworker, "request", 45, "Overdue")
    sign_in_verified(client, staff("access_admin", "view_submission", first_name="Sid"))
    assert "Casework deadlines" not in client.get(reverse("wagtailadmin_home")).content.decode()
