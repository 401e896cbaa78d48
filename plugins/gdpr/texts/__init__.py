"""The GDPR plugin's texts, one module per part."""

from . import admin, citizen

TEXTS = [*citizen.TEXTS, *admin.TEXTS]
