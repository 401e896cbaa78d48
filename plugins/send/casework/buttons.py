"""The decision buttons of a submitted form's admin page: each enabled, or shown disabled with
the reason ``review`` gives (e.g. "Match the child first."), so staff see why."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import access
from portal.plugins import service_providers

from ..models.submissions import Matching
from . import review

LABELS = {
    review.APPROVE: _("Approve"),
    review.REJECT: _("Reject"),
    review.MORE_INFORMATION: _("Request more information"),
}
URL_NAMES = {
    review.APPROVE: "send_submission_approve",
    review.REJECT: "send_submission_reject",
    review.MORE_INFORMATION: "send_submission_more_information",
}


def matching_label():
    """ "Accept as a new child record" while no matching plugin is installed (the fallback
    does exactly that), "Resubmit to matching" once one is."""
    if service_providers("match"):
        return _("Resubmit to matching")
    return _("Accept as a new child record")


def decision_buttons(submission, user):
    """The buttons for ``user`` on ``submission``'s page; none for staff who may not decide."""
    if not access.may(user, "decide", submission):
        return {"decisions": [], "matching": None}
    decisions = [
        {
            "label": LABELS[decision],
            "url": reverse(URL_NAMES[decision], args=[submission.pk]),
            "refusal": review.refusal(submission, decision),
        }
        for decision in review.DECISIONS
    ]
    matching = None
    if submission.matching_state != Matching.MATCHED:
        matching = {
            "label": matching_label(),
            "url": reverse("send_submission_matching", args=[submission.pk]),
        }
    return {"decisions": decisions, "matching": matching}
