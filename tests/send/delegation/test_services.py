"""The task state machine: every change allowed from the states the table names and refused
from every other, only one holder at a time (the pick-up race), re-assigning only within the
groups the holder manages, the counter-signatory flow, retraction with a reason, the history,
audit log and event of each change, and the contribution reaching the child's chronology."""

import pytest
from django.utils import timezone

from core.models import AuditEntry
from plugins.send.casework.delegation import portal, services
from plugins.send.casework.involvements import services as involvements
from plugins.send.filling import services as filling
from plugins.send.models import DelegatedTask
from plugins.send.models.submissions import Review
from portal import events
from tests.factories import UserFactory

from .conftest import complete, delegate

pytestmark = pytest.mark.django_db
State = DelegatedTask.State


def test_a_task_sent_to_a_work_group_waits_in_its_tray_and_tells_its_members(
    involvement, form, caseworker, school, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = delegate(involvement, form, caseworker, work_group=school)
    assert task.state == State.GROUP and task.holder is None
    assert list(task.history.values_list("change", "state")) == [("created", "group")]
    assert AuditEntry.objects.filter(
        action="task.created", child_record_id=involvement.child_record_id
    )
    told = {address for email in mailoutbox for address in email.to}
    assert told == {"senco@oak.example.org", "head@oak.example.org", "ta@oak.example.org"}


def test_the_emails_never_carry_the_childs_information(
    involvement, form, caseworker, senco, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delegate(involvement, form, caseworker, user=senco)
    assert mailoutbox
    for email in mailoutbox:
        text = email.subject + email.body + email.alternatives[0][0]
        assert "Mali" not in text and "Evans" not in text and "C0009001" not in text


def test_a_task_is_assigned_only_to_a_verified_professional_or_one_work_group(
    involvement, form, caseworker, senco, school
):
    parent = UserFactory(email="parent@example.org")
    assert delegate(involvement, form, caseworker, user=senco).state == State.ASSIGNED
    for kwargs in ({}, {"user": senco, "work_group": school}, {"user": parent}):
        with pytest.raises(services.NotAllowed):
            delegate(involvement, form, caseworker, **kwargs)


def test_a_member_picks_up_a_group_task_and_it_leaves_the_tray_for_everyone(
    group_task, senco, assistant
):
    assert list(portal.group_tray(assistant)) == [group_task]
    task = services.pick_up(group_task, senco)
    assert (task.state, task.holder) == (State.PICKED_UP, senco)
    assert not portal.group_tray(assistant).exists()
    assert list(portal.assigned_to(senco)) == [task]


def test_of_two_pressing_pick_up_at_once_exactly_one_wins(group_task, senco, assistant):
    # Both loaded the tray before either pressed: the second's copy still says "group".
    first, second = (DelegatedTask.objects.get(pk=group_task.pk) for _ in range(2))
    services.pick_up(first, assistant)
    with pytest.raises(services.NotAllowed, match="already picked up"):
        services.pick_up(second, senco)
    group_task.refresh_from_db()
    assert group_task.holder == assistant
    assert group_task.history.filter(change="picked_up").count() == 1


def test_someone_outside_the_group_cannot_pick_up(group_task, outsider):
    with pytest.raises(services.NotAllowed):
        services.pick_up(group_task, outsider)
    group_task.refresh_from_db()
    assert group_task.state == State.GROUP


def test_a_manager_reassigns_only_within_the_groups_they_manage(picked_up, senco, head, outsider):
    with pytest.raises(services.NotAllowed, match="work groups you manage"):
        services.reassign(picked_up, senco, outsider)
    task = services.reassign(picked_up, senco, head)
    assert (task.state, task.holder) == (State.REASSIGNED, head)
    # Any number of times, by whoever holds it now.
    task = services.reassign(task, head, senco)
    assert task.holder == senco


def test_a_member_who_manages_no_group_cannot_reassign(group_task, assistant, senco):
    task = services.pick_up(group_task, assistant)
    with pytest.raises(services.NotAllowed):
        services.reassign(task, assistant, senco)


def test_only_the_holder_changes_a_task(picked_up, head, assistant):
    for change in (
        lambda: services.reassign(picked_up, head, assistant),
        lambda: services.request_countersignature(picked_up, head, assistant),
        lambda: services.submit(picked_up, head),
    ):
        with pytest.raises(services.NotAllowed, match="Only the person holding"):
            change()


def test_the_counter_signatory_amends_countersigns_and_submits(picked_up, senco, head):
    complete(picked_up, senco)
    task = services.request_countersignature(picked_up, senco, head)
    assert (task.state, task.holder, task.author) == (State.COUNTER_SIGNATURE, head, senco)
    with pytest.raises(services.NotAllowed, match="counter-signed"):
        services.submit(task, head)
    # The head teacher carries on with the same copy of the form.
    assert portal.contribution(task, head) == task.contribution
    task = services.countersign(task, head)
    assert (task.state, task.counter_signatory) == (State.COUNTER_SIGNED, head)
    task = services.submit(task, head)
    assert task.state == State.SUBMITTED
    assert (task.author, task.counter_signatory) == (senco, head)


def test_counter_signing_is_asked_only_of_a_manager_of_the_holders_groups(
    group_task, assistant, senco, outsider
):
    task = services.pick_up(group_task, assistant)
    with pytest.raises(services.NotAllowed):
        services.request_countersignature(task, assistant, outsider)
    assert services.request_countersignature(task, assistant, senco).holder == senco


def test_submitting_needs_the_form_complete(picked_up, senco):
    with pytest.raises(services.NotAllowed, match="Complete the form"):
        services.submit(picked_up, senco)
    portal.contribution(picked_up, senco)
    with pytest.raises(filling.Incomplete):
        services.submit(picked_up, senco)
    picked_up.refresh_from_db()
    assert picked_up.state == State.PICKED_UP


def test_the_submitted_contribution_is_on_the_chronology_and_answers_the_information_asked(
    involvement, form, caseworker, senco
):
    row = involvements.request_information(
        involvement, caseworker, requested="School advice", due_on=timezone.localdate()
    )
    task = delegate(involvement, form, caseworker, user=senco, information_request=row)
    complete(task, senco)
    task = services.submit(task, senco)
    submission = task.contribution
    submission.refresh_from_db()
    assert submission.status == "submitted" and submission.review_state == Review.APPROVED
    assert submission.decided_by == caseworker
    assert submission.person.child_record == involvement.child_record
    row.refresh_from_db()
    assert row.received_on == timezone.localdate()


def test_the_council_prefills_answers_of_the_form(involvement, form, caseworker, senco):
    code = form.live_version.schema["groups"][0]["questions"][0]["code"]
    task = delegate(involvement, form, caseworker, user=senco, prefilled={code: "Year 4"})
    submission = portal.contribution(task, senco)
    answer = submission.answers.get(question_code=code)
    assert (answer.value, answer.prefilled) == ("Year 4", True)


@pytest.mark.parametrize(
    "reach",
    [
        "group",
        "picked_up",
        "reassigned",
        "countersign",
        "countersigned",
    ],
)
def test_the_council_retracts_any_open_task_with_a_reason(
    reach, group_task, senco, head, caseworker
):
    task = _reach(reach, group_task, senco, head)
    with pytest.raises(services.NotAllowed):
        services.retract(task, caseworker, "  ")
    task = services.retract(task, caseworker, "Advice received on paper.")
    assert task.state == State.RETRACTED and task.closed_at is not None


def _reach(state, task, senco, head):
    if state == "group":
        return task
    task = services.pick_up(task, senco)
    if state == "reassigned":
        return services.reassign(task, senco, head)
    if state in ("countersign", "countersigned"):
        complete(task, senco)
        task = services.request_countersignature(task, senco, head)
        if state == "countersigned":
            task = services.countersign(task, head)
    return task


@pytest.mark.parametrize("final", ["submitted", "retracted"])
def test_submitted_and_retracted_are_final(final, picked_up, senco, head, caseworker):
    if final == "submitted":
        complete(picked_up, senco)
        task = services.submit(picked_up, senco)
    else:
        task = services.retract(picked_up, caseworker, "No longer needed.")
    for change in (
        lambda: services.pick_up(task, senco),
        lambda: services.reassign(task, senco, head),
        lambda: services.request_countersignature(task, senco, head),
        lambda: services.countersign(task, senco),
        lambda: services.submit(task, senco),
        lambda: services.retract(task, caseworker, "Again."),
    ):
        with pytest.raises(services.NotAllowed):
            change()


def test_a_group_task_is_picked_up_before_anything_else(group_task, senco, head, caseworker):
    for change in (
        lambda: services.reassign(group_task, senco, head),
        lambda: services.request_countersignature(group_task, senco, head),
        lambda: services.countersign(group_task, senco),
        lambda: services.submit(group_task, senco),
    ):
        with pytest.raises(services.NotAllowed):
            change()


def test_counter_signing_needs_a_request_for_it(picked_up, senco):
    with pytest.raises(services.NotAllowed):
        services.countersign(picked_up, senco)


def test_each_change_is_in_the_history_the_audit_log_and_an_event_after_commit(
    group_task, senco, head, caseworker, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, task, change, **kwargs):
        heard.append(change)

    events.task_changed.connect(receiver, dispatch_uid="test_delegation")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            task = services.pick_up(group_task, senco)
            task = services.reassign(task, senco, head)
            services.retract(task, caseworker, "Sent by mistake.")
    finally:
        events.task_changed.disconnect(dispatch_uid="test_delegation")
    assert heard == ["picked_up", "reassigned", "retracted"]
    assert list(group_task.history.values_list("change", flat=True)) == [
        "created",
        "picked_up",
        "reassigned",
        "retracted",
    ]
    audited = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"task.picked_up", "task.reassigned", "task.retracted"} <= audited


def test_every_change_fits_the_history_row():
    # SQLite stores a longer value silently; PostgreSQL refuses it.
    from plugins.send.casework.delegation.services import CHANGES
    from plugins.send.models import TaskHistory

    longest = max(len(change) for change in CHANGES)
    assert longest <= TaskHistory._meta.get_field("change").max_length
