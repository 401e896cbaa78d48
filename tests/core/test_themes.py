"""Themes: the chosen theme's templates and static files win over the default theme's."""

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import get_template

pytestmark = pytest.mark.django_db


def test_default_theme_is_govuk():
    assert settings.THEME_CHAIN == ["govuk"]


def test_a_second_theme_overrides_one_template_and_inherits_the_rest(client, demo):
    from django.test import override_settings

    dirs = [settings.THEMES_DIR / name / "templates" for name in ("example", "govuk")]
    templates = [{**settings.TEMPLATES[0], "DIRS": dirs}]
    with override_settings(TEMPLATES=templates):
        engines._engines = {}
        engines.__dict__.pop("templates", None)
        try:
            assert "themes/example" in get_template("core/includes/header_logo.html").origin.name
            assert "themes/govuk" in get_template("base.html").origin.name
            response = client.get("/")
            assert "theme/example-logo.svg" in response.text
            assert "Demo Borough Council" in response.text
        finally:
            engines._engines = {}
            engines.__dict__.pop("templates", None)


def test_every_theme_has_compiled_css():
    for name in ("govuk", "example"):
        css = settings.THEMES_DIR / name / "static" / "theme" / "build" / "theme.css"
        assert css.stat().st_size > 50_000, f"{css} missing: run themes/build.sh"
    example = (settings.THEMES_DIR / "example/static/theme/build/theme.css").read_text()
    default = (settings.THEMES_DIR / "govuk/static/theme/build/theme.css").read_text()
    assert example != default
    assert "crown" not in default.lower() or "govuk-header__crown" not in default
