"""The matching queue and its decisions: who enters the queue (never matched, details changed
since matching) and who skips it, each decision allowed once and refused after, conflicts
settled field by field with their provenance, both parents matched to one record, the audit
log, and the SEND casework gate opening after a decision."""

import datetime

import pytest
from django_q.models import Task

from core.models import AuditEntry
from plugins.matching import decisions
from plugins.matching.models import MatchRequest
from plugins.send.casework import review
from plugins.send.models import Review
from plugins.send.models.submissions import Matching
from portal import events
from tests.factories import UserFactory
from tests.send.factories import PersonLinkFactory, published_form
from tests.send.test_council_submissions import fill

pytestmark = pytest.mark.django_db

BORN = datetime.date(2014, 11, 20)


def submit(link, form, capture):
    with capture(execute=True):
        return fill(link, form)


def child(forename="Sian", surname="Jones", born=BORN):
    user = UserFactory(first_name="Sam", last_name="Parent")
    return PersonLinkFactory(
        user=user, person__forename=forename, person__surname=surname, person__date_of_birth=born
    )


def waiting():
    return list(MatchRequest.objects.filter(state=MatchRequest.State.WAITING))


def test_a_child_never_matched_enters_the_queue_with_the_form_and_who_declared_them(
    register, form, django_capture_on_commit_callbacks
):
    link = child()
    submission = submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    assert request.person == link.person
    assert request.declared_by == link.user
    assert request.forms == [submission.reference]
    assert (request.forename, request.surname, request.date_of_birth) == ("Sian", "Jones", BORN)
    # Siân Jones of the register is the best candidate.
    assert request.best_band in ("likely", "match") and request.best_score > 0.9
    # The task's result is kept by django-q2 (and in a database dump): a plain id, not a model.
    [task] = Task.objects.filter(func="plugins.matching.queue.enter")
    assert task.result == request.pk


def test_a_second_form_waits_with_the_first(form, register, django_capture_on_commit_callbacks):
    link = child()
    first = submit(link, form, django_capture_on_commit_callbacks)
    second = submit(link, published_form(), django_capture_on_commit_callbacks)
    [request] = waiting()
    assert request.forms == [first.reference, second.reference]


def test_a_matched_child_with_the_same_details_skips_the_queue_and_a_change_requeues_them(
    register, form, matcher, django_capture_on_commit_callbacks
):
    link = child()
    submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(request, register["sian"], matcher)
    submit(link, published_form(), django_capture_on_commit_callbacks)
    assert waiting() == []

    person = link.person
    person.refresh_from_db()
    person.surname = "Jones-Evans"
    person.save()
    submit(link, published_form(), django_capture_on_commit_callbacks)
    [again] = waiting()
    assert again.surname == "Jones-Evans" and again.pk != request.pk


def test_match_keeps_the_councils_value_or_takes_the_portals_and_notes_the_source(
    register, form, matcher, django_capture_on_commit_callbacks
):
    link = child(forename="Sian", surname="Jones-Evans")
    submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    record = register["sian"]
    assert {field for field, *_ in decisions.conflicts(request, record)} == {
        "forename",
        "surname",
    }
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(request, record, matcher, take_portal=["surname"])
    record.refresh_from_db()
    request.refresh_from_db()
    assert (record.forename, record.surname) == ("Siân", "Jones-Evans")
    assert record.sources["surname"]["source"] == "portal"
    assert record.sources["forename"]["source"] == "import"
    assert request.settled == {"forename": "council", "surname": "portal"}


