"""The statutory deadlines a family and a caseworker see, computed from the recorded dates.

Calendar days throughout: the SEND Regulations 2014 do not move a time limit off a weekend."""

from datetime import date

import pytest

from plugins.send.casework.process import deadlines
from plugins.send.casework.process.deadlines import RecordedException, add_months, timeline
from plugins.send.casework.process.registry import definition

EHC = "england_ehc_needs_assessment"
REVIEW = "england_annual_review"
ALN = "wales_aln_idp"
IDP_REVIEW = "wales_idp_review"


def stages(process, dates, today=date(2026, 1, 5), exceptions=()):
    return {s.stage.code: s for s in timeline(definition(process), dates, today, exceptions)}


# A request received on Monday 5 January 2026.
REQUEST = {"request_received": date(2026, 1, 5)}


@pytest.mark.parametrize(
    ("process", "dates", "stage", "due"),
    [
        # England, EHC needs assessment (SEND Regulations 2014)
        (EHC, REQUEST, "request", None),
        (EHC, REQUEST, "assessment_decision", date(2026, 2, 16)),  # reg 5: 6 weeks
        (EHC, {**REQUEST, "advice_requested": date(2026, 2, 20)}, "assessment", date(2026, 4, 3)),
        (EHC, REQUEST, "plan_decision", date(2026, 4, 27)),  # reg 10(1): 16 weeks
        # reg 13(1)(a): 15 days beginning with the day the draft was served
        (EHC, {**REQUEST, "draft_plan_sent": date(2026, 5, 1)}, "draft_plan", date(2026, 5, 15)),
        (EHC, REQUEST, "final_plan", date(2026, 5, 25)),  # reg 13(2): 20 weeks
        # England, annual review
        (REVIEW, {"plan_issued": date(2025, 3, 10)}, "review_meeting", date(2026, 3, 9)),
        (REVIEW, {"review_meeting": date(2026, 3, 2)}, "review_decision", date(2026, 3, 30)),
        # Wales: the local authority's decision and IDP within 12 weeks (ALN Code 2021)
        (ALN, {"referral_received": date(2026, 1, 5)}, "aln_decision", date(2026, 3, 30)),
        (ALN, {"referral_received": date(2026, 1, 5)}, "idp", date(2026, 3, 30)),
        # Wales: review periods of 12 months starting with the day the IDP was given (s. 23)
        (IDP_REVIEW, {"idp_given": date(2025, 9, 1)}, "review", date(2026, 8, 31)),
    ],
)
def test_every_stage_is_due_on_its_statutory_date(process, dates, stage, due):
    assert stages(process, dates)[stage].due == due


def test_a_due_date_on_a_saturday_stays_on_the_saturday():
    # Saturday 3 January 2026 + 6 weeks is Saturday 14 February: calendar days, not moved.
    due = stages(EHC, {"request_received": date(2026, 1, 3)})["assessment_decision"].due
    assert due == date(2026, 2, 14)
    assert due.strftime("%A") == "Saturday"


def test_the_final_plan_is_due_20_weeks_after_the_request_even_without_the_decisions():
    timeline_ = stages(EHC, {**REQUEST, "draft_plan_sent": date(2026, 4, 20)}, date(2026, 4, 21))
    assert timeline_["final_plan"].due == date(2026, 5, 25)
    assert timeline_["draft_plan"].is_current
    # The decisions in between are passed even though their dates were not recorded.
    assert timeline_["plan_decision"].is_done and timeline_["plan_decision"].done_on is None


def test_nothing_recorded_means_no_due_dates_and_the_first_stage_is_current():
    timeline_ = stages(EHC, {})
    assert all(stage.due is None for stage in timeline_.values())
    assert timeline_["request"].is_current


def test_a_stage_waiting_on_its_base_date_has_no_due_date_yet():
    # The advice deadline runs from the request for advice, not yet sent.
    assert stages(EHC, REQUEST)["assessment"].due is None


@pytest.mark.parametrize(
    ("today", "days_left", "days_overdue"),
    [
        (date(2026, 2, 10), 6, None),
        (date(2026, 2, 16), 0, None),
        (date(2026, 2, 20), -4, 4),
    ],
)
def test_days_left_or_overdue_count_from_today(today, days_left, days_overdue):
    decision = stages(EHC, REQUEST, today)["assessment_decision"]
    assert decision.days_left == days_left
    assert decision.days_overdue == days_overdue


def test_a_done_stage_has_no_days_left_but_says_whether_it_was_on_time():
    timeline_ = stages(EHC, {**REQUEST, "assessment_decision": date(2026, 2, 20)}, date(2026, 3, 1))
    decision = timeline_["assessment_decision"]
    assert decision.is_done and decision.days_left is None
    assert decision.done_on_time is False
    assert timeline_["assessment"].is_current
    assert deadlines.current_stage(
        timeline(definition(EHC), REQUEST, date(2026, 1, 6))
    ).stage.code == ("assessment_decision")


def test_the_next_deadline_is_the_earliest_open_one():
    timeline_ = timeline(definition(EHC), REQUEST, date(2026, 1, 6))
    assert deadlines.next_deadline(timeline_).stage.code == "assessment_decision"


def test_every_stage_done_leaves_no_current_stage():
    dates = {
        "request_received": date(2026, 1, 5),
        "assessment_decision": date(2026, 2, 1),
        "advice_received": date(2026, 3, 1),
        "plan_decision": date(2026, 4, 1),
        "draft_comments_received": date(2026, 4, 20),
        "final_plan_issued": date(2026, 5, 1),
    }
    timeline_ = timeline(definition(EHC), dates, date(2026, 5, 2))
    assert deadlines.current_stage(timeline_) is None
    assert all(stage.done_on_time for stage in timeline_[1:] if stage.stage.deadline and stage.due)


