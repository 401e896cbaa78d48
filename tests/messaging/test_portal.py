"""A parent writes to the SEND team about their child, the caseworker answers, the parent
reads it: the inbox (newest first, unread marker, per-child filter), opening marks read, a
reply keeps the thread, the message length from Portal configuration, sent items, the home
tile's unread count. Only users authenticated on the child take part; foreign ids give 404."""

import pytest
from django.urls import reverse

from core.config import portal_settings
from core.models import PortalSettings
from plugins.messaging import services
from plugins.messaging.models import Recipient, Thread
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.messaging.conftest import authenticate, needs_send

pytestmark = [pytest.mark.django_db, needs_send]

CHILD = "send.child_record"


@pytest.fixture
def signed_in(client, parent, authenticated):
    return sign_in_verified(client, parent)


def read_notices(user):
    """Authenticating the parent sent them a notice: read it, to count only the thread."""
    Recipient.objects.filter(user=user, message__thread__about_kind="").update(
        read_at="2026-01-01T00:00Z"
    )


def write(client, child, message_type, subject="Speech therapy", body="When is the next visit?"):
    return client.post(
        reverse("messaging:new"),
        {"about": child.pk, "message_type": message_type.pk, "subject": subject, "body": body},
    )


def test_a_parent_writes_about_their_child_and_it_reaches_the_caseworker(
    signed_in, child, general, caseworker
):
    response = write(signed_in, child, general)

    thread = Thread.objects.get(subject="Speech therapy")
    assert response.status_code == 302
    assert response.url == reverse("messaging:thread", args=[thread.pk])
    assert (thread.about_kind, thread.about_id, thread.message_type) == (CHILD, child.pk, general)
    assert [r.user for r in thread.messages.get().recipients.all()] == [caseworker]


def test_without_a_caseworker_the_message_waits_in_the_team_inbox(
    signed_in, child, general, involvement
):
    type(involvement).objects.filter(pk=involvement.pk).update(caseworker=None)
    write(signed_in, child, general)

    assert not Thread.objects.get(subject="Speech therapy").messages.get().recipients.exists()


def test_the_caseworkers_reply_is_unread_in_the_inbox_until_the_parent_opens_it(
    signed_in, parent, child, general, caseworker
):
    write(signed_in, child, general)
    thread = Thread.objects.get(subject="Speech therapy")
    services.reply(caseworker, thread, "Next Tuesday at ten.", from_team=True)
    read_notices(parent)

    inbox = signed_in.get(reverse("messaging:inbox"))
    assert inbox.status_code == 200
    assert b"data-unread" in inbox.content
    assert services.unread_status(parent) == "1 unread message"

    opened = signed_in.get(reverse("messaging:thread", args=[thread.pk]))
    assert b"Next Tuesday at ten." in opened.content
    assert services.unread_count(parent) == 0
    assert b"data-unread" not in signed_in.get(reverse("messaging:inbox")).content


def test_a_reply_keeps_the_thread_child_and_type(signed_in, child, general, caseworker):
    write(signed_in, child, general)
    thread = Thread.objects.get(subject="Speech therapy")
    services.reply(caseworker, thread, "Which day suits you?", from_team=True)

    response = signed_in.post(
        reverse("messaging:thread", args=[thread.pk]), {"body": "Tuesday, please."}
    )

    assert response.status_code == 302
    assert Thread.objects.filter(about_kind=CHILD).count() == 1
    reply = thread.messages.last()
    assert reply.body == "Tuesday, please."
    assert (reply.thread.about_id, reply.thread.message_type) == (child.pk, general)
    assert [r.user for r in reply.recipients.all()] == [caseworker]


