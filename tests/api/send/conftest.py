"""The SEND API tests start from the SEND tests' own set-up."""

# The SEND tests' fixtures: a child's open case with a parent authenticated on it, a published
# form, the real clamd, and notices read as emails.
from tests.send.conftest import _notices_by_email, clamd  # noqa: F401
from tests.send.involvements.conftest import (  # noqa: F401
    authenticated,
    caseworker,
    child,
    involvement,
    parent,
    shared,
)
from tests.send.test_council_submissions import form  # noqa: F401
