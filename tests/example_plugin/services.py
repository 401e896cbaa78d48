"""A service only the tests know: the example plugin declares and provides it, so the tests can
exercise declaration, lookup and the checks without touching the portal's real services."""

from typing import Protocol


class Greeting(Protocol):
    def __call__(self, name: str) -> str: ...


def greet(name):
    return f"Hello {name}"


def greet_plainly(name):
    """The fallback, when no installed app provides ``greet``."""
    return name
