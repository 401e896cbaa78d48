"""Who may see what in the SEND portal pages (DESIGN.md §5).

Every lookup is scoped by the user: an id that belongs to someone else gives 404, never 403,
so a foreign id tells nothing about whether it exists. Views never hand-roll these lookups.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render

from accounts.access import verification_redirect
from accounts.models import REJECTED, STAFF

from .models import PersonLink, PortalPerson, Submission


def people_for(user):
    """The user's links to people, hidden ones included, each with its person."""
    return PersonLink.objects.filter(user=user).select_related("person")


def link_for(user, pk):
    """The user's link to the person with id ``pk``, or 404."""
    try:
        return people_for(user).get(person_id=pk)
    except PersonLink.DoesNotExist:
        raise Http404 from None


def person_for(user, pk):
    """The person with id ``pk`` when the user is linked to them (even if hidden), or 404."""
    try:
        return PortalPerson.objects.filter(links__user=user).get(pk=pk)
    except PortalPerson.DoesNotExist:
        raise Http404 from None


def submission_for(user, pk):
    """The submission with id ``pk`` when the user started it, or 404."""
    try:
        return Submission.objects.select_related("person", "version").get(pk=pk, created_by=user)
    except Submission.DoesNotExist:
        raise Http404 from None


def is_staff_user(user):
    return user.is_staff or user.kind == STAFF


def refusal(request):
    """The response that stops this request from reaching a SEND portal page, or None.

    Signed out or without two-step verification: the accounts' sign-in and code steps.
    Council staff work in the admin, not the portal, so they are sent there. A professional
    sees children's information only once the council has verified their account.
    """
    response = verification_redirect(request)
    if response:
        return response
    user = request.user
    if is_staff_user(user):
        return redirect("wagtailadmin_home")
    if user.is_professional and not user.is_verified_professional:
        rejected = user.verification_state == REJECTED
        return render(request, "send/people/not_verified.html", {"rejected": rejected}, status=403)
    return None


def send_user_required(view):
    """Decorator for every SEND portal view: see :func:`refusal`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return refusal(request) or view(request, *args, **kwargs)

    return wrapped


class SendUserRequiredMixin:
    """Class-based view counterpart of :func:`send_user_required`."""

    def dispatch(self, request, *args, **kwargs):
        return refusal(request) or super().dispatch(request, *args, **kwargs)
