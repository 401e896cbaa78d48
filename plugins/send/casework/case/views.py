"""The child's case dashboard on the portal: one page per child record, for the users
authenticated on one of its open involvements (``access`` "send.case"; anyone else gets 404)."""

from django.shortcuts import render

from portal import access

from ...access import send_user_required
from . import services
from .access import KIND
from .tiles import tiles_for


@send_user_required
def dashboard(request, pk):
    """The status diagram, key dates and caseworker of each open involvement (newest first),
    then the tiles and the forms shared on the case."""
    user = request.user
    child = access.get_or_404(user, KIND, pk=pk)
    context = {
        "child": child,
        "title": services.dashboard_title(),
        "sections": services.sections(user, child),
        "tiles": tiles_for(user, child),
        "shared": services.shared_forms(user, child),
    }
    return render(request, "send/case/dashboard.html", context)
