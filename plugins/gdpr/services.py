"""The consent rules. Views, admin, the scheduled jobs and tests all call these."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from core import cache as portal_cache
from core.emails import send_email
from portal import events

from .models import (
    AGREED,
    SIGN_IN,
    TO_ACTION,
    WITHDRAWN,
    WITHHELD,
    ConsentQuestion,
    ConsentRecord,
    ConsentStatement,
    GdprSettings,
    StatementShown,
)

CACHE_AREA = "consent_statement"
# The session remembers the statement its user has agreed to, so the consent gate reads
# nothing on their later pages (withdrawing deactivates the account, which ends the session).
AGREED_KEY = "gdpr.agreed_statement"


def current_statement(now=None):
    """The latest published statement, or None before the first one is published."""
    now = now or timezone.now()
    return (
        ConsentStatement.objects.filter(published_at__isnull=False, published_at__lte=now)
        .order_by("-published_at", "-version")
        .first()
    )


def build_current_statement_id():
    statement = current_statement()
    return statement.pk if statement else None


def current_statement_id():
    """The current statement's id, from the portal cache (the gate asks on every page).
    Publishing and saving statements drop it (signals.py and publish_due_statements)."""
    return portal_cache.get(CACHE_AREA)


def _texts_of(question):
    translations = ConsentQuestion.objects.filter(
        translation_key=question.translation_key
    ).select_related("locale")
    return {
        q.locale.language_code: {"statement": q.statement, "agreement": q.agreement}
        for q in translations
    }


def schedule_statement(question, publish_at, by=None):
    """Add a statement built from an active question, published at ``publish_at`` (now or
    later). Publication itself is done by publish_due_statements()."""
    source = question.get_translation(question.get_default_locale())
    if not source.active:
        raise ValidationError(_("Choose an active question."))
    with transaction.atomic():
        last = ConsentStatement.objects.select_for_update().aggregate(v=models.Max("version"))
        statement = ConsentStatement.objects.create(
            version=(last["v"] or 0) + 1, question=source, publish_at=publish_at, created_by=by
        )
    if publish_at <= timezone.now():
        publish_due_statements()
        statement.refresh_from_db()
    return statement


def delete_scheduled(statement):
    """A statement that is not yet published can be deleted; a published one never."""
    deleted, _counts = ConsentStatement.objects.filter(
        pk=statement.pk, published_at__isnull=True
    ).delete()
    if not deleted:
        raise ValidationError(_("A published statement cannot be deleted."))


def publish_due_statements(now=None):
    """Publish every statement whose time has come, each exactly once even when several
    workers run this at the same moment: the conditional UPDATE lets one of them win."""
    now = now or timezone.now()
    published = []
    due = ConsentStatement.objects.filter(published_at__isnull=True, publish_at__lte=now)
    for statement in due.select_related("question"):
        won = ConsentStatement.objects.filter(pk=statement.pk, published_at__isnull=True).update(
            published_at=now, texts=_texts_of(statement.question)
        )
        if won:
            published.append(statement.pk)
    if published:
        portal_cache.invalidate(CACHE_AREA)  # a conditional UPDATE sends no save signal
    return published


def latest_record(user, statement):
    return (
        ConsentRecord.objects.filter(user=user, statement=statement)
        .order_by("-created_at", "-pk")
        .first()
    )


def needs_agreement(user, session=None):
    """Whether a portal user must agree to the current statement before doing anything else.
    With the user's ``session``, an agreement found is remembered there."""
    if not user.is_authenticated or user.is_council_staff:
        return False
    statement_id = current_statement_id()
    if statement_id is None:
        return False
    if session is not None and session.get(AGREED_KEY) == statement_id:
        return False
    record = latest_record(user, statement_id)
    agreed = record is not None and record.action == AGREED
    if agreed and session is not None:
        session[AGREED_KEY] = statement_id
    return not agreed


