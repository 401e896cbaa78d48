"""The case system writes to the people on a child's case as the SEND team: they find the
message in their portal inbox; nobody off the case can be written to."""

from plugins.messaging.models import Recipient, Thread
from tests.factories import UserFactory


def message(child_record, *emails):
    return {
        "about_kind": "send.child_record",
        "about_id": child_record.pk,
        "recipient_emails": list(emails),
        "subject": "Your assessment",
        "body": "We have received the school's report.",
    }


def test_the_team_writes_to_a_parent_authenticated_on_the_case(api, child, authenticated):
    response = api("messages:write").post("/messages/threads", message(child, "nia@example.org"))
    assert response.status_code == 201
    thread = Thread.objects.get()
    assert thread.messages.get().from_team
    assert Recipient.objects.get().user.email == "nia@example.org"


def test_someone_off_the_case_refuses_the_whole_message(api, child, authenticated):
    UserFactory(email="stranger@example.org")
    response = api("messages:write").post(
        "/messages/threads", message(child, "nia@example.org", "stranger@example.org")
    )
    assert response.status_code == 409
    assert not Thread.objects.exists()


def test_writing_needs_messages_write(api, child, authenticated):
    response = api("cases:write").post("/messages/threads", message(child, "nia@example.org"))
    assert response.status_code == 403


def test_a_parents_message_to_the_team_is_announced_to_subscribers(
    service_account,
    child,
    authenticated,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from api.models import WebhookDelivery, WebhookSubscription
    from api.webhooks import delivery, signing
    from plugins.messaging import services

    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    account, _token = service_account("messages:write")
    WebhookSubscription.objects.create(
        account=account,
        url="https://case.example.org/hook",
        events=["message.received"],
        secret=signing.new_secret(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.write_to_team(
            authenticated.user, "send.child_record", child.pk, None, "Question", "When is it?"
        )
    [sent] = WebhookDelivery.objects.all()
    assert sent.payload["data"] == {"message_id": thread.messages.get().pk}
