"""Real portal events reach the case system's subscription: a family sending a form, the
council deciding on it through the API."""

from api.models import WebhookDelivery, WebhookSubscription
from api.webhooks import delivery, signing
from plugins.send.models import Action
from tests.send.casework.conftest import matched
from tests.send.factories import published_form
from tests.send.test_council_submissions import family, fill


def test_a_sent_form_and_its_decision_are_announced_to_subscribers(
    api, service_account, form, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    account, _token = service_account("submissions:read", name="Subscriber")
    WebhookSubscription.objects.create(
        account=account,
        url="https://case.example.org/hook",
        events=["submission.submitted", "submission.decided"],
        secret=signing.new_secret(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        submission = fill(family(), form)
    caller = api("submissions:read", "submissions:write")
    caller.get(f"/send/submissions/{submission.pk}")
    matched(submission)
    with django_capture_on_commit_callbacks(execute=True):
        response = caller.post(
            f"/send/submissions/{submission.pk}/decision",
            {"decision": "reject", "message": "Not for us"},
        )
    assert response.status_code == 200, response.content
    sent = {d.event: d.payload["data"] for d in WebhookDelivery.objects.all()}
    assert sent["submission.submitted"]["submission_id"] == submission.pk
    assert sent["submission.decided"]["decision"] == "reject"


def test_the_case_system_asks_a_parent_to_complete_a_form(api, involvement, authenticated):
    form = published_form(title_en="Parent's views", title_cy="Barn y rhiant")
    response = api("actions:write").post(
        f"/send/cases/{involvement.pk}/actions",
        {"form_code": form.code, "user_email": "nia@example.org", "due_on": "2027-01-31"},
    )
    assert response.status_code == 201, response.content
    action = Action.objects.get()
    assert (action.user.email, action.form, str(action.due_on)) == (
        "nia@example.org",
        form,
        "2027-01-31",
    )


def test_someone_not_on_the_case_cannot_be_asked(api, involvement, parent):
    form = published_form(title_en="Parent's views", title_cy="Barn y rhiant")
    response = api("actions:write").post(
        f"/send/cases/{involvement.pk}/actions",
        {"form_code": form.code, "user_email": "nia@example.org", "due_on": "2027-01-31"},
    )
    assert response.status_code == 409
    assert not Action.objects.exists()


def test_a_parents_first_opening_of_a_document_is_announced_once(
    service_account, involvement, authenticated, monkeypatch, django_capture_on_commit_callbacks
):
    from plugins.send.casework.documents import services as documents
    from tests.send.documents.conftest import publish

    monkeypatch.setattr(delivery, "enqueue", lambda pk: None)
    account, _token = service_account("cases:read", name="Subscriber")
    WebhookSubscription.objects.create(
        account=account,
        url="https://case.example.org/hook",
        events=["document.viewed"],
        secret=signing.new_secret(),
    )
    document = publish(involvement, involvement.caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        documents.record_opening(document, authenticated.user)
        documents.record_opening(document, authenticated.user)
    [sent] = WebhookDelivery.objects.all()
    assert sent.payload["data"] == {"document_id": document.pk, "user_id": authenticated.user.pk}
