"""Shared set-up of the casework tests: a submitted form, its family, caseworkers with and
without the right to decide, and authenticating a user on a child's involvement."""

import pytest

from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import Involvement
from records.models import ChildRecord
from tests.conftest import sign_in_verified
from tests.send.factories import published_form
from tests.send.test_council_submissions import family, fill, staff


@pytest.fixture
def form():
    return published_form(
        groups=((2, False, 2),), title_en="Request for help", title_cy="Cais am help"
    )


@pytest.fixture
def link():
    return family(forename="Alex", surname="Morgan")


@pytest.fixture
def submitted(link, form):
    return fill(link, form)


def matched(submission):
    """Link the form's child to a child record, as matching would."""
    person = submission.person
    if person.child_record_id:
        return submission
    person.child_record = ChildRecord.objects.create(
        council_id=f"C{person.pk:05}",
        forename=person.forename,
        surname=person.surname,
        date_of_birth=person.date_of_birth,
    )
    person.save()
    return submission


def authenticated_on(child_record, user):
    """Authenticate ``user`` on the child's open involvement (opened for the child if it has
    none), through the council's own services; returns their portal sharing row."""
    caseworker = staff("access_admin", "manage_involvement", first_name="Cai", last_name="Case")
    involvement = Involvement.objects.open().filter(child_record=child_record).first()
    if involvement is None:
        involvement = services.open_involvement(
            child_record, "england_ehc_needs_assessment", caseworker, stage="assessment"
        )
    sharing = portal_sharing.add(involvement, user, caseworker, parental_responsibility=True)
    return portal_sharing.authenticate(sharing, caseworker, "Parent; identity checked by phone.")


@pytest.fixture
def decider():
    return staff(
        "access_admin",
        "view_submission",
        "decide_submission",
        first_name="Carys",
        last_name="Casework",
    )


@pytest.fixture
def deciding(client, decider):
    sign_in_verified(client, decider)
    client.user = decider
    return client
