"""The SEND team's inbox in the admin: threads with unread counts and filters, opening one
(audited against the child, marks it read by the team) and replying; staff without the
messaging permission are refused; message types are edited by the team."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from plugins.messaging import services, team
from tests.conftest import sign_in_verified
from tests.messaging.conftest import needs_send
from tests.send.test_council_submissions import staff

pytestmark = [pytest.mark.django_db, needs_send]

CHILD = "send.child_record"


@pytest.fixture
def thread(parent, child, authenticated, general):
    return services.write_to_team(parent, CHILD, child.pk, general, "School transport", "Hello")


@pytest.fixture
def team_client(client, caseworker):
    return sign_in_verified(client, caseworker)


def test_the_team_inbox_lists_the_thread_with_its_unread_count(team_client, thread):
    response = team_client.get(reverse("messaging_team_inbox"))

    assert response.status_code == 200
    (listed,) = response.context["object_list"]
    assert (listed, listed.unread) == (thread, 1)
    assert "Mali Evans" in response.content.decode()


def test_the_team_filters_by_unread_type_and_child(team_client, thread, child, general):
    url = reverse("messaging_team_inbox")
    for query, expected in [
        ({"unread": "true"}, [thread]),
        ({"unread": "false"}, []),
        ({"message_type": general.pk}, [thread]),
        ({"about_id": child.pk}, [thread]),
        ({"about_id": child.pk + 1000}, []),
    ]:
        listed = list(team_client.get(url, query).context["object_list"])
        assert listed == expected, query


def test_opening_a_thread_is_audited_and_marks_it_read_by_the_team(
    team_client, thread, caseworker, child
):
    response = team_client.get(reverse("messaging_team_thread", args=[thread.pk]))

    assert response.status_code == 200
    assert b"Hello" in response.content
    entry = AuditEntry.objects.get(action="message.viewed")
    assert (entry.actor, entry.child_record_id) == (caseworker, child.pk)
    assert team.team_threads().get(pk=thread.pk).unread == 0
    assert services.unread_count(caseworker) == 0


def test_the_teams_reply_reaches_the_parent_from_the_send_team(team_client, thread, parent):
    response = team_client.post(
        reverse("messaging_team_thread", args=[thread.pk]), {"body": "We will call you."}
    )

    assert response.status_code == 302
    reply = thread.messages.last()
    assert reply.from_team and reply.body == "We will call you."
    assert [r.user for r in reply.recipients.all()] == [parent]


def test_staff_without_the_messaging_permission_are_refused(client, thread):
    sign_in_verified(client, staff("access_admin"))

    assert client.get(reverse("messaging_team_inbox")).status_code == 302
    assert client.get(reverse("messaging_team_thread", args=[thread.pk])).status_code == 302
    assert not AuditEntry.objects.filter(action="message.viewed").exists()


def test_the_team_edits_the_message_types(team_client, general):
    listing = team_client.get(reverse("wagtailsnippets_messaging_messagetype:list"))

    assert listing.status_code == 200
    assert "EHC needs assessment (0–20 weeks)" in listing.content.decode()
