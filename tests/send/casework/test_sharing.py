"""Forms shared on a child's case: an approved form the caseworker chose to share appears,
under "Forms shared with you", for its submitter and every user authenticated on an open
involvement of the same child record, read only and printable. Being linked to the child is
not enough: a user not authenticated, or no longer, gets 404 like any other family, while the
submitter keeps their own form whatever their authentication. The list's queries do not grow
with the forms on it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.send.casework import review, sharing
from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import Submission
from portal import access
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.test_council_submissions import family, fill, staff

from .conftest import authenticated_on, matched

pytestmark = pytest.mark.django_db


def approved(link, form, decider, share=True):
    submission = matched(fill(link, form))
    review.open_submission(submission, decider)
    return review.approve(submission, decider, "Approved.", share_with_case=share)


def on_same_child(submission, authenticated=True, **user_fields):
    """Another parent, with their own person for the child, matched to the same record, and
    (unless ``authenticated`` is False) authenticated on the child's involvement."""
    other = family(forename="Alex", surname="Morgan", **user_fields)
    other.person.child_record = submission.person.child_record
    other.person.save()
    if authenticated:
        authenticated_on(submission.person.child_record, other.user)
    return other


def signed_in(user):
    return sign_in_verified(Client(), user)


def person_page(client, link, language=""):
    return client.get(f"{language}/send/people/{link.person.pk}/").text


def test_the_submitter_and_the_authenticated_other_parent_see_the_shared_form(link, form, decider):
    submission = approved(link, form, decider)
    other = on_same_child(submission)
    for viewer in (link, other):
        client = signed_in(viewer.user)
        page = person_page(client, viewer)
        assert "View shared form" in page
        assert f"/send/shared/{submission.pk}/" in page
        shared = client.get(f"/send/shared/{submission.pk}/")
        assert shared.status_code == 200
        assert "Shared with you" in shared.text
        assert submission.reference in shared.text
        first_answer = submission.answers.order_by("pk").first().value
        assert first_answer in shared.text
        # Read only: no way to change it from here.
        assert "Change" not in shared.text and f"/send/submissions/{submission.pk}/" not in (
            shared.text
        )
        assert f'href="/send/people/{viewer.person.pk}/"' in shared.text


