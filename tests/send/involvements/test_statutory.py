"""An involvement speaks its process definition: only the council's processes, their stages,
dates and exception reasons are accepted; the case page shows the timeline computed from the
recorded dates, and a corrected date moves the due dates at once."""

import datetime

import pytest
from django.urls import reverse

from core.models import AuditEntry
from plugins.send.casework.involvements import services, statutory
from plugins.send.models import SendSettings
from tests.factories import child_record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("process", "stage"),
    [
        ("england_ehc_assessment", ""),  # no such definition
        ("wales_aln_idp", ""),  # a Welsh process in an English council
        ("england_ehc_needs_assessment", "review_meeting"),  # a stage of another process
    ],
)
def test_an_unknown_process_or_stage_is_refused(caseworker, process, stage):
    with pytest.raises(services.NotAllowed):
        services.open_involvement(child_record("C0007001"), process, caseworker, stage=stage)


def test_a_welsh_council_opens_its_own_process(caseworker):
    settings = SendSettings.load()
    settings.jurisdiction = "wales"
    settings.save()
    involvement = services.open_involvement(
        child_record("C0007002"), "wales_aln_idp", caseworker, stage="aln_decision"
    )
    assert [code for code, _label in statutory.process_choices()] == [
        "wales_aln_idp",
        "wales_idp_review",
    ]
    assert involvement.stage == "aln_decision"


@pytest.mark.parametrize(
    "change",
    [
        lambda case, user: services.change(case, user, caseworker=None, stage="idp"),
        lambda case, user: services.record_date(
            case, "decision_to_assess", datetime.date(2026, 1, 5), user
        ),
        lambda case, user: services.record_exception(
            case, user, reason="school_closure", starts_on=datetime.date(2026, 1, 5)
        ),
    ],
    ids=["stage", "date", "exception"],
)
def test_codes_the_process_does_not_list_are_refused(involvement, caseworker, change):
    with pytest.raises(services.NotAllowed):
        change(involvement, caseworker)
    involvement.refresh_from_db()
    assert involvement.stage == "assessment"
    assert not involvement.dates.exists() and not involvement.exceptions.exists()


def test_the_case_page_shows_due_dates_that_move_when_a_date_is_corrected(managing, involvement):
    services.record_date(involvement, "request_received", datetime.date(2026, 1, 5), managing.user)
    url = reverse("send_involvement", args=[involvement.pk])
    page = managing.get(url).content.decode()
    # 20 weeks after Monday 5 January 2026: Monday 25 May 2026.
    assert '<td data-due="final_plan">25 May 2026</td>' in page
    assert 'aria-current="step"' in page and "Decision whether to assess" in page

    services.record_date(involvement, "request_received", datetime.date(2026, 1, 12), managing.user)
    page = managing.get(url).content.decode()
    assert '<td data-due="final_plan">1 June 2026</td>' in page
    assert '<td data-due="assessment_decision">23 February 2026</td>' in page


def test_a_recorded_exception_shows_with_its_reason_instead_of_a_due_date(managing, involvement):
    services.record_date(involvement, "request_received", datetime.date(2026, 1, 5), managing.user)
    services.record_exception(
        involvement,
        managing.user,
        reason="school_closed",
        starts_on=datetime.date(2026, 3, 1),
        note="Flooded for five weeks",
    )
    page = managing.get(reverse("send_involvement", args=[involvement.pk])).content.decode()
    assert '<td data-due="final_plan">—</td>' in page
    assert "The school or college was closed for 4 weeks or more: Flooded for five weeks" in page


def test_the_stored_stage_follows_the_dates_the_caseworker_records(involvement, caseworker):
    def stage_after(code, date):
        services.record_date(involvement, code, date, caseworker)
        stored = involvement.stage
        involvement.refresh_from_db()
        assert involvement.stage == stored  # the caller's object is kept in step
        return involvement.stage

    assert stage_after("request_received", datetime.date(2026, 1, 5)) == "assessment_decision"
    assert stage_after("assessment_decision", datetime.date(2026, 2, 9)) == "assessment"
    # Advice asked for but not all received: the assessment is still under way.
    assert stage_after("advice_requested", datetime.date(2026, 2, 10)) == "assessment"
    assert stage_after("advice_received", datetime.date(2026, 3, 20)) == "plan_decision"
    # A date removed moves the stage back with the timeline.
    assert stage_after("advice_received", None) == "assessment"
    for code in ("advice_received", "plan_decision", "draft_plan_sent"):
        services.record_date(involvement, code, datetime.date(2026, 4, 1), caseworker)
    assert stage_after("final_plan_issued", datetime.date(2026, 5, 18)) == "final_plan"
    changes = AuditEntry.objects.filter(action="involvement.changed").order_by("pk")
    assert list(changes.values_list("detail", flat=True))[:2] == [
        "assessment_decision",
        "assessment",
    ]
