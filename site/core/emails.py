"""The one path every portal email takes.

Callers name a pair of texts (subject and Markdown body) and the recipient's language; the
message is rendered from the council's current wording and queued as a django-q2 task once the
database transaction commits, so an email never describes a change that was rolled back. The
task sends through Django's email backend: var/outbox/ files by default, SMTP, or GOV.UK
Notify (core.mail.NotifyEmailBackend), chosen by settings.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from . import email_format
from .config import branding
from .task_broker import urgent_queue
from .texts import optional_text, raw_text

logger = logging.getLogger(__name__)


def _variant(key, audience, language):
    """The audience's own wording (e.g. ``key.professional``) when an editor has one."""
    if audience and optional_text(f"{key}.{audience}", language):
        return f"{key}.{audience}"
    return key


def render_email(subject_key, body_key, language, audience=None, **placeholders):
    """(subject, plain body, HTML body) in ``language`` with the placeholders filled in.

    Placeholder values are escaped before the Markdown is rendered and the plain body is made
    from the HTML (core.email_format), so a typed name can add no link, image or markup.
    """
    with translation.override(language):
        council = branding().name_for(language)
        placeholders = {"council": council, **placeholders}
        subject = raw_text(_variant(subject_key, audience, language), language, **placeholders)
        template = raw_text(_variant(body_key, audience, language), language)
        body_html = email_format.to_html(email_format.fill(template, placeholders))
        html = render_to_string(
            "core/email.html",
            {"subject": subject, "body_html": body_html, "council_name": council},
        )
    return " ".join(subject.split()), email_format.to_plain_text(body_html), html


def send_email(
    to, subject_key, body_key, language=None, audience=None, *, urgent=False, **placeholders
):
    """Queue an email to ``to`` (an address) after the current transaction commits; an
    ``urgent`` one (a code or link the person is waiting for on screen) before other tasks."""
    language = language or settings.LANGUAGE_CODE
    subject, text, html = render_email(subject_key, body_key, language, audience, **placeholders)
    message = {
        "key": str(uuid.uuid4()),
        "to": to,
        "subject": subject,
        "text": text,
        "html": html,
        "language": language,
    }
    queue = {"cluster": urgent_queue()} if urgent else {}
    transaction.on_commit(
        lambda: async_task(
            "core.emails.deliver", message, task_name=f"email:{subject_key}", **queue
        )
    )


def send_user_email(user, subject_key, body_key, *, urgent=False, **placeholders):
    """Queue an email to a user, in their preferred language and their kind of account's
    wording (citizen or professional)."""
    placeholders.setdefault("name", user.get_full_name() or user.email)
    send_email(
        user.email,
        subject_key,
        body_key,
        language=user.preferred_language,
        audience=user.kind,
        urgent=urgent,
        **placeholders,
    )


def notify_by_email(user, subject_key, body_key, context, *, link=None):
    """The fallback of the ``notify`` service (portal.services): the whole notice as an email,
    with ``link`` as the body's ``{link}`` placeholder."""
    placeholders = dict(context)
    if link is not None:
        placeholders["link"] = link
    send_user_email(user, subject_key, body_key, **placeholders)


def deliver(message):
    """The django-q2 task: send one rendered message, once. Returns whether it was sent now.

    The message's key is recorded as soon as the backend has taken it, so a repeat of the task
    (django-q2 hands a task out again when its worker was killed before the result was saved)
    sends nothing, and a send cut short records nothing, so the repeat sends it. The record is
    written after sending, not in a transaction around it: on SQLite that transaction would
    hold the database's write lock for as long as the mail server takes. Raising lets django-q2
    retry the task."""
    from .models import SentEmail

    if SentEmail.objects.filter(key=message["key"]).exists():
        logger.info("Already sent %r to %s", message["subject"], message["to"])
        return False
    send_now(message)
    SentEmail.objects.get_or_create(key=message["key"])
    return True


def send_now(message):
    """Send one rendered message (``render_email``) at once, keeping no record: for a caller
    that records its own sends, as messaging's deliveries do."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["text"],
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message["to"]],
        headers={"Content-Language": message["language"]},
    )
    email.attach_alternative(message["html"], "text/html")
    email.send()
    logger.info("Sent %r to %s", message["subject"], message["to"])


#: How long a sent email's key is kept: far longer than django-q2 takes to hand a task out again.
SENT_EMAIL_KEPT = timedelta(days=7)


def purge_sent(now=None):
    """The daily job (``core.jobs.CORE_JOBS``): forget keys of emails sent over a week ago."""
    from .models import SentEmail

    cutoff = (now or timezone.now()) - SENT_EMAIL_KEPT
    return SentEmail.objects.filter(sent_at__lt=cutoff).delete()[0]
