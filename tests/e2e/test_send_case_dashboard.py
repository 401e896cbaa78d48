"""The child's case dashboard in the browser, in English and in Welsh, axe on every portal page.

Staff authenticate a parent on the child's EHC needs assessment with a reason, through the
involvements admin pages; the parent then finds the child's stage and key dates on the SEND
home, opens the dashboard and sees the current stage and the dates, readable on a 320px phone
without sideways scrolling. A portal set to Wales shows the ALN and IDP wording."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from core.texts import raw_text
from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import SendSettings
from records.models import ChildRecord

LANGUAGES = {
    "en": {"prefix": "", "dashboard": "SEND dashboard", "aln_dashboard": "ALN dashboard"},
    "cy": {"prefix": "/cy", "dashboard": "Dangosfwrdd AAA", "aln_dashboard": "Dangosfwrdd ADY"},
}


@pytest.fixture(params=LANGUAGES, ids=str)
def language(request):
    return request.param


@pytest.fixture
def caseworker(e2e_demo):
    return get_user_model().objects.get(email="caseworker@example.org")


@pytest.fixture
def parent(e2e_demo, language):
    parent = get_user_model().objects.get(email="parent@example.org")
    parent.preferred_language = language
    parent.save()
    return parent


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def child(council_id):
    return ChildRecord.objects.create(
        council_id=council_id, forename="Mali", surname="Pritchard", date_of_birth="2016-05-04"
    )


def shown(day, language):
    with translation.override(language):
        return format_date(day, "j F Y")


def read_on_a_phone(portal):
    page = portal.page
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})


def staff_authenticate(portal, involvement, parent):
    """The caseworker finds the parent by email, adds them, and authenticates them with a
    reason, on the involvements admin pages."""
    page = portal.page
    portal.goto(f"/admin/send/involvements/{involvement.pk}/sharing/new/?q={parent.email}")
    portal.click(page.locator("[data-found]").get_by_role("link", name="Choose"))
    page.get_by_label("Role or relationship").fill("Mother")
    page.get_by_label("Parental responsibility").check()
    portal.click(page.get_by_role("button", name="Add portal user"))
    sharing = involvement.sharing.get(user=parent)
    portal.goto(f"/admin/send/involvements/{involvement.pk}/sharing/{sharing.pk}/authenticate/")
    page.get_by_label("Authentication reason").fill(
        "Mali's mother; identity checked against her passport at the council office."
    )
    portal.click(page.get_by_role("button", name="Yes, authenticate"))
    sharing.refresh_from_db()
    assert sharing.is_authenticated


def test_staff_authenticate_a_parent_who_then_sees_the_stage_and_dates(
    portal, sign_in_as, caseworker, parent, language
):
    words = LANGUAGES[language]
    record = child("C-DASHBOARD")
    involvement = services.open_involvement(
        record, "england_ehc_needs_assessment", caseworker, caseworker=caseworker
    )
    services.record_date(involvement, "request_received", days_ago(36), caseworker)

    sign_in_as(caseworker, verified=True)
    staff_authenticate(portal, involvement, parent)

    sign_in_as(parent, verified=True)
    page = portal.page
    portal.goto(f"{words['prefix']}/send/")
    summary = page.locator("[data-case-summary]").filter(has_text="Mali Pritchard")
    stage = raw_text("send.process.ehc.stage.assessment_decision", language)
    expect(summary.locator("[data-current-stage]")).to_contain_text(stage)
    portal.click(summary.get_by_role("link"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Mali Pritchard")
    expect(page.locator(".govuk-caption-l")).to_have_text(words["dashboard"])
    expect(page.locator("[aria-current=step]")).to_contain_text(stage)
    key_dates = page.locator("[data-key-dates]")
    expect(key_dates).to_contain_text(raw_text("send.process.ehc.date.request_received", language))
    expect(key_dates).to_contain_text(shown(days_ago(36), language))
    expect(key_dates).to_contain_text(shown(days_ago(36) + timedelta(weeks=6), language))
    expect(page.locator("[data-caseworker]")).to_have_text(str(caseworker))
    read_on_a_phone(portal)


def test_a_portal_in_wales_shows_the_aln_and_idp_wording(
    portal, sign_in_as, caseworker, parent, language
):
    words = LANGUAGES[language]
    settings = SendSettings.load()
    settings.jurisdiction = "wales"
    settings.save()
    record = child("C-DASHBOARD-WALES")
    involvement = services.open_involvement(record, "wales_aln_idp", caseworker)
    services.record_date(involvement, "referral_received", days_ago(10), caseworker)
    sharing = portal_sharing.add(involvement, parent, caseworker, parental_responsibility=True)
    portal_sharing.authenticate(sharing, caseworker, "Mother; identity checked by phone.")

    sign_in_as(parent, verified=True)
    portal.goto(f"{words['prefix']}/send/case/{record.pk}/")

    page = portal.page
    expect(page.locator(".govuk-caption-l")).to_have_text(words["aln_dashboard"])
    stage = raw_text("send.process.aln.stage.aln_decision", language)
    expect(page.locator("[aria-current=step]")).to_contain_text(stage)
    diagram = page.locator(".portal-status-diagram")
    expect(diagram).to_contain_text(raw_text("send.process.aln.stage.idp", language))
    read_on_a_phone(portal)
