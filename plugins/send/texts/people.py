"""Texts of the SEND plugin: people."""

from portal.plugins import TextDefault

TEXTS: list[TextDefault] = []
