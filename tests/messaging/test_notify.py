"""The ``notify`` service of the messaging plugin: the notice becomes a portal message and the
email only says there is one, in the recipient's language; sending is idempotent; without
the plugin, notices go by email with their content."""

import pytest
from django.core import mail
from django.utils import timezone

from plugins.messaging.delivery import notices
from plugins.messaging.models import Delivery, Recipient
from portal import plugins, services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Mali's speech therapy report is attached"


def tell(user):
    services.get("notify")(
        user,
        "messaging.emailsubject.new_message",
        "messaging.inbox.empty",
        {},
        link="https://portal.example.org/secret-place/",
    )


def notice(user, text=SECRET):
    """A notice whose body carries private text, as SEND's notices do."""
    from plugins.messaging import services as messaging

    return messaging.notify(user, "messaging.tile.title", "messaging.thread.about", {"about": text})


def test_a_notice_becomes_a_portal_message_and_the_email_carries_none_of_it(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(first_name="Nia")
    with django_capture_on_commit_callbacks(execute=True):
        message = notice(user)

    assert SECRET in message.body
    assert message.recipients.get().user == user
    (email,) = mail.outbox
    assert email.to == [user.email]
    assert "new message" in email.subject
    assert SECRET not in email.body
    assert all(SECRET not in html for html, _type in email.alternatives)
    assert "/messages/" in email.body


def test_a_welsh_speaker_is_told_in_welsh(django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="cy")
    with django_capture_on_commit_callbacks(execute=True):
        notice(user)

    (email,) = mail.outbox
    assert email.subject.startswith("Mae gennych neges newydd")
    assert email.extra_headers["Content-Language"] == "cy"
    assert "/cy/messages/" in email.body
    assert SECRET not in email.body


def test_a_retried_sending_task_never_sends_twice(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        message = notice(user)
    (sent,) = Delivery.objects.filter(recipient__message=message)

    assert notices.send_delivery(sent.pk) is False  # the retry
    assert len(mail.outbox) == 1
    assert Delivery.objects.get(pk=sent.pk).status == Delivery.Status.SENT


def test_a_failed_send_is_tried_again_later_each_time_waiting_longer(
    django_capture_on_commit_callbacks, monkeypatch
):
    from django_q.models import Schedule

    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        message = notice(user)
    (waiting,) = Delivery.objects.filter(recipient__message=message)

    def broken(message):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(notices, "send_now", broken)
    waits = []
    for _attempt in notices.RETRY_MINUTES:
        before = timezone.now()
        assert notices.send_delivery(waiting.pk) is False
        retry = Schedule.objects.latest("pk")
        waits.append(round((retry.next_run - before).total_seconds() / 60))
    assert waits == list(notices.RETRY_MINUTES)
    assert Delivery.objects.get(pk=waiting.pk).status == Delivery.Status.WAITING

    monkeypatch.undo()
    assert notices.send_delivery(waiting.pk) is True
    assert len(mail.outbox) == 1
    assert Delivery.objects.get(pk=waiting.pk).status == Delivery.Status.SENT


def test_a_send_that_keeps_failing_gives_up_after_the_last_retry(
    django_capture_on_commit_callbacks, monkeypatch
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        message = notice(user)
    (waiting,) = Delivery.objects.filter(recipient__message=message)

    def broken(message):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(notices, "send_now", broken)
    for _attempt in range(len(notices.RETRY_MINUTES) + 1):
        notices.send_delivery(waiting.pk)

    gave_up = Delivery.objects.get(pk=waiting.pk)
    assert gave_up.status == Delivery.Status.GAVE_UP
    assert gave_up.last_error == "mail server down"
    assert notices.send_delivery(waiting.pk) is False
    assert mail.outbox == []


def test_with_messaging_installed_notify_is_the_portal_message():
    assert services.get("notify").__module__ == "plugins.messaging.services"


def test_without_messaging_installed_notify_falls_back_to_the_whole_notice_by_email(
    django_capture_on_commit_callbacks, monkeypatch
):
    # The plugin contract reads providers from portal_apps(): without messaging among them,
    # nothing provides notify.
    others = [config for config in plugins.portal_apps() if config.label != "messaging"]
    monkeypatch.setattr(plugins, "portal_apps", lambda: others)
    assert services.get("notify").__name__ == "notify_by_email"
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        tell(user)

    (email,) = mail.outbox
    assert "You have no messages." in email.body  # the notice itself, not a pointer to it
    assert not Recipient.objects.exists()