def test_a_recorded_exception_lifts_the_time_limits_it_names_and_says_why():
    school_closed = RecordedException("school_closed", "Closed for rebuilding, March to May")
    timeline_ = stages(EHC, REQUEST, exceptions=[school_closed])
    final = timeline_["final_plan"]
    assert final.due is None and final.days_left is None
    assert final.exception.code == "school_closed"
    assert final.exception.label == "send.process.ehc.exception.school_closed"
    assert final.exception_detail == "Closed for rebuilding, March to May"
    # The advice deadline is not one a school closure suspends.
    assert stages(
        EHC, {**REQUEST, "advice_requested": date(2026, 2, 2)}, exceptions=[school_closed]
    )["assessment"].due == date(2026, 3, 16)


def test_a_missed_appointment_lifts_only_the_advice_deadline():
    timeline_ = stages(
        EHC,
        {**REQUEST, "advice_requested": date(2026, 2, 2)},
        exceptions=[RecordedException("missed_appointment")],
    )
    assert timeline_["assessment"].exception is not None and timeline_["assessment"].due is None
    assert timeline_["final_plan"].due == date(2026, 5, 25)


def test_an_exception_the_process_does_not_know_is_refused():
    with pytest.raises(ValueError, match="no exception 'strike'"):
        stages(EHC, REQUEST, exceptions=[RecordedException("strike")])


def test_a_date_the_process_does_not_know_is_refused():
    with pytest.raises(ValueError, match="'idp_given' is not one of the process's dates"):
        stages(EHC, {"idp_given": date(2026, 1, 5)})


@pytest.mark.parametrize(
    ("start", "months", "expected", "clamped"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28), True),
        (date(2024, 2, 29), 48, date(2028, 2, 29), False),
        (date(2025, 1, 31), 1, date(2025, 2, 28), True),
        (date(2023, 12, 15), 1, date(2024, 1, 15), False),
        (date(2025, 11, 30), 3, date(2026, 2, 28), True),
    ],
)
def test_months_clamp_to_the_end_of_a_shorter_month(start, months, expected, clamped):
    assert add_months(start, months) == (expected, clamped)


@pytest.mark.parametrize(
    ("plan_issued", "due"),
    [
        # A period of 12 months starting with 29 February ends on the last day of February.
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2023, 3, 1), date(2024, 2, 29)),  # ends the day before 1 March of a leap year
        (date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_the_annual_review_is_due_in_the_12_months_starting_with_the_plan(plan_issued, due):
    assert stages(REVIEW, {"plan_issued": plan_issued})["review_meeting"].due == due


def test_the_annual_review_runs_from_the_last_review_once_there_has_been_one():
    timeline_ = stages(
        REVIEW, {"plan_issued": date(2023, 6, 1), "previous_review": date(2025, 5, 20)}
    )
    assert timeline_["review_meeting"].due == date(2026, 5, 19)


@pytest.mark.parametrize(
    ("dates", "due"),
    [
        # Transfer between school phases: 15 February of the calendar year of the move.
        ({"school_transfer": date(2026, 9, 1)}, date(2026, 2, 15)),
        # A move in January still falls in its own calendar year, not the school year before.
        ({"school_transfer": date(2027, 1, 4)}, date(2027, 2, 15)),
        # From secondary school to post-16: 31 March of the calendar year of the move.
        ({"post16_transfer": date(2026, 9, 1)}, date(2026, 3, 31)),
        ({"post16_transfer": date(2025, 12, 31)}, date(2025, 3, 31)),
        # Both recorded: the earlier applies.
        (
            {"school_transfer": date(2026, 9, 1), "post16_transfer": date(2026, 9, 1)},
            date(2026, 2, 15),
        ),
        # No phase transfer and no decision yet: no statutory date for the amended plan.
        ({}, None),
        # The decision to amend (sent with the proposed amendments): 8 weeks from it.
        ({"review_decision": date(2025, 10, 6)}, date(2025, 12, 1)),
        # A phase transfer coming sooner than those 8 weeks brings the plan forward.
        (
            {"review_decision": date(2026, 1, 5), "school_transfer": date(2026, 9, 1)},
            date(2026, 2, 15),
        ),
    ],
)
def test_phase_transfers_bring_the_amended_plan_to_15_february_or_31_march(dates, due):
    review = stages(REVIEW, {"plan_issued": date(2025, 3, 10), **dates}, date(2025, 11, 1))
    assert review["amended_plan"].due == due


def test_a_corrected_date_moves_the_deadlines_that_depend_on_it():
    first = stages(EHC, {"request_received": date(2026, 1, 5)})["final_plan"].due
    corrected = stages(EHC, {"request_received": date(2026, 1, 12)})["final_plan"].due
    assert (corrected - first).days == 7


def test_a_leap_day_inside_a_period_counts_as_a_day():
    # 2 February 2028 + 6 weeks passes 29 February 2028.
    assert stages(EHC, {"request_received": date(2028, 2, 2)})["assessment_decision"].due == date(
        2028, 3, 15
    )


def test_asking_for_advice_makes_the_assessment_the_current_stage():
    timeline_ = stages(EHC, {**REQUEST, "advice_requested": date(2026, 2, 2)}, date(2026, 2, 3))
    assert timeline_["assessment"].is_current
    assert timeline_["assessment_decision"].is_done
    assert [s.state for s in timeline_.values()].count("current") == 1
