"""Consent at registration: the current statement first, agreement remembered until the
account exists, then recorded; and registering again after withdrawing consent."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.http import urlencode

from accounts.addresses import load_demo_addresses
from plugins.gdpr import consent_step, services
from plugins.gdpr.models import AGREED, MY_ACCOUNT, REGISTRATION, ConsentRecord
from tests.accounts.test_registration import PASSWORD, answer_steps, emailed_code, url
from tests.gdpr.test_citizen import gdpr_url, portal_user, publish

pytestmark = pytest.mark.django_db
User = get_user_model()
EMAIL = "alex.jones@example.org"


@pytest.fixture(autouse=True)
def _addresses(db):
    load_demo_addresses()


@pytest.fixture
def statement(db):
    return publish("How we use your details.", "I agree to the statement")


def consent_url(next_name="register_name", language="en"):
    return f"{gdpr_url('registration_consent', language)}?{urlencode({'next': url(next_name, language)})}"


def agree(client, statement, language="en"):
    response = client.post(
        consent_url(language=language), {"statement": statement.pk, "agree": "true"}
    )
    assert response.status_code == 302, response.content.decode()
    return response


def finish(client, capture, language="en"):
    with capture(execute=True):
        return client.post(url("register_check", language))


def test_registration_starts_with_the_current_statement(client, statement):
    client.post(url("register"), {})

    response = client.get(url("register_name"))

    assert response.url == consent_url()
    page = client.get(response.url).content.decode()
    assert "Data protection" in page
    assert "How we use your details." in page
    assert "I agree to the statement" in page
    assert 'type="checkbox"' in page


def test_the_welsh_page_shows_the_welsh_statement(client, statement):
    page = client.get(consent_url(language="cy")).content.decode()

    assert "Diogelu data" in page
    assert "Cymraeg: How we use your details." in page
    assert "Cymraeg: I agree to the statement" in page


def test_without_a_published_statement_there_is_nothing_to_agree_to(client):
    client.post(url("register"), {})

    assert client.get(url("register_name")).status_code == 200
    assert client.get(consent_url()).url == url("register_name")


def test_continue_without_the_tick_shows_the_error(client, statement):
    response = client.post(consent_url(), {"statement": statement.pk})

    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Tick the box to agree to the statement" in page
    assert consent_step.SESSION_KEY not in client.session


def test_a_tampered_statement_id_is_not_agreement(client, statement):
    response = client.post(consent_url(), {"statement": statement.pk + 99, "agree": "true"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "The statement changed while you were reading it." in page
    assert f'value="{statement.pk}"' in page
    assert consent_step.SESSION_KEY not in client.session


def test_agreeing_continues_to_the_registration_and_remembers_what_was_agreed(client, statement):
    client.post(url("register"), {})

    response = agree(client, statement, "cy")

    assert response.url == url("register_name", "cy")
    assert client.session[consent_step.SESSION_KEY] == {"statement": statement.pk, "language": "cy"}
    assert client.get(url("register_name")).status_code == 200


def test_agreeing_never_continues_to_another_site(client, statement):
    response = client.post(
        f"{gdpr_url('registration_consent')}?next=https://evil.example.com/",
        {"statement": statement.pk, "agree": "true"},
    )

    assert response.url == url("register_name")


def test_the_agreement_is_recorded_once_the_account_exists(
    client, statement, django_capture_on_commit_callbacks
):
    client.post(url("register"), {})
    agree(client, statement, "cy")
    answer_steps(client)

    finish(client, django_capture_on_commit_callbacks)

    record = ConsentRecord.objects.get(user__email=EMAIL)
    assert (record.statement, record.action, record.channel, record.language) == (
        statement,
        AGREED,
        REGISTRATION,
        "cy",
    )
    assert consent_step.SESSION_KEY not in client.session
    assert not services.needs_agreement(record.user)


def test_a_statement_replaced_during_registration_is_asked_for_at_sign_in(
    client, statement, django_capture_on_commit_callbacks
):
    client.post(url("register"), {})
    agree(client, statement)
    answer_steps(client)
    publish("A newer statement.")

    finish(client, django_capture_on_commit_callbacks)

    user = User.objects.get(email=EMAIL)
    assert not ConsentRecord.objects.filter(user=user).exists()
    assert services.needs_agreement(user)


def withdrawn_user(statement):
    user = portal_user(email=EMAIL, first_name="Old", last_name="Name")
    services.record_agreement(user, statement, "en", REGISTRATION)
    services.withdraw_consent(user, "en", MY_ACCOUNT)
    return user


def test_after_withdrawing_the_address_can_register_again(
    client, statement, django_capture_on_commit_callbacks
):
    old = withdrawn_user(statement)
    client.post(url("register"), {})
    agree(client, statement)
    answer_steps(client)
    mail.outbox.clear()

    response = finish(client, django_capture_on_commit_callbacks)

    assert response.url == url("confirm_email")
    user = User.objects.get(email=EMAIL)
    assert user.pk == old.pk
    assert (user.first_name, user.last_name, user.is_active) == ("Alex", "Jones", True)
    assert user.email_confirmed_at is None
    assert user.check_password(PASSWORD)
    assert ConsentRecord.objects.filter(user=user).first().action == AGREED
    [message] = mail.outbox
    client.post(url("confirm_email"), {"code": emailed_code(message)})
    response = client.post(url("sign_in"), {"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_active_account_is_still_already_registered(
    client, statement, django_capture_on_commit_callbacks
):
    existing = portal_user(email=EMAIL, first_name="Old")
    client.post(url("register"), {})
    agree(client, statement)
    answer_steps(client)

    finish(client, django_capture_on_commit_callbacks)

    existing.refresh_from_db()
    assert existing.first_name == "Old"
    assert not ConsentRecord.objects.filter(user=existing).exists()


def test_an_account_closed_for_another_reason_cannot_be_registered_again(
    client, statement, django_capture_on_commit_callbacks
):
    closed = portal_user(email=EMAIL, first_name="Old", is_active=False)
    client.post(url("register"), {})
    agree(client, statement)
    answer_steps(client)

    finish(client, django_capture_on_commit_callbacks)

    closed.refresh_from_db()
    assert (closed.first_name, closed.is_active) == ("Old", False)


def test_may_register_again_only_after_a_withdrawal(statement):
    withdrawn = withdrawn_user(statement)
    agreed_and_closed = portal_user(is_active=False)
    services.record_agreement(agreed_and_closed, statement, "en", REGISTRATION)

    assert consent_step.may_register_again(withdrawn)
    assert not consent_step.may_register_again(agreed_and_closed)
    assert not consent_step.may_register_again(portal_user(is_active=False))
    assert not consent_step.may_register_again(portal_user())


def test_accounts_and_core_do_not_import_the_gdpr_plugin():
    """So removing the plugin from PORTAL_PLUGINS leaves them working."""
    site = Path(__file__).resolve().parents[2] / "site"
    imports_a_plugin = re.compile(r"^\s*(from|import)\s+plugins\b|plugins\.gdpr\.", re.M)
    offenders = [
        str(path)
        for folder in ("accounts", "core")
        for path in (site / folder).rglob("*.py")
        if imports_a_plugin.search(path.read_text())
    ]
    assert offenders == []
