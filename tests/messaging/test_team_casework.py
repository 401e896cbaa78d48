"""The SEND team's casework on messages: a thread is assigned to a caseworker (audited; the
parent's replies reach them), the inbox filters by caseworker and date, the child record's page
links to the child's threads, every message shows how its notices were delivered, and the
contact details Notify could never reach are listed for the team."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from plugins.messaging import services, team
from plugins.messaging.models import ContactProblem, Delivery
from tests.conftest import sign_in_verified
from tests.messaging.conftest import needs_send
from tests.send.test_council_submissions import staff

pytestmark = [pytest.mark.django_db, needs_send]

CHILD = "send.child_record"


@pytest.fixture
def thread(parent, child, authenticated, general, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.write_to_team(parent, CHILD, child.pk, general, "Transport", "Hello")


@pytest.fixture
def colleague(db):
    return staff("access_admin", "manage_thread", first_name="Ceri", last_name="Cydweithiwr")


@pytest.fixture
def team_client(client, caseworker):
    return sign_in_verified(client, caseworker)


def test_a_new_thread_is_assigned_to_the_childs_caseworker(thread, caseworker):
    assert thread.assigned_to == caseworker


def test_assigning_a_thread_to_a_colleague_is_audited_and_the_parents_reply_reaches_them(
    team_client, thread, parent, colleague, caseworker, child
):
    response = team_client.post(
        reverse("messaging_team_assign", args=[thread.pk]), {"caseworker": colleague.pk}
    )

    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.assigned_to == colleague
    entry = AuditEntry.objects.get(action="message.assigned")
    assert (entry.actor, entry.child_record_id) == (caseworker, child.pk)
    reply = services.reply(parent, thread, "Any news?")
    assert [r.user for r in reply.recipients.all()] == [colleague]


def test_a_thread_cannot_be_given_to_someone_outside_the_team(team_client, thread, caseworker):
    outsider = staff("access_admin")

    team_client.post(
        reverse("messaging_team_assign", args=[thread.pk]), {"caseworker": outsider.pk}
    )

    thread.refresh_from_db()
    assert thread.assigned_to == caseworker
    with pytest.raises(PermissionError):
        team.assign(caseworker, thread, outsider)


def test_the_team_filters_by_caseworker_and_date(team_client, thread, caseworker, colleague):
    url = reverse("messaging_team_inbox")
    today = timezone.localdate()
    for query, expected in [
        ({"assigned_to": caseworker.pk}, [thread]),
        ({"assigned_to": colleague.pk}, []),
        ({"last_from": today.isoformat()}, [thread]),
        ({"last_from": (today + timedelta(days=1)).isoformat()}, []),
        ({"last_to": (today - timedelta(days=1)).isoformat()}, []),
    ]:
        listed = list(team_client.get(url, query).context["object_list"])
        assert listed == expected, query


def test_the_child_records_page_links_to_the_childs_threads_with_the_unread_count(
    team_client, thread, child, caseworker
):
    caseworker.user_permissions.add(Permission.objects.get(codename="view_childrecord"))

    page = team_client.get(reverse("child_records:inspect", args=[child.pk])).text

    link = f"{reverse('messaging_team_inbox')}?child_record={child.pk}"
    assert link.replace("&", "&amp;") in page
    assert "Messages (1 unread)" in page
    listed = list(team_client.get(link).context["object_list"])
    assert listed == [thread]


def test_the_childs_involvement_page_links_to_the_childs_threads(
    team_client, thread, child, involvement
):
    page = team_client.get(reverse("send_involvement", args=[involvement.pk])).text

    assert f"{reverse('messaging_team_inbox')}?child_record={child.pk}" in page
    assert "Messages (1 unread)" in page


def test_each_message_shows_how_its_notices_were_delivered(team_client, thread):
    Delivery.objects.filter(recipient__message__thread=thread).update(
        status=Delivery.Status.PERMANENT_FAILURE
    )

    page = team_client.get(reverse("messaging_team_thread", args=[thread.pk])).text

    assert 'data-delivery="permanent-failure"' in page
    assert "Email to Cai Gwaith: Not delivered: address or number wrong" in page


def test_the_team_sees_the_contact_details_notify_could_not_reach(team_client, parent):
    ContactProblem.objects.create(user=parent, channel="email", address="nia@wrong.example")

    response = team_client.get(reverse("messaging_contact_problems"))

    assert response.status_code == 200
    assert "nia@wrong.example" in response.text


def test_staff_outside_the_team_see_no_contact_problems(client, parent):
    ContactProblem.objects.create(user=parent, channel="email", address="nia@wrong.example")
    sign_in_verified(client, staff("access_admin"))

    response = client.get(reverse("messaging_contact_problems"))

    assert response.status_code == 302
