"""Dropping cached content when editors change it, so an edit shows on the next page view."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from . import cache

# Which cache areas each kind of content feeds.
AREAS_FED_BY = {
    "TextResource": ("texts", "tiles"),
    "Tile": ("tiles",),
    "Announcement": ("announcements",),
    "PortalSettings": ("settings",),
    "BrandingSettings": ("settings",),
}


def _content_saved(sender, **kwargs):
    cache.invalidate(*AREAS_FED_BY[sender.__name__])


def _pages_changed(sender=None, **kwargs):
    # Page titles and URLs feed tiles and the footer.
    cache.invalidate("footer", "tiles")


def after_migrate(sender, **kwargs):
    from .jobs import sync_scheduled_jobs
    from .texts import sync_text_resources

    sync_text_resources()
    sync_scheduled_jobs()
    cache.clear()


def connect(app_config):
    for model_name in AREAS_FED_BY:
        model = app_config.get_model(model_name)
        post_save.connect(_content_saved, sender=model, dispatch_uid=f"portal-cache-{model_name}")
        post_delete.connect(
            _content_saved, sender=model, dispatch_uid=f"portal-cache-d-{model_name}"
        )
    page_published.connect(_pages_changed, dispatch_uid="portal-cache-published")
    page_unpublished.connect(_pages_changed, dispatch_uid="portal-cache-unpublished")
    post_delete.connect(_pages_changed, sender=Page, dispatch_uid="portal-cache-page-deleted")
    post_save.connect(_pages_changed, sender=Site, dispatch_uid="portal-cache-site")
    post_migrate.connect(after_migrate, sender=app_config, dispatch_uid="portal-after-migrate")
