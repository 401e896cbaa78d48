"""The timeliness report on a seeded set of cases: plans issued in the range, the share within
20 weeks (England) or 12 weeks (Wales) leaving out the cases with a recorded exception, the
national figure as context, mean weeks per stage, the breaches and the exceptions; the CSV
download is written to the audit log."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from core.models import AuditEntry
from plugins.send.casework.involvements import services
from plugins.send.casework.involvements.timeliness import timeliness
from plugins.send.models import SendSettings
from tests.conftest import sign_in_verified
from tests.factories import child_record
from tests.send.test_council_submissions import staff

pytestmark = pytest.mark.django_db

D = datetime.date
REPORT = reverse("send_involvements_timeliness")
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}

# council id, surname, key dates, exception: requests on Mondays, so 20 weeks is a Monday.
ENGLAND_CASES = [
    # within: 19 weeks; decision 4 weeks after the request; final plan 2 weeks after comments
    (
        "C0005001",
        "Within",
        {
            "request_received": D(2025, 1, 6),
            "assessment_decision": D(2025, 2, 3),
            "draft_comments_received": D(2025, 5, 5),
            "final_plan_issued": D(2025, 5, 19),
        },
        None,
    ),
    # late: 21 weeks, 7 days after the limit; decision after 6 weeks
    (
        "C0005002",
        "Late",
        {
            "request_received": D(2025, 2, 3),
            "assessment_decision": D(2025, 3, 17),
            "final_plan_issued": D(2025, 6, 30),
        },
        None,
    ),
    # within: 19 weeks
    (
        "C0005003",
        "Ontime",
        {"request_received": D(2025, 3, 3), "final_plan_issued": D(2025, 7, 14)},
        None,
    ),
    # 25 weeks, but the school was closed: counted apart
    (
        "C0005004",
        "Closed",
        {"request_received": D(2025, 1, 13), "final_plan_issued": D(2025, 7, 7)},
        "school_closed",
    ),
    # issued in 2024: outside the range
    (
        "C0005005",
        "Earlier",
        {"request_received": D(2024, 1, 8), "final_plan_issued": D(2024, 5, 20)},
        None,
    ),
]


def jurisdiction(value):
    settings = SendSettings.load()
    settings.jurisdiction = value
    settings.save()


@pytest.fixture
def seeded(caseworker):
    jurisdiction("wales")
    welsh = services.open_involvement(
        child_record("C0005100", surname="Cymru"), "wales_aln_idp", caseworker
    )
    services.record_date(welsh, "referral_received", D(2025, 1, 6), caseworker)
    services.record_date(welsh, "idp_given", D(2025, 4, 7), caseworker)  # 13 weeks
    jurisdiction("england")
    for council_id, surname, dates, exception in ENGLAND_CASES:
        case = services.open_involvement(
            child_record(council_id, surname=surname),
            "england_ehc_needs_assessment",
            caseworker,
        )
        for code, day in dates.items():
            services.record_date(case, code, day, caseworker)
        if exception:
            services.record_exception(
                case, caseworker, reason=exception, starts_on=D(2025, 3, 3), note="Fire damage"
            )


def test_the_english_figures_of_a_seeded_year(seeded):
    report = timeliness(D(2025, 1, 1), D(2025, 12, 31))
    assert [case.involvement.child_record.surname for case in report.cases] == [
        "Within",
        "Late",
        "Closed",
        "Ontime",
    ]
    assert (len(report.counted), len(report.within), report.share_within) == (3, 2, 66.7)
    assert report.mean_weeks == 21.0  # (19 + 21 + 25 + 19) / 4
    assert [
        (case.involvement.child_record.surname, case.days_late) for case in report.breaches
    ] == [("Late", 7)]
    [closed] = report.exceptions
    assert closed.exception.code == "school_closed" and closed.days_late == 35
    means = {row.stage.code: (row.weeks, row.cases) for row in report.stage_means}
    assert means["assessment_decision"] == (5.0, 2)
    assert means["final_plan"] == (2.0, 1)
    assert means["plan_decision"] == (None, 0)
    assert report.national_share == 46.4


def test_the_welsh_figures_count_the_12_weeks_of_the_code(seeded):
    report = timeliness(D(2025, 1, 1), D(2025, 12, 31), "wales")
    [case] = report.cases
    assert case.due == D(2025, 3, 31) and case.days_late == 7
    assert (report.share_within, report.mean_weeks, report.national_share) == (0.0, 13.0, None)


def test_an_empty_range_has_no_share(seeded):
    report = timeliness(D(2023, 1, 1), D(2023, 12, 31))
    assert report.cases == [] and report.share_within is None and report.mean_weeks is None


def test_the_report_page_shows_the_figures_with_the_national_context(managing, seeded):
    page = managing.get(REPORT, YEAR_2025).content.decode()
    assert "<dd data-issued>4</dd>" in page and "<dd data-counted>3</dd>" in page
    assert "2 (66.7 %)" in page
    assert "46.4 % of plans in England were issued within 20 weeks in 2024" in page
    breaches = page.split("data-breaches", 1)[1].split("</table>", 1)[0]
    assert "Alys Late" in breaches and "Alys Ontime" not in breaches
    exceptions = page.split("data-exceptions", 1)[1].split("</table>", 1)[0]
    assert "The school or college was closed for 4 weeks or more: Fire damage" in exceptions


def test_the_csv_download_lists_the_cases_and_is_audited(managing, seeded):
    response = managing.get(REPORT, {**YEAR_2025, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Child's name", "Council id", "Date of request"]
    late = next(row for row in rows if row[1] == "C0005002")
    assert late[2:9] == ["2025-02-03", "2025-06-30", "2025-06-23", "21.0", "No", "7", ""]
    closed = next(row for row in rows if row[1] == "C0005004")
    assert closed[6:] == [
        "",
        "",
        "The school or college was closed for 4 weeks or more",
        "Fire damage",
    ]
    entry = AuditEntry.objects.get(action="export.downloaded")
    assert entry.actor == managing.user and "2025-01-01" in entry.detail


def test_a_name_that_looks_like_a_formula_stays_words_in_the_csv(managing, caseworker):
    case = services.open_involvement(
        child_record("C0005200", forename="=HYPERLINK(1)", surname="X"),
        "england_ehc_needs_assessment",
        caseworker,
    )
    services.record_date(case, "final_plan_issued", D(2025, 6, 2), caseworker)
    rows = list(
        csv.reader(
            io.StringIO(managing.get(REPORT, {**YEAR_2025, "format": "csv"}).content.decode())
        )
    )
    assert rows[1][0].startswith("'=HYPERLINK")


def test_staff_without_the_permission_cannot_see_the_report(client):
    sign_in_verified(client, staff("access_admin", "view_submission", first_name="Sid"))
    response = client.get(REPORT, {**YEAR_2025, "format": "csv"})
    assert (
        response.status_code == 302
        and not AuditEntry.objects.filter(action="export.downloaded").exists()
    )
