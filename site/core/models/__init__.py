from .audit import AppendOnlyError, AuditEntry
from .emails import SentEmail
from .pages import HomePage, StandardPage
from .portal_settings import BrandingSettings, PortalSettings
from .snippets import Announcement, AnnouncementsSeen, Tile
from .texts import TextResource

__all__ = [
    "AppendOnlyError",
    "AuditEntry",
    "Announcement",
    "AnnouncementsSeen",
    "BrandingSettings",
    "HomePage",
    "PortalSettings",
    "SentEmail",
    "StandardPage",
    "TextResource",
    "Tile",
]
