"""The address as matching sees it: the family's address (the account address of a parent the
child lives with) is scored by its lines, town and postcode (Scoring), shown against
the register's current address, settled as a conflict (taking the portal's moves the child,
the council's address kept as history) and a move after matching puts the child back in the
queue."""

import datetime

import pytest
from django.urls import reverse

from plugins.matching import decisions
from plugins.matching.models import MatchRequest
from plugins.matching.services import candidates_for
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import PersonLinkFactory, published_form
from tests.send.test_council_submissions import fill

pytestmark = pytest.mark.django_db

BORN = datetime.date(2014, 11, 20)
SIANS_HOME = ("4 Heol y Bont", "", "Abertawe", "SA1 1AA")


def family(address, lives_with_user=True, forename="Sian"):
    line_1, line_2, town, postcode = address
    parent = UserFactory(address_line_1=line_1, address_line_2=line_2, town=town, postcode=postcode)
    return PersonLinkFactory(
        user=parent,
        lives_with_user=lives_with_user,
        person__forename=forename,
        person__surname="Jones",
        person__date_of_birth=BORN,
    )


def submitted(link, capture, form=None):
    with capture(execute=True):
        fill(link, form or published_form())
    return MatchRequest.objects.filter(person_id=link.person_id).latest("pk")


def fields_in_conflict(request, record):
    return {field for field, *_values in decisions.conflicts(request, record)}


def postcode_line(request):
    [best] = candidates_for(request, top=1)
    return next(line for line in best.explanation if line.startswith("Postcode"))


def test_the_family_address_comes_with_the_child_into_the_queue(
    register, django_capture_on_commit_callbacks
):
    link = family(("12 Ffordd Newydd", "Flat 2", "Abertawe", "sa1 2bb"))
    request = submitted(link, django_capture_on_commit_callbacks)
    assert (request.address_line_1, request.address_line_2) == ("12 Ffordd Newydd", "Flat 2")
    assert (request.town, request.postcode) == ("Abertawe", "SA1 2BB")


def test_a_child_who_does_not_live_with_the_parent_comes_without_an_address(
    register, django_capture_on_commit_callbacks
):
    link = family(("12 Ffordd Newydd", "", "Abertawe", "SA1 2BB"), lives_with_user=False)
    request = submitted(link, django_capture_on_commit_callbacks)
    assert request.address is None
    assert fields_in_conflict(request, register["sian"]) == {"forename"}


def test_a_postcode_that_is_not_a_postcode_is_left_out(
    register, django_capture_on_commit_callbacks
):
    link = family(("12 Ffordd Newydd", "", "Abertawe", "NOT A CODE"))
    request = submitted(link, django_capture_on_commit_callbacks)
    assert request.address is None


@pytest.mark.parametrize(
    ("postcode", "level"),
    [
        ("SA1 1AA", "Postcode: same, +"),
        ("SA1 2BB", "Postcode: same outward code, +"),
        ("CF10 1AA", "Postcode: different, \u2212"),
    ],
    ids=["same postcode", "moved nearby", "moved away"],
)
def test_the_postcode_is_scored_same_same_outward_code_or_different(
    register, django_capture_on_commit_callbacks, postcode, level
):
    link = family(("12 Ffordd Newydd", "", "Abertawe", postcode))
    request = submitted(link, django_capture_on_commit_callbacks)
    assert postcode_line(request).startswith(level)


def test_the_same_address_is_no_conflict(register, django_capture_on_commit_callbacks):
    request = submitted(family(SIANS_HOME), django_capture_on_commit_callbacks)
    assert fields_in_conflict(request, register["sian"]) == {"forename"}  # Siân, not Sian


def test_a_child_who_moved_takes_the_new_address_and_the_old_one_becomes_history(
    register, matcher, django_capture_on_commit_callbacks
):
    link = family(("12 Ffordd Newydd", "", "Abertawe", "SA1 2BB"))
    request = submitted(link, django_capture_on_commit_callbacks)
    record = register["sian"]
    assert decisions.conflicts(request, record) == [
        ("forename", "Sian", "Siân"),
        ("address", "12 Ffordd Newydd, Abertawe, SA1 2BB", "4 Heol y Bont, Abertawe, SA1 1AA"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(request, record, matcher, take_portal=["address"])
    record.refresh_from_db()
    request.refresh_from_db()
    [new, old] = record.addresses.all()
    assert (new.line_1, new.postcode, new.valid_to) == ("12 Ffordd Newydd", "SA1 2BB", None)
    assert (old.line_1, old.valid_to) == ("4 Heol y Bont", new.valid_from)
    assert record.sources["address"]["source"] == "portal"
    assert record.forename == "Siân" and record.sources["forename"]["source"] == "import"
    assert request.settled == {"forename": "council", "address": "portal"}


def test_keeping_the_councils_address_leaves_the_register_as_it_was(
    register, matcher, django_capture_on_commit_callbacks
):
    request = submitted(
        family(("12 Ffordd Newydd", "", "Abertawe", "SA1 2BB")),
        django_capture_on_commit_callbacks,
    )
    record = register["sian"]
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(request, record, matcher)
    [only] = record.addresses.all()
    assert only.line_1 == "4 Heol y Bont" and only.valid_to is None
    request.refresh_from_db()
    assert request.settled["address"] == "council"


def test_a_matched_child_who_moves_enters_the_queue_again(
    register, matcher, django_capture_on_commit_callbacks
):
    link = family(SIANS_HOME)
    request = submitted(link, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.match(request, register["sian"], matcher)
    assert submitted(link, django_capture_on_commit_callbacks) == request

    parent = link.user
    parent.address_line_1, parent.postcode = "7 Stryd y Castell", "SA1 3CC"
    parent.save()
    again = submitted(link, django_capture_on_commit_callbacks)
    assert again != request and again.state == MatchRequest.State.WAITING
    assert again.postcode == "SA1 3CC"


def test_the_incoming_child_page_shows_both_addresses_and_takes_the_portals(
    client, register, matcher, django_capture_on_commit_callbacks
):
    request = submitted(
        family(("12 Ffordd Newydd", "", "Abertawe", "SA1 2BB")),
        django_capture_on_commit_callbacks,
    )
    record = register["sian"]
    sign_in_verified(client, matcher)
    page = client.get(reverse("matching_request", args=[request.pk])).content.decode()
    assert 'data-conflict="address"' in page
    assert "12 Ffordd Newydd, Abertawe, SA1 2BB" in page
    assert "4 Heol y Bont, Abertawe, SA1 1AA" in page
    client.post(
        reverse("matching_request", args=[request.pk]),
        {"decision": "match", "record": record.pk, "take_address": "portal"},
    )
    assert record.addresses.current().get().line_1 == "12 Ffordd Newydd"
