"""Shared set-up of the actions tests: the involvement tests' child, caseworker and parent
authenticated on the child's EHC needs assessment, a published form, and the caseworker's
ask of the parent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.send.casework.actions import services
from tests.send.factories import published_form
from tests.send.involvements import conftest as on_the_case

# The involvement tests' fixtures, shared rather than copied.
caseworker = on_the_case.caseworker
managing = on_the_case.managing
child = on_the_case.child
involvement = on_the_case.involvement
parent = on_the_case.parent
shared = on_the_case.shared
authenticated = on_the_case.authenticated


@pytest.fixture
def form(db):
    return published_form(title_en="Parental preference", title_cy="Dewis y rhiant")


def ask(involvement, user, form, caseworker, days=14, **kwargs):
    return services.ask(
        involvement,
        user,
        form,
        timezone.localdate() + timedelta(days=days),
        caseworker,
        **kwargs,
    )


@pytest.fixture
def action(authenticated, form, caseworker):
    return ask(
        authenticated.involvement,
        authenticated.user,
        form,
        caseworker,
        note="Tell us which school you prefer.",
    )
