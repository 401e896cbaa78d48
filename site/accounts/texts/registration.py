"""Texts of the registration journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
