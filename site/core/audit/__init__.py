"""The audit log (DESIGN.md §5): every staff or API read or change of a child's information
writes one row with :func:`record`.

    from core import audit
    audit.record(request.user, "submission.opened", submission, request=request)

Rows are append-only (see ``core.models.audit``) and kept for ``PORTAL_AUDIT_RETENTION_DAYS``
(``core.audit.retention``). Staff holding "core.view_auditentry" read them under
Portal › Audit log (``core.audit.views``).
"""

from axes.helpers import get_client_ip_address
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

#: Every action the log records: a stable slug (stored, filtered on, exported) and its words.
#: A new kind of read or change adds its slug here, so the admin's filter offers it.
ACTIONS = {
    "submission.opened": _("Submitted form opened"),
    "submission.printed": _("Submitted form printed"),
    "submission.approved": _("Submitted form approved"),
    "submission.rejected": _("Submitted form rejected"),
    "submission.more_information": _("More information requested on a submitted form"),
    "submission.resent": _("Submitted form sent again with more information"),
    "submission.matching": _("Submitted form's child sent to matching"),
    "submission.from_chronology": _("Form created from a child's chronology"),
    "submission.deleted": _("Submitted form deleted"),
    "file.downloaded": _("File downloaded"),
    "involvement.viewed": _("Involvement viewed"),
    "involvement.created": _("Involvement opened"),
    "involvement.changed": _("Involvement's caseworker or stage changed"),
    "involvement.closed": _("Involvement closed"),
    "involvement.reopened": _("Involvement reopened"),
    "involvement.date": _("Involvement's key date recorded"),
    "involvement.exception": _("Involvement's exception recorded or removed"),
    "sharing.added": _("Portal user added to an involvement"),
    "sharing.changed": _("Portal user's role on an involvement changed"),
    "sharing.authenticated": _("Portal user authenticated on an involvement"),
    "sharing.unauthenticated": _("Portal user's authentication removed"),
    "sharing.removed": _("Portal user removed from an involvement"),
    "information.requested": _("Information requested recorded"),
    "information.received": _("Information requested received"),
    "document.published": _("Document published to a child's portal users"),
    "document.viewed": _("Document opened by a portal user"),
    "document.withdrawn": _("Document withdrawn"),
    "action.asked": _("Portal user asked to complete a form"),
    "action.completed": _("Action to complete completed"),
    "action.cancelled": _("Action to complete cancelled"),
    "task.created": _("Task delegated to a professional or work group"),
    "task.picked_up": _("Delegated task picked up"),
    "task.reassigned": _("Delegated task re-assigned"),
    "task.countersign_requested": _("Counter-signature of a delegated task requested"),
    "task.countersigned": _("Delegated task counter-signed"),
    "task.submitted": _("Delegated task's contribution submitted"),
    "task.retracted": _("Delegated task retracted"),
    "task.viewed": _("Delegated task opened by staff"),
    "person.viewed": _("Child or young person viewed"),
    "child_record.viewed": _("Child record viewed"),
    "chronology.viewed": _("Child's chronology viewed"),
    "chronology.form_viewed": _("Form on a child's chronology opened"),
    "invitation.viewed": _("Invitation about a child viewed"),
    "invitation.sent": _("Invitation to a child's case sent"),
    "invitation.accepted": _("Invitation to a child's case accepted by the person"),
    "invitation.activated": _("Access activated from an invitation to a child's case"),
    "invitation.declined": _("Invitation to a child's case declined"),
    "message.viewed": _("Portal message thread opened by staff"),
    "message.assigned": _("Portal message thread assigned to a caseworker"),
    "gdpr.history_viewed": _("Consent history viewed"),
    "gdpr.children_viewed": _("Children linked to a person viewed"),
    "export.downloaded": _("Subject access export downloaded"),
    "print_job.downloaded": _("Submitted forms downloaded as one printed file"),
    "audit.exported": _("Audit log exported"),
    "matching.viewed": _("Incoming child's candidates viewed"),
    "matching.matched": _("Incoming child matched to a child record"),
    "matching.new_record": _("Incoming child added as a new child record"),
    "matching.rejected": _("Incoming child rejected"),
    "matching.decision_viewed": _("Matching decision read"),
    "api.called": _("API called"),
    "api.record_changed": _("Child record created or updated through the API"),
}

# Links followed from an object to the one that knows its child record: a submitted form
# answers through its person, anything holding a form through the form.
CHILD_RECORD_LINKS = ("person", "submission")
CHILD_RECORD_MODEL = "records.childrecord"


def action_label(action):
    """The words for ``action`` (the slug itself for an action no longer declared)."""
    return ACTIONS.get(action, action)


def child_record_id_of(obj):
    """The id of the council's child record that ``obj`` is about, or None.

    A child record is its own; an object with a ``child_record_id`` (a portal person once
    matched) answers with it; anything else is asked through its ``person`` or ``submission``.
    Duck typing keeps core free of the plugins' models: a person without the field yet simply
    answers None."""
    if obj is None:
        return None
    if obj._meta.label_lower == CHILD_RECORD_MODEL:
        return obj.pk
    if hasattr(obj, "child_record_id"):
        return obj.child_record_id
    for name in CHILD_RECORD_LINKS:
        related = getattr(obj, name, None)
        if related is not None and hasattr(related, "_meta"):
            return child_record_id_of(related)
    return None


def actor_label(actor):
    """Who did it, in words that outlive the account: "Name <email>", or the email alone."""
    if actor is None:
        return ""
    name = actor.get_full_name()
    return f"{name} <{actor.email}>" if name else actor.email


def record(actor, action, obj, detail="", *, request=None, child_record_id=None, api_client=None):
    """Write one audit log row: ``actor`` (a user, or None for the system or an API client)
    did ``action`` (a slug of :data:`ACTIONS`) to ``obj`` (a model instance, or None).

    ``child_record_id`` defaults to :func:`child_record_id_of(obj) <child_record_id_of>`;
    ``request`` gives the client's IP address, read as the sign-in lockout reads it (django-axes,
    so one proxy setting serves both); ``api_client`` names the API client that asked."""
    entry = _entry(actor, action, obj, detail, request, child_record_id, api_client)
    entry.save(force_insert=True)
    return entry


def record_each(actor, action, objects, *, request=None):
    """Write one row as :func:`record` does for each of ``objects`` (a page of a list read),
    in one query however many there are."""
    from core.models import AuditEntry

    return AuditEntry.objects.bulk_create(
        [_entry(actor, action, obj, "", request, None, None) for obj in objects]
    )


def _entry(actor, action, obj, detail, request, child_record_id, api_client):
    from core.models import AuditEntry

    if action not in ACTIONS:
        raise ValueError(f"Undeclared audit action {action!r}: add it to core.audit.ACTIONS.")
    # A service account's user carries the client's name (api.auth), whichever service records.
    api_client = api_client or getattr(actor, "api_client", None)
    if not getattr(actor, "is_authenticated", False):
        actor = None
    if child_record_id is None:
        child_record_id = child_record_id_of(obj)
    return AuditEntry(
        actor=actor,
        actor_label=actor_label(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        child_record_id=child_record_id,
        detail=str(detail)[:500],
        ip_address=get_client_ip_address(request) if request is not None else None,
        api_client=api_client,
    )
