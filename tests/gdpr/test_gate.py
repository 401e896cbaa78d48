"""A new statement is published: a signed-in citizen or professional who has not agreed to it
sees it before anything else, and may agree or withdraw instead."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from core.middleware import PluginGateMiddleware
from plugins.gdpr import services
from plugins.gdpr.models import AGREED, REGISTRATION, SIGN_IN, ConsentRecord, ConsentStatement
from tests.conftest import sign_in_verified
from tests.gdpr.test_citizen import gdpr_url, make_question, portal_user, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(db):
    """A citizen who agreed to version 1, before version 2 was published."""
    user = portal_user()
    services.record_agreement(user, publish("Version one."), "en", REGISTRATION)
    return user


@pytest.fixture
def version_two(citizen):
    return publish("Version two.", "I agree to version two")


def agree_url(next_url=None, language="en"):
    url = gdpr_url("agree", language)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def test_a_user_who_agreed_to_the_current_statement_is_let_through(client, citizen):
    client.force_login(citizen)

    assert client.get(reverse("accounts:my_account")).status_code == 200


def test_once_agreed_the_gate_reads_nothing_on_later_pages(client, citizen):
    client.force_login(citizen)
    client.get(reverse("accounts:my_account"))

    with CaptureQueriesContext(connection) as later:
        assert client.get(reverse("accounts:my_account")).status_code == 200

    consent_reads = [q for q in later.captured_queries if '"gdpr_consent' in q["sql"]]
    assert consent_reads == []


def test_a_statement_published_after_the_user_agreed_stops_their_next_page(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("accounts:my_account")).status_code == 200  # remembered

    publish("Version two.", "I agree to version two")

    assert client.get(reverse("accounts:my_account")).url == agree_url(
        reverse("accounts:my_account")
    )


def test_a_statement_published_by_the_scheduled_job_stops_the_next_page(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("accounts:my_account")).status_code == 200
    later = timezone.now() + timedelta(minutes=5)
    scheduled = services.schedule_statement(make_question("Version two.", "I agree"), later)
    assert client.get(reverse("accounts:my_account")).status_code == 200
    # Its time comes (an UPDATE, as the clock would: no save signal).
    ConsentStatement.objects.filter(pk=scheduled.pk).update(publish_at=timezone.now())

    services.publish_due_statements()

    assert client.get(reverse("accounts:my_account")).status_code == 302


def test_a_new_statement_must_be_agreed_before_anything_else(client, citizen, version_two):
    client.force_login(citizen)

    response = client.get(reverse("accounts:my_account"))

    assert response.status_code == 302
    assert response.url == agree_url(reverse("accounts:my_account"))
    page = client.get(response.url).content.decode()
    assert "We have updated our data protection statement" in page
    assert "Version two." in page
    assert "I agree to version two" in page
    assert gdpr_url("withdraw_confirm") in page


def test_a_post_is_stopped_too(client, citizen, version_two):
    client.force_login(citizen)

    response = client.post(reverse("accounts:my_account"), {"preferred_language": "cy"})

    assert response.url == gdpr_url("agree")
    citizen.refresh_from_db()
    assert citizen.preferred_language == "en"


@pytest.mark.parametrize(
    "url",
    [
        lambda: gdpr_url("agree"),
        lambda: gdpr_url("agree", "cy"),
        lambda: gdpr_url("withdraw"),
        lambda: gdpr_url("withdraw_confirm"),
        lambda: gdpr_url("withdrawn"),
        lambda: reverse("accounts:session_status"),
        lambda: reverse("theme_css"),
    ],
)
def test_the_agreement_withdrawal_and_session_pages_are_not_stopped(
    client, citizen, version_two, url
):
    client.force_login(citizen)

    assert client.get(url()).status_code == 200


def test_signing_out_is_not_stopped(client, citizen, version_two):
    client.force_login(citizen)

    response = client.post(reverse("accounts:sign_out"))

    assert response.url == reverse("accounts:signed_out")
    assert "_auth_user_id" not in client.session


def test_static_files_are_not_stopped(citizen, version_two):
    request = RequestFactory().get(f"{settings.STATIC_URL}theme/portal.js")
    request.user = citizen
    response = PluginGateMiddleware(lambda request: HttpResponse("file"))(request)

    assert response.content == b"file"


def test_agreeing_records_it_and_continues_where_the_user_was_going(client, citizen, version_two):
    client.force_login(citizen)
    target = reverse("accounts:my_account")

    response = client.post(agree_url(target, "cy"), {"statement": version_two.pk, "agree": "true"})

    assert response.url == target
    record = ConsentRecord.objects.get(user=citizen, statement=version_two)
    assert (record.action, record.channel, record.language) == (AGREED, SIGN_IN, "cy")
    assert client.get(target).status_code == 200


def test_agreeing_never_continues_to_another_site(client, citizen, version_two):
    client.force_login(citizen)

    response = client.post(
        agree_url("https://evil.example.com/"), {"statement": version_two.pk, "agree": "true"}
    )

    assert response.url == "/"


def test_continuing_without_the_tick_shows_the_error(client, citizen, version_two):
    client.force_login(citizen)

    response = client.post(agree_url(), {"statement": version_two.pk})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Tick the box to agree to the statement" in page
    assert page.count("Error:") >= 1
    assert not ConsentRecord.objects.filter(statement=version_two).exists()


def test_agreeing_to_a_statement_replaced_while_the_page_was_open_is_refused(
    client, citizen, version_two
):
    client.force_login(citizen)
    page_opened_with = version_two.pk
    version_three = publish("Version three.", "I agree to version three")

    response = client.post(agree_url(), {"statement": page_opened_with, "agree": "true"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "The statement changed while you were reading it." in page
    assert "Version three." in page
    assert f'value="{version_three.pk}"' in page
    assert (
        not ConsentRecord.objects.filter(user=citizen, action=AGREED)
        .exclude(statement__version=1)
        .exists()
    )


def test_a_user_with_nothing_to_agree_to_is_sent_on(client, citizen):
    client.force_login(citizen)

    response = client.get(agree_url(reverse("accounts:my_account")))

    assert response.url == reverse("accounts:my_account")


def test_staff_are_not_stopped(client, superuser, version_two):
    sign_in_verified(client, superuser)

    assert client.get(reverse("accounts:my_account")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_the_welsh_site_shows_the_welsh_statement(client, citizen, version_two):
    client.force_login(citizen)

    with translation.override("cy"):
        target = reverse("accounts:my_account")
    response = client.get(target)
    page = client.get(response.url).content.decode()

    assert response.url.startswith("/cy/gdpr/consent/")
    assert "Cymraeg: Version two." in page
    assert "Cymraeg: I agree to version two" in page
