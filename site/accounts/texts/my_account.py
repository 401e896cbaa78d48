"""Texts of the my_account journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
