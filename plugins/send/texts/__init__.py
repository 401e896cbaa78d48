"""The SEND plugin's texts, one module per part of the service."""

from . import forms, people, printing, uploads

TEXTS = [*forms.TEXTS, *people.TEXTS, *uploads.TEXTS, *printing.TEXTS]
