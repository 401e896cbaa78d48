"""The involvements area of the admin: only staff with "send.manage_involvement" get in; an
unknown id gives 404; the list's queries do not grow with its rows; staff open an
involvement for a child they search for, add a portal user they search for and authenticate
them after the confirmation with a reason; information requested shows on the tray when
overdue and leaves it once received."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import InformationRequest, Involvement, PortalSharing
from tests.conftest import sign_in_verified
from tests.factories import child_record
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db


def pages(involvement, sharing):
    pk, share = involvement.pk, sharing.pk
    return [
        reverse("send_involvements"),
        reverse("send_involvements_tray"),
        reverse("send_involvements_timeliness"),
        reverse("send_involvement_create"),
        reverse("send_involvement", args=[pk]),
        reverse("send_involvement_change", args=[pk]),
        reverse("send_involvement_status", args=[pk]),
        reverse("send_involvement_sharing_add", args=[pk]),
        reverse("send_involvement_sharing", args=[pk, share]),
        reverse("send_involvement_authenticate", args=[pk, share]),
        reverse("send_involvement_unauthenticate", args=[pk, share]),
        reverse("send_involvement_sharing_remove", args=[pk, share]),
        reverse("send_involvement_request", args=[pk]),
    ]


def refused(response):
    """Wagtail's "permission denied": back to the dashboard with a message (403 for fetches)."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_staff_without_the_permission_are_refused_everywhere(client, shared):
    other = staff("access_admin", "view_submission", first_name="Sid")
    sign_in_verified(client, other)
    for url in pages(shared.involvement, shared):
        assert refused(client.get(url)), url
    received = reverse("send_involvement_received", args=[shared.involvement.pk, 1])
    assert refused(client.post(received))
    assert refused(client.post(pages(shared.involvement, shared)[9], {"reason": "Because."}))
    shared.refresh_from_db()
    assert shared.state == PortalSharing.State.SHARED


def test_a_caseworker_opens_every_page(managing, shared):
    services.request_information(
        shared.involvement,
        managing.user,
        user=shared.user,
        requested="Nursery report",
        due_on=timezone.localdate(),
    )
    for url in pages(shared.involvement, shared):
        assert managing.get(url).status_code == 200, url
    page = managing.get(reverse("send_involvement", args=[shared.involvement.pk]))
    assert "Nursery report" in page.content.decode() and "nia@example.org" in page.content.decode()


def test_the_case_page_is_written_to_the_audit_log_every_time(managing, involvement):
    url = reverse("send_involvement", args=[involvement.pk])
    managing.get(url)
    managing.get(url)
    viewed = AuditEntry.objects.filter(action="involvement.viewed", actor=managing.user)
    assert viewed.count() == 2
    assert viewed.first().child_record_id == involvement.child_record_id


def test_unknown_ids_give_404(managing, shared, child, caseworker):
    other = services.open_involvement(child, "england_annual_review", caseworker)
    someone_elses = portal_sharing.add(other, shared.user, caseworker)
    assert managing.get(reverse("send_involvement", args=[999999])).status_code == 404
    # A sharing row of another involvement is not found through this one.
    url = reverse("send_involvement_authenticate", args=[shared.involvement.pk, someone_elses.pk])
    assert managing.get(url).status_code == 404
    assert managing.get(reverse("send_involvement_create") + "?child=999999").status_code == 404


def test_the_list_queries_do_not_grow_with_the_rows(managing, caseworker):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert managing.get(reverse("send_involvements")).status_code == 200
        return len(captured)

    for number in range(3):
        services.open_involvement(
            child_record(f"C00080{number}"),
            "england_ehc_needs_assessment",
            caseworker,
            caseworker=caseworker,
        )
    queries()  # the first request fills the caches of the session and the menu
    few = queries()
    for number in range(3, 12):
        services.open_involvement(
            child_record(f"C00080{number:02}"),
            "england_ehc_needs_assessment",
            caseworker,
            caseworker=caseworker,
        )
    assert queries() == few


def test_a_caseworker_opens_an_involvement_for_a_child_they_search_for(managing, child):
    found = managing.get(reverse("send_involvement_create"), {"q": "mali"})
    assert f"?child={child.pk}" in found.content.decode()
    response = managing.post(
        reverse("send_involvement_create"),
        {
            "child": child.pk,
            "process": "england_ehc_needs_assessment",
            "stage": "request",
            "caseworker": managing.user.pk,
        },
    )
    involvement = Involvement.objects.get(child_record=child)
    assert response.url == reverse("send_involvement", args=[involvement.pk])
    assert involvement.caseworker == managing.user and involvement.stage == "request"


