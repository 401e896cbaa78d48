"""The family's side of documents to view: "Documents to view for NAME" lists what was
published to them, newest first, marked New until opened; downloading is access-checked
(a recipient, still authenticated on the child), audited and recorded once for staff; the
dashboard's tile counts what is not opened yet."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from plugins.send.casework.documents import services
from plugins.send.casework.documents.tiles import documents_tile
from plugins.send.casework.involvements import portal_sharing
from plugins.send.models import DocumentRecipient
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.send.test_uploads import pdf_file

from .conftest import publish

pytestmark = pytest.mark.django_db


def list_url(child):
    return reverse("send:documents", args=[child.pk])


def download_url(document):
    return reverse("send:document", args=[document.pk])


def test_the_parent_sees_the_documents_newest_first_with_their_dates(
    client, authenticated, parent, child, involvement, caseworker
):
    older = publish(involvement, caseworker, "Request received letter", document_date="2026-01-02")
    newer = publish(involvement, caseworker, "Decision to assess", document_date="2026-02-03")
    sign_in_verified(client, parent)

    response = client.get(list_url(child))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Documents to view for Mali Evans" in page
    assert page.index("Decision to assess") < page.index("Request received letter")
    assert "3 Feb 2026" in page and "2 Jan 2026" in page
    assert [document.pk for document in response.context["page"]] == [newer.pk, older.pk]


def test_a_child_without_documents_says_so(client, authenticated, parent, child):
    sign_in_verified(client, parent)
    response = client.get(list_url(child))
    assert "No documents yet" in response.content.decode()


def test_downloading_gives_the_file_audits_it_and_clears_the_new_marker(
    client, authenticated, parent, child, involvement, caseworker
):
    document = publish(involvement, caseworker)
    sign_in_verified(client, parent)
    assert client.get(list_url(child)).content.decode().count("data-unread") == 1

    response = client.get(download_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_file()
    assert response["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    entry = AuditEntry.objects.get(action="document.viewed")
    assert entry.actor == parent and entry.child_record_id == child.pk
    assert "data-unread" not in client.get(list_url(child)).content.decode()


def test_only_the_first_opening_is_recorded_for_staff(
    client, authenticated, parent, involvement, caseworker
):
    document = publish(involvement, caseworker)
    sign_in_verified(client, parent)
    client.get(download_url(document))
    first = DocumentRecipient.objects.get(document=document, user=parent).opened_at

    client.get(download_url(document))

    assert DocumentRecipient.objects.get(document=document, user=parent).opened_at == first
    assert AuditEntry.objects.filter(action="document.viewed").count() == 2


def test_a_person_authenticated_after_publishing_to_everyone_sees_it_and_is_recorded(
    client, authenticated, involvement, caseworker
):
    document = publish(involvement, caseworker)
    father = UserFactory(email="late@example.org")
    sharing = portal_sharing.add(involvement, father, caseworker)
    portal_sharing.authenticate(sharing, caseworker, "Father; checked in person.")
    sign_in_verified(client, father)

    assert client.get(download_url(document)).status_code == 200

    assert DocumentRecipient.objects.get(document=document, user=father).opened_at is not None


def test_a_parent_not_chosen_cannot_see_or_download_it(
    client, authenticated, parent, second_parent, child, involvement, caseworker
):
    document = publish(involvement, caseworker, chosen=[second_parent])
    sign_in_verified(client, parent)

    assert client.get(download_url(document)).status_code == 404
    assert "No documents yet" in client.get(list_url(child)).content.decode()


@pytest.mark.parametrize(
    "take_away", [portal_sharing.unauthenticate, portal_sharing.remove], ids=["un", "removed"]
)
def test_a_parent_no_longer_authenticated_gets_404_at_once(
    client, take_away, authenticated, parent, child, involvement, caseworker
):
    document = publish(involvement, caseworker)
    sign_in_verified(client, parent)
    assert client.get(download_url(document)).status_code == 200

    take_away(authenticated, caseworker)

    assert client.get(download_url(document)).status_code == 404
    assert client.get(list_url(child)).status_code == 404


def test_another_family_gets_404_for_the_child_and_the_document(
    client, authenticated, child, involvement, caseworker
):
    document = publish(involvement, caseworker)
    other_parent = UserFactory(email="other@example.org")
    other_child = child_record("C0009009", forename="Osian")
    from plugins.send.casework.involvements import services as involvements

    theirs = involvements.open_involvement(other_child, "england_ehc_needs_assessment", caseworker)
    sharing = portal_sharing.add(theirs, other_parent, caseworker)
    portal_sharing.authenticate(sharing, caseworker, "Checked.")
    sign_in_verified(client, other_parent)

    assert client.get(download_url(document)).status_code == 404
    assert client.get(list_url(child)).status_code == 404
    assert client.get(list_url(other_child)).status_code == 200


def test_a_withdrawn_document_is_gone_from_the_portal(
    client, authenticated, parent, child, involvement, caseworker
):
    document = publish(involvement, caseworker)
    services.withdraw(document, caseworker, "Sent to the wrong family.")
    sign_in_verified(client, parent)

    assert client.get(download_url(document)).status_code == 404
    assert "No documents yet" in client.get(list_url(child)).content.decode()


def test_the_list_is_paginated(client, authenticated, parent, child, involvement, caseworker):
    for number in range(22):
        publish(involvement, caseworker, f"Letter {number}")
    sign_in_verified(client, parent)

    first = client.get(list_url(child))
    second = client.get(list_url(child), {"page": 2})

    assert len(first.context["page"]) == 20 and len(second.context["page"]) == 2
    assert 'aria-current="page"' in second.content.decode()


def test_the_lists_queries_do_not_grow_with_its_documents(
    client, authenticated, parent, child, involvement, caseworker, django_assert_max_num_queries
):
    publish(involvement, caseworker)
    sign_in_verified(client, parent)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(list_url(child))
    for number in range(5):
        publish(involvement, caseworker, f"Letter {number}")

    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(list_url(child))


def test_the_tile_counts_the_documents_not_opened(
    client, authenticated, parent, child, involvement, caseworker
):
    assert documents_tile(parent, child).count == 0
    assert documents_tile(parent, child).empty_text == "No documents yet"
    first = publish(involvement, caseworker)
    publish(involvement, caseworker, "Draft plan")
    sign_in_verified(client, parent)
    client.get(download_url(first))

    tile = documents_tile(parent, child)

    assert (tile.title, tile.count, tile.url) == ("Documents to view", 1, list_url(child))
