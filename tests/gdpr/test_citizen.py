"""My account → Consent history and Withdraw consent, as a citizen or professional sees them."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from plugins.gdpr import services
from plugins.gdpr.models import (
    AGREED,
    MY_ACCOUNT,
    REGISTRATION,
    SIGN_IN,
    WITHDRAWN,
    ConsentQuestion,
    ConsentRecord,
    GdprSettings,
)
from portal import events
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "A-long-Password-123"


def gdpr_url(name, language="en"):
    with translation.override(language):
        return reverse(f"gdpr:{name}")


def make_question(statement="We use your details to run your account.", agreement="I agree"):
    """An active question in English with its Welsh translation."""
    question = ConsentQuestion.objects.create(
        locale=Locale.objects.get(language_code="en"),
        title="Data protection",
        statement=statement,
        agreement=agreement,
    )
    welsh = question.copy_for_translation(Locale.objects.get(language_code="cy"))
    welsh.statement = f"Cymraeg: {statement}"
    welsh.agreement = f"Cymraeg: {agreement}"
    welsh.save()
    return question


def publish(statement="We use your details to run your account.", agreement="I agree"):
    """Publish a new current statement now."""
    return services.schedule_statement(make_question(statement, agreement), timezone.now())


def portal_user(**kwargs):
    return UserFactory(email_confirmed_at=timezone.now(), **kwargs)


@pytest.fixture
def statement(db):
    return publish()


@pytest.fixture
def citizen(statement):
    user = portal_user()
    services.record_agreement(user, statement, "en", REGISTRATION)
    return user


def test_history_shows_the_users_own_records_newest_first_with_the_text_as_it_was(
    client, citizen, statement
):
    newer = publish("Version two words.", "I agree to version two")
    services.record_agreement(citizen, newer, "cy", SIGN_IN)
    someone_else = portal_user()
    services.record_agreement(someone_else, newer, "en", SIGN_IN)
    client.force_login(citizen)

    page = client.get(gdpr_url("history")).content.decode()

    assert "Cymraeg: Version two words." in page
    assert "We use your details to run your account." in page
    assert page.index("Cymraeg: Version two words.") < page.index("We use your details")
    assert "Cymraeg" in page and "English" in page
    assert page.count('class="govuk-table__row"') == 3  # heading row and two records


def test_history_shows_no_one_elses_records(client, citizen):
    newer = publish("Version two words.", "I agree to version two")
    services.record_agreement(citizen, newer, "en", SIGN_IN)
    other = portal_user()
    services.record_agreement(other, newer, "en", SIGN_IN)
    client.force_login(other)

    page = client.get(gdpr_url("history")).content.decode()

    assert "Version two words." in page
    assert "We use your details" not in page
    assert page.count('class="govuk-table__row"') == 2  # heading row and their one record


def test_history_can_be_empty(client):
    client.force_login(portal_user())

    page = client.get(gdpr_url("history")).content.decode()

    assert "There is nothing in your consent history yet." in page


def test_history_is_in_welsh_on_the_welsh_site(client, citizen):
    client.force_login(citizen)

    page = client.get(gdpr_url("history", "cy")).content.decode()

    assert "Hanes eich cydsyniad" in page
    assert "Wedi cytuno" in page


def test_my_account_links_to_consent_history_and_withdrawal(client, citizen):
    client.force_login(citizen)

    page = client.get(reverse("accounts:my_account")).content.decode()

    assert f'href="{gdpr_url("history")}">Consent history' in page
    assert f'href="{gdpr_url("withdraw")}">Withdraw consent' in page


def test_withdraw_page_shows_the_current_statement_and_what_was_agreed(client, citizen):
    client.force_login(citizen)

    page = client.get(gdpr_url("withdraw")).content.decode()

    assert "You have previously agreed to version 1 of our data protection statement." in page
    assert "We use your details to run your account." in page
    assert gdpr_url("withdraw_confirm") in page


def test_withdraw_page_says_when_there_is_nothing_to_withdraw(client):
    client.force_login(portal_user())

    page = client.get(gdpr_url("withdraw")).content.decode()

    assert "there is no consent to withdraw" in page
    assert gdpr_url("withdraw_confirm") not in page


def test_the_final_warning_says_what_withdrawing_means(client, citizen):
    client.force_login(citizen)

    page = client.get(gdpr_url("withdraw_confirm")).content.decode()

    assert "govuk-warning-text" in page
    assert "you will not be able to use this account again" in page
    assert "register again" in page
    assert "does not delete anything else" in page
    assert not ConsentRecord.objects.filter(action=WITHDRAWN).exists()


def test_withdrawing_closes_the_account_signs_out_and_tells_the_council(
    client, citizen, django_capture_on_commit_callbacks
):
    GdprSettings.objects.create(notification_addresses="dpo@example.org; data@example.org")
    heard = []

    def listener(sender, user, record, **kwargs):
        heard.append((user, record))

    events.consent_withdrawn.connect(listener)
    client.force_login(citizen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(gdpr_url("withdraw_confirm"))
    finally:
        events.consent_withdrawn.disconnect(listener)

    assert response.url == gdpr_url("withdrawn")
    citizen.refresh_from_db()
    assert not citizen.is_active
    record = ConsentRecord.objects.get(user=citizen, action=WITHDRAWN)
    assert record.channel == MY_ACCOUNT
    assert heard == [(citizen, record)]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "data@example.org",
        "dpo@example.org",
    ]
    assert citizen.email in mail.outbox[0].body
    page = client.get(response.url).content.decode()
    assert "Your consent has been withdrawn" in page
    assert "_auth_user_id" not in client.session
    # Nothing else about the person is deleted.
    assert get_user_model().objects.filter(pk=citizen.pk).exists()
    assert ConsentRecord.objects.filter(user=citizen, action=AGREED).exists()


def test_after_withdrawing_the_user_cannot_sign_in(client, citizen):
    client.force_login(citizen)
    client.post(gdpr_url("withdraw_confirm"))

    response = client.post(
        reverse("accounts:sign_in"), {"email": citizen.email, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_withdrawing_in_welsh_records_the_welsh_language(client, citizen):
    client.force_login(citizen)

    client.post(gdpr_url("withdraw_confirm", "cy"))

    assert ConsentRecord.objects.get(action=WITHDRAWN).language == "cy"


def test_withdrawing_with_nothing_to_withdraw_changes_nothing(client):
    user = portal_user()
    client.force_login(user)

    response = client.post(gdpr_url("withdraw_confirm"))

    assert response.url == gdpr_url("withdraw")
    user.refresh_from_db()
    assert user.is_active


def test_staff_accounts_are_not_closed_by_withdrawing_consent(client, statement):
    staff = portal_user(kind="staff")
    client.force_login(staff)

    assert client.get(gdpr_url("withdraw")).status_code == 404
    assert client.post(gdpr_url("withdraw_confirm")).status_code == 404
    staff.refresh_from_db()
    assert staff.is_active
