"""Texts of the session journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