def record_agreement(user, statement, language, channel):
    """Record that ``user`` agreed to ``statement``, which must be the current one."""
    current = current_statement()
    if current is None or statement.pk != current.pk:
        raise ValidationError(_("This consent statement is no longer the current one."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return ConsentRecord.objects.create(
        user=user, statement=statement, action=AGREED, language=language, channel=channel
    )


def agreed_statement(user):
    """The statement the user last agreed to (for "You have previously agreed to …")."""
    record = (
        ConsentRecord.objects.filter(user=user, action=AGREED)
        .select_related("statement")
        .order_by("-created_at", "-pk")
        .first()
    )
    return record.statement if record else None


@transaction.atomic
def withdraw_consent(user, language, channel):
    """Withdraw the user's consent: record it, deactivate the account (nothing else is
    deleted: retention is the council's decision), tell the other plugins and the council."""
    statement = agreed_statement(user) or current_statement()
    if statement is None:
        raise ValidationError(_("There is no consent to withdraw."))
    record = ConsentRecord.objects.create(
        user=user, statement=statement, action=WITHDRAWN, language=language, channel=channel
    )
    user.is_active = False
    user.save(update_fields=["is_active"])
    events.send_after_commit(events.consent_withdrawn, ConsentRecord, user=user, record=record)
    for address in GdprSettings.load().addresses:
        send_email(
            address,
            "gdpr.emailsubject.withdrawal",
            "gdpr.email_withdrawal",
            name=user.get_full_name() or user.email,
            email=user.email,
            when=timezone.localtime(record.created_at).strftime("%d %B %Y %H:%M"),
        )
    return record


def note_statement_shown(user, statement, language):
    """Remember when ``user`` was first shown ``statement`` to agree to; showing it again
    keeps the first time, from which the days to decide are counted."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    StatementShown.objects.get_or_create(
        user=user,
        statement=statement,
        defaults={"language": language, "first_shown_at": timezone.now()},
    )


def days_to_decide():
    """How long someone shown a new statement has to agree or withdraw (the council's
    setting) before their consent is recorded as withheld."""
    return timedelta(days=GdprSettings.load().withheld_after_days)


def record_withheld(shown, now=None):
    """Record that the user shown ``shown.statement`` withheld consent: the days to decide
    have passed and they have neither agreed to it nor withdrawn since.

    Refuses (ValidationError) before the days have passed, after agreeing, after
    withdrawing and a second time for the same statement."""
    now = now or timezone.now()
    user, statement = shown.user, shown.statement
    if shown.first_shown_at >= now - days_to_decide():
        raise ValidationError(_("The time to decide about this statement has not yet passed."))
    records = ConsentRecord.objects.filter(user=user)
    if records.filter(statement=statement, action=AGREED).exists():
        raise ValidationError(_("This person has agreed to this statement."))
    if records.filter(action=WITHDRAWN, created_at__gte=shown.first_shown_at).exists():
        raise ValidationError(_("This person has withdrawn consent."))
    if records.filter(statement=statement, action=WITHHELD).exists():
        raise ValidationError(_("Withheld consent is already recorded for this statement."))
    try:
        with transaction.atomic():
            return ConsentRecord.objects.create(
                user=user,
                statement=statement,
                action=WITHHELD,
                language=shown.language,
                channel=SIGN_IN,
            )
    except IntegrityError:  # another run recorded it a moment ago
        raise ValidationError(
            _("Withheld consent is already recorded for this statement.")
        ) from None


def record_withheld_consent(now=None):
    """Record withheld consent for everyone shown the current statement more than the days
    to decide ago who has neither agreed nor withdrawn since. Safe to run again: each person
    is recorded once per statement. Returns the new records' ids."""
    now = now or timezone.now()
    statement = current_statement(now)
    if statement is None:
        return []
    decided = ConsentRecord.objects.filter(
        user=OuterRef("user"), statement=statement, action__in=(AGREED, WITHHELD)
    )
    withdrew = ConsentRecord.objects.filter(
        user=OuterRef("user"), action=WITHDRAWN, created_at__gte=OuterRef("first_shown_at")
    )
    due = (
        StatementShown.objects.filter(
            statement=statement, first_shown_at__lt=now - days_to_decide()
        )
        .exclude(Exists(decided))
        .exclude(Exists(withdrew))
        .select_related("user", "statement")
    )
    recorded = []
    for shown in due:
        try:
            recorded.append(record_withheld(shown, now).pk)
        except ValidationError:  # decided, or recorded by another run, since the query
            continue
    return recorded


def mark_actioned(record, by):
    """Record who actioned a withdrawal or withheld consent, and when."""
    ConsentRecord.objects.filter(pk=record.pk, action__in=TO_ACTION).update(
        actioned_by=by, actioned_at=timezone.now()
    )


def unactioned_counts():
    """{"withdrawn": n, "withheld": n}: the decisions staff have still to action."""
    counts = dict(
        ConsentRecord.objects.filter(action__in=TO_ACTION, actioned_at__isnull=True)
        .order_by()
        .values("action")
        .annotate(n=models.Count("pk"))
        .values_list("action", "n")
    )
    return {action: counts.get(action, 0) for action in TO_ACTION}


def history(user):
    """The user's consent records, newest first, with the statements as they were."""
    return ConsentRecord.objects.filter(user=user).select_related("statement")
