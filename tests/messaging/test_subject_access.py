"""A subject access export holds every message the user wrote or received."""

import pytest

from core import subject_access
from plugins.messaging import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_users_messages_and_no_one_elses():
    user = UserFactory()
    services.notify(user, "messaging.tile.title", "messaging.inbox.empty", {})
    services.notify(UserFactory(), "messaging.tile.title", "messaging.inbox.empty", {})

    export = subject_access.collect(user)

    (section,) = [s for s in export["sections"] if s["app"] == "messaging"]
    (item,) = section["items"]
    fields = {f["name"]: f["value"] for f in item["fields"]}
    assert item["title"] == "Messages"
    assert fields["body"] == "You have no messages."
    assert fields["written_by_user"] is False


def test_the_export_holds_the_files_names_the_deliveries_and_the_text_message_choice(
    django_capture_on_commit_callbacks,
):
    from django.core.files.base import ContentFile

    from plugins.messaging.models import Attachment, TextMessageConsent

    user = UserFactory()
    TextMessageConsent.objects.create(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.notify(user, "messaging.tile.title", "messaging.inbox.empty", {})
    Attachment.objects.create(
        message=message,
        file=ContentFile(b"%PDF-1.4", name="x"),
        original_name="letter.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )

    export = subject_access.collect(user)

    (section,) = [s for s in export["sections"] if s["app"] == "messaging"]
    notice, consent = section["items"]
    fields = {f["name"]: f["value"] for f in notice["fields"]}
    assert fields["attachments"] == ["letter.pdf"]
    assert fields["deliveries"] == ["Email: Sent"]
    assert consent["kind"] == "text_message_consent"