def test_only_a_field_that_differs_can_take_the_portals_value(
    register, form, matcher, django_capture_on_commit_callbacks
):
    submit(child(), form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with pytest.raises(decisions.NotAllowed):
        decisions.match(request, register["sian"], matcher, take_portal=["date_of_birth"])
    assert waiting() == [request]


@pytest.mark.parametrize(
    "decide",
    [
        lambda request, register, user: decisions.match(request, register["sian"], user),
        lambda request, register, user: decisions.add_as_new_record(request, user),
        lambda request, register, user: decisions.reject(request, user, "Declared twice."),
    ],
    ids=["match", "new record", "reject"],
)
def test_each_decision_is_made_once_and_refused_after_any_decision(
    decide, register, form, matcher, django_capture_on_commit_callbacks
):
    submit(child(), form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with django_capture_on_commit_callbacks(execute=True):
        decide(request, register, matcher)
    for again in (
        lambda: decisions.match(request, register["sian"], matcher),
        lambda: decisions.add_as_new_record(request, matcher),
        lambda: decisions.reject(request, matcher, "Again."),
    ):
        with pytest.raises(decisions.NotAllowed, match="already been made"):
            again()


def test_a_rejection_needs_a_reason(register, form, matcher, django_capture_on_commit_callbacks):
    submit(child(), form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with pytest.raises(decisions.NotAllowed):
        decisions.reject(request, matcher, "  ")


def test_both_parents_adding_the_child_are_matched_to_one_record(
    register, form, matcher, django_capture_on_commit_callbacks
):
    mother = child()
    father = PersonLinkFactory(
        person__forename="Sian", person__surname="Jones", person__date_of_birth=BORN
    )
    submit(mother, form, django_capture_on_commit_callbacks)
    submit(father, published_form(), django_capture_on_commit_callbacks)
    first, second = waiting()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(first, register["sian"], matcher)
        decisions.match(second, register["sian"], matcher)
    for link in (mother, father):
        link.person.refresh_from_db()
        assert link.person.child_record == register["sian"]


def test_a_match_opens_the_casework_gate_and_is_audited_and_announced(
    register,
    form,
    matcher,
    decider,
    django_capture_on_commit_callbacks,
):
    link = child()
    submission = submit(link, form, django_capture_on_commit_callbacks)
    review.open_submission(submission, decider)
    with pytest.raises(review.NotAllowed):
        review.approve(submission, decider, "Approved.", share_with_case=False)
    [request] = waiting()
    heard = []

    def listener(**kwargs):
        heard.append(kwargs)

    events.person_matched.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            decisions.match(request, register["sian"], matcher)
    finally:
        events.person_matched.disconnect(listener)
    assert heard[0]["child_record"] == register["sian"]
    submission.refresh_from_db()
    assert submission.matching_state == Matching.MATCHED
    assert submission.events.filter(action="matched").exists()
    entry = AuditEntry.objects.get(action="matching.matched")
    assert entry.actor == matcher and entry.child_record_id == register["sian"].pk
    review.approve(submission, decider, "Approved.", share_with_case=False)
    submission.refresh_from_db()
    assert submission.review_state == Review.APPROVED


def test_a_new_child_is_added_to_the_register_from_the_portal(
    register, form, matcher, django_capture_on_commit_callbacks
):
    link = child(forename="Nia", surname="Newydd", born=datetime.date(2019, 2, 2))
    submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.add_as_new_record(request, matcher)
    link.person.refresh_from_db()
    record = link.person.child_record
    assert (record.forename, record.surname) == ("Nia", "Newydd")
    assert record.council_id.startswith("P") and record.sources["surname"]["source"] == "portal"
    assert AuditEntry.objects.filter(action="matching.new_record").count() == 1


def test_a_rejected_childs_forms_stay_out_until_resubmitted_to_matching(
    register,
    form,
    matcher,
    decider,
    django_capture_on_commit_callbacks,
):
    link = child()
    first = submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    decisions.reject(request, matcher, "Declared twice.")
    later = submit(link, published_form(), django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert waiting() == [] and later.reference in request.forms
    assert AuditEntry.objects.filter(action="matching.rejected").count() == 1
    first.refresh_from_db()
    assert first.matching_state == Matching.AWAITING

    with django_capture_on_commit_callbacks(execute=True):
        review.resubmit_to_matching(first, decider)
    [again] = waiting()
    assert again.forms == [first.reference]
