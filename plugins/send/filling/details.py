"""The pages around a form's own steps: a professional confirms who they are before the task
list, a parent corrects the child's details from "Subject details", and starting a form
already sent for the same child asks "Are you sure?" first.

Every lookup goes through the access registry (``portal.access``): another family's ids give 404."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone

from portal import access

from ..access import send_user_required
from ..builder.schema import FormSchema
from ..models.submissions import Status
from ..people import services as people
from ..people.forms import CorrectChildForm
from . import professionals
from .forms import ProfessionalDetailsForm


def _draft(request, pk):
    submission = access.get_or_404(request.user, "send.submission", pk=pk)
    if submission.status != Status.DRAFT:
        raise Http404
    return submission


@send_user_required
def professional(request, pk):
    """Before the task list: a professional confirms their name, role and organisation,
    offered from their account; they are stored with the form."""
    submission = _draft(request, pk)
    if not request.user.is_professional:
        raise Http404
    form = ProfessionalDetailsForm(
        request.POST or None, initial=professionals.professional_details(submission)
    )
    if request.method == "POST" and form.is_valid():
        professionals.confirm_professional(submission, request.user, **form.cleaned_data)
        return redirect("send:submission", pk=submission.pk)
    return render(
        request,
        "send/filling/professional.html",
        {
            "submission": submission,
            "schema": FormSchema(submission.version.schema),
            "form": form,
            "back_url": reverse("send:person", args=[submission.person_id]),
        },
    )


def correction_link(user, submission):
    """The user's link to the form's child when they may still correct the child's details.
    A delegated task's child comes from the council's register, linked to nobody: no link."""
    link = access.scoped(user, "send.person_link").filter(person_id=submission.person_id).first()
    return link if link is not None and people.may_correct(link) else None


@send_user_required
def correct_child(request, pk):
    """A parent corrects the child's names and date of birth, until the council has matched
    the child to its records; then back to "Subject details"."""
    submission = _draft(request, pk)
    link = correction_link(request.user, submission)
    if link is None:
        raise Http404
    person = link.person
    initial = {
        "forename": person.forename,
        "middle_names": person.middle_names,
        "surname": person.surname,
        "date_of_birth": person.date_of_birth,
    }
    form = CorrectChildForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            people.correct_child(link, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("send:subject", pk=submission.pk)
    return render(
        request,
        "send/filling/correct_child.html",
        {
            "submission": submission,
            "schema": FormSchema(submission.version.schema),
            "form": form,
            "person": person,
            "back_url": reverse("send:subject", args=[submission.pk]),
        },
    )


def confirm_start_again(request, link, form, earlier):
    """The "Are you sure?" page before a second copy of a form already sent for the child."""
    return render(
        request,
        "send/filling/start_again.html",
        {
            "form_definition": form,
            "title": FormSchema(form.live_version.schema).title,
            "person": link.person,
            "sent_on": formats.date_format(timezone.localtime(earlier.submitted_at), "j F Y"),
            "back_url": reverse("send:person", args=[link.person_id]),
        },
    )
