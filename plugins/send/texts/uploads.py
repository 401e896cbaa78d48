"""Texts of the SEND plugin: uploads."""

from portal.plugins import TextDefault

TEXTS: list[TextDefault] = []
