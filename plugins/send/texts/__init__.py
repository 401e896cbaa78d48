"""The SEND plugin's texts, one module per part of the service."""

from ..casework.process import texts as process
from . import case, details, forms, involvements, journey, people, printing, review, uploads

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
    *case.TEXTS,
]