def test_the_other_parent_prints_the_shared_form_as_a_pdf(link, form, decider):
    submission = approved(link, form, decider)
    client = signed_in(on_same_child(submission).user)
    options = client.get(f"/send/shared/{submission.pk}/print/")
    assert options.status_code == 200
    assert "Print or download a shared form" in options.text
    response = client.post(
        f"/send/shared/{submission.pk}/print/",
        {"groups": ["1", "2"], "document_type": "normal", "file_format": "pdf"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{submission.reference}.pdf"'


def test_a_welsh_parent_sees_the_shared_form_in_welsh(link, form, decider):
    submission = approved(link, form, decider)
    other = on_same_child(submission, preferred_language="cy")
    client = signed_in(other.user)
    assert "Gweld y ffurflen a rannwyd" in person_page(client, other, "/cy")
    page = client.get(f"/cy/send/shared/{submission.pk}/").text
    assert "Wedi’i rhannu â chi" in page and "Cais am help" in page


def test_a_form_approved_without_sharing_stays_with_its_submitter(link, form, decider):
    submission = approved(link, form, decider, share=False)
    other = on_same_child(submission)
    assert "View shared form" not in person_page(signed_in(other.user), other)
    assert signed_in(other.user).get(f"/send/shared/{submission.pk}/").status_code == 404
    assert signed_in(link.user).get(f"/send/shared/{submission.pk}/").status_code == 404


@pytest.mark.parametrize("decision", [review.REJECT, review.MORE_INFORMATION])
def test_a_form_not_approved_is_never_shared(link, form, decider, decision):
    submission = matched(fill(link, form))
    review.open_submission(submission, decider)
    if decision == review.REJECT:
        review.reject(submission, decider, "No.")
    else:
        review.request_more_information(submission, decider, "More.")
    Submission.objects.filter(pk=submission.pk).update(share_with_case=True)
    other = on_same_child(submission)
    assert signed_in(other.user).get(f"/send/shared/{submission.pk}/").status_code == 404


def test_another_family_gets_404_on_the_shared_form_and_its_print(link, form, decider):
    submission = approved(link, form, decider)
    stranger = matched(fill(family(forename="Bryn", surname="Jones"), form)).person.links.get()
    client = signed_in(stranger.user)
    assert "View shared form" not in person_page(client, stranger)
    for url in (f"/send/shared/{submission.pk}/", f"/send/shared/{submission.pk}/print/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"file_format": "pdf"}).status_code == 404


def test_a_parent_linked_to_the_child_but_not_authenticated_gets_404(link, form, decider):
    submission = approved(link, form, decider)
    other = on_same_child(submission, authenticated=False)
    client = signed_in(other.user)
    assert "View shared form" not in person_page(client, other)
    for url in (f"/send/shared/{submission.pk}/", f"/send/shared/{submission.pk}/print/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"file_format": "pdf"}).status_code == 404


def test_a_parent_only_added_to_the_involvement_gets_404_until_authenticated(link, form, decider):
    submission = approved(link, form, decider)
    other = on_same_child(submission, authenticated=False)
    caseworker = staff("access_admin", "manage_involvement")
    involvement = services.open_involvement(
        submission.person.child_record, "england_ehc_needs_assessment", caseworker
    )
    added = portal_sharing.add(involvement, other.user, caseworker)
    client = signed_in(other.user)
    assert client.get(f"/send/shared/{submission.pk}/").status_code == 404
    portal_sharing.authenticate(added, caseworker, "Father; identity checked in person.")
    assert client.get(f"/send/shared/{submission.pk}/").status_code == 200


def unauthenticate(sharing_row, caseworker):
    portal_sharing.unauthenticate(sharing_row, caseworker)


def remove(sharing_row, caseworker):
    portal_sharing.remove(sharing_row, caseworker)


def close_the_involvement(sharing_row, caseworker):
    services.close(sharing_row.involvement, caseworker, "Plan not needed.")


@pytest.mark.parametrize("take_away", [unauthenticate, remove, close_the_involvement])
def test_taking_the_authentication_away_takes_the_shared_forms_away_at_once(
    link, form, decider, take_away
):
    submission = approved(link, form, decider)
    other = on_same_child(submission)
    client = signed_in(other.user)
    url = f"/send/shared/{submission.pk}/"
    assert client.get(url).status_code == 200
    assert "View shared form" in person_page(client, other)
    sharing_row = other.user.send_sharing.get()
    take_away(sharing_row, sharing_row.added_by)
    assert client.get(url).status_code == 404
    assert client.get(f"{url}print/").status_code == 404
    assert "View shared form" not in person_page(client, other)
    assert not access.scoped(other.user, "send.shared_submission").exists()


def test_the_submitter_keeps_their_own_shared_form_whatever_their_authentication(
    link, form, decider
):
    submission = approved(link, form, decider)
    client = signed_in(link.user)
    url = f"/send/shared/{submission.pk}/"
    # Never authenticated on the child's involvement.
    assert client.get(url).status_code == 200
    assert "View shared form" in person_page(client, link)
    # Authenticated, then no longer.
    sharing_row = authenticated_on(submission.person.child_record, link.user)
    portal_sharing.unauthenticate(sharing_row, sharing_row.added_by)
    assert client.get(url).status_code == 200
    assert list(sharing.shared_with(link.user)) == [submission]
    # Their own drafts and submitted forms stay theirs too.
    draft = fill(link, form, submit=False)
    assert client.get(f"/send/submissions/{draft.pk}/").status_code == 200
    assert client.get(f"/send/submissions/{submission.pk}/").status_code == 200


def test_an_authenticated_professional_without_the_child_on_their_list_opens_the_shared_form(
    link, form, decider
):
    submission = approved(link, form, decider)
    professional = UserFactory(
        kind="professional",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )
    authenticated_on(submission.person.child_record, professional)
    client = signed_in(professional)
    shared = client.get(f"/send/shared/{submission.pk}/")
    assert shared.status_code == 200
    assert submission.reference in shared.text
    # With no page of their own for the child, Back leads to the child's dashboard.
    back = f'href="/send/case/{submission.person.child_record_id}/" class="govuk-back-link"'
    assert back in shared.text


def test_the_access_registry_answers_for_shared_forms_by_kind(link, form, decider):
    submission = approved(link, form, decider)
    other = on_same_child(submission)
    kind = "send.shared_submission"
    assert access.may(other.user, "view", submission, kind=kind)
    assert access.may(other.user, "print", submission, kind=kind)
    assert not access.may(other.user, "change", submission, kind=kind)
    assert not access.may(decider, "view", submission, kind=kind)
    # A submission's own kind is still the one found from it: the family's own forms.
    assert access.kind_of(submission) == "send.submission"
    assert not access.may(other.user, "view", submission)


def test_the_shared_list_costs_the_same_queries_for_one_form_or_many(link, form, decider):
    first = approved(link, form, decider)
    other = on_same_child(first)
    client = signed_in(other.user)
    url = f"/send/people/{other.person.pk}/"
    client.get(url)  # warm the texts and settings caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).text.count("View shared form") == 1
    for _ in range(3):
        approved(link, form, decider)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).text.count("View shared form") == 4
    assert len(many) == len(one)


def test_the_newest_shared_form_comes_first(link, form, decider):
    older = approved(link, form, decider)
    newer = approved(link, form, decider)
    Submission.objects.filter(pk=older.pk).update(decided_at=timezone.now())
    assert list(sharing.shared_about(link.user, link.person)) == [older, newer]


def test_the_demo_parent_finds_the_approved_demo_form_shared_on_alfies_page(client, demo):
    from django.contrib.auth import get_user_model

    parent = get_user_model().objects.get(email="parent@example.org")
    alfie = parent.send_people.get(person__forename="Alfie").person
    shared = Submission.objects.get(reference="SND-DEMO000003")
    page = person_page(sign_in_verified(client, parent), alfie.links.get(user=parent))
    assert f"/send/shared/{shared.pk}/" in page
    assert client.get(f"/send/shared/{shared.pk}/").status_code == 200
