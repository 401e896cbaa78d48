"""The audit log: one append-only row per staff read or change of a child's information, kept
for the retention period and then purged by a daily job."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone
from django_q.models import Schedule

from core import audit
from core.audit.retention import purge_expired
from core.models import AppendOnlyError, AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker():
    return UserFactory(kind="staff", is_staff=True, first_name="Carys", last_name="Casework")


def a_request(user, **meta):
    request = RequestFactory().get("/admin/", **meta)
    request.user = user
    return request


def entry_of(user, action="person.viewed", obj=None, **kwargs):
    return audit.record(user, action, obj if obj is not None else user, **kwargs)


# -- what a row holds --------------------------------------------------------------------------


def test_a_row_says_who_did_what_to_which_object_when_and_from_where(caseworker):
    citizen = UserFactory(first_name="Megan", last_name="Jones")
    before = timezone.now()
    entry = audit.record(
        caseworker,
        "gdpr.history_viewed",
        citizen,
        "consent history",
        request=a_request(caseworker, REMOTE_ADDR="192.0.2.10"),
    )
    entry.refresh_from_db()
    assert entry.actor == caseworker
    assert entry.actor_label == f"Carys Casework <{caseworker.email}>"
    assert entry.action == "gdpr.history_viewed"
    assert str(entry.action_label) == "Consent history viewed"
    assert entry.content_type == ContentType.objects.get_for_model(citizen)
    assert entry.object_id == str(citizen.pk)
    assert entry.object_repr == "Megan Jones"
    assert entry.detail == "consent history"
    assert entry.ip_address == "192.0.2.10"
    assert entry.api_client is None
    assert before <= entry.at <= timezone.now()


def test_an_api_client_is_named_instead_of_a_user(caseworker):
    entry = audit.record(None, "person.viewed", caseworker, api_client="Council case system")
    assert entry.actor is None and entry.actor_label == ""
    assert entry.api_client == "Council case system"
    assert entry.ip_address is None


def test_an_action_that_is_not_declared_is_refused(caseworker):
    with pytest.raises(ValueError, match="Undeclared"):
        audit.record(caseworker, "submission.peeked", caseworker)
    assert not AuditEntry.objects.exists()


def test_the_row_outlives_the_user_and_still_says_who_it_was(caseworker):
    entry = entry_of(caseworker, obj=UserFactory())
    caseworker.delete()
    entry.refresh_from_db()
    assert entry.actor is None
    assert entry.actor_label.startswith("Carys Casework <")


# -- which child record ------------------------------------------------------------------------


class Person:
    """Stands for a portal person once it is matched to the council's register."""

    _meta = type("Meta", (), {"label_lower": "send.portalperson"})()

    def __init__(self, child_record_id):
        self.child_record_id = child_record_id


class Submission:
    _meta = type("Meta", (), {"label_lower": "send.submission"})()

    def __init__(self, person):
        self.person = person


def test_the_child_record_is_found_through_the_person_a_form_is_about():
    assert audit.child_record_id_of(Person(42)) == 42
    assert audit.child_record_id_of(Submission(Person(42))) == 42
    assert audit.child_record_id_of(Submission(Person(None))) is None


def test_an_object_about_no_child_has_no_child_record(caseworker):
    assert audit.child_record_id_of(caseworker) is None
    assert audit.child_record_id_of(None) is None
    assert entry_of(caseworker).child_record_id is None


def test_a_child_record_given_by_the_caller_is_kept(caseworker):
    assert entry_of(caseworker, child_record_id=7).child_record_id == 7


# -- append-only -------------------------------------------------------------------------------


def test_a_row_can_be_neither_changed_nor_deleted(caseworker):
    entry = entry_of(caseworker)
    entry.detail = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(actor=None, detail="")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry._base_manager.all().delete()
    entry.refresh_from_db()
    assert entry.detail == ""


# -- retention ---------------------------------------------------------------------------------


def aged(user, days):
    """A row written ``days`` ago."""
    return AuditEntry.objects.create(
        actor=user, action="person.viewed", at=timezone.now() - timedelta(days=days)
    )


def test_the_purge_deletes_rows_older_than_the_retention_period_and_only_those(
    caseworker, settings
):
    settings.PORTAL_AUDIT_RETENTION_DAYS = 30
    old = aged(caseworker, 31)
    recent = aged(caseworker, 29)
    assert purge_expired() == 1
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AuditEntry.objects.filter(pk=old.pk).exists()


def test_purging_again_deletes_nothing_more(caseworker, settings):
    settings.PORTAL_AUDIT_RETENTION_DAYS = 30
    aged(caseworker, 40)
    aged(caseworker, 1)
    assert purge_expired() == 1
    assert purge_expired() == 0
    assert AuditEntry.objects.count() == 1


def test_rows_are_kept_seven_years_by_default(caseworker, settings):
    assert settings.PORTAL_AUDIT_RETENTION_DAYS == 2557
    aged(caseworker, 2556)
    assert purge_expired() == 0
    assert purge_expired(now=timezone.now() + timedelta(days=2)) == 1


@pytest.mark.parametrize("days", [0, -1])
def test_a_retention_that_would_empty_the_log_is_refused(caseworker, settings, days):
    settings.PORTAL_AUDIT_RETENTION_DAYS = days
    entry_of(caseworker)
    with pytest.raises(ImproperlyConfigured):
        purge_expired()
    assert AuditEntry.objects.count() == 1


def test_the_purge_is_scheduled_daily():
    schedule = Schedule.objects.get(name="portal:core.purge_audit_log")
    assert schedule.func == "core.audit.retention.purge_expired"
    assert schedule.schedule_type == Schedule.DAILY
