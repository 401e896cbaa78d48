"""The consent rules in plugins.gdpr.services: publication exactly once, texts frozen at
publication, agreement only to the current statement, withdrawal, and the locked question
library."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from plugins.gdpr import guards, services
from plugins.gdpr.models import (
    AGREED,
    REGISTRATION,
    WITHDRAWN,
    ConsentQuestion,
    ConsentRecord,
    ConsentStatement,
    GdprSettings,
)
from portal import events
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def question(title="Data protection", statement="We hold your data.", agreement="I agree"):
    english = ConsentQuestion.objects.create(
        locale=Locale.objects.get(language_code="en"),
        title=title,
        statement=statement,
        agreement=agreement,
    )
    english.copy_for_translation(Locale.objects.get(language_code="cy")).save()
    welsh = english.get_translation(Locale.objects.get(language_code="cy"))
    welsh.statement, welsh.agreement = "Rydym yn cadw eich data.", "Rwy'n cytuno"
    welsh.save()
    return english


def published(q=None, at=None):
    statement = services.schedule_statement(q or question(), at or timezone.now())
    assert statement.published_at is not None
    return statement


# -- publication -------------------------------------------------------------------------


def test_a_statement_is_published_at_its_time_with_every_language_frozen():
    later = timezone.now() + timedelta(hours=2)
    statement = services.schedule_statement(question(), later)
    assert statement.published_at is None
    assert services.publish_due_statements(later - timedelta(minutes=1)) == []

    assert services.publish_due_statements(later) == [statement.pk]
    statement.refresh_from_db()
    assert statement.published_at == later
    assert statement.text_for("cy") == {
        "statement": "Rydym yn cadw eich data.",
        "agreement": "Rwy'n cytuno",
    }
    assert statement.text_for("en")["agreement"] == "I agree"


def test_two_runs_of_the_job_at_the_same_moment_publish_once():
    later = timezone.now() + timedelta(hours=1)
    statement = services.schedule_statement(question(), later)
    first = services.publish_due_statements(later)
    second = services.publish_due_statements(later)
    assert (first, second) == ([statement.pk], [])


def test_a_worker_that_loses_the_race_between_select_and_update_does_not_publish_again():
    later = timezone.now() + timedelta(hours=1)
    statement = services.schedule_statement(question(), later)
    other_worker_time = later - timedelta(seconds=5)
    real_texts_of = services._texts_of

    def other_worker_publishes_first(q):
        # Runs after this worker's SELECT found the statement due, before its UPDATE.
        ConsentStatement.objects.filter(pk=statement.pk).update(
            published_at=other_worker_time, texts={"en": {"statement": "theirs"}}
        )
        return real_texts_of(q)

    with mock.patch.object(services, "_texts_of", other_worker_publishes_first):
        assert services.publish_due_statements(later) == []
    statement.refresh_from_db()
    assert statement.published_at == other_worker_time
    assert statement.texts == {"en": {"statement": "theirs"}}


def test_texts_stay_as_published_when_the_question_changes_afterwards():
    q = question()
    statement = published(q)
    # The guard forbids this through the ORM's save(); a direct update proves the copy.
    ConsentQuestion.objects.filter(translation_key=q.translation_key).update(
        statement="Changed words", agreement="Changed"
    )
    statement.refresh_from_db()
    assert statement.text_for("en") == {"statement": "We hold your data.", "agreement": "I agree"}


def test_scheduling_needs_an_active_question():
    q = question()
    ConsentQuestion.objects.filter(translation_key=q.translation_key).update(active=False)
    q.refresh_from_db()
    with pytest.raises(ValidationError, match="active question"):
        services.schedule_statement(q, timezone.now() + timedelta(days=1))


def test_only_an_unpublished_statement_can_be_deleted():
    scheduled = services.schedule_statement(question(), timezone.now() + timedelta(days=1))
    services.delete_scheduled(scheduled)
    assert not ConsentStatement.objects.filter(pk=scheduled.pk).exists()
    statement = published()
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services.delete_scheduled(statement)
    assert ConsentStatement.objects.filter(pk=statement.pk).exists()


# -- agreement ---------------------------------------------------------------------------


def test_agreeing_to_the_current_statement_is_recorded_with_language_and_channel():
    statement = published()
    user = UserFactory()
    assert services.needs_agreement(user)
    record = services.record_agreement(user, statement, "cy", REGISTRATION)
    assert (record.action, record.language, record.channel) == (AGREED, "cy", REGISTRATION)
    assert not services.needs_agreement(user)


def test_agreeing_to_a_statement_that_is_no_longer_current_is_refused():
    old = published(at=timezone.now() - timedelta(days=2))
    published(question(title="Second"))
    user = UserFactory()
    with pytest.raises(ValidationError, match="no longer the current"):
        services.record_agreement(user, old, "en", REGISTRATION)
    assert not ConsentRecord.objects.filter(user=user).exists()


def test_agreeing_to_a_scheduled_statement_is_refused():
    published()
    scheduled = services.schedule_statement(question(), timezone.now() + timedelta(days=1))
    with pytest.raises(ValidationError):
        services.record_agreement(UserFactory(), scheduled, "en", REGISTRATION)


def test_a_new_statement_needs_agreement_again():
    user = UserFactory()
    services.record_agreement(user, published(at=timezone.now() - timedelta(days=1)), "en", "x")
    published(question(title="Second"))
    assert services.needs_agreement(user)


# -- withdrawal --------------------------------------------------------------------------


def test_withdrawing_deactivates_records_tells_the_plugins_and_emails_every_address(
    django_capture_on_commit_callbacks,
):
    statement = published()
    user = UserFactory(first_name="Megan", last_name="Jones", email="megan@example.org")
    services.record_agreement(user, statement, "en", REGISTRATION)
    GdprSettings.objects.create(notification_addresses="dpo@council.example; team@council.example")
    heard = []

    def receiver(sender, user, record, **kwargs):
        heard.append((user.pk, record.action))

    events.consent_withdrawn.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record = services.withdraw_consent(user, "cy", "my_account")
    finally:
        events.consent_withdrawn.disconnect(receiver)

    user.refresh_from_db()
    assert not user.is_active
    assert (record.action, record.statement, record.language) == (WITHDRAWN, statement, "cy")
    assert heard == [(user.pk, WITHDRAWN)]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "dpo@council.example",
        "team@council.example",
    ]
    assert all("megan@example.org" in message.body for message in mail.outbox)
    assert mail.outbox[0].subject == "Consent withdrawn: Megan Jones"


def test_marking_a_withdrawal_actioned_records_who_and_when():
    statement = published()
    user = UserFactory()
    services.record_agreement(user, statement, "en", REGISTRATION)
    record = services.withdraw_consent(user, "en", "my_account")
    officer = UserFactory(kind="staff")
    services.mark_actioned(record, officer)
    record.refresh_from_db()
    assert record.actioned_by == officer
    assert record.actioned_at is not None


# -- the question library and the alert addresses ----------------------------------------


def test_a_published_question_cannot_be_saved_or_deleted_in_any_language():
    q = question()
    published(q)
    welsh = q.get_translation(Locale.objects.get(language_code="cy"))
    for translation in (q, welsh):
        translation.statement = "New words"
        with pytest.raises(ValidationError, match="Clone it to make changes"):
            translation.save()
    # The English source is also protected by the statement's foreign key.
    with pytest.raises(ValidationError, match="Clone it to make changes"), transaction.atomic():
        welsh.delete()
    assert ConsentQuestion.objects.filter(translation_key=q.translation_key).count() == 2


def test_an_unpublished_question_can_still_change():
    q = question()
    services.schedule_statement(q, timezone.now() + timedelta(days=1))
    q.statement = "Better words"
    q.save()
    guards.ensure_editable(q)


def test_cloning_copies_every_translation_unpublished():
    q = question()
    published(q)
    copy = guards.clone_question(q)
    assert copy.pk != q.pk and copy.translation_key != q.translation_key
    assert not copy.is_published
    copies = ConsentQuestion.objects.filter(translation_key=copy.translation_key)
    assert {c.locale.language_code: c.agreement for c in copies} == {
        "en": "I agree",
        "cy": "Rwy'n cytuno",
    }
    copy.statement = "Changed"
    copy.save()


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("a@b.com; not-an-email", False),
        ("a@b.com;;  c@d.org ", True),
        ("", True),
        ("a@b.com, c@d.org", False),
    ],
)
def test_notification_addresses_are_validated(value, valid):
    settings = GdprSettings(notification_addresses=value)
    if valid:
        settings.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            settings.full_clean()
        assert "These are not valid email addresses" in str(error.value)
