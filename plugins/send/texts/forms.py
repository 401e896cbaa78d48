"""Texts of the SEND plugin: forms."""

from portal.plugins import TextDefault

TEXTS: list[TextDefault] = []
