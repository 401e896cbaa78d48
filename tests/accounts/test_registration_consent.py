"""GDPR consent at registration through the plugin contract: with a "registration_consent"
provider installed, consent comes first and is recorded against the new account; without
one, registration has no consent step."""

import pytest
from django.contrib.auth import get_user_model

from accounts.addresses import load_demo_addresses
from tests.accounts.test_registration import answer_steps, register, url

pytestmark = pytest.mark.django_db
CONSENT_URL = "/consent/please/"


class FakeConsent:
    """A provider as the GDPR plugin would give it, keeping consent in the session."""

    def __init__(self):
        self.started_with = []
        self.recorded = []

    def start_url(self, request, next_url):
        self.started_with.append(next_url)
        return f"{CONSENT_URL}?next={next_url}"

    def is_given(self, request):
        return request.session.get("fake_consent", False)

    def record(self, request, user):
        self.recorded.append(user)


@pytest.fixture
def provider(provide_service):
    fake = FakeConsent()
    provide_service("registration_consent", fake)
    return fake


def give_consent(client):
    session = client.session
    session["fake_consent"] = True
    session.save()


@pytest.fixture(autouse=True)
def _addresses(db):
    load_demo_addresses()


def test_without_a_provider_registration_has_no_consent_step(
    client, django_capture_on_commit_callbacks, provide_service
):
    provide_service("registration_consent")  # as when no consent plugin is installed

    client.post(url("register"), {})
    assert client.get(url("register_name")).status_code == 200
    register(client, django_capture_on_commit_callbacks)
    assert get_user_model().objects.filter(email="alex.jones@example.org").exists()


def test_with_a_provider_consent_comes_first(client, provider):
    response = client.post(url("register"), {})
    response = client.get(response.url)

    assert response.status_code == 302
    assert response.url == f"{CONSENT_URL}?next={url('register_name')}"
    assert provider.started_with == [url("register_name")]
    # Every later step asks too, so consent cannot be skipped by typing an address.
    assert client.get(url("register_account")).url.startswith(CONSENT_URL)


def test_once_consent_is_given_registration_continues_and_records_it(
    client, provider, django_capture_on_commit_callbacks
):
    client.post(url("register"), {})
    give_consent(client)

    register(client, django_capture_on_commit_callbacks)

    user = get_user_model().objects.get(email="alex.jones@example.org")
    assert provider.recorded == [user]


def test_no_account_is_created_without_consent(client, provider):
    client.post(url("register"), {})
    give_consent(client)
    answer_steps(client)
    session = client.session
    session["fake_consent"] = False
    session.save()

    response = client.post(url("register_check"))

    assert response.url.startswith(CONSENT_URL)
    assert not get_user_model().objects.exists()
    assert provider.recorded == []
