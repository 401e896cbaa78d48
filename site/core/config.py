"""Reading the portal configuration (Wagtail settings) from anywhere: views, tasks, validators.

Values are cached and dropped whenever an editor saves the settings.
"""

from . import cache


def build_settings():
    from .models import BrandingSettings, PortalSettings

    portal = PortalSettings.load()
    branding = BrandingSettings.load()
    return {"portal": portal, "branding": branding}


def portal_settings():
    """The PortalSettings instance (password, application, message, tile and task settings)."""
    return cache.get("settings")["portal"]


def branding():
    """The BrandingSettings instance: council name, logo and brand colour."""
    return cache.get("settings")["branding"]


def tile_enabled(tile_key):
    """Whether the service behind a plugin tile is switched on in Application type settings."""
    return tile_key not in portal_settings().disabled_tiles
