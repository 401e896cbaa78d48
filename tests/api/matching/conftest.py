"""The matching API tests start from the matching tests' own set-up: a small register and a
member of the matching team who decides."""

from tests.matching.conftest import matcher, register  # noqa: F401
