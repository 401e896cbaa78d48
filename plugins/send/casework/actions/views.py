"""The asked user's pages: "Items to complete for NAME" and starting an item, which opens
the form for the child in the filling flow. Every lookup asks ``portal.access``: another
user's action or a child they are not authenticated on gives 404."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from portal import access

from ...access import send_user_required
from ..case.services import back_url
from . import portal
from .access import ACTION, CHILD


@send_user_required
def items_to_complete(request, child):
    """The user's open actions for the child: form, due date, note, overdue, Start; Back
    leads to the child's dashboard."""
    child_record = access.get_or_404(request.user, CHILD, pk=child)
    return render(
        request,
        "send/actions/list.html",
        {
            "child": child_record,
            "actions": portal.open_actions(request.user, child_record),
            "back_url": back_url(request.user, child_record),
        },
    )


@require_POST
@send_user_required
def start(request, pk):
    """Open the action's form for its child: the user's draft, begun or continued."""
    action = access.get_or_404(request.user, ACTION, pk=pk)
    submission = portal.start(action, request.user)
    return redirect("send:submission", pk=submission.pk)
