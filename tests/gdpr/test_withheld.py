"""Someone shown a new consent statement who leaves without agreeing (or withdrawing) is
recorded as having withheld consent once the council's number of days has passed."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from plugins.gdpr import jobs, services
from plugins.gdpr.apps import GdprConfig
from plugins.gdpr.exports import export_user
from plugins.gdpr.models import (
    AGREED,
    REGISTRATION,
    WITHHELD,
    ConsentRecord,
    GdprSettings,
    StatementShown,
)
from tests.gdpr.test_citizen import gdpr_url, portal_user, publish

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


@pytest.fixture
def version_two(db):
    """Version 2 is published after the citizens below agreed to version 1."""
    first = publish("Version one.")
    for user in (portal_user(email="megan@example.org"), portal_user(email="tom@example.org")):
        services.record_agreement(user, first, "en", REGISTRATION)
    return publish("Version two.")


def person(email):
    return get_user_model().objects.get(email=email)


def shown(client, email, ago):
    """The person signs in, is sent to the new statement and leaves without deciding; that
    was ``ago`` (a number of days or a timedelta) ago."""
    user = person(email)
    client.force_login(user)
    response = client.get(reverse("accounts:my_account"), follow=True)
    assert "Version two." in response.text
    client.logout()
    StatementShown.objects.filter(user=user).update(
        first_shown_at=timezone.now() - (ago if isinstance(ago, timedelta) else ago * DAY)
    )
    return user


def history_url(language):
    return gdpr_url("history", language)


def withheld(user):
    return ConsentRecord.objects.filter(user=user, action=WITHHELD)


def test_the_statement_page_remembers_when_it_was_first_shown(client, version_two):
    user = person("megan@example.org")
    client.force_login(user)
    client.get(reverse("accounts:my_account"), follow=True)
    first = StatementShown.objects.get(user=user, statement=version_two)
    client.get(reverse("accounts:my_account"), follow=True)

    again = StatementShown.objects.get(user=user, statement=version_two)
    assert again.first_shown_at == first.first_shown_at
    assert again.language == "en"


def test_a_person_who_leaves_without_deciding_is_recorded_withheld_after_the_days(
    client, version_two
):
    user = shown(client, "megan@example.org", 14 * DAY + timedelta(minutes=1))

    assert jobs.record_withheld_consent() == [withheld(user).get().pk]
    record = withheld(user).get()
    assert record.statement == version_two
    assert record.actioned_at is None


def test_no_one_is_recorded_withheld_before_the_days_have_passed(client, version_two):
    user = shown(client, "megan@example.org", 14 * DAY - timedelta(minutes=1))

    assert jobs.record_withheld_consent() == []
    assert not withheld(user).exists()


def test_the_number_of_days_is_the_councils_setting(client, version_two):
    GdprSettings.objects.create(withheld_after_days=30)
    user = shown(client, "megan@example.org", 20)
    assert jobs.record_withheld_consent() == []

    StatementShown.objects.filter(user=user).update(first_shown_at=timezone.now() - 31 * DAY)
    assert len(jobs.record_withheld_consent()) == 1


def test_running_the_job_again_records_withheld_only_once(client, version_two):
    user = shown(client, "megan@example.org", 20)

    jobs.record_withheld_consent()
    assert jobs.record_withheld_consent() == []
    assert withheld(user).count() == 1


def test_people_who_agreed_or_withdrew_are_not_recorded_withheld(client, version_two):
    agreed = shown(client, "megan@example.org", 20)
    services.record_agreement(agreed, version_two, "en", REGISTRATION)
    withdrew = shown(client, "tom@example.org", 20)
    services.withdraw_consent(withdrew, "en", "my_account")

    assert jobs.record_withheld_consent() == []
    assert not ConsentRecord.objects.filter(action=WITHHELD).exists()


def test_only_people_shown_the_current_statement_are_recorded(client, version_two):
    user = shown(client, "megan@example.org", 20)
    publish("Version three.")  # not yet shown to anyone

    assert jobs.record_withheld_consent() == []
    assert not withheld(user).exists()


def test_the_service_refuses_withheld_after_agreeing(client, version_two):
    user = shown(client, "megan@example.org", 20)
    services.record_agreement(user, version_two, "en", REGISTRATION)

    with pytest.raises(ValidationError):
        services.record_withheld(StatementShown.objects.get(user=user))
    assert not withheld(user).exists()


def test_the_service_refuses_withheld_after_withdrawing_or_twice(client, version_two):
    withdrew = shown(client, "megan@example.org", 20)
    services.withdraw_consent(withdrew, "en", "my_account")
    with pytest.raises(ValidationError):
        services.record_withheld(StatementShown.objects.get(user=withdrew))

    twice = StatementShown.objects.get(user=shown(client, "tom@example.org", 20))
    services.record_withheld(twice)
    with pytest.raises(ValidationError):
        services.record_withheld(twice)


def test_the_service_refuses_withheld_before_the_days_have_passed(client, version_two):
    user = shown(client, "megan@example.org", 2)

    with pytest.raises(ValidationError):
        services.record_withheld(StatementShown.objects.get(user=user))


def test_a_person_recorded_withheld_may_still_agree_later(client, version_two):
    user = shown(client, "megan@example.org", 20)
    jobs.record_withheld_consent()

    assert services.needs_agreement(user)
    services.record_agreement(user, version_two, "en", REGISTRATION)
    assert not services.needs_agreement(user)
    assert services.latest_record(user, version_two).action == AGREED


def test_the_job_is_declared_to_run_daily():
    declared = {job.name: job for job in GdprConfig.jobs}
    job = declared["record_withheld_consent"]
    assert job.func == "plugins.gdpr.jobs.record_withheld_consent"
    assert job.schedule_type == "D"


def test_a_person_who_agrees_later_sees_the_withheld_consent_in_their_history(client, version_two):
    user = shown(client, "megan@example.org", 20)
    jobs.record_withheld_consent()
    services.record_agreement(user, version_two, "en", REGISTRATION)
    client.force_login(user)

    assert "Did not agree in time (consent withheld)" in client.get(history_url("en")).text
    assert "Heb gytuno mewn pryd (cydsyniad wedi&#x27;i atal)" in client.get(history_url("cy")).text


def test_the_subject_access_export_holds_withheld_consent_and_when_the_statement_was_shown(
    client, version_two
):
    user = shown(client, "megan@example.org", 20)
    jobs.record_withheld_consent()

    items = export_user(user)["items"]

    kinds = {item["kind"] for item in items}
    assert kinds == {"consent_record", "statement_shown"}
    titles = [item["title"] for item in items]
    assert "Withheld consent: statement version 2" in titles
    assert "Statement version 2 shown" in titles
