"""Portal › Audit log: only holders of "core.view_auditentry" see it; staff filter it by user,
child record, action and date, page through it, and download it as CSV (which is recorded)."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from core.models import AuditEntry
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/portal/audit-log/"


def staff(*codenames, **fields):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now(), **fields)
    group, _created = Group.objects.get_or_create(name="Staff " + "-".join(codenames))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def auditor(client):
    """A member of the council's information governance team."""
    user = staff("access_admin", "view_auditentry", first_name="Ifan", last_name="Auditor")
    sign_in_verified(client, user)
    client.user = user
    return client


def written(actor, action="submission.opened", days_ago=0, child=None, repr_="SND-1"):
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=f"{actor.get_full_name()} <{actor.email}>",
        action=action,
        at=timezone.now() - timedelta(days=days_ago),
        child_record_id=child,
        object_repr=repr_,
    )


def shown(response):
    assert response.status_code == 200
    return [entry.pk for entry in response.context["object_list"]]


def test_staff_without_the_permission_neither_see_nor_open_the_audit_log(client):
    written(staff("access_admin", first_name="Other"))
    sign_in_verified(client, staff("access_admin", "view_submission"))
    home = client.get("/admin/").text
    assert "Audit log" not in home
    for url in (URL, f"{URL}results/", f"{URL}?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "SND-1" not in response.text
    assert AuditEntry.objects.filter(action="audit.exported").count() == 0


def test_the_permission_can_be_given_to_a_group(admin_client):
    view_auditentry = Permission.objects.get(codename="view_auditentry")
    assert f'value="{view_auditentry.pk}"' in admin_client.get("/admin/groups/new/").text


def test_an_auditor_finds_the_audit_log_in_the_portal_menu_newest_first(auditor):
    caseworker = staff("access_admin", first_name="Carys", last_name="Casework")
    older = written(caseworker, "submission.printed", days_ago=2, repr_="SND-OLD")
    newer = written(caseworker, "file.downloaded", child=42, repr_="SND-NEW")
    assert URL in auditor.get("/admin/").text
    response = auditor.get(URL)
    assert shown(response) == [newer.pk, older.pk]
    assert "Carys Casework" in response.text
    assert "File downloaded" in response.text and "Submitted form printed" in response.text
    assert "SND-NEW" in response.text and "42" in response.text


def test_the_log_filters_by_user_child_record_action_and_date(auditor):
    carys = staff("access_admin", first_name="Carys", last_name="Casework")
    dewi = staff("access_admin", first_name="Dewi", last_name="Data")
    by_carys = written(carys, "submission.opened", child=1, days_ago=10)
    by_dewi = written(dewi, "gdpr.history_viewed", child=2, days_ago=1)
    printed = written(dewi, "submission.printed", child=1, days_ago=1)
    assert shown(auditor.get(URL, {"actor": carys.pk})) == [by_carys.pk]
    assert shown(auditor.get(URL, {"child_record_id": 1})) == [printed.pk, by_carys.pk]
    assert shown(auditor.get(URL, {"action": "gdpr.history_viewed"})) == [by_dewi.pk]
    since = (timezone.localdate() - timedelta(days=3)).isoformat()
    assert shown(auditor.get(URL, {"at_from": since})) == [printed.pk, by_dewi.pk]
    until = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert shown(auditor.get(URL, {"at_to": until})) == [by_carys.pk]


def test_the_log_shows_50_a_page_with_the_same_queries_for_5_and_200_rows(auditor):
    caseworker = staff("access_admin", first_name="Carys", last_name="Casework")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = auditor.get(URL)
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    for _ in range(5):
        written(caseworker)
    auditor.get(URL)  # the first page view of a run fills the portal's caches
    few, on_page = queries()
    assert on_page == 5
    AuditEntry.objects.bulk_create(
        AuditEntry(actor=caseworker, actor_label="Carys", action="person.viewed")
        for _ in range(195)
    )
    many, on_page = queries()
    assert on_page == 50
    assert many == few


def test_the_csv_download_holds_the_filtered_rows_and_is_itself_recorded(auditor):
    carys = staff("access_admin", first_name="Carys", last_name="Casework")
    kept = written(carys, "submission.opened", child=7, repr_="=HYPERLINK(evil)")
    written(carys, "submission.printed", child=8)
    response = auditor.get(URL, {"child_record_id": 7, "export": "csv"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="audit-log.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["Action code"] == "submission.opened"
    assert row["Action"] == "Submitted form opened"
    assert row["Child record"] == "7"
    assert row["User"] == f"Carys Casework <{carys.email}>"
    assert row["Object"] == "'=HYPERLINK(evil)"  # a spreadsheet shows it, never runs it
    exported = AuditEntry.objects.get(action="audit.exported")
    assert exported.actor == auditor.user
    assert "child_record_id=7" in exported.detail
    assert kept.pk != exported.pk


def test_the_csv_download_is_worded_in_the_staff_members_language(auditor):
    written(staff("access_admin"), "submission.opened")
    profile = UserProfile.get_for_user(auditor.user)
    profile.preferred_language = "cy"
    profile.save()
    response = auditor.get(URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    header = content.splitlines()[0]
    assert "Action code" not in header
    assert "Submitted form opened" not in content


def test_only_csv_is_offered(auditor):
    page = auditor.get(URL).text
    assert "Download CSV" in page and "Download XLSX" not in page
    assert auditor.get(URL, {"export": "xlsx"})["Content-Type"].startswith("text/html")
