"""The linear status diagram a family sees for a child's case: an ordered list, done stages
ticked with "Completed" for screen readers, the current stage announced, no branches."""

from datetime import date

import html5lib
import pytest
from django.template import Context, Template
from django.utils import translation

from plugins.send.casework.process.deadlines import RecordedException, timeline
from plugins.send.casework.process.registry import definition

pytestmark = pytest.mark.django_db


def render(process, dates, today, language="en", exceptions=()):
    stages = timeline(definition(process), dates, today, exceptions)
    with translation.override(language):
        html = Template("{% load send_process %}{% status_diagram stages %}").render(
            Context({"stages": stages})
        )
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
        f"<!DOCTYPE html><html lang='{language}'><head><title>t</title></head>"
        f"<body>{html}</body></html>"
    )
    return document.find(".//body/ol")


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def test_the_ehc_needs_assessment_at_the_assessment_stage():
    diagram = render(
        "england_ehc_needs_assessment",
        {
            "request_received": date(2023, 1, 30),
            "assessment_decision": date(2023, 3, 10),
            "advice_requested": date(2023, 3, 13),
        },
        date(2023, 4, 10),
    )
    stages = diagram.findall("li")
    # One item per stage, in order, and nothing nested: the diagram has no branches.
    assert len(stages) == 6 and not diagram.findall(".//li//li")
    request, decision, assessment, plan_decision, draft, final = stages
    for done in (request, decision):
        assert "(Completed)" in text_of(done)
        assert done.find("span[@aria-hidden='true']").text == "\u2713"
    assert text_of(decision).startswith(
        "\u2713 Decision whether to assess (Completed) 10 March 2023"
    )
    assert [li.get("aria-current") for li in stages] == [None, None, "step", None, None, None]
    assert "Current stage" in text_of(assessment)
    # The advice was asked for on Monday 13 March: due 6 weeks later, a Monday.
    assert "Advice due: Monday 24 April 2023 (14 days left)" in text_of(assessment)
    assert "Extra information" in text_of(assessment.find("details"))
    assert "They have 6 weeks to reply" in text_of(assessment.find("details"))
    assert "Completed" not in text_of(assessment) + text_of(final)
    assert "Decision due: Monday 22 May 2023" in text_of(plan_decision)
    assert "Plan due: Monday 19 June 2023" in text_of(final)
    assert not draft.findall(".//details") and "due" not in text_of(draft)


def test_an_overdue_stage_says_by_how_many_days_and_a_saturday_is_named():
    diagram = render(
        "england_ehc_needs_assessment", {"request_received": date(2026, 1, 3)}, date(2026, 2, 17)
    )
    decision = diagram.findall("li")[1]
    assert "Decision due: Saturday 14 February 2026 3 days overdue" in text_of(decision)


def test_a_recorded_exception_is_shown_instead_of_the_due_date():
    diagram = render(
        "england_ehc_needs_assessment",
        {"request_received": date(2026, 1, 5)},
        date(2026, 1, 10),
        exceptions=[RecordedException("absent_from_area", "Abroad for 6 weeks")],
    )
    final = diagram.findall("li")[-1]
    assert (
        "Exception recorded: The child, parent or young person was away from the area for "
        "4 weeks or more (Abroad for 6 weeks)"
    ) in text_of(final)
    assert "Plan due" not in text_of(final)


def test_wales_shows_the_aln_and_idp_process_in_welsh():
    diagram = render(
        "wales_aln_idp", {"referral_received": date(2026, 1, 5)}, date(2026, 3, 30), "cy"
    )
    referral, decision, idp = diagram.findall("li")
    assert "(Wedi’i gwblhau)" in text_of(referral)
    assert decision.get("aria-current") == "step"
    assert "Penderfyniad a oes anghenion dysgu ychwanegol (ADY)" in text_of(decision)
    assert "Cam presennol" in text_of(decision)
    assert "Dydd Llun 30 Mawrth 2026" in text_of(decision)
    assert "Yn ddyledus heddiw" in text_of(decision)
    assert "Cynllun datblygu unigol" in text_of(idp)


def test_wales_in_english_speaks_of_an_individual_development_plan():
    diagram = render("wales_aln_idp", {}, date(2026, 1, 5))
    assert text_of(diagram.findall("li")[-1]).startswith("3 Individual development plan")
    assert diagram.findall("li")[0].get("aria-current") == "step"


def test_a_finished_process_has_no_current_stage():
    diagram = render(
        "wales_idp_review",
        {"idp_given": date(2025, 9, 1), "review_completed": date(2026, 6, 1)},
        date(2026, 6, 2),
    )
    assert all(li.get("aria-current") is None for li in diagram.findall("li"))
    assert all("Completed" in text_of(li) for li in diagram.findall("li"))
