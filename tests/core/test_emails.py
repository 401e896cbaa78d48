"""The one email path: texts in the user's language and wording, queued after commit."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from core import emails
from core.emails import render_email, send_email, send_user_email
from core.models import SentEmail, TextResource
from tests.factories import TextResourceFactory, UserFactory

pytestmark = pytest.mark.django_db
SUBJECT, BODY = "account.emailsubject.password_changed", "account.email_password_changed"


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Tests run in a transaction that never commits: run on-commit callbacks at the end of the
    block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_email_is_sent_only_after_the_transaction_commits(committing):
    with committing():
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
        assert mail.outbox == []
    (message,) = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Your password has been changed"
    assert "Dear Ann" in message.body


def test_rolled_back_change_sends_nothing(committing):
    with committing(), pytest.raises(RuntimeError), transaction.atomic():
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
        raise RuntimeError
    assert mail.outbox == []


def test_user_gets_the_email_in_their_preferred_language_with_html(committing):
    user = UserFactory(first_name="Siân", last_name="Jones", preferred_language="cy")
    with committing():
        send_user_email(user, SUBJECT, BODY)
    (message,) = mail.outbox
    assert message.subject == "Mae eich cyfrinair wedi'i newid"
    assert "Annwyl Siân Jones" in message.body
    assert "<p>Annwyl Siân Jones,</p>" in message.alternatives[0][0]
    assert message.extra_headers["Content-Language"] == "cy"


def test_editors_wording_and_professional_variant_are_used(committing):
    TextResource.objects.filter(key=SUBJECT, locale__language_code="en").update(
        value="Password updated for {name}"
    )
    TextResourceFactory(key=f"{SUBJECT}.professional", value="Professional account: updated")
    with committing():
        send_user_email(UserFactory(first_name="Ann", last_name="Parent"), SUBJECT, BODY)
        send_user_email(UserFactory(kind="professional"), SUBJECT, BODY)
    assert [m.subject for m in mail.outbox] == [
        "Password updated for Ann Parent",
        "Professional account: updated",
    ]


def test_markdown_body_is_sanitised_in_html():
    TextResource.objects.filter(key=BODY, locale__language_code="en").update(
        value="Hello **{name}** <script>alert(1)</script>"
    )
    _subject, text, html = render_email(SUBJECT, BODY, "en", name="Ann")
    assert "<strong>Ann</strong>" in html and "<script>" not in html
    assert text == "Hello Ann"  # no Markdown syntax, no script


def test_outbox_backend_writes_eml_files(settings, tmp_path, committing):
    settings.EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
    settings.EMAIL_OUTBOX_DIR = tmp_path
    with committing():
        send_email("bob@example.org", SUBJECT, BODY, name="Bob")
    (path,) = tmp_path.glob("*.eml")
    content = path.read_text()
    assert "To: bob@example.org" in content
    assert "Subject: Your password has been changed" in content


def test_notify_backend_sends_subject_and_body_as_personalisation(
    settings, monkeypatch, committing
):
    from notifications_python_client import notifications

    sent = []

    class RecordingClient:  # the real client would call GOV.UK Notify over the network
        def __init__(self, key):
            assert key == "test-key"

        def send_email_notification(self, **kwargs):
            sent.append(kwargs)

    monkeypatch.setattr(notifications, "NotificationsAPIClient", RecordingClient)
    settings.EMAIL_BACKEND = "core.mail.NotifyEmailBackend"
    settings.NOTIFY_API_KEY = "test-key"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "template-1"
    with committing():
        send_email("cy@example.org", SUBJECT, BODY, language="cy", name="Ceri")
    (call,) = sent
    assert call["template_id"] == "template-1"
    assert call["personalisation"]["subject"] == "Mae eich cyfrinair wedi'i newid"
    assert "Annwyl Ceri" in call["personalisation"]["body"]


INJECTED = "[Urgent](https://evil.example) ![x](https://evil.example/p.png) <b>bold</b> *now*"


def test_a_name_typed_with_markdown_or_html_arrives_as_literal_text(committing):
    user = UserFactory(first_name=INJECTED, last_name="Jones")
    with committing():
        send_user_email(
            user,
            "account.emailsubject.registration",
            "account.email_registration",
            code="123456",
            link="https://portal.example/confirm/abc/",
            hours=24,
        )
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert 'href="https://evil.example' not in html
    assert "<img" not in html and "<b>" not in html and "<em>" not in html
    assert "[Urgent](https://evil.example) ![x](https://evil.example/p.png)" in html
    assert "&lt;b&gt;bold&lt;/b&gt; *now*" in html
    assert f"Dear {INJECTED} Jones" in message.body


def test_the_portals_own_links_are_links_and_the_plain_text_has_no_markdown(committing):
    TextResource.objects.filter(
        key="account.email_registration", locale__language_code="en"
    ).update(
        value="Dear {name},\n\n**Your code is {code}.** Confirm here: {link}\n\n"
        "- It works once\n- Read more at https://council.example/help"
    )
    with committing():
        send_user_email(
            UserFactory(first_name="Ann", last_name="Jones"),
            "account.emailsubject.registration",
            "account.email_registration",
            code="123456",
            link="https://portal.example/confirm/abc/",
            hours=24,
        )
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert '<a href="https://portal.example/confirm/abc/"' in html
    assert '<a href="https://council.example/help"' in html
    assert "<strong>Your code is 123456.</strong>" in html
    assert "**" not in message.body and "- It" not in message.body
    assert "Your code is 123456. Confirm here: https://portal.example/confirm/abc/" in message.body
    assert "• It works once" in message.body


def test_a_task_handed_out_again_sends_its_email_once(committing, monkeypatch):
    # django-q2 hands a task out again when its worker was killed before the result was
    # saved; the repeat must not send a second copy.
    queued = []
    monkeypatch.setattr(
        emails, "async_task", lambda func, message, **kwargs: queued.append(message)
    )
    with committing():
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
    (message,) = queued

    assert emails.deliver(message) is True
    assert emails.deliver(message) is False
    assert len(mail.outbox) == 1
    assert SentEmail.objects.filter(key=message["key"]).count() == 1


def test_a_send_that_fails_leaves_no_record_so_the_retry_sends(committing, monkeypatch):
    queued = []
    monkeypatch.setattr(
        emails, "async_task", lambda func, message, **kwargs: queued.append(message)
    )
    with committing():
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
    (message,) = queued

    def refused(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    with monkeypatch.context() as patch:
        patch.setattr(emails.EmailMultiAlternatives, "send", refused)
        with pytest.raises(ConnectionRefusedError):
            emails.deliver(message)
    assert not SentEmail.objects.exists()

    assert emails.deliver(message) is True
    assert len(mail.outbox) == 1


def test_each_queued_email_has_its_own_key(committing, monkeypatch):
    queued = []
    monkeypatch.setattr(
        emails, "async_task", lambda func, message, **kwargs: queued.append(message)
    )
    with committing():
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
        send_email("ann@example.org", SUBJECT, BODY, name="Ann")
    for message in queued:
        emails.deliver(message)
    assert len({message["key"] for message in queued}) == 2
    assert len(mail.outbox) == 2


def test_keys_of_emails_sent_over_a_week_ago_are_forgotten():
    now = timezone.now()
    old, recent = SentEmail.objects.bulk_create([SentEmail(key=uuid4()), SentEmail(key=uuid4())])
    SentEmail.objects.filter(pk=old.pk).update(sent_at=now - timedelta(days=8))
    SentEmail.objects.filter(pk=recent.pk).update(sent_at=now - timedelta(days=6))

    assert emails.purge_sent(now=now) == 1
    assert list(SentEmail.objects.values_list("pk", flat=True)) == [recent.pk]
