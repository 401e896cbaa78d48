"""Pre-filling from the child's chronology: a new form takes the answers the council approved
and shared for the same child (the latest approved answer to each question wins), for a user
authenticated on the child's involvement, marked as pre-filled; the submitter's own approved
answers count whatever their authentication. The user's own earlier answers for the person
still come first, a form approved without sharing never reaches another family, and a user
linked to the child but not authenticated (or no longer) gets nothing of others' forms."""

import pytest

from plugins.send.casework import review
from plugins.send.casework.involvements import portal_sharing
from plugins.send.filling import services
from plugins.send.models import Answer
from tests.send.test_council_submissions import family, fill

from .conftest import matched
from .test_sharing import approved, on_same_child

pytestmark = pytest.mark.django_db


def first_code(form):
    return form.live_version.schema["groups"][0]["questions"][0]["code"]


def answered(submission, code, value):
    Answer.objects.filter(submission=submission, question_code=code).update(value=value)
    return submission


def prefilled(submission):
    return {a.question_code: a.value for a in submission.answers.all() if a.prefilled is True}


def test_the_other_parent_starts_a_form_with_the_childs_approved_answers(link, form, decider):
    code = first_code(form)
    submission = answered(approved(link, form, decider), code, "Hillside Primary")
    other = on_same_child(submission)
    new = services.start(other.user, other.person, form)
    assert prefilled(new)[code] == "Hillside Primary"


def test_the_latest_approved_answer_wins(link, form, decider):
    code = first_code(form)
    answered(approved(link, form, decider), code, "Hillside Primary")
    later = answered(approved(link, form, decider), code, "Valley High")
    other = on_same_child(later)
    assert prefilled(services.start(other.user, other.person, form))[code] == "Valley High"


def test_the_users_own_earlier_answer_for_the_person_comes_first(link, form, decider):
    code = first_code(form)
    submission = answered(approved(link, form, decider), code, "Hillside Primary")
    other = on_same_child(submission)
    answered(fill(other, form), code, "Ysgol y Dref")
    assert prefilled(services.start(other.user, other.person, form))[code] == "Ysgol y Dref"


def test_answers_of_forms_not_approved_or_not_shared_stay_out(link, form, decider):
    code = first_code(form)
    unshared = answered(approved(link, form, decider, share=False), code, "Not shared")
    rejected = matched(fill(link, form))
    review.open_submission(rejected, decider)
    review.reject(rejected, decider, "No.")
    answered(rejected, code, "Rejected")
    waiting = answered(matched(fill(link, form)), code, "Not decided")
    assert waiting.review_state == "not_opened"
    other = on_same_child(unshared)
    assert code not in prefilled(services.start(other.user, other.person, form))


def test_the_submitter_keeps_their_own_approved_answers_unshared_and_unauthenticated(
    link, form, decider
):
    code = first_code(form)
    submission = answered(approved(link, form, decider, share=False), code, "Hillside Primary")
    # Another person of theirs for the same child (declared twice, matched to one record); the
    # submitter is not authenticated on the child's involvement: their own answers are theirs.
    twin = family(forename="Alex", surname="Morgan")
    twin.user = link.user
    twin.save()
    twin.person.child_record = submission.person.child_record
    twin.person.save()
    assert prefilled(services.start(link.user, twin.person, form))[code] == "Hillside Primary"


def test_a_user_linked_to_the_child_but_not_authenticated_gets_nothing_from_it(link, form, decider):
    code = first_code(form)
    submission = answered(approved(link, form, decider), code, "Hillside Primary")
    other = on_same_child(submission, authenticated=False)
    assert code not in prefilled(services.start(other.user, other.person, form))
    stranger = family(forename="Bryn", surname="Jones")
    assert not prefilled(services.start(stranger.user, stranger.person, form))


def test_once_unauthenticated_a_parent_no_longer_gets_the_childs_answers(link, form, decider):
    code = first_code(form)
    submission = answered(approved(link, form, decider), code, "Hillside Primary")
    other = on_same_child(submission)
    first = services.start(other.user, other.person, form)
    assert prefilled(first)[code] == "Hillside Primary"
    first.delete()  # what the parent's own draft holds stays theirs; start afresh
    sharing_row = other.user.send_sharing.get()
    portal_sharing.unauthenticate(sharing_row, sharing_row.added_by)
    assert code not in prefilled(services.start(other.user, other.person, form))
