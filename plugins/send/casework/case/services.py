"""What a child's case dashboard shows, computed from the rows as they are now.

Each open involvement of the child the user is authenticated on becomes a :class:`Section`:
its process timeline (``process.deadlines.timeline``, recomputed from the recorded dates and
exceptions on every view), its key dates, who requested it and the caseworker's name. The
rows are read in a fixed number of queries (involvements with their caseworkers, their dates,
their exceptions, the request forms), so the page costs the same however many dates, stages
or involvements a child has.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils import timezone

from core.texts import raw_text
from portal import access

from ...models import Involvement, Submission
from ..process.deadlines import RecordedException, current_stage, timeline
from ..process.registry import council_jurisdiction, definitions
from ..sharing import shared_with
from .access import KIND
from .tiles import Tile


@dataclass(frozen=True)
class KeyDate:
    """A date on the dashboard: one recorded, or the current stage's due date with the days
    left (0 on the day) or overdue."""

    label: str
    date: date
    days_left: int | None = None

    @property
    def is_due(self):
        return self.days_left is not None

    @property
    def days_overdue(self):
        return -self.days_left if self.is_due and self.days_left < 0 else None


@dataclass(frozen=True)
class Section:
    """One involvement as its family sees it. ``requester`` is empty while the request date
    is not recorded."""

    involvement: Involvement
    title: str
    stages: list
    current: object | None  # the current StageTimeline, None once every stage is done
    key_dates: list
    requester: str
    caseworker: str


def dashboard_title():
    """The page's title in the council's jurisdiction: "SEND dashboard" in England, "ALN
    dashboard" in Wales."""
    return raw_text(f"send.case.title.{council_jurisdiction()}")


def open_involvements(user, child_records):
    """The open involvements of ``child_records`` (ids or a queryset) ``user`` is authenticated
    on, newest first, with what their sections need (three queries)."""
    queryset = (
        Involvement.objects.open()
        .filter(child_record__in=child_records, process__in=list(definitions()))
        .select_related("caseworker")
        .prefetch_related("dates", "exceptions")
        .order_by("-created_at", "-pk")
    )
    return list(access.scoped(user, "send.involvement", queryset))


def _request_date(process, recorded):
    # The first stage is the request (England) or the referral (Wales): done the day it came.
    return recorded.get(process.stages[0].done_when)


def requesters(requests):
    """{(child record id, date): name} of who sent the council a form about the child on
    that date, for each (child record id, date) of ``requests``: the request form arrives on
    the day the request is received. One query; the earliest form of a day names its
    requester."""
    if not requests:
        return {}
    children = {child for child, _day in requests}
    days = {day for _child, day in requests}
    forms = (
        Submission.objects.filter(person__child_record__in=children, submitted_at__date__in=days)
        .select_related("person", "created_by")
        .order_by("submitted_at", "pk")
    )
    names = {}
    for form in forms:
        key = (form.person.child_record_id, timezone.localdate(form.submitted_at))
        names.setdefault(key, str(form.created_by))
    return names


def _key_dates(process, recorded, current):
    dates = [
        KeyDate(raw_text(field.label), recorded[field.code])
        for field in process.dates
        if field.code in recorded
    ]
    if current is not None and current.due is not None:
        label = raw_text(
            "send.case.due",
            due=raw_text(current.stage.deadline.label),
            stage=raw_text(current.stage.label),
        )
        dates.append(KeyDate(label, current.due, current.days_left))
    return dates


def sections_by_child(user, child_records):
    """{child record id: [Section]} of the ``child_records`` (ids or a queryset) ``user`` is
    authenticated on, newest involvement first, in a fixed number of queries however many
    children, involvements and dates there are."""
    today = timezone.localdate()
    found = []
    for involvement in open_involvements(user, child_records):
        process = definitions()[involvement.process]
        recorded = {row.code: row.date for row in involvement.dates.all()}
        exceptions = [
            RecordedException(row.reason, row.note) for row in involvement.exceptions.all()
        ]
        stages = timeline(process, recorded, today, exceptions)
        found.append((involvement, process, recorded, stages))
    requests = {
        (involvement.child_record_id, _request_date(process, recorded))
        for involvement, process, recorded, _stages in found
        if _request_date(process, recorded)
    }
    names = requesters(requests)
    council = raw_text("send.case.requester.council")
    nobody = raw_text("send.case.caseworker.none")
    result = {}
    for involvement, process, recorded, stages in found:
        current = current_stage(stages)
        request_date = _request_date(process, recorded)
        requester = names.get((involvement.child_record_id, request_date), council)
        caseworker = involvement.caseworker
        result.setdefault(involvement.child_record_id, []).append(
            Section(
                involvement=involvement,
                title=raw_text(process.title),
                stages=stages,
                current=current,
                key_dates=_key_dates(process, recorded, current),
                requester=requester if request_date else "",
                caseworker=str(caseworker) if caseworker else nobody,
            )
        )
    return result


def sections(user, child_record):
    """The dashboard's sections for ``child_record`` as ``user`` may see them, newest
    involvement first; [] when they are authenticated on none of them."""
    return sections_by_child(user, [child_record.pk]).get(child_record.pk, [])


def shared_forms(user, child_record):
    """The forms the council shared on ``child_record``'s case that ``user`` may read, newest
    decision first, each with its ``form_title`` (one query)."""
    return (
        shared_with(user)
        .filter(person__child_record=child_record)
        .select_related("version")
        .defer("version__schema")
        .annotate(form_title=KeyTransform("title", "version__schema"))
        .order_by("-decided_at", "-pk")
    )


def shared_forms_tile(user, child_record):
    """SEND's own tile: the forms shared on the case, listed further down the dashboard."""
    return Tile(
        title=raw_text("send.case.tile.shared_forms"),
        count=shared_forms(user, child_record).count(),
        url="#shared-forms",
        empty_text=raw_text("send.case.tile.shared_forms.empty"),
    )


def back_url(user, child_record):
    """Where the Back link of a page about ``child_record`` (its documents, its items to
    complete, a form shared on its case) leads: the child's dashboard while ``user`` may see
    it, else the SEND home."""
    if child_record is not None and access.may(user, "view", child_record, kind=KIND):
        return reverse("send:case", args=[child_record.pk])
    return reverse("send:home")


@dataclass(frozen=True)
class ChildCase:
    """A child on the SEND home: their record and the sections of their open involvements."""

    child: object  # records.ChildRecord
    sections: list


def cases_of(user):
    """Every child ``user`` is authenticated on, by name, each with its sections: the top of
    the SEND home. A fixed number of queries however many children."""
    children = list(access.scoped(user, KIND).order_by("surname", "forename", "pk"))
    by_child = sections_by_child(user, [child.pk for child in children])
    return [ChildCase(child, by_child.get(child.pk, [])) for child in children]