def test_a_caseworker_adds_a_parent_found_by_email_and_authenticates_them_with_a_reason(
    managing, involvement, parent
):
    add = reverse("send_involvement_sharing_add", args=[involvement.pk])
    found = managing.get(add, {"q": "nia@example"})
    assert f"?user={parent.pk}" in found.content.decode()
    managing.post(add, {"user": parent.pk, "role": "Mother", "parental_responsibility": "on"})
    sharing = PortalSharing.objects.get(involvement=involvement, user=parent)
    assert sharing.parental_responsibility and sharing.role == "Mother"

    confirm = reverse("send_involvement_authenticate", args=[involvement.pk, sharing.pk])
    page = managing.get(confirm).content.decode()
    assert (
        "Are you sure you want to authenticate Nia Evans? They will be able to see SEND "
        "information about this child." in page
    )
    refused = managing.post(confirm, {"reason": ""})
    assert refused.status_code == 200
    sharing.refresh_from_db()
    assert sharing.state == PortalSharing.State.SHARED

    managing.post(confirm, {"reason": "Mother; checked her passport at the office."})
    sharing.refresh_from_db()
    assert sharing.state == PortalSharing.State.AUTHENTICATED
    assert sharing.authentication_reason == "Mother; checked her passport at the office."


def test_a_caseworker_removes_the_authentication_from_the_page(managing, authenticated):
    url = reverse(
        "send_involvement_unauthenticate", args=[authenticated.involvement.pk, authenticated.pk]
    )
    managing.post(url)
    authenticated.refresh_from_db()
    assert authenticated.state == PortalSharing.State.UNAUTHENTICATED


def test_a_caseworker_records_key_dates_and_an_exception(managing, involvement):
    url = reverse("send_involvement_change", args=[involvement.pk])
    form = managing.get(url).content.decode()
    # One field per date of the process, in its words; the exception reasons likewise.
    assert "Date of request" in form and "Final EHC plan issued" in form
    assert "The school or college was closed for 4 weeks or more" in form
    managing.post(
        url,
        {
            "involvement-stage": "assessment_decision",
            "involvement-caseworker": "",
            "dates-request_received": "2026-09-01",
            "exception-reason": "school_closed",
            "exception-starts_on": "2026-10-01",
            "exception-ends_on": "2026-11-02",
        },
    )
    involvement.refresh_from_db()
    assert involvement.stage == "assessment_decision" and involvement.caseworker is None
    assert involvement.dates.get().date == datetime.date(2026, 9, 1)
    assert involvement.exceptions.get().reason == "school_closed"


def test_a_stage_of_another_process_is_refused_on_the_form(managing, involvement):
    url = reverse("send_involvement_change", args=[involvement.pk])
    response = managing.post(url, {"involvement-stage": "review_meeting"})
    assert response.status_code == 200
    involvement.refresh_from_db()
    assert involvement.stage == "assessment"


def test_overdue_information_shows_on_the_tray_until_received(managing, involvement, parent):
    today = timezone.localdate()
    late = services.request_information(
        involvement,
        managing.user,
        user=parent,
        requested="Nursery report",
        due_on=today - datetime.timedelta(days=3),
    )
    services.request_information(
        involvement,
        managing.user,
        user=parent,
        requested="Parental views",
        due_on=today + datetime.timedelta(days=10),
    )
    tray = reverse("send_involvements_tray")
    overdue = managing.get(tray, {"caseworker": managing.user.pk, "overdue": "on"})
    page = overdue.content.decode()
    assert "Nursery report" in page and "Parental views" not in page

    managing.post(reverse("send_involvement_received", args=[involvement.pk, late.pk]))
    late.refresh_from_db()
    assert late.received_on == today and late.send_reminders is False
    assert "Nursery report" not in managing.get(tray, {"overdue": "on"}).content.decode()


def test_information_received_is_received_once(involvement, caseworker):
    row = services.request_information(
        involvement, caseworker, requested="Advice", due_on=timezone.localdate()
    )
    services.received(row, caseworker)
    with pytest.raises(services.NotAllowed):
        services.received(row, caseworker)
    assert InformationRequest.objects.overdue().count() == 0
