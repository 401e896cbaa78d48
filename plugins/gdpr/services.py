"""The consent rules. Views, admin, the scheduled job and tests all call these."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.emails import send_email
from portal import events

from .models import (
    AGREED,
    WITHDRAWN,
    ConsentQuestion,
    ConsentRecord,
    ConsentStatement,
    GdprSettings,
)


def current_statement(now=None):
    """The latest published statement, or None before the first one is published."""
    now = now or timezone.now()
    return (
        ConsentStatement.objects.filter(published_at__isnull=False, published_at__lte=now)
        .order_by("-published_at", "-version")
        .first()
    )


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
    return published


def latest_record(user, statement):
    return (
        ConsentRecord.objects.filter(user=user, statement=statement)
        .order_by("-created_at", "-pk")
        .first()
    )


def needs_agreement(user):
    """Whether a portal user must agree to the current statement before doing anything else."""
    if not user.is_authenticated or user.is_council_staff:
        return False
    statement = current_statement()
    if statement is None:
        return False
    record = latest_record(user, statement)
    return record is None or record.action != AGREED


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
    events.consent_withdrawn.send(sender=ConsentRecord, user=user, record=record)
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


def mark_actioned(record, by):
    ConsentRecord.objects.filter(pk=record.pk, action=WITHDRAWN).update(
        actioned_by=by, actioned_at=timezone.now()
    )


def history(user):
    """The user's consent records, newest first, with the statements as they were."""
    return ConsentRecord.objects.filter(user=user).select_related("statement")
