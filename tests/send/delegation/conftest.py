"""Shared set-up of the delegation tests: the involvement tests' child and open EHC needs
assessment, a caseworker who delegates, a published advice form, and Oak Primary's SEN work
group: Sian the SENCO (a member and a manager), Huw the head teacher (a manager, for
oversight), Tomos a teaching assistant (a member) and Olwen, a professional at another
school outside the group."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.casework.delegation import portal, services
from plugins.send.filling import professionals
from plugins.send.filling import services as filling
from plugins.send.models import WorkGroup
from tests.factories import UserFactory
from tests.send.factories import published_form
from tests.send.involvements import conftest as on_the_case
from tests.send.test_council_submissions import staff

child = on_the_case.child


@pytest.fixture
def caseworker(db):
    return staff(
        "access_admin",
        "manage_involvement",
        "manage_delegation",
        "view_submission",
        first_name="Cai",
        last_name="Caseworker",
    )


@pytest.fixture
def involvement(child, caseworker):
    return on_the_case.services.open_involvement(
        child, "england_ehc_needs_assessment", caseworker, stage="assessment", caseworker=caseworker
    )


def professional(first_name, last_name, email):
    return UserFactory(
        first_name=first_name,
        last_name=last_name,
        email=email,
        kind="professional",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )


@pytest.fixture
def senco(db):
    return professional("Sian", "Senco", "senco@oak.example.org")


@pytest.fixture
def head(db):
    return professional("Huw", "Head", "head@oak.example.org")


@pytest.fixture
def assistant(db):
    return professional("Tomos", "Assistant", "ta@oak.example.org")


@pytest.fixture
def outsider(db):
    return professional("Olwen", "Other", "olwen@elm.example.org")


@pytest.fixture
def school(senco, head, assistant):
    group = WorkGroup.objects.create(name="SEN team", organisation="Oak Primary School")
    group.members.add(senco, assistant)
    group.managers.add(senco, head)
    return group


@pytest.fixture
def form(db):
    return published_form(title_en="Advice request response", title_cy="Ymateb i gais am gyngor")


def delegate(involvement, form, caseworker, days=21, **kwargs):
    return services.delegate(
        involvement, form, timezone.localdate() + timedelta(days=days), caseworker, **kwargs
    )


@pytest.fixture
def group_task(involvement, form, caseworker, school):
    return delegate(
        involvement, form, caseworker, work_group=school, comments="Please give your advice."
    )


@pytest.fixture
def picked_up(group_task, senco):
    return services.pick_up(group_task, senco)


def complete(task, user):
    """``user`` fills in every step of the task's form, as the filling pages would."""
    submission = portal.contribution(task, user)
    filling.confirm_subject(submission, user)
    submission.refresh_from_db()
    if not submission.professional_name:
        professionals.confirm_professional(
            submission, user, user.get_full_name(), "SENCO", "Oak Primary School"
        )
    for group in FormSchema(submission.version.schema).groups:
        submission.refresh_from_db()
        answers = {(0, q.code): "Reads well with support" for q in group.questions}
        filling.save_step(submission, group, answers, 1, submission.revision, user)
    return submission
