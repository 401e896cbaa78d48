"""The status diagram on a 320px phone: it wraps down the page and never scrolls sideways,
in Welsh (the longer words) as in English, and passes axe."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from plugins.send.casework.process.deadlines import timeline
from plugins.send.casework.process.registry import definition
from tests.e2e.conftest import AXE_OPTIONS

THEME_CSS = settings.BASE_DIR / "themes" / "govuk" / "static" / "theme" / "build" / "theme.css"

CASES = [
    ("en", "england_ehc_needs_assessment", {"request_received": date(2026, 1, 5)}),
    ("cy", "wales_aln_idp", {"referral_received": date(2026, 1, 5)}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "process", "dates"), CASES)
def test_the_status_diagram_reads_on_a_320px_phone(page, language, process, dates):
    assert THEME_CSS.exists(), "build the theme first (themes/build.sh, run by make test)"
    stages = timeline(definition(process), dates, date(2026, 1, 20))
    with translation.override(language):
        diagram = Template("{% load send_process %}{% status_diagram stages %}").render(
            Context({"stages": stages})
        )
    page.set_viewport_size({"width": 320, "height": 640})
    page.set_content(
        f"<!DOCTYPE html><html lang='{language}' class='govuk-template'><head>"
        f"<title>Status</title><style>{THEME_CSS.read_text()}</style></head>"
        "<body class='govuk-template__body'><div class='govuk-width-container'>"
        f"<main class='govuk-main-wrapper'><h1 class='govuk-heading-l'>Status</h1>{diagram}"
        "</main></div></body></html>"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    current = page.locator("[aria-current=step]")
    assert current.count() == 1
    marker = current.locator(".portal-status-diagram__marker")
    # The current stage's marker is filled with the brand colour, not left white.
    assert marker.evaluate("e => getComputedStyle(e).backgroundColor") != "rgb(255, 255, 255)"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert violations == []
