"""The asked user's side: "Items to complete for NAME" lists their open actions for the
child; Start opens that form for that child; submitting it completes the action, records the
information received, and the action leaves the list. Only the user asked, while still
authenticated on the child, sees or starts an action; anyone else gets 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.casework.actions import receivers, services
from plugins.send.casework.actions.tiles import actions_tile
from plugins.send.casework.involvements import portal_sharing
from plugins.send.casework.involvements import services as involvements
from plugins.send.filling import services as filling
from plugins.send.models import PersonLink, Submission
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import PersonLinkFactory, published_form

from .conftest import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(client, parent):
    sign_in_verified(client, parent)
    return client


def list_url(action):
    return reverse("send:actions", args=[action.involvement.child_record_id])


def start_url(action):
    return reverse("send:start_action", args=[action.pk])


def fill_and_submit(submission):
    """The parent completes every step and submits, as the filling pages would."""
    user = submission.created_by
    filling.confirm_subject(submission, user)
    for group in FormSchema(submission.version.schema).groups:
        submission.refresh_from_db()
        answers = {(0, q.code): "An answer" for q in group.questions}
        filling.save_step(submission, group, answers, 1, submission.revision, user)
    return filling.submit(submission, user)


def test_the_parent_sees_each_open_action_with_its_due_date_note_and_overdue_tag(
    family, action, form, caseworker
):
    late = ask(action.involvement, action.user, published_form(title_en="Views"), caseworker, -2)
    response = family.get(list_url(action))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Items to complete for Mali Evans" in page
    assert "Parental preference" in page and "Tell us which school you prefer." in page
    assert page.count("data-action>") == 2 and page.count("Overdue") == 1
    assert page.index("Views") < page.index("Parental preference")  # soonest due first
    assert f"{late.due_on:%-d %B %Y}" in page


def test_the_list_is_in_welsh_under_cy(family, action):
    response = family.get("/cy" + list_url(action))
    assert "Eitemau i’w cwblhau ar gyfer Mali Evans" in response.content.decode()
    assert "Dewis y rhiant" in response.content.decode()


def test_start_opens_the_form_for_the_child_with_the_draft_linked(family, action, child):
    response = family.post(start_url(action))
    submission = Submission.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "send:submission", args=[submission.pk]
    )
    action.refresh_from_db()
    assert action.submission == submission and submission.version == action.form.live_version
    # The parent never declared Mali: her person is made from the council's record.
    assert submission.person.child_record == child and submission.person.full_name == "Mali Evans"
    assert PersonLink.objects.get(person=submission.person).user == action.user
    family.post(start_url(action))
    assert Submission.objects.count() == 1  # starting again continues the same draft


def test_start_uses_the_child_the_parent_declared_once_matched(family, action, child):
    link = PersonLinkFactory(user=action.user, person__child_record=child)
    family.post(start_url(action))
    assert Submission.objects.get().person == link.person


def test_submitting_the_form_completes_the_action_and_records_the_information_received(
    family, authenticated, form, caseworker, django_capture_on_commit_callbacks
):
    row = involvements.request_information(
        authenticated.involvement, caseworker, requested="Preference", due_on=timezone.localdate()
    )
    action = ask(
        authenticated.involvement, authenticated.user, form, caseworker, information_request=row
    )
    family.post(start_url(action))
    with django_capture_on_commit_callbacks(execute=True):
        submission = fill_and_submit(Submission.objects.get())
    action.refresh_from_db()
    row.refresh_from_db()
    assert action.status == "completed" and action.submission == submission
    assert row.received_on == timezone.localdate()
    page = family.get(list_url(action)).content.decode()
    assert "data-no-actions" in page and "Parental preference" not in page


def test_another_family_gets_404_on_the_list_and_on_start(client, action):
    other = UserFactory(email_confirmed_at=timezone.now())
    PersonLinkFactory(user=other)
    sign_in_verified(client, other)
    assert client.get(list_url(action)).status_code == 404
    assert client.post(start_url(action)).status_code == 404
    assert not Submission.objects.exists()


def test_someone_else_on_the_case_cannot_start_the_parents_action(
    client, action, caseworker, involvement
):
    father = UserFactory(email_confirmed_at=timezone.now())
    portal_sharing.authenticate(
        portal_sharing.add(involvement, father, caseworker), caseworker, "Dad"
    )
    sign_in_verified(client, father)
    assert "data-no-actions" in client.get(list_url(action)).content.decode()
    assert client.post(start_url(action)).status_code == 404


def test_the_parent_loses_the_actions_once_no_longer_authenticated(
    family, action, authenticated, caseworker
):
    portal_sharing.unauthenticate(authenticated, caseworker)
    assert family.get(list_url(action)).status_code == 404
    assert family.post(start_url(action)).status_code == 404


def test_a_cancelled_action_leaves_the_list_and_cannot_be_started(family, action, caseworker):
    services.cancel(action, caseworker, "Sent on paper.")
    assert "data-no-actions" in family.get(list_url(action)).content.decode()
    assert family.post(start_url(action)).status_code == 404


def test_the_list_takes_the_same_queries_for_one_action_or_many(family, action, caseworker):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert family.get(list_url(action)).status_code == 200
        return len(captured)

    queries()  # the portal's texts and settings are cached by the first page
    one = queries()
    for _n in range(5):
        ask(action.involvement, action.user, published_form(), caseworker)
    assert queries() == one


def test_the_tile_counts_the_open_actions_and_links_to_the_list(action, child, caseworker):
    tile = actions_tile(action.user, child)
    assert (tile.title, tile.count, tile.url) == ("Actions to complete", 1, list_url(action))
    assert tile.empty_text == "Nothing to do"
    ask(action.involvement, action.user, published_form(), caseworker, days=0)
    assert actions_tile(action.user, child).count == 2


def test_the_same_form_started_from_the_childs_page_completes_the_action_once(
    action, child, django_capture_on_commit_callbacks
):
    link = PersonLinkFactory(user=action.user, person__child_record=child)
    draft = filling.start(action.user, link.person, action.form)
    with django_capture_on_commit_callbacks(execute=True):
        submission = fill_and_submit(draft)
    action.refresh_from_db()
    assert action.status == "completed" and action.submission == submission
    # The completing task delivered again finds nothing left to do.
    assert receivers.complete_actions(submission.pk) == 0
