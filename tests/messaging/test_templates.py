"""Message templates: every placeholder is filled for the recipient in their language, an
unknown placeholder is refused on save, typed values cannot add Markdown, the presets exist
on every install and a template an alert uses cannot be deleted."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from plugins.messaging.alerts.models import TriggerAlert
from plugins.messaging.wording import placeholders
from plugins.messaging.wording.models import MessageTemplate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipient():
    return UserFactory(
        title="Mrs",
        first_name="Nia",
        last_name="Evans",
        work_phone="01234 500600",
        mobile_phone="07700 900123",
        home_phone="01234 567890",
    )


CASE = {
    "child": "Mali Evans",
    "form": "Request for help",
    "reference": "SEND-0042",
    "due_date": date(2026, 3, 9),
    "caseworker": "Cai Gwaith",
}


@pytest.mark.parametrize(
    ("placeholder", "expected"),
    [
        ("title", "Mrs"),
        ("forename", "Nia"),
        ("surname", "Evans"),
        ("business_phone", "01234 500600"),
        ("mobile_phone", "07700 900123"),
        ("home_phone", "01234 567890"),
        ("child", "Mali Evans"),
        ("form", "Request for help"),
        ("reference", "SEND-0042"),
        ("due_date", "9 March 2026"),
        ("caseworker", "Cai Gwaith"),
    ],
)
def test_each_placeholder_is_filled_in_the_subject_and_the_body(recipient, placeholder, expected):
    template = MessageTemplate(subject=f"About {{{placeholder}}}", body=f"Value: {{{placeholder}}}")

    subject, body = placeholders.render(template, recipient, CASE)

    assert subject == f"About {expected}"
    assert body.strip() == f"Value: {expected}"


def test_an_unknown_placeholder_is_refused_on_save():
    template = MessageTemplate(name="Oops", subject="Hello {nickname}", body="Hi {forename}")

    with pytest.raises(ValidationError) as refused:
        template.full_clean()

    assert "Unknown placeholder: {nickname}" in str(refused.value.message_dict["subject"])


@pytest.mark.parametrize("text", ["Hello {forename", "Hello {forename.upper}", "{surname!r}"])
def test_malformed_placeholders_are_refused(text):
    with pytest.raises(ValidationError):
        MessageTemplate(name="Oops", subject="Hi", body=text).full_clean()


def test_the_recipient_reads_the_welsh_version_with_a_welsh_date(recipient):
    recipient.preferred_language = "cy"
    template = MessageTemplate(
        subject="Reminder",
        body="Due {due_date}",
        subject_cy="Nodyn atgoffa",
        body_cy="Erbyn {due_date}",
    )

    subject, body = placeholders.render(template, recipient, CASE)

    assert subject == "Nodyn atgoffa"
    assert body.strip() == "Erbyn 9 Mawrth 2026"


def test_without_a_welsh_version_a_welsh_reader_gets_the_english_one(recipient):
    recipient.preferred_language = "cy"
    template = MessageTemplate(subject="Reminder", body="Hello {forename}")

    assert placeholders.render(template, recipient, {}) == ("Reminder", "Hello Nia")


def test_a_typed_name_cannot_add_a_link_to_the_message(recipient):
    recipient.first_name = "[Urgent](https://evil.example)"
    template = MessageTemplate(subject="Hi", body="Dear {forename}")

    _subject, body = placeholders.render(template, recipient, {})

    assert body.strip() == "Dear [Urgent](https://evil.example)"


def test_the_preset_templates_exist_on_a_new_install():
    names = set(MessageTemplate.objects.values_list("name", flat=True))

    assert {
        "SEND – You are authenticated on a child's case",
        "SEND – Reminder to send information",
        "Decision – form approved",
        "Decision – form rejected",
        "Decision – more information needed",
    } <= names
    for template in MessageTemplate.objects.all():
        template.full_clean()  # the presets use only known placeholders


def test_a_template_in_use_by_an_alert_cannot_be_deleted():
    template = MessageTemplate.objects.get(name="SEND – Reminder to send information")
    TriggerAlert.objects.create(reason="r", template=template, context="send.portal_sharing")

    with pytest.raises(ProtectedError):
        template.delete()


def test_a_form_name_given_in_both_languages_is_shown_in_the_recipients(recipient):
    recipient.preferred_language = "cy"
    template = MessageTemplate(subject="S", body="{form}", subject_cy="S", body_cy="{form}")
    titles = {"en": "Parental preference", "cy": "Dewis y rhiant"}

    assert placeholders.render(template, recipient, {"form": titles})[1] == "Dewis y rhiant"
