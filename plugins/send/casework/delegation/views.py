"""The professional's delegation pages: the landing page with its four lists, a task (the
header naming the child and who sent it, then the form through the filling pages), Pick up,
Re-assign, counter-signing, Submit contribution and the automatic reply. Every lookup asks
``portal.access``: a task outside the user's work groups gives 404. Every rule is in
``services``; these views ask it."""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.texts import raw_text
from portal import access

from ...access import send_user_required
from ...filling import services as filling
from ...models import AutomaticReply
from . import groups, portal, services
from .access import TASK
from .forms import AutomaticReplyForm


def professional_required(view):
    """The delegation pages are for verified professionals (``send_user_required`` has
    already turned away the unverified); anyone else finds nothing here."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_verified_professional:
            raise Http404
        return view(request, *args, **kwargs)

    return send_user_required(wrapped)


@professional_required
def tasks(request):
    """Currently assigned, the work groups' trays with Pick up, recently retracted and recently
    submitted (the last PORTAL_DELEGATION_RECENT_DAYS days)."""
    user = request.user
    return render(
        request,
        "send/delegation/tasks.html",
        {
            "assigned": portal.assigned_to(user),
            "tray": portal.group_tray(user),
            "retracted": portal.recently_retracted(user),
            "submitted": portal.recently_submitted(user),
        },
    )


def _task(request, pk):
    return access.get_or_404(
        request.user,
        TASK,
        access.scoped(request.user, TASK).select_related(
            "involvement__child_record", "form__live_version", "created_by", "work_group"
        ),
        pk=pk,
    )


@professional_required
def task(request, pk):
    """The task's page: the header, its state, and what the user may do with it now."""
    task = _task(request, pk)
    holds = task.is_open and task.holder_id == request.user.pk
    return render(
        request,
        "send/delegation/task.html",
        {
            "task": task,
            "holds": holds,
            "draft": portal.is_draft(task),
            "may_submit": holds and services.allows(task, services.SUBMIT),
            "may_countersign": holds and services.allows(task, services.COUNTERSIGN),
            "may_reassign": holds
            and services.allows(task, services.REASSIGN)
            and groups.reassignable(request.user).exists(),
        },
    )


def _refused(request, refusal, pk):
    messages.error(request, refusal.reason)
    return redirect("send:task", pk=pk)


@require_POST
@professional_required
def pick_up(request, pk):
    """Take a task from the work group's tray; whoever was quicker keeps it."""
    task = _task(request, pk)
    try:
        services.pick_up(task, request.user)
    except services.NotAllowed as refusal:
        messages.error(request, refusal.reason)
        return redirect("send:tasks")
    messages.success(request, raw_text("send.tasks.picked_up"))
    return redirect("send:task", pk=task.pk)


@require_POST
@professional_required
def open_form(request, pk):
    """The task's form, started on first opening, in the filling pages."""
    task = _task(request, pk)
    if not access.may(request.user, "edit", task):
        raise Http404
    submission = portal.contribution(task, request.user)
    return redirect("send:submission", pk=submission.pk)


@professional_required
def reassign(request, pk):
    """Users within the work groups you manage (Select user), and the managers who may
    counter-sign (Ask to counter-sign)."""
    task = _task(request, pk)
    if not access.may(request.user, "reassign", task):
        raise Http404
    if request.method == "POST":
        counter_sign = request.POST.get("countersign") == "yes"
        choices = (groups.counter_signatories if counter_sign else groups.reassignable)(
            request.user
        )
        chosen = get_object_or_404(choices, pk=request.POST.get("user"))
        change = services.request_countersignature if counter_sign else services.reassign
        try:
            change(task, request.user, chosen, request=request)
        except services.NotAllowed as refusal:
            return _refused(request, refusal, task.pk)
        messages.success(
            request, raw_text("send.tasks.reassigned", name=chosen.get_full_name() or chosen.email)
        )
        return redirect("send:tasks")
    return render(
        request,
        "send/delegation/reassign.html",
        {
            "task": task,
            "users": groups.reassignable(request.user),
            "managers": groups.counter_signatories(request.user)
            if services.allows(task, services.REQUEST_COUNTERSIGNATURE)
            else [],
        },
    )


@require_POST
@professional_required
def countersign(request, pk):
    task = _task(request, pk)
    if not access.may(request.user, "countersign", task):
        raise Http404
    try:
        services.countersign(task, request.user, request=request)
    except services.NotAllowed as refusal:
        return _refused(request, refusal, task.pk)
    messages.success(request, raw_text("send.tasks.countersigned"))
    return redirect("send:task", pk=task.pk)


@require_POST
@professional_required
def submit(request, pk):
    """Submit contribution: the form must be complete."""
    task = _task(request, pk)
    if not access.may(request.user, "submit", task):
        raise Http404
    try:
        services.submit(task, request.user, request=request)
    except services.NotAllowed as refusal:
        return _refused(request, refusal, task.pk)
    except filling.Incomplete:
        messages.error(request, raw_text("send.tasks.incomplete"))
        return redirect("send:task", pk=task.pk)
    messages.success(request, raw_text("send.tasks.submitted"))
    return redirect("send:tasks")


@professional_required
def automatic_reply(request):
    """The professional's automatic reply: on/off, the message the SEND team reads before
    assigning them a task (who to send it to instead), optional dates. Not linked to email."""
    reply = AutomaticReply.objects.filter(user=request.user).first() or AutomaticReply(
        user=request.user
    )
    form = AutomaticReplyForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, raw_text("send.reply.saved"))
        return redirect("send:tasks")
    return render(request, "send/delegation/automatic_reply.html", {"form": form})
