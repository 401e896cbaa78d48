"""An incoming child matched in the browser (English admin; every portal page checked by axe).

A parent adds a child whose names she spells differently from the council's register and who
has moved house since the council last heard (the child lives with her, at her account's
address), and submits a form. The caseworker opens the matching queue, sees the child with the
right record first, its per-field explanation and the two addresses side by side; matches it,
takes the new address and keeps the council's spelling; and then approves the form, which the
casework gate allowed only once the child was matched."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from plugins.send.models import Submission
from plugins.send.models.submissions import Matching
from tests.e2e.test_send_casework_journeys import LANGUAGES, button, caseworker_decides
from tests.e2e.test_send_casework_journeys import parent_submits as submits_form
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place

WORDS = LANGUAGES["en"]
BORN = datetime.date(2015, 3, 8)


@pytest.fixture
def register(e2e_demo):
    """The council's record of Gwenllian Pritchard at her old address, and her brother at the
    same old address (same surname, another first name and date of birth)."""
    from plugins.matching import keys
    from records import services
    from records.models import Source

    old_home = services.Address.of("3 Old Road", "", "Demo Town", "DB2 2BB")
    records = {
        council_id: services.create_record(
            {
                "council_id": council_id,
                "forename": forename,
                "surname": "Pritchard",
                "date_of_birth": born,
            },
            Source.IMPORT,
            old_home,
        )
        for council_id, forename, born in (
            ("C-GWEN", "Gwenllian", BORN),
            ("C-DYLAN", "Dylan", datetime.date(2012, 9, 14)),
        )
    }
    keys.refresh([record.pk for record in records.values()])
    return records


@pytest.fixture
def form(e2e_demo):
    """A live form of one step with one question: the journey is about matching."""
    from plugins.send.builder import services as builder

    form = FormDefinitionFactory(title_en="Request for help", title_cy="Cais am help")
    group = GroupFactory(form=form, number=2, name_en="School", name_cy="Ysgol")
    place(
        group,
        QuestionFactory(
            code="MATCHING_SCHOOL", label_en="Your child's school", label_cy="Ysgol eich plentyn"
        ),
    )
    builder.publish(form)
    return form


@pytest.fixture
def caseworker(e2e_demo):
    """The demo caseworker, also on the matching team."""
    user = get_user_model().objects.get(email="caseworker@example.org")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="matching", codename="match_people")
    )
    return user


def parent_adds_child(portal, forename, surname):
    """The parent adds a child who lives with her, born on BORN; the child's portal person."""
    from plugins.send.models import PortalPerson

    page = portal.page
    portal.goto("/send/")
    portal.click(page.get_by_role("button", name="Add a child"))
    page.get_by_label("First name", exact=True).fill(forename)
    page.get_by_label("Last name", exact=True).fill(surname)
    page.get_by_label("Day").fill(str(BORN.day))
    page.get_by_label("Month").fill(str(BORN.month))
    page.get_by_label("Year").fill(str(BORN.year))
    page.get_by_label("Parent", exact=True).check()
    page.get_by_label("Yes", exact=True).check()
    button(portal, "Add child")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"You have added {forename} {surname}"
    )
    return PortalPerson.objects.get(forename=forename, surname=surname)


def test_a_misspelt_child_who_moved_is_matched_with_the_new_address_and_the_form_approved(
    portal, sign_in_as, register, form, caseworker
):
    page = portal.page
    parent = get_user_model().objects.get(email="parent@example.org")
    sign_in_as(parent, verified=True)
    child = parent_adds_child(portal, "Gwenlian", "Prichard")
    submission = submits_form(portal, WORDS, child, "Demo Primary")
    assert submission.matching_state == Matching.AWAITING

    sign_in_as(caseworker, verified=True)
    portal.goto("/admin/matching/")
    queue = page.locator("[data-matching-queue]")
    expect(queue).to_contain_text(submission.reference)
    portal.click(queue.get_by_role("link", name="Gwenlian Prichard"))

    incoming = page.locator("[data-incoming]")
    expect(incoming).to_contain_text("1 High Street, Demo Town, DB1 1AA")
    best = page.locator("[data-candidate]").first
    expect(best).to_have_attribute("data-candidate", "C-GWEN")
    explanation = best.locator("[data-explanation]")
    expect(explanation).to_contain_text("First name: similar (Jaro-Winkler")
    expect(explanation).to_contain_text("Last name: similar (Jaro-Winkler")
    expect(explanation).to_contain_text("Date of birth: same")
    expect(explanation).to_contain_text("Postcode: different, \u2212")
    address = best.locator('[data-conflict="address"]')
    expect(address).to_contain_text("3 Old Road, Demo Town, DB2 2BB")
    # Take the family's new address; the names keep the council's spelling (the default).
    address.get_by_label("Portal's value").check()
    expect(
        best.locator('[data-conflict="surname"]').get_by_label("Council's value")
    ).to_be_checked()
    portal.click(best.get_by_role("button", name="Match to this record"))
    expect(page.get_by_text("Matched to C-GWEN.")).to_be_visible()

    record = register["C-GWEN"]
    record.refresh_from_db()
    assert (record.forename, record.surname) == ("Gwenllian", "Pritchard")
    current = record.addresses.current().get()
    assert (current.line_1, current.postcode) == ("1 High Street", "DB1 1AA")
    assert record.sources["address"]["source"] == "portal"
    submission.refresh_from_db()
    assert submission.matching_state == Matching.MATCHED
    child.refresh_from_db()
    assert child.child_record == record

    caseworker_decides(portal, submission, "Approve", share="no")
    expect(page.get_by_text("Form approved. The applicant has been notified.")).to_be_visible()
    assert Submission.objects.get(pk=submission.pk).review_state == "approved"
