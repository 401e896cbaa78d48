"""Texts of the SEND plugin: printing."""

from portal.plugins import TextDefault

TEXTS: list[TextDefault] = []
