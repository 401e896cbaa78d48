"""Texts of the credentials journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
