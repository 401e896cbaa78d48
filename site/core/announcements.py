"""Announcements: live notices that users see after signing in, before the home page."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from . import cache


def build_announcements(language):
    """Announcements that have not ended, as (starts_at, ends_at, title, body) in the language,
    falling back to English where there is no translation. Liveness is decided when read."""
    from .models import Announcement

    now = timezone.now()
    sources = list(
        Announcement.objects.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
            ends_at__lte=now
        )
    )
    translated = {
        a.translation_key: a
        for a in Announcement.objects.filter(
            locale__language_code=language, translation_key__in=[s.translation_key for s in sources]
        )
    }
    return [
        {
            "starts_at": source.starts_at,
            "ends_at": source.ends_at,
            "title": translated.get(source.translation_key, source).title,
            "body": translated.get(source.translation_key, source).body,
        }
        for source in sources
    ]


def live_announcements(language=None, now=None):
    now = now or timezone.now()
    return [
        a
        for a in cache.get("announcements", language or get_language())
        if a["starts_at"] <= now and (a["ends_at"] is None or a["ends_at"] > now)
    ]


def landing_url_after_sign_in(next_url=None):
    """Where a user goes after signing in: the Announcements page when any is live, then
    ``next_url`` (or the home page). Staff on their way to the admin go straight there: the
    announcements are for portal users."""
    from django.utils.http import urlencode

    heading_for_admin = bool(next_url) and next_url.startswith(reverse("wagtailadmin_home"))
    if live_announcements() and not heading_for_admin:
        url = reverse("core:announcements")
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url
    return next_url or reverse("wagtail_serve", args=("",))
