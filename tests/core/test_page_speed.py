"""Speed of every portal page: texts are rendered once per change, and a page reads each cached
area from the shared cache once, however many texts it shows."""

from unittest import mock

import pytest
from django.core.cache import cache as shared_cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core import texts
from core.models import TextResource
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def render(source, language="en"):
    with translation.override(language):
        return Template(source).render(Context({}))


def test_a_markdown_text_is_not_rendered_again_on_every_page():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="cy")
    row.markdown, row.value = True, "## Gwasanaethau"
    row.save()
    first = render('{% text "home.tiles.heading" %}', "cy")
    with mock.patch.object(texts.markdown_lib, "markdown", wraps=texts.markdown_lib.markdown) as md:
        again = [render('{% text "home.tiles.heading" %}', "cy") for _ in range(5)]
    assert md.call_count == 0
    assert again == [first] * 5
    assert '<h2 class="govuk-heading-m">Gwasanaethau</h2>' in first


def test_an_edit_to_a_markdown_text_shows_on_the_next_page():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.markdown, row.value = True, "**Services**"
    row.save()
    assert "<strong>Services</strong>" in render('{% text "home.tiles.heading" %}')
    row.value = "**Council services**"
    row.save()
    assert "<strong>Council services</strong>" in render('{% text "home.tiles.heading" %}')


def test_a_text_with_placeholders_is_filled_in_and_escaped_each_time():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.markdown, row.value = True, "Hello **{name}**"
    row.save()
    assert texts.text("home.tiles.heading", name="Ann") == (
        '<p class="govuk-body">Hello <strong>Ann</strong></p>'
    )
    assert "<script>" not in texts.text("home.tiles.heading", name="<script>")


@pytest.fixture
def citizen(client):
    user = UserFactory(email_confirmed_at=timezone.now())
    sign_in_verified(client, user)
    return user


def portal_cache_reads(client, url):
    reads = []
    original = shared_cache.get

    def counting_get(key, *args, **kwargs):
        if key.startswith("portal:"):
            reads.append(key)
        return original(key, *args, **kwargs)

    with mock.patch.object(shared_cache, "get", counting_get):
        response = client.get(url)
    assert response.status_code == 200
    return reads


@pytest.mark.parametrize("url", ["/account/", "/cy/account/"])
def test_my_account_reads_each_cached_area_once(client, citizen, url):
    client.get(url)  # build the areas
    reads = portal_cache_reads(client, url)
    texts_key = "portal:texts:" + ("cy" if url.startswith("/cy/") else "en")
    assert any(key.startswith(texts_key) for key in reads)
    assert len(reads) == len(set(reads))


def test_a_page_unpickles_the_texts_only_when_they_have_changed(client, citizen):
    client.get("/account/")
    reads = portal_cache_reads(client, "/account/")
    assert "portal:texts:en:token" in reads and "portal:texts:en" not in reads
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.save()
    assert "portal:texts:en" in portal_cache_reads(client, "/account/")


def test_a_text_changed_by_another_process_shows_on_the_next_page():
    assert texts.raw_text("home.tiles.heading", "en") == "Services"
    TextResource.objects.filter(key="home.tiles.heading", locale__language_code="en").update(
        value="Online services"
    )
    # What the other process's invalidation leaves in the shared cache; this process still
    # holds its own copy of the old texts.
    shared_cache.delete_many(["portal:texts:en", "portal:texts:en:token"])
    assert texts.raw_text("home.tiles.heading", "en") == "Online services"


def test_a_text_changed_during_a_request_shows_in_the_same_request(rf):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # As Django's test client does: the request signals must not close the test's database
    # connection (PostgreSQL would lose the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        assert texts.raw_text("home.tiles.heading", "en") == "Services"
        row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
        row.value = "Online services"
        row.save()
        assert texts.raw_text("home.tiles.heading", "en") == "Online services"
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_my_account_takes_no_more_queries_than_before(
    client, citizen, django_assert_max_num_queries
):
    client.get("/account/")
    with django_assert_max_num_queries(8):
        assert client.get("/account/").status_code == 200


def test_a_signed_in_page_looks_up_the_two_step_device_once(client, citizen):
    """The device django-otp's middleware loads for the session says two-step verification
    is on: My account asked the database again, through a walk of every installed model."""
    client.get("/account/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/account/")
    assert len([q for q in queries if "otp_email_emaildevice" in q["sql"]]) == 1
    row = page.text.split("Two-step verification\n")[1].split("</dd>")[0]
    assert row.split(">")[-1].strip() == "On"


@pytest.mark.parametrize(
    "source",
    [
        '{% load govuk %}{% govuk "button" text="Save" %}',
        '{% load govuk %}{% govuk "back-link" href="/back/" %}',
        '{% load govuk %}{% govuk "summary-list" rows=rows %}',
        '{% load govuk %}{% govuk "input" field %}',
    ],
)
def test_a_component_with_optional_parameters_left_out_renders_without_failed_lookups(
    source, caplog
):
    """Each parameter a page leaves out used to be a failed template lookup (three exceptions
    and a listing of the dict's attributes), the largest cost of a form page's markup."""
    rows = [{"key": {"text": "Name"}, "value": {"text": "Ann"}}]
    field = {"name": "email", "label": {"text": "Email"}}
    with caplog.at_level("DEBUG", logger="django.template"):
        html = Template(source).render(Context({"rows": rows, "field": field}))
    assert "None" not in html
    assert not [r for r in caplog.records if "Exception while resolving" in r.getMessage()]


def test_the_language_switch_uses_the_resolved_request_and_keeps_the_query(client, citizen):
    """Django's translate_url resolves the path again for each language; the request was
    resolved already, so the switch only reverses its name in the other language."""
    with mock.patch(
        "core.templatetags.portal_nav.translate_url", side_effect=AssertionError("resolved again")
    ):
        english = client.get("/account/?from=home").text
        welsh = client.get("/cy/account/?from=home").text
    assert 'href="/cy/account/?from=home" rel="alternate" lang="cy"' in english
    assert 'href="/account/?from=home" rel="alternate" lang="en"' in welsh
    assert '<span class="govuk-language-navigation__text" aria-current="true" lang="cy">' in welsh
