"""The system checks of the plugin contract (portal.checks): the real configuration passes, and
each check stops the portal at start-up with its own id when a declaration is wrong."""

import copy

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from portal import checks, services
from portal.plugins import (
    AccountLink,
    JobSpec,
    ServiceSpec,
    TileSpec,
    installed_plugin,
    installed_plugins,
    portal_apps,
)
from portal.services import NoConsentStep
from tests.example_plugin.services import Greeting


@pytest.fixture
def example(monkeypatch):
    """The example plugin's config; the test's changes to it are undone afterwards."""
    config = installed_plugin("example_plugin")
    return lambda **declarations: [
        monkeypatch.setattr(config, name, value) for name, value in declarations.items()
    ]


@pytest.fixture
def example_installed_twice(monkeypatch):
    """A second plugin declaring everything the example plugin declares."""
    twin = copy.copy(installed_plugin("example_plugin"))
    twin.label = "example_twin"
    apps, plugins = [*portal_apps(), twin], [*installed_plugins(), twin]
    monkeypatch.setattr(checks, "portal_apps", lambda: apps)
    monkeypatch.setattr(checks, "installed_plugins", lambda: plugins)


def ids(errors):
    return {error.id for error in errors}


def test_the_real_configuration_passes_every_check():
    call_command("check")
    for check in (
        checks.check_paths,
        checks.check_slugs,
        checks.check_services,
        checks.check_texts,
        checks.check_url_names,
    ):
        assert check() == []


@pytest.mark.django_db
def test_migrate_warns_of_nothing_on_the_database_in_use():
    """``migrate`` runs the database's checks too: on a fresh ``make run`` (SQLite) a warning
    about PostgreSQL's covering indexes was the first thing a new user read."""
    call_command("check", databases=["default"], fail_level="WARNING")


def test_a_wrong_declaration_stops_manage_py_check(example):
    example(gates=("tests.example_plugin.gates.no_such_gate",))
    with pytest.raises(SystemCheckError, match="portal.E001"):
        call_command("check")


@pytest.mark.parametrize(
    "declaration",
    [
        {"texts": "tests.example_plugin.texts.MISSING"},
        {"exports": "tests.example_plugin.exports.export_user"},
        {"demo": "tests.example_plugin.demo.load"},
        {"urls": "tests.example_plugin.no_urls"},
        {"gates": ("tests.example_plugin.gates.gate",)},
        {"jobs": (JobSpec(name="tidy", func="tests.example_plugin.jobs.untidy"),)},
        {"services": (ServiceSpec(name="greet", func="tests.example_plugin.services.hi"),)},
    ],
    ids=["texts", "exports", "demo", "urls", "gates", "jobs", "services"],
)
def test_a_path_that_does_not_import_is_portal_e001(example, declaration):
    example(**declaration)
    assert ids(checks.check_paths()) == {"portal.E001"}


def test_a_service_fallback_that_does_not_import_is_portal_e002(monkeypatch):
    declarations = {
        **services.declarations(),
        "greet": services.Declaration("greet", Greeting, "tests.example_plugin.services.hi"),
    }
    monkeypatch.setattr(services, "declarations", lambda: declarations)
    assert ids(checks.check_paths()) == {"portal.E002"}


def test_two_plugins_with_one_slug_is_portal_e003(example_installed_twice):
    assert ids(checks.check_slugs()) == {"portal.E003"}


def test_a_plugin_with_urls_but_no_slug_is_portal_e003(example):
    example(slug="")
    assert ids(checks.check_slugs()) == {"portal.E003"}


def test_providing_an_undeclared_service_is_portal_e004(example):
    example(services=(ServiceSpec(name="welcome", func="tests.example_plugin.services.greet"),))
    assert ids(checks.check_services()) == {"portal.E004"}


def test_two_providers_of_one_service_is_portal_e005(example_installed_twice):
    assert ids(checks.check_services()) == {"portal.E005"}


def test_a_provider_with_the_wrong_signature_is_portal_e006(example):
    # tidy() takes no name to greet.
    example(services=(ServiceSpec(name="greet", func="tests.example_plugin.jobs.tidy"),))
    assert ids(checks.check_services()) == {"portal.E006"}


class ConsentWithoutRecord:
    def start_url(self, request, next_url):
        return next_url

    def is_given(self, request):
        return True


def test_a_provider_missing_a_method_of_its_protocol_does_not_satisfy_it():
    assert "record()" in checks.protocol_mismatch(
        ConsentWithoutRecord(), services.RegistrationConsent
    )
    assert checks.protocol_mismatch(NoConsentStep(), services.RegistrationConsent) is None


def test_a_text_key_declared_twice_is_portal_e007(example_installed_twice):
    assert ids(checks.check_texts()) == {"portal.E007"}


def test_a_text_in_an_undeclared_area_is_portal_e008(example):
    example(text_areas={})  # its texts "example.*" have no area any more
    assert ids(checks.check_texts()) == {"portal.E008"}


def test_a_tile_to_a_missing_page_is_portal_e009(example):
    example(
        tiles=(
            TileSpec(
                "example",
                "tiles.example.title",
                "tiles.example.description",
                "example_plugin:nowhere",
            ),
        )
    )
    assert ids(checks.check_url_names()) == {"portal.E009"}


def test_an_account_link_to_a_missing_page_is_portal_e010(example):
    example(
        account_links=(AccountLink("example", "example.start.intro", "example_plugin:nowhere"),)
    )
    assert ids(checks.check_url_names()) == {"portal.E010"}
