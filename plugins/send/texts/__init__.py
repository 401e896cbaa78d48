"""The SEND plugin's texts, one module per part of the service."""

from ..casework.process import texts as process
from . import (
    actions,
    case,
    delegation,
    details,
    documents,
    forms,
    invitations,
    involvements,
    journey,
    people,
    printing,
    reminders,
    review,
    uploads,
)

TEXTS = [
    *details.TEXTS,
    *forms.TEXTS,
    *journey.TEXTS,
    *people.TEXTS,
    *uploads.TEXTS,
    *printing.TEXTS,
    *review.TEXTS,
    *process.TEXTS,
    *involvements.TEXTS,
    *documents.TEXTS,
    *reminders.TEXTS,
    *actions.TEXTS,
    *case.TEXTS,
    *invitations.TEXTS,
    *delegation.TEXTS,
]
