"""The plugin contract: tiles, URLs, texts, jobs and services declared in one place."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_q.models import Schedule

from core.jobs import sync_scheduled_jobs
from portal import services
from portal.plugins import installed_plugin, installed_plugins, plugin_tiles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_listed_plugin_is_installed_with_its_plugin_config(settings):
    labels = [config.label for config in installed_plugins()]
    for dotted in settings.PORTAL_PLUGINS:
        assert dotted.rsplit(".", 1)[1] in labels
    assert installed_plugin("example_plugin").slug == "example"


def test_plugin_urls_are_mounted_under_their_slug_inside_the_language_prefix():
    assert reverse("example_plugin:start") == "/example/"
    with translation.override("cy"):
        assert reverse("example_plugin:start") == "/cy/example/"


def test_plugin_page_renders_in_both_languages(client):
    english = client.get("/example/")
    welsh = client.get("/cy/example/")
    assert english.status_code == welsh.status_code == 200
    assert "<strong>Welcome</strong> to the example." in english.text
    assert "<strong>Croeso</strong>" in welsh.text
    assert '<html lang="cy"' in welsh.text


def test_plugin_tiles_are_offered():
    assert plugin_tiles()["example"].url_name == "example_plugin:start"


def test_a_service_is_answered_by_its_provider_or_else_its_fallback(monkeypatch):
    example = installed_plugin("example_plugin")
    assert services.get("greet")("Ann") == "Hello Ann"
    monkeypatch.setattr(example, "services", ())
    assert services.get("greet")("Ann") == "Ann"


def test_a_service_is_declared_once_with_one_protocol_and_fallback():
    notify = services.declarations()["notify"]
    assert services.declare("notify", notify.protocol, notify.fallback) == notify
    with pytest.raises(ValueError, match="already declared"):
        services.declare("notify", notify.protocol, "portal.services.no_children")


def test_asking_for_an_undeclared_service_is_an_error():
    with pytest.raises(LookupError):
        services.get("no-such-service")


def test_without_messaging_a_notice_is_emailed_in_the_users_language_with_its_link(
    django_capture_on_commit_callbacks, mailoutbox, provide_service
):
    provide_service("notify")  # the fallback, whichever plugins are installed
    user = UserFactory(preferred_language="cy", first_name="Alys", last_name="Jones")
    with django_capture_on_commit_callbacks(execute=True):
        services.get("notify")(
            user,
            "account.emailsubject.registration_exists",
            "account.email_registration_exists",
            {},
            link="https://portal.example.org/cy/account/sign-in/",
        )
    (email,) = mailoutbox
    assert email.to == [user.email]
    assert email.subject.startswith("Ceisiodd rhywun")
    assert "Annwyl Alys Jones" in email.body
    assert "https://portal.example.org/cy/account/sign-in/" in email.body


def test_jobs_are_scheduled_on_migrate_and_syncing_again_changes_nothing():
    # post_migrate has already run for the test database.
    schedule = Schedule.objects.get(name="portal:example_plugin.tidy")
    assert schedule.func == "tests.example_plugin.jobs.tidy"
    assert schedule.schedule_type == "D"
    before = list(Schedule.objects.values_list("pk", "name", "func"))
    assert "portal:example_plugin.tidy" in sync_scheduled_jobs()
    assert list(Schedule.objects.values_list("pk", "name", "func")) == before


def test_job_sync_updates_changed_jobs_and_removes_undeclared_ones():
    Schedule.objects.filter(name="portal:example_plugin.tidy").update(func="old.path")
    Schedule.objects.create(name="portal:gone.job", func="gone.job", schedule_type="D")
    Schedule.objects.create(name="someone-elses", func="x.y", schedule_type="D")
    sync_scheduled_jobs()
    assert Schedule.objects.get(name="portal:example_plugin.tidy").func == (
        "tests.example_plugin.jobs.tidy"
    )
    assert not Schedule.objects.filter(name="portal:gone.job").exists()
    assert Schedule.objects.filter(name="someone-elses").exists()


def test_plugin_texts_are_loaded_so_editors_can_override_them():
    from core.models import TextResource

    keys = set(TextResource.objects.values_list("key", "locale__language_code"))
    assert ("tiles.example.title", "en") in keys
    assert ("tiles.example.title", "cy") in keys


def test_plugins_add_their_admin_panels_to_the_portal_menu(admin_client):
    response = admin_client.get("/admin/")
    assert "Example administration" in response.text
