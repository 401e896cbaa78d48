"""The portal side of invitations: the emailed link, the page to type a code, and the
confirmation. The rules live in accounts.invitations."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from portal import access
from portal.access import NOT_AN_ID, public, route

from ..forms_invitations import InvitationCodeForm


@require_http_methods(["GET", "POST"])
def accept(request, code=""):
    if not request.user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        return render(
            request,
            "accounts/invitations/signed_out.html",
            {
                "sign_in_url": f"{reverse('accounts:sign_in')}?{query}",
                "register_url": f"{reverse('accounts:register')}?{query}",
            },
        )
    if request.method == "POST":
        form = InvitationCodeForm(request.POST, user=request.user)
        if form.is_valid():
            return redirect("accounts:invitation_accepted", pk=form.invitation.pk)
    else:
        form = InvitationCodeForm(initial={"code": code}, user=request.user)
    return render(request, "accounts/invitations/accept.html", {"form": form})


@login_required
def accepted(request, pk):
    invitation = access.get_or_404(request.user, "accounts.invitation", pk=pk)
    return render(request, "accounts/invitations/accepted.html", {"invitation": invitation})


urlpatterns = [
    # Signed out, the invitation pages say to sign in or register first.
    public(path("invitation/", accept, name="invitation_code")),
    route(
        path("invitation/accepted/<int:pk>/", accepted, name="invitation_accepted"),
        pk="accounts.invitation",
    ),
    # The code is the secret a recipient types in, not an id to look up.
    public(route(path("invitation/<str:code>/", accept, name="invitation"), code=NOT_AN_ID)),
]
