"""Texts of the invitations journey."""

from portal.plugins import TextDefault  # noqa: F401

TEXTS = []