def test_the_inbox_lists_newest_first_and_filters_by_child(
    signed_in, parent, child, caseworker, general
):
    other = child_record("C0007002", forename="Osian", surname="Evans")
    from plugins.send.casework.involvements import services as involvements

    authenticate(
        involvements.open_involvement(other, "england_ehc_needs_assessment", caseworker),
        parent,
        caseworker,
    )
    write(signed_in, child, general, subject="About Mali")
    write(signed_in, other, general, subject="About Osian")
    for thread in Thread.objects.filter(about_kind=CHILD).order_by("pk"):
        services.reply(caseworker, thread, "Noted.", from_team=True)

    listed = signed_in.get(reverse("messaging:inbox")).context["page"].object_list
    subjects = [copy.message.thread.subject for copy in listed if copy.message.thread.about_kind]
    assert subjects == ["About Osian", "About Mali"]

    filtered = signed_in.get(reverse("messaging:inbox"), {"child": child.pk})
    assert [c.message.thread.subject for c in filtered.context["page"]] == ["About Mali"]


def test_a_parent_cannot_write_about_a_child_they_are_not_authenticated_on(signed_in, general):
    stranger = child_record("C0007003", forename="Gwen")

    response = write(signed_in, stranger, general)

    assert response.status_code == 200
    assert response.context["form"].errors["about"]
    assert not Thread.objects.filter(about_kind=CHILD).exists()


def test_a_message_longer_than_the_portal_setting_is_refused(signed_in, child, general):
    settings = PortalSettings.load()
    settings.message_max_length = 100
    settings.save()
    assert portal_settings().message_max_length == 100

    response = write(signed_in, child, general, body="x" * 101)

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        "Your message must be 100 characters or fewer"
    ]
    assert "x" * 101 in response.content.decode()  # what was typed is kept
    assert write(signed_in, child, general, body="x" * 100).status_code == 302


def test_the_length_error_is_in_welsh_for_a_welsh_speaker(signed_in, child, general):
    settings = PortalSettings.load()
    settings.message_max_length = 100
    settings.save()

    response = signed_in.post(
        reverse("messaging:new").replace("/messages/", "/cy/messages/", 1),
        {"about": child.pk, "message_type": general.pk, "subject": "Pwnc", "body": "x" * 101},
    )

    assert response.context["form"].errors["body"] == ["Rhaid i'ch neges fod yn 100 nod neu lai"]


def test_sent_items_show_what_the_parent_wrote(signed_in, child, general):
    write(signed_in, child, general)

    page = signed_in.get(reverse("messaging:sent"))

    assert [m.thread.subject for m in page.context["page"]] == ["Speech therapy"]
    assert "General" in page.content.decode()


def test_a_user_with_no_child_to_write_about_gets_no_new_message_page(client):
    sign_in_verified(client, UserFactory())
    assert client.get(reverse("messaging:new")).status_code == 404


def test_another_familys_thread_gives_404(client, signed_in, child, general):
    write(signed_in, child, general)
    thread = Thread.objects.get(subject="Speech therapy")
    sign_in_verified(client, UserFactory(email="other@example.org"))

    url = reverse("messaging:thread", args=[thread.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Let me in"}).status_code == 404
    assert thread.messages.count() == 1


def test_once_no_longer_authenticated_the_parent_loses_the_childs_threads(
    signed_in, parent, child, general, caseworker, authenticated
):
    from plugins.send.casework.involvements import portal_sharing

    write(signed_in, child, general)
    thread = Thread.objects.get(subject="Speech therapy")
    portal_sharing.unauthenticate(authenticated, caseworker)

    assert signed_in.get(reverse("messaging:thread", args=[thread.pk])).status_code == 404
    assert not services.visible_threads(parent).filter(pk=thread.pk).exists()


def test_reading_messages_needs_two_step_verification(client, parent, authenticated):
    client.force_login(parent)
    response = client.get(reverse("messaging:inbox"))
    assert response.status_code == 302
    assert "messages" not in response.url.split("?")[0]


def test_council_staff_are_sent_to_the_admin(client, caseworker):
    sign_in_verified(client, caseworker)
    response = client.get(reverse("messaging:inbox"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_home_tile_counts_unread_messages(parent, caseworker, child, authenticated, general):
    thread = services.write_to_team(parent, CHILD, child.pk, general, "Hello", "Hi")
    for body in ("One", "Two", "Three"):
        services.reply(caseworker, thread, body, from_team=True)
    read_notices(parent)

    assert services.unread_status(parent) == "3 unread messages"
