"""Texts of the sign_in journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
