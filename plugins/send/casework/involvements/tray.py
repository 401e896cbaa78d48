"""What the caseworker's tray and the admin dashboard show of the open involvements: each with
its stage, its next deadline (``deadlines.next_deadline`` of the computed timeline) and the
information overdue on it.

Deadlines are computed in Python from prefetched dates and exceptions, so a tray of any length
costs the same few queries."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from ...models import InvolvementDate, InvolvementException
from ..process import deadlines
from . import statutory

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class TrayRow:
    involvement: object
    process_label: str
    stage_label: str
    deadline: deadlines.StageTimeline | None
    information_overdue: int

    @property
    def deadline_overdue(self):
        return bool(self.deadline and self.deadline.days_overdue)

    @property
    def is_overdue(self):
        """A deadline passed or information asked for not arrived in time."""
        return self.deadline_overdue or self.information_overdue > 0


def with_deadline_data(involvements, today):
    """``involvements`` with what the rows need: the child, the caseworker, the key dates and
    exceptions prefetched and the count of information overdue."""
    overdue = Q(
        information_requests__received_on__isnull=True,
        information_requests__due_on__lt=today,
    )
    return (
        involvements.select_related("child_record", "caseworker")
        .prefetch_related(
            Prefetch("dates", queryset=InvolvementDate.objects.order_by()),
            Prefetch("exceptions", queryset=InvolvementException.objects.order_by()),
        )
        .annotate(information_overdue=Count("information_requests", filter=overdue))
    )


def tray_rows(involvements, today=None):
    """A row per involvement (in the queryset's order)."""
    today = today or timezone.localdate()
    return [
        TrayRow(
            involvement=involvement,
            process_label=statutory.process_label(involvement.process),
            stage_label=statutory.stage_label(involvement.process, involvement.stage),
            deadline=deadlines.next_deadline(statutory.case_timeline(involvement, today)),
            information_overdue=involvement.information_overdue,
        )
        for involvement in with_deadline_data(involvements, today)
    ]


def by_next_deadline(rows):
    """Soonest (most overdue) first; involvements without a deadline last."""
    return sorted(rows, key=lambda row: (row.deadline is None, row.deadline and row.deadline.due))


def deadlines_to_watch(involvements, today=None, days=DUE_SOON_DAYS):
    """The rows whose next deadline has passed (``overdue``) or falls within ``days``
    (``due_soon``), soonest first."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=days)
    rows = by_next_deadline(r for r in tray_rows(involvements, today) if r.deadline)
    return {
        "overdue": [row for row in rows if row.deadline.due < today],
        "due_soon": [row for row in rows if today <= row.deadline.due <= soon],
    }
