"""Announcements: live notices that users see after signing in, before the home page."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language

from . import cache


def build_announcements(language):
    """Announcements that have not ended, as (pk, starts_at, ends_at, title, body) in the language,
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
            "pk": source.pk,
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


def _placeholder_values(user):
    signed_in = user is not None and user.is_authenticated
    return {
        "{Title}": str(user.get_title_display()) if signed_in else "",
        "{Forename}": user.first_name if signed_in else "",
        "{Surname}": user.last_name if signed_in else "",
    }


def for_reader(announcements, user):
    """The announcements with {Title}, {Forename} and {Surname} replaced by the reader's own
    title and names: escaped in the body, which is HTML; the title is escaped by the template.
    A placeholder the reader has no value for goes with the space after it, so "Dear {Title}
    {Surname}" reads "Dear Jones" for someone who gave no title."""
    values = _placeholder_values(user)

    def fill(text, escaped):
        for placeholder, value in values.items():
            if value:
                text = text.replace(placeholder, escape(value) if escaped else value)
            else:
                text = re.sub(re.escape(placeholder) + " ?", "", text)
        return text

    return [
        {**a, "title": fill(a["title"], escaped=False), "body": fill(a["body"], escaped=True)}
        for a in announcements
    ]


def new_to(user, announcements):
    """Those the user has not been shown: published since, or gone live since, their last
    visit to the Announcements page."""
    from .models import AnnouncementsSeen

    seen = AnnouncementsSeen.objects.filter(user=user).first()
    if seen is None:
        return list(announcements)
    return [
        a
        for a in announcements
        if a["pk"] > seen.last_announcement_id or a["starts_at"] > seen.seen_at
    ]


def mark_seen(user, announcements):
    """Remember that ``user`` has been shown ``announcements`` (the live ones, now)."""
    from .models import AnnouncementsSeen

    newest = max((a["pk"] for a in announcements), default=0)
    AnnouncementsSeen.objects.update_or_create(
        user=user,
        defaults={"last_announcement_id": newest, "seen_at": timezone.now()},
    )


def landing_url_after_sign_in(next_url=None, user=None):
    """Where a user goes after signing in: the Announcements page when one is live that
    ``user`` has not been shown yet, then ``next_url`` (or the home page). Staff on their way
    to the admin go straight there: the announcements are for portal users."""
    from django.utils.http import urlencode

    heading_for_admin = bool(next_url) and next_url.startswith(reverse("wagtailadmin_home"))
    live = live_announcements()
    if user is not None and live:
        live = new_to(user, live)
    if live and not heading_for_admin:
        url = reverse("core:announcements")
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url
    return next_url or reverse("wagtail_serve", args=("",))
