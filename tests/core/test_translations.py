"""Every UI string has a Welsh translation: extract afresh and compare with locale/cy."""

import os
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

IGNORE = [".venv", "node_modules", "var", "tests", "bench", "locale"]


@pytest.fixture
def fresh_catalogue(tmp_path):
    """locale/cy/LC_MESSAGES/django.po merged with the strings in the code as it is now.

    makemessages writes to the locale folder of the tree it walks, and a ``.py`` copy of each
    template beside it while it reads it, so it walks a copy of the tree: the real catalogue is
    untouched, and tests reading the real tree in parallel never meet those passing files."""
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    for source in settings.BASE_DIR.iterdir():
        if source.name in IGNORE or source.name.startswith("."):
            continue
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / source.name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(source, tmp_path / source.name)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
            call_command("makemessages", locale=["cy"], ignore_patterns=IGNORE, verbosity=0)
    finally:
        os.chdir(cwd)
    return tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.po"


def _entries(po, *flags):
    result = subprocess.run(  # noqa: S603
        ["msgattrib", *flags, "--no-wrap", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    # The header entry (msgid "") describes the catalogue; it is not a string to translate.
    return [
        line
        for line in result.stdout.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


def test_every_ui_string_has_a_welsh_translation(fresh_catalogue):
    missing = _entries(fresh_catalogue, "--untranslated")
    assert not missing, f"{len(missing)} strings lack Welsh: " + "; ".join(missing[:20])


def test_no_welsh_translation_is_fuzzy(fresh_catalogue):
    fuzzy = _entries(fresh_catalogue, "--only-fuzzy")
    assert not fuzzy, "Fuzzy Welsh translations to check: " + "; ".join(fuzzy[:20])


def test_catalogue_has_the_portals_strings(fresh_catalogue):
    text = fresh_catalogue.read_text()
    assert 'msgid "Skip to main content"' in text
    assert 'msgid "portal configuration"' in text
    assert "plugins/send/apps.py" in text and "themes/govuk/templates" in text


def test_welsh_catalogue_is_compiled_and_used(client, db):
    from django.utils import translation

    with translation.override("cy"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
