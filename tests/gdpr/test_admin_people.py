"""GDPR administration about people: the consent withdrawals list (search, dates, the
children the SEND plugin links to them, "Mark actioned") and consent histories."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import AuditEntry
from plugins.gdpr import services
from plugins.gdpr.models import REGISTRATION, ConsentRecord
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WITHDRAWALS = "/admin/gdpr/withdrawals/"
HISTORIES = "/admin/gdpr/histories/"


def withdrawn(statement, **fields):
    user = UserFactory(**fields)
    services.record_agreement(user, statement, "en", REGISTRATION)
    return services.withdraw_consent(user, "en", "my_account")


@pytest.fixture
def without_send(provide_service):
    provide_service("children_of_user")


@pytest.fixture
def with_send(provide_service):
    calls = []

    def children_of_user(user):
        calls.append(user.pk)
        return [{"name": "Alys Jones", "date_of_birth": "3 May 2015", "relationship": "Mother"}]

    provide_service("children_of_user", children_of_user)
    return calls


def listed(client, **params):
    response = client.get(WITHDRAWALS, params)
    assert response.status_code == 200
    return {record.user.email for record in response.context["object_list"]}


def test_withdrawals_list_only_withdrawals_and_searches_name_and_email(gdpr_admin, statement):
    withdrawn(statement, first_name="Megan", last_name="Jones", email="megan@example.org")
    withdrawn(statement, first_name="Tom", last_name="Evans", email="tom@example.org")
    agreed = UserFactory(email="agreed@example.org")
    services.record_agreement(agreed, statement, "en", REGISTRATION)

    assert listed(gdpr_admin) == {"megan@example.org", "tom@example.org"}
    assert listed(gdpr_admin, q="megan jones") == {"megan@example.org"}
    assert listed(gdpr_admin, q="TOM@") == {"tom@example.org"}


def test_withdrawals_filter_by_date_range(gdpr_admin, statement):
    old = withdrawn(statement, email="old@example.org")
    ConsentRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    withdrawn(statement, email="new@example.org")
    today = timezone.localdate()
    since = (today - timedelta(days=7)).isoformat()
    assert listed(gdpr_admin, created_at_from=since) == {"new@example.org"}
    until = (today - timedelta(days=30)).isoformat()
    assert listed(gdpr_admin, created_at_to=until) == {"old@example.org"}


def test_without_the_send_plugin_nobody_has_children_linked(gdpr_admin, statement, without_send):
    record = withdrawn(statement)
    children = gdpr_admin.get(f"/admin/gdpr/withdrawals/{record.pk}/children/")
    assert children.status_code == 200
    assert "No children are linked to this person." in children.text


def test_with_the_send_plugin_the_children_of_the_person_are_shown(
    gdpr_admin, statement, with_send
):
    record = withdrawn(statement)
    response = gdpr_admin.get(WITHDRAWALS)
    assert with_send == []  # the list links to the children; it does not fetch them per row
    children_url = f"/admin/gdpr/withdrawals/{record.pk}/children/"
    assert children_url in response.text
    page = gdpr_admin.get(children_url)
    assert "Alys Jones" in page.text and "Mother" in page.text
    assert with_send == [record.user_id]


def test_mark_actioned_records_who_and_when_and_the_list_shows_it(gdpr_admin, statement):
    record = withdrawn(statement)
    url = f"/admin/gdpr/withdrawals/{record.pk}/actioned/"
    assert url in gdpr_admin.get(WITHDRAWALS).text
    assert gdpr_admin.get(url).status_code == 200  # asks first
    record.refresh_from_db()
    assert record.actioned_at is None

    assert gdpr_admin.post(url).status_code == 302
    record.refresh_from_db()
    assert record.actioned_by == gdpr_admin.officer
    assert record.actioned_at is not None
    listing = gdpr_admin.get(WITHDRAWALS).text
    assert "by Dana Officer" in listing
    assert url not in listing
    assert listed(gdpr_admin, actioned="false") == set()


def test_mark_actioned_only_applies_to_withdrawals(gdpr_admin, statement):
    agreed = services.record_agreement(UserFactory(), statement, "en", REGISTRATION)
    assert gdpr_admin.post(f"/admin/gdpr/withdrawals/{agreed.pk}/actioned/").status_code == 404


def test_withdrawals_list_costs_the_same_number_of_queries_for_more_records(
    gdpr_admin, statement, with_send
):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert gdpr_admin.get(WITHDRAWALS).status_code == 200
        return len(queries)

    def add(n):
        for _ in range(n):
            services.mark_actioned(withdrawn(statement), gdpr_admin.officer)
            withdrawn(statement)

    add(1)
    count_queries()  # the first request fills the portal's caches
    few = count_queries()
    add(8)
    assert count_queries() == few


def test_histories_search_people_and_show_each_record_with_the_words_shown(gdpr_admin, statement):
    megan = UserFactory(first_name="Megan", last_name="Jones", email="megan@example.org")
    services.record_agreement(megan, statement, "cy", REGISTRATION)
    services.withdraw_consent(megan, "en", "my_account")
    UserFactory(first_name="Never", last_name="Agreed", email="never@example.org")
    other = UserFactory(first_name="Tom", email="tom@example.org")
    services.record_agreement(other, statement, "en", REGISTRATION)

    people = gdpr_admin.get(HISTORIES).context["object_list"]
    assert {p.email for p in people} == {"megan@example.org", "tom@example.org"}
    found = gdpr_admin.get(HISTORIES, {"q": "megan"}).context["object_list"]
    assert [p.email for p in found] == ["megan@example.org"]

    page = gdpr_admin.get(f"{HISTORIES}{megan.pk}/").text
    assert "Withdrew consent" in page and "Agreed" in page
    assert "Registration" in page and "My account" in page
    assert "Welsh" in page
    assert "Rwy&#x27;n cytuno i&#x27;r datganiad" in page  # what she saw, in Welsh
    assert "I agree to the statement" in page


def test_people_screens_refuse_staff_without_gdpr_administration(client, statement):
    record = withdrawn(statement)
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    for url in (
        f"/admin/gdpr/withdrawals/{record.pk}/children/",
        f"/admin/gdpr/withdrawals/{record.pk}/actioned/",
        f"{HISTORIES}{record.user_id}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"/admin/gdpr/withdrawals/{record.pk}/actioned/").status_code in (302, 403)
    record.refresh_from_db()
    assert record.actioned_at is None


# -- the audit log ----------------------------------------------------------------------------


def test_opening_a_consent_history_or_a_persons_children_is_written_to_the_audit_log(
    gdpr_admin, statement, with_send
):
    record = withdrawn(statement, first_name="Megan", last_name="Jones")
    gdpr_admin.get(f"{HISTORIES}{record.user_id}/")
    gdpr_admin.get(f"{HISTORIES}{record.user_id}/")
    gdpr_admin.get(f"/admin/gdpr/withdrawals/{record.pk}/children/")
    entries = AuditEntry.objects.order_by("pk")
    assert [entry.action for entry in entries] == [
        "gdpr.history_viewed",
        "gdpr.history_viewed",
        "gdpr.children_viewed",
    ]
    assert {(entry.actor, entry.object_id, entry.object_repr) for entry in entries} == {
        (gdpr_admin.officer, str(record.user_id), "Megan Jones")
    }


def test_refused_people_screens_write_nothing_to_the_audit_log(client, statement):
    record = withdrawn(statement)
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    client.get(f"/admin/gdpr/withdrawals/{record.pk}/children/")
    client.get(f"{HISTORIES}{record.user_id}/")
    assert not AuditEntry.objects.exists()
