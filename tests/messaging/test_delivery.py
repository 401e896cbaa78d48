"""Notices through GOV.UK Notify: the real client library sends to a local fake of Notify's
API; each notice records its Notify id, text messages go only to users who asked for them,
and Notify's delivery receipts (bearer token from settings) record each status and flag
contact details that can never be reached."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from plugins.messaging import services
from plugins.messaging.delivery import receipts
from plugins.messaging.models import ContactProblem, Delivery, TextMessageConsent
from tests.factories import UserFactory

from .fake_notify import API_KEY, FakeNotify

pytestmark = pytest.mark.django_db

EMAIL_TEMPLATE = "11111111-2222-3333-4444-555555555555"
SMS_TEMPLATE = "66666666-7777-8888-9999-000000000000"
TOKEN = "callback-token-from-settings"
SECRET = "Mali's speech therapy report is attached"


@pytest.fixture
def notify(settings):
    with FakeNotify() as fake:
        settings.NOTIFY_API_KEY = API_KEY
        settings.NOTIFY_BASE_URL = fake.url
        settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE
        settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE
        settings.NOTIFY_CALLBACK_TOKEN = TOKEN
        yield fake


def notice(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.notify(
            user, "messaging.tile.title", "messaging.thread.about", {"about": SECRET}
        )
    return Delivery.objects.filter(recipient__message=message)


def wants_texts(**fields):
    user = UserFactory(mobile_phone="07700 900123", **fields)
    TextMessageConsent.objects.create(user=user)
    return user


def test_with_notify_configured_the_email_goes_through_notify_and_records_its_id(
    notify, django_capture_on_commit_callbacks
):
    user = UserFactory(email="nia@example.org")
    (delivery,) = notice(user, django_capture_on_commit_callbacks)

    (sent,) = notify.requests
    assert sent["path"] == "/v2/notifications/email"
    assert sent["body"]["email_address"] == "nia@example.org"
    assert sent["body"]["template_id"] == EMAIL_TEMPLATE
    assert sent["body"]["reference"] == f"message-delivery-{delivery.pk}"
    assert set(sent["body"]["personalisation"]) == {"subject", "body"}
    assert SECRET not in json.dumps(sent["body"])
    assert "/messages/" in sent["body"]["personalisation"]["body"]
    assert delivery.notify_id == sent["id"]
    assert delivery.status == Delivery.Status.SENT
    assert mail.outbox == []  # not also through the email backend


def test_a_user_who_asked_for_text_messages_gets_one_in_their_language(
    notify, django_capture_on_commit_callbacks
):
    user = wants_texts(preferred_language="cy")
    deliveries = notice(user, django_capture_on_commit_callbacks)

    assert sorted(deliveries.values_list("channel", flat=True)) == ["email", "sms"]
    (text,) = [sent for sent in notify.requests if sent["path"] == "/v2/notifications/sms"]
    assert text["body"]["phone_number"] == "07700 900123"
    assert text["body"]["template_id"] == SMS_TEMPLATE
    assert text["body"]["personalisation"]["body"].startswith("Mae gennych neges ddiogel newydd")
    assert "/cy/messages/" in text["body"]["personalisation"]["body"]
    assert SECRET not in json.dumps(text["body"])
    assert deliveries.get(channel="sms").notify_id == text["id"]


def test_no_text_message_without_consent_or_without_a_mobile_number(
    notify, django_capture_on_commit_callbacks
):
    no_consent = UserFactory(mobile_phone="07700 900123")
    no_number = UserFactory(mobile_phone="")
    TextMessageConsent.objects.create(user=no_number)

    for user in (no_consent, no_number):
        deliveries = notice(user, django_capture_on_commit_callbacks)
        assert list(deliveries.values_list("channel", flat=True)) == ["email"]
    assert {sent["path"] for sent in notify.requests} == {"/v2/notifications/email"}


def test_when_notify_fails_the_delivery_waits_for_its_retry_and_sends_once(
    notify, django_capture_on_commit_callbacks
):
    from plugins.messaging.delivery import notices

    notify.failing = True
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)
    assert delivery.status == Delivery.Status.WAITING
    assert delivery.attempts == 1

    notify.failing = False
    assert notices.send_delivery(delivery.pk) is True
    assert notices.send_delivery(delivery.pk) is False
    assert len(notify.requests) == 1


# -- delivery receipts ---------------------------------------------------------------------


def post_receipt(client, notify_id, status, token=TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return client.post(
        reverse("messaging:delivery_receipts"),
        json.dumps({"id": notify_id, "status": status, "reference": "x", "to": "x"}),
        content_type="application/json",
        headers=headers,
    )


@pytest.mark.parametrize("status", sorted(receipts.RECEIPT_STATUSES))
def test_notifys_receipt_records_each_status(
    client, notify, django_capture_on_commit_callbacks, status
):
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)

    response = post_receipt(client, delivery.notify_id, status)

    assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == status
    assert delivery.status_at is not None


@pytest.mark.parametrize("token", [None, "wrong-token", TOKEN + "x", ""])
def test_a_receipt_without_the_right_token_is_refused_and_changes_nothing(
    client, notify, django_capture_on_commit_callbacks, token
):
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)

    response = post_receipt(client, delivery.notify_id, "permanent-failure", token=token)

    assert response.status_code == 401
    assert Delivery.objects.get(pk=delivery.pk).status == Delivery.Status.SENT
    assert not ContactProblem.objects.exists()


def test_without_a_token_in_settings_every_receipt_is_refused(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""

    assert post_receipt(client, "anything", "delivered", token="").status_code == 401


def test_a_receipt_for_an_unknown_notification_is_ignored(
    client, notify, django_capture_on_commit_callbacks
):
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)

    response = post_receipt(client, "00000000-0000-0000-0000-000000000000", "delivered")

    assert response.status_code == 200
    assert Delivery.objects.get(pk=delivery.pk).status == Delivery.Status.SENT


def test_a_permanent_failure_flags_the_users_address_until_a_notice_reaches_them(
    client, notify, django_capture_on_commit_callbacks
):
    user = wants_texts(email="wrong@example.org")
    deliveries = notice(user, django_capture_on_commit_callbacks)
    text = deliveries.get(channel="sms")

    post_receipt(client, text.notify_id, "permanent-failure")

    (problem,) = ContactProblem.objects.all()
    assert (problem.user, problem.channel, problem.address) == (user, "sms", "07700 900123")
    post_receipt(client, deliveries.get(channel="email").notify_id, "delivered")
    assert ContactProblem.objects.count() == 1  # an email arriving says nothing of the phone

    later = notice(user, django_capture_on_commit_callbacks).get(channel="sms")
    post_receipt(client, later.notify_id, "delivered")
    assert not ContactProblem.objects.exists()


def test_a_temporary_failure_flags_nothing(client, notify, django_capture_on_commit_callbacks):
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)

    post_receipt(client, delivery.notify_id, "temporary-failure")

    assert not ContactProblem.objects.exists()
    assert Delivery.objects.get(pk=delivery.pk).status_at <= timezone.now()


def test_a_receipt_with_a_status_that_is_not_final_changes_nothing(
    client, notify, django_capture_on_commit_callbacks
):
    (delivery,) = notice(UserFactory(), django_capture_on_commit_callbacks)

    assert post_receipt(client, delivery.notify_id, "sending").status_code == 200
    assert Delivery.objects.get(pk=delivery.pk).status == Delivery.Status.SENT


def test_a_receipt_that_is_not_json_is_refused(client, notify):
    response = client.post(
        reverse("messaging:delivery_receipts"),
        "not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )

    assert response.status_code == 400
