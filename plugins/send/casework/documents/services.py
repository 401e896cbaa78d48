"""Every rule of documents to view: checking a file before it is published, publishing it
to the people authenticated on the child (or chosen ones) and telling each of them, what a
portal user may see and has not opened yet, recording the first opening, and withdrawing.

Who may see a document is decided here once (:func:`visible_to`) and asked through the
access registry (``documents.access``): a portal user sees a document published to them
(chosen, or published to everyone) while they are authenticated on the child; a withdrawn
document is seen by nobody on the portal."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import audit
from portal import events, services

from ...filling.uploads import check_upload
from ...models import Document, DocumentRecipient
from ..involvements.authentication import authenticated_sharing, authenticated_users

# Documents are letters and plans: PDF or Word, whatever else the council accepts on forms.
DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx")


class NotAllowed(Exception):
    """The change is not allowed now; ``reason`` says why, for staff."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def check_document(upload):
    """Check a file staff publish with the portal's upload rules (PDF or Word by content,
    the size limit of the Portal configuration, the virus scanner, failing closed). Returns
    a ``CheckedUpload``; raises ``ValidationError`` with the portal's wording."""
    return check_upload(upload, DOCUMENT_EXTENSIONS)


def recipients_to_choose(involvement):
    """The people a document on ``involvement`` may be published to: those authenticated
    on its child now."""
    return authenticated_users(involvement.child_record).order_by("first_name", "last_name", "pk")


def publish(
    involvement,
    actor,
    upload,
    checked,
    *,
    description,
    document_date,
    chosen=None,
    request=None,
):
    """Publish ``upload`` (a file :func:`check_document` passed, giving ``checked``) on
    ``involvement``: to everyone authenticated on the child when ``chosen`` is None, else to
    the chosen users, who must be authenticated on it. Each recipient is told through the
    ``notify`` service in their language, after the commit."""
    if not involvement.is_open:
        raise NotAllowed(_("The involvement is closed."))
    allowed = recipients_to_choose(involvement)
    if chosen is None:
        recipients = list(allowed)
    else:
        recipients = list(allowed.filter(pk__in=[user.pk for user in chosen]))
        if not recipients or len(recipients) != len({user.pk for user in chosen}):
            raise NotAllowed(_("Choose people who are authenticated on this child."))
    with transaction.atomic():
        document = Document(
            involvement=involvement,
            description=description,
            document_date=document_date,
            original_name=upload.name[-255:],
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            for_everyone=chosen is None,
            published_by=actor,
        )
        upload.seek(0)
        document.file.save(upload.name, upload, save=False)
        document.save()
        now = timezone.now()
        DocumentRecipient.objects.bulk_create(
            DocumentRecipient(document=document, user=user, notified_at=now) for user in recipients
        )
        audit.record(
            actor,
            "document.published",
            document,
            ", ".join(user.email for user in recipients),
            request=request,
        )
        transaction.on_commit(lambda: _tell(document, recipients))
    return document


def _tell(document, recipients):
    child = document.involvement.child_record
    for user in recipients:
        language = user.preferred_language
        with translation.override(language):
            path = reverse("send:documents", args=[child.pk])
        services.get("notify")(
            user,
            "send.emailsubject.document.published",
            "send.email_document_published",
            {
                "recipient": user.get_full_name() or user.email,
                "child": child.full_name,
                "description": document.description,
            },
            link=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        )


def withdraw(document, actor, reason, request=None):
    """Take a document off the portal, with the reason. It stays in the council's records
    (who it went to, who opened it) and can be downloaded by staff."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Give the reason for withdrawing the document."))
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.is_withdrawn:
            raise NotAllowed(_("This document has already been withdrawn."))
        document.withdrawn_at = timezone.now()
        document.withdrawn_by = actor
        document.withdrawn_reason = reason
        document.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
        audit.record(actor, "document.withdrawn", document, reason, request=request)
    return document


# -- the portal's side ----------------------------------------------------------------------


def visible_to(user, queryset=None):
    """The documents ``user`` may see on the portal: published (not withdrawn) to them, on a
    child they are authenticated on now."""
    if queryset is None:
        queryset = Document.objects.all()
    if not user.is_authenticated or user.is_council_staff:
        return queryset.none()
    on_child = authenticated_sharing().filter(
        user=user, involvement__child_record=OuterRef("involvement__child_record")
    )
    chosen = DocumentRecipient.objects.filter(document=OuterRef("pk"), user=user)
    return (
        queryset.published().filter(Exists(on_child)).filter(Q(for_everyone=True) | Exists(chosen))
    )


def for_child(user, child_record):
    """The documents ``user`` may see about ``child_record``, newest first, each with
    ``opened`` (whether this user has opened it)."""
    opened = DocumentRecipient.objects.filter(
        document=OuterRef("pk"), user=user, opened_at__isnull=False
    )
    return (
        visible_to(user)
        .filter(involvement__child_record=child_record)
        .annotate(opened=Exists(opened))
        .order_by("-published_at", "-pk")
    )


def unopened_count(user, child_record):
    """How many documents about ``child_record`` ``user`` may see and has not opened."""
    return for_child(user, child_record).filter(opened=False).count()


def record_opening(document, user, request=None):
    """Record that ``user`` opened ``document`` (the first time only, for staff's "who has
    opened it") and write the audit log every time."""
    now = timezone.now()
    first = DocumentRecipient.objects.filter(
        document=document, user=user, opened_at__isnull=True
    ).update(opened_at=now)
    if not first and not document.recipients.filter(user=user).exists():
        # Published to everyone, to someone authenticated after it was published.
        try:
            with transaction.atomic():
                DocumentRecipient.objects.create(document=document, user=user, opened_at=now)
            first = True
        except IntegrityError:
            # The same person opening it twice at once: the first opening stands.
            pass
    audit.record(user, "document.viewed", document, document.original_name, request=request)
    if first:
        # The council's case system hears of the first opening (a webhook), as staff see it.
        events.send_after_commit(events.document_viewed, Document, document=document, user=user)
