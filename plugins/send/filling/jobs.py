"""Scheduled jobs of the SEND plugin."""

from datetime import timedelta

from django.db import transaction
from django.utils import formats, timezone, translation

from portal import services

from ..builder.schema import text
from ..models import SendSettings, SubmissionFile
from ..models.settings import WARNING_DAYS_BEFORE_PURGE
from .files import delete_stored_files_after_commit
from .services import drafts_untouched_since


def purge_drafts():
    """Warn, then delete, forms in progress untouched for the council's chosen number of days.

    A draft is only deleted a week after its warning, so shortening the setting never deletes
    anything unannounced; saving a step clears the warning."""
    days = SendSettings.load().purge_drafts_after_days
    if not days:
        return 0
    now = timezone.now()
    notice = timedelta(days=WARNING_DAYS_BEFORE_PURGE)
    to_warn = drafts_untouched_since(now - timedelta(days=days) + notice).filter(
        purge_warned_at__isnull=True
    )
    for draft in to_warn.select_related("created_by", "version", "person"):
        user = draft.created_by
        with translation.override(user.preferred_language):
            when = formats.date_format(now + notice, "j F Y")
            title = text(draft.version.schema["title"])
        with transaction.atomic():
            services.get("notify")(
                user,
                "send.emailsubject.draft_purge",
                "send.email_draft_purge",
                {"form": title, "person": draft.person.full_name, "date": when},
            )
            type(draft).objects.filter(pk=draft.pk).update(purge_warned_at=now)
    due = drafts_untouched_since(now - timedelta(days=days)).filter(
        purge_warned_at__lte=now - notice
    )
    with transaction.atomic():
        delete_stored_files_after_commit(SubmissionFile.objects.filter(submission__in=due))
        deleted, _by_model = due.delete()
    return deleted
