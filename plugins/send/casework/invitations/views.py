"""The invited person's pages: "Invitations awaiting approval" (the code from the email, and
the invitations waiting for the SEND team) and the invitation itself, a tick box per child.
Every rule is in ``services``; a code that is not one of the user's own gives 404."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.texts import raw_text

from ...access import send_user_required
from . import services
from .forms import ChildrenForm, CodeForm


def posted(request):
    # An empty POST (no box ticked) is still a submission to validate.
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@send_user_required
def invitations(request):
    """The code from the email (for a person who did not follow its link), and the
    invitations the person accepted that wait for the SEND team."""
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        invitation = services.find_own(request.user, form.cleaned_data["code"])
        if invitation is not None:
            return redirect("send:invitation", code=invitation.code)
        form.add_error("code", raw_text("send.invitations.unknown_code"))
    return render(
        request,
        "send/invitations/list.html",
        {"form": form, "awaiting": services.awaiting_approval(request.user)},
    )


@require_http_methods(["GET", "POST"])
@send_user_required
def invitation(request, code):
    """The invitation the email's link opens: the person ticks the children they are the
    parent or carer of."""
    found = services.find_own(request.user, code)
    if found is None:
        raise Http404
    refused = services.refusal(found, services.ACCEPT)
    form = ChildrenForm(posted(request), invitation=found)
    if request.method == "POST" and refused is None and form.is_valid():
        try:
            services.accept(found, request.user, form.cleaned_data["children"], request=request)
        except services.NotAllowed as refusal:
            form.add_error(None, refusal.reason)
        else:
            return redirect("send:invitations")
    return render(
        request,
        "send/invitations/invitation.html",
        {"invitation": found, "form": form, "refused": refused},
    )
