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
