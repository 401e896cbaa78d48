from .pages import HomePage, StandardPage
from .portal_settings import BrandingSettings, PortalSettings
from .snippets import Announcement, AnnouncementsSeen, Tile
from .texts import TextResource

__all__ = [
    "Announcement",
    "AnnouncementsSeen",
    "BrandingSettings",
    "HomePage",
    "PortalSettings",
    "StandardPage",
    "TextResource",
    "Tile",
]
