"""What SEND registers for alerts: the information requested context fires on the fields
chosen (receiving the information), and the scheduled conditions find the rows their
parameters ask for."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from plugins.messaging.alerts import registry
from plugins.messaging.alerts.models import AlertLog, TriggerAlert
from plugins.messaging.wording.models import MessageTemplate
from tests.messaging.conftest import needs_send

pytestmark = [pytest.mark.django_db, needs_send]


@pytest.fixture
def information(involvement, authenticated, parent, caseworker):
    from plugins.send.casework.involvements import services

    return services.request_information(
        involvement,
        caseworker,
        user=parent,
        requested="The latest school report",
        due_on=timezone.localdate() - timedelta(days=2),
    )


def test_receiving_the_information_fires_an_alert_on_information_received(
    information, caseworker, parent, django_capture_on_commit_callbacks
):
    from plugins.send.casework.involvements import services

    on_received = TriggerAlert.objects.create(
        reason="Thank them",
        template=MessageTemplate.objects.get(name="SEND – Reminder to send information"),
        context="send.information_requested",
        fields=["received_on"],
        to_person=True,
        active=True,
    )
    on_due_date = TriggerAlert.objects.create(
        reason="Due date moved",
        template=on_received.template,
        context="send.information_requested",
        fields=["due_on"],
        to_person=True,
        active=True,
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.received(information, caseworker)

    assert AlertLog.objects.get(trigger_alert=on_received).messages == 1
    assert not AlertLog.objects.filter(trigger_alert=on_due_date).exists()


def test_overdue_information_gives_the_child_the_due_date_and_the_person_asked(information, parent):
    (row,) = registry.condition("send.information_overdue").records({}, timezone.localdate())

    assert row.values["child"] == "Mali Evans"
    assert row.values["due_date"] == information.due_on
    assert row.person == parent
    assert parent in row.audience
    assert "The latest school report" in str(row.summary)


def test_received_information_is_no_longer_overdue(information, caseworker):
    from plugins.send.casework.involvements import services

    services.received(information, caseworker)

    assert registry.condition("send.information_overdue").records({}, timezone.localdate()) == []


def test_actions_due_within_the_chosen_number_of_days(authenticated, parent, caseworker):
    from plugins.send.casework.actions import services
    from tests.send.factories import published_form

    form = published_form(title_en="Parental preference", title_cy="Dewis y rhiant")
    today = timezone.localdate()
    services.ask(authenticated.involvement, parent, form, today + timedelta(days=5), caseworker)
    condition = registry.condition("send.actions_due")

    (row,) = condition.records({"days": 7}, today)
    assert row.person == parent
    assert row.values["form"] == {"en": "Parental preference", "cy": "Dewis y rhiant"}
    # A row is worded in the language of whoever reads it (a scheduled alert's rows).
    day = (today + timedelta(days=5)).strftime("%d/%m/%Y")
    assert str(row.summary) == f"Mali Evans: Parental preference (due {day})"
    with translation.override("cy"):
        assert str(row.summary) == f"Mali Evans: Dewis y rhiant (erbyn {day})"
    assert condition.records({"days": 3}, today) == []
    assert condition.records({}, today) == [row]  # the default: 7 days


def test_a_form_in_progress_untouched_for_the_chosen_days_is_found(
    involvement, authenticated, parent, child
):
    from plugins.send.models import Submission
    from tests.send.factories import PersonFactory, SubmissionFactory, published_form

    form = published_form(title_en="Family views")
    draft = SubmissionFactory(
        person=PersonFactory(child_record=child), created_by=parent, version=form.live_version
    )
    Submission.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=10))
    condition = registry.condition("send.forms_untouched")
    today = timezone.localdate()

    (row,) = condition.records({"days": 7}, today)
    assert (row.values["form"]["en"], row.person, row.values["child"]) == (
        "Family views",
        parent,
        "Mali Evans",
    )
    assert condition.records({"days": 14}, today) == []


def test_an_annual_review_due_within_the_chosen_weeks_is_found(child, caseworker):
    from plugins.send.casework.involvements import services

    today = timezone.localdate()
    review = services.open_involvement(
        child, "england_annual_review", caseworker, stage="review_meeting", caseworker=caseworker
    )
    # The plan was issued 340 days ago: the review is due within the year, in about 25 days.
    services.record_date(review, "plan_issued", today - timedelta(days=340), caseworker)
    condition = registry.condition("send.annual_reviews_due")

    (row,) = condition.records({"weeks": 4}, today)
    assert row.values["child"] == "Mali Evans"
    assert 20 <= (row.values["due_date"] - today).days <= 28
    assert condition.records({"weeks": 2}, today) == []
