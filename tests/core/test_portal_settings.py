"""Portal configuration and branding: admin screens, validation and the reading API."""

import pytest

from core.config import branding, portal_settings, tile_enabled
from core.models import BrandingSettings, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal_url(db):
    return f"/admin/settings/core/portalsettings/{PortalSettings.load().pk}/"


@pytest.fixture
def branding_url(db):
    return f"/admin/settings/core/brandingsettings/{BrandingSettings.load().pk}/"


def portal_form(**changes):
    data = {
        field.name: getattr(PortalSettings(), field.name)
        for field in PortalSettings._meta.concrete_fields
        if field.name not in ("id", "disabled_tiles")
    }
    data = {k: ("on" if v is True else "" if v is False else v) for k, v in data.items()}
    data.update(changes)
    return data


def test_defaults_match_the_councils_policy():
    config = portal_settings()
    assert config.password_min_length == 15
    assert config.password_history == 8
    assert (config.two_factor_code_minutes, config.two_factor_max_attempts) == (5, 4)
    assert config.two_factor_lockout_minutes == 4
    assert config.upload_extension_list == [
        ".doc",
        ".docx",
        ".pdf",
        ".png",
        ".jpeg",
        ".jpg",
        ".bmp",
    ]
    assert config.upload_max_megabytes == 10


def test_admin_screen_has_a_tab_per_settings_group(admin_client, portal_url):
    response = admin_client.get(portal_url)
    assert response.status_code == 200
    for tab in (
        "Password settings",
        "Application settings",
        "Message settings",
        "Application type settings",
        "Scheduled task settings",
    ):
        assert tab in response.text
    assert 'value="example"' in response.text  # an installed plugin's tile can be switched off


def test_saving_settings_is_read_at_once(admin_client, portal_url):
    assert portal_settings().password_min_length == 15
    response = admin_client.post(
        portal_url, portal_form(password_min_length=20, disabled_tiles=["example"])
    )
    assert response.status_code == 302, response.context["form"].errors
    assert portal_settings().password_min_length == 20
    assert not tile_enabled("example")


def test_bad_settings_are_refused_with_a_message(admin_client, portal_url):
    response = admin_client.post(
        portal_url, portal_form(password_min_length=3, upload_extensions="pdf, exe")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "password_min_length" in errors
    assert PortalSettings.load().password_min_length == 15


def test_upload_extensions_are_validated():
    from django.core.exceptions import ValidationError

    row = PortalSettings(upload_extensions="pdf docx")
    with pytest.raises(ValidationError):
        row.clean()
    row.upload_extensions = "  .pdf   .docx "
    row.clean()
    assert row.upload_extensions == ".pdf .docx"


@pytest.mark.parametrize(
    ("colour", "ok"), [("#4c2c92", True), ("#1D70B8", True), ("#ffdd00", False), ("purple", False)]
)
def test_brand_colour_must_be_readable_under_white_text(colour, ok):
    from django.core.exceptions import ValidationError

    row = BrandingSettings(council_name="X", brand_colour=colour)
    if ok:
        row.clean()
    else:
        with pytest.raises(ValidationError):
            row.clean()


def test_branding_shows_on_every_page(client, demo):
    row = BrandingSettings.load()
    row.council_name, row.council_name_cy, row.brand_colour = (
        "Newtown Council",
        "Cyngor Trenewydd",
        "#005a30",
    )
    row.save()
    assert branding().council_name == "Newtown Council"
    assert "Newtown Council" in client.get("/about/").text
    assert "Cyngor Trenewydd" in client.get("/cy/about/").text
    css = client.get("/theme.css")
    assert css["Content-Type"].startswith("text/css")
    assert "background-color: #005a30" in css.text
    assert "/theme.css?v=005a30" in client.get("/").text


def test_branding_admin_screen(admin_client, branding_url):
    response = admin_client.get(branding_url)
    assert response.status_code == 200
    assert "Council name in Welsh" in response.text or "council name in Welsh" in response.text
