"""The SEND plugin's texts, one module per part of the service."""

from . import forms, journey, people, printing, review, uploads

TEXTS = [
    *forms.TEXTS,
    *journey.TEXTS,
    *people.TEXTS,
    *uploads.TEXTS,
    *printing.TEXTS,
    *review.TEXTS,
]
