"""Text resources: declared defaults, editor overrides in English and Welsh, fallbacks."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core import texts
from core.models import TextResource
from core.text_defaults import TEXTS as CORE_TEXTS

pytestmark = pytest.mark.django_db


def render(source, language="en"):
    with translation.override(language):
        return Template(source).render(Context({}))


def test_every_declared_key_has_a_row_in_each_language():
    rows = set(TextResource.objects.values_list("key", "locale__language_code"))
    for default in CORE_TEXTS:
        assert (default.key, "en") in rows
        assert (default.key, "cy") in rows


def test_english_and_welsh_rows_are_translations_of_each_other():
    en = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    cy = TextResource.objects.get(key="home.tiles.heading", locale__language_code="cy")
    assert en.translation_key == cy.translation_key
    assert (en.value, cy.value) == ("Services", "Gwasanaethau")
    assert en.area == "home"


def test_template_tag_shows_the_default_in_each_language():
    assert render('{% text "home.tiles.heading" %}') == "Services"
    assert render('{% text "home.tiles.heading" %}', "cy") == "Gwasanaethau"


def test_an_edit_shows_on_the_next_view():
    assert render('{% text "home.tiles.heading" %}') == "Services"
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.value = "Online services"
    row.save()
    assert render('{% text "home.tiles.heading" %}') == "Online services"
    assert render('{% text "home.tiles.heading" %}', "cy") == "Gwasanaethau"


def test_welsh_falls_back_to_english_when_the_welsh_value_is_empty():
    TextResource.objects.filter(key="home.tiles.heading", locale__language_code="cy").update(
        value=" "
    )
    TextResource.objects.filter(key="home.tiles.heading", locale__language_code="en").update(
        value="Council services"
    )
    texts.cache.invalidate("texts")
    assert render('{% text "home.tiles.heading" %}', "cy") == "Council services"


def test_plain_text_is_escaped():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.value = "<script>alert(1)</script>"
    row.save()
    assert render('{% text "home.tiles.heading" %}') == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_markdown_is_rendered_with_govuk_classes_and_sanitised():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.markdown = True
    row.value = "## Help\n\nSee [our page](https://example.org) <img src=x onerror=alert(1)>"
    row.save()
    html = render('{% text "home.tiles.heading" %}')
    assert '<h2 class="govuk-heading-m">Help</h2>' in html
    assert 'class="govuk-link"' in html
    assert "onerror" not in html and "<img" not in html


def test_placeholders_are_filled_in():
    row = TextResource.objects.get(key="home.tiles.heading", locale__language_code="en")
    row.value = "Hello {name}"
    row.save()
    assert render('{% text "home.tiles.heading" name="<Ann>" %}') == "Hello &lt;Ann&gt;"


def test_undeclared_key_shows_the_key_and_is_logged(caplog):
    assert render('{% text "shared.not_declared" %}') == "shared.not_declared"
    assert "shared.not_declared" in caplog.text


def test_an_editor_created_key_is_available():
    from tests.factories import TextResourceFactory

    TextResourceFactory(key="account.extra.hint", value="Extra help")
    assert texts.optional_text("account.extra.hint") == "Extra help"
    assert texts.optional_text("account.absent.hint") is None


def test_sync_keeps_editor_wording_and_adds_missing_rows():
    TextResource.objects.filter(key="home.tiles.heading", locale__language_code="en").update(
        value="Edited"
    )
    TextResource.objects.filter(key="home.tiles.empty").delete()
    created = texts.sync_text_resources()
    assert created == 2
    assert TextResource.objects.get(key="home.tiles.heading", locale__language_code="en").value == (
        "Edited"
    )
    assert TextResource.objects.filter(key="home.tiles.empty").count() == 2


def test_key_is_trimmed_and_area_derived_on_save(english):
    row = TextResource.objects.create(key="  directory.search.title \n", locale=english, value="x")
    assert (row.key, row.area) == ("directory.search.title", "directory")


def test_every_text_used_in_templates_is_declared():
    import re
    from pathlib import Path

    from django.conf import settings

    declared = set(texts.text_defaults())
    from portal.plugins import installed_plugins

    # Templates of plugins that are not installed may use texts that are not declared then.
    roots = [
        settings.BASE_DIR / "themes",
        settings.BASE_DIR / "site",
        *(Path(config.path) for config in installed_plugins()),
    ]
    used = set()
    for root in roots:
        for path in Path(root).rglob("*.html"):
            used |= set(re.findall(r'{%\s*(?:plain_)?text\s+"([^"]+)"', path.read_text()))
    assert used, "no template uses a portal text"
    assert used <= declared, sorted(used - declared)


def test_every_declared_text_has_english_and_welsh():
    for key, default in texts.text_defaults().items():
        assert default.en.strip() and default.cy.strip(), key
