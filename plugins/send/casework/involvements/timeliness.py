"""The timeliness report: for a date range, the plans issued (EHC plans in England, IDPs in
Wales) and how many within the statutory time limit, the mean weeks each stage took, the
breaches, and the cases whose limit a recorded legal exception suspended.

Everything comes from the process definition of the council's jurisdiction: the plans are
involvements of its assessment process whose last stage's date (``final_plan_issued``,
``idp_given``) falls in the range; the limit is that stage's deadline (20 weeks from the
request in England, 12 weeks from the referral in Wales) as ``deadlines.timeline`` computes
it. As in the national statistics, cases with an exception are counted apart and left out of
the share within the limit."""

from dataclasses import dataclass, field
from datetime import date

from ...models import Involvement
from ..process import deadlines, registry, schema
from . import statutory, tray

# The assessment process of each jurisdiction, and the national share within the limit to show
# beside the council's own. England: 46.4 % of EHC plans issued in 2024 were issued within 20
# weeks, excluding exceptions (DfE, "Education, health and care plans", reporting year 2025).
# Wales publishes no comparable figure for IDPs.
MEASURES = {
    schema.ENGLAND: ("england_ehc_needs_assessment", 46.4, 2024),
    schema.WALES: ("wales_aln_idp", None, None),
}


@dataclass(frozen=True)
class Case:
    involvement: Involvement
    requested: date | None
    issued: date
    due: date | None  # the limit, without any exception
    exception: schema.ExceptionReason | None
    exception_detail: str

    @property
    def weeks(self):
        """Weeks from the request to the plan (None without a request date)."""
        return round((self.issued - self.requested).days / 7, 1) if self.requested else None

    @property
    def within_limit(self):
        return self.due is not None and self.issued <= self.due

    @property
    def days_late(self):
        return (self.issued - self.due).days if self.due and self.issued > self.due else 0


@dataclass(frozen=True)
class StageMean:
    stage: schema.Stage
    weeks: float | None
    cases: int


@dataclass
class Report:
    process: schema.ProcessDefinition
    start: date
    end: date
    cases: list = field(default_factory=list)
    stage_means: list = field(default_factory=list)
    national_share: float | None = None
    national_year: int | None = None

    @property
    def limit_rule(self):
        """The rule of the plan's deadline (its amount and unit make the "20 weeks")."""
        return self.process.stages[-1].deadline.rules[0]

    @property
    def counted(self):
        """The cases the share counts: those without an exception."""
        return [case for case in self.cases if case.exception is None]

    @property
    def within(self):
        return [case for case in self.counted if case.within_limit]

    @property
    def breaches(self):
        return [case for case in self.counted if not case.within_limit]

    @property
    def exceptions(self):
        return [case for case in self.cases if case.exception is not None]

    @property
    def share_within(self):
        """Percentage of the counted plans issued within the limit, one decimal (None when
        no plan counts)."""
        if not self.counted:
            return None
        return round(100 * len(self.within) / len(self.counted), 1)

    @property
    def mean_weeks(self):
        weeks = [case.weeks for case in self.cases if case.weeks is not None]
        return round(sum(weeks) / len(weeks), 1) if weeks else None


def _case(involvement, process, end):
    stages = statutory.case_timeline(involvement, end)
    recorded = statutory.recorded_dates(involvement, process)
    plan = stages[-1]
    return Case(
        involvement=involvement,
        requested=recorded.get(process.stages[0].done_when),
        issued=plan.done_on,
        due=deadlines.deadline_due(plan.stage.deadline, recorded),
        exception=plan.exception,
        exception_detail=plan.exception_detail,
    ), stages


def _stage_means(process, timelines):
    """Mean weeks from the previous stage's date to each stage's, over the cases that
    recorded both."""
    means = []
    for index, stage in enumerate(process.stages[1:], start=1):
        spans = [
            (stages[index].done_on - stages[index - 1].done_on).days / 7
            for stages in timelines
            if stages[index].done_on and stages[index - 1].done_on
        ]
        weeks = round(sum(spans) / len(spans), 1) if spans else None
        means.append(StageMean(stage=stage, weeks=weeks, cases=len(spans)))
    return means


def timeliness(start, end, jurisdiction=None):
    """The report for plans issued from ``start`` to ``end`` (both included) under the
    council's jurisdiction (or the one given)."""
    code, national, year = MEASURES[jurisdiction or registry.council_jurisdiction()]
    process = registry.definition(code)
    issued_on = process.stages[-1].done_when
    involvements = Involvement.objects.filter(
        process=code,
        dates__code=issued_on,
        dates__date__gte=start,
        dates__date__lte=end,
    ).order_by("pk")
    report = Report(process, start, end, national_share=national, national_year=year)
    timelines = []
    for involvement in tray.with_deadline_data(involvements, end):
        case, stages = _case(involvement, process, end)
        report.cases.append(case)
        timelines.append(stages)
    report.cases.sort(key=lambda case: (case.issued, case.involvement.pk))
    report.stage_means = _stage_means(process, timelines)
    return report
