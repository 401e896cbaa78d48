"""The professional's side of delegated tasks: the four lists of the delegation page, the
tasks they may open, and the contribution: the one copy of the task's form, started by the
first holder to open the task and passed on with it, so whoever holds the task next carries
on with the same answers and files."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from ...builder.schema import FormSchema
from ...filling import services as filling
from ...models import Answer, AutomaticReply, DelegatedTask, PortalPerson, Submission
from ...models.submissions import Status
from .groups import groups_of

State = DelegatedTask.State


def _since():
    return timezone.now() - timedelta(days=settings.PORTAL_DELEGATION_RECENT_DAYS)


def _listed(tasks):
    """Each task with its form's title (both languages) and its child, in one query."""
    return tasks.select_related("involvement__child_record", "work_group", "contribution").annotate(
        form_title=KeyTransform("title", "form__live_version__schema")
    )


def assigned_to(user):
    """Currently assigned: the open tasks ``user`` holds, soonest due first."""
    return _listed(DelegatedTask.objects.open().filter(holder=user)).order_by("due_on", "pk")


def group_tray(user):
    """Tasks waiting in the trays of the work groups ``user`` is in, for one of them to
    pick up."""
    return _listed(
        DelegatedTask.objects.filter(state=State.GROUP, work_group__in=groups_of(user))
    ).order_by("due_on", "pk")


def recently_retracted(user):
    """Tasks retracted within the last days (PORTAL_DELEGATION_RECENT_DAYS) that ``user``
    held, or that were in their group's tray."""
    return _listed(
        DelegatedTask.objects.filter(
            Q(holder=user) | Q(holder__isnull=True, work_group__in=groups_of(user)),
            state=State.RETRACTED,
            closed_at__gte=_since(),
        )
    ).order_by("-closed_at", "-pk")


def _submitted_by_or_with(user):
    return Q(holder=user) | Q(author=user) | Q(counter_signatory=user)


def recently_submitted(user):
    """Tasks submitted within the last days that ``user`` wrote, counter-signed or sent."""
    return _listed(
        DelegatedTask.objects.filter(
            _submitted_by_or_with(user), state=State.SUBMITTED, closed_at__gte=_since()
        )
    ).order_by("-closed_at", "-pk")


def visible_tasks(user):
    """Every task ``user`` may open on the portal: those they hold, those in their groups'
    trays, and their recently submitted and retracted ones (a professional outside the
    group gets 404)."""
    since = _since()
    return DelegatedTask.objects.filter(
        (Q(state__in=DelegatedTask.OPEN_STATES) & Q(holder=user))
        | Q(state=State.GROUP, work_group__in=groups_of(user))
        | (Q(state=State.SUBMITTED, closed_at__gte=since) & _submitted_by_or_with(user))
        | Q(
            Q(holder=user) | Q(holder__isnull=True, work_group__in=groups_of(user)),
            state=State.RETRACTED,
            closed_at__gte=since,
        )
    )


def contributions_for(user):
    """The contributions ``user`` may fill in (the open tasks they hold) or read and print
    (their recently submitted ones), for the submission access rules."""
    since = _since()
    tasks = DelegatedTask.objects.filter(
        (Q(state__in=DelegatedTask.OPEN_STATES) & Q(holder=user))
        | (Q(state=State.SUBMITTED, closed_at__gte=since) & _submitted_by_or_with(user))
    )
    return Submission.objects.filter(pk__in=tasks.values("contribution"))


def task_of(submission):
    """The delegated task ``submission`` is the contribution to, or None. The portal's
    submission lookups bring it along (``plugins.send.access``), so this asks no query."""
    try:
        return submission.delegated_task
    except DelegatedTask.DoesNotExist:
        return None


def contribution(task, user):
    """The task's form for its holder ``user``: started from the child's record on first
    opening (with the council's pre-filled answers), then the same copy for every holder."""
    with transaction.atomic():
        task = (
            DelegatedTask.objects.select_for_update(of=("self",))
            .select_related("involvement__child_record", "form__live_version", "contribution")
            .get(pk=task.pk)
        )
        if task.contribution is not None:
            return task.contribution
        record = task.involvement.child_record
        # The child as the council's register has them: no portal user declared this person,
        # so nobody's list of people shows it.
        person = PortalPerson.objects.create(
            forename=record.forename,
            middle_names=record.middle_names,
            surname=record.surname,
            date_of_birth=record.date_of_birth,
            child_record=record,
            created_by=user,
        )
        submission = filling.start(user, person, task.form)
        _prefill(submission, task.prefilled)
        task.contribution = submission
        task.save(update_fields=["contribution"])
    return submission


def _prefill(submission, answers):
    """The council's answers, marked pre-filled like the portal's own (``filling.prefill``),
    over any the form took from earlier forms."""
    schema_groups = {
        question.code: group.number
        for group in FormSchema(submission.version.schema).groups
        if not group.repeating
        for question in group.questions
    }
    for code, value in answers.items():
        if code not in schema_groups or value in (None, ""):
            continue
        Answer.objects.update_or_create(
            submission=submission,
            repeat_index=0,
            question_code=code,
            defaults={"group_number": schema_groups[code], "value": value, "prefilled": True},
        )


def is_draft(task):
    return task.contribution is not None and task.contribution.status == Status.DRAFT


def automatic_reply_of(user, today=None):
    """``user``'s automatic reply when it is on today, for the SEND team to read before
    assigning them a task; None otherwise."""
    reply = AutomaticReply.objects.filter(user=user).first()
    return reply if reply is not None and reply.showing(today) else None
