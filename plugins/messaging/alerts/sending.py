"""Who receives an alert about a case record, and sending it to them from the alert's
template in their language."""

from django.utils import translation

from accounts.models import CITIZEN, PROFESSIONAL
from core.email_format import escape_markdown

from .. import services
from ..wording import placeholders


def recipients(alert, record):
    """The users ``alert`` reaches for ``record``, in a stable order. Only users
    authenticated on the child's case (``record.audience``) may receive a message about it,
    whichever recipients the alert names (the guide's rule)."""
    audience = {user.pk: user for user in record.audience}
    chosen = set()
    if alert.recipient_id in audience:
        chosen.add(alert.recipient_id)
    if alert.to_person and record.person is not None and record.person.pk in audience:
        chosen.add(record.person.pk)
    for pk, user in audience.items():
        if (alert.all_citizens and user.kind == CITIZEN) or (
            alert.all_professionals and user.kind == PROFESSIONAL
        ):
            chosen.add(pk)
    return [audience[pk] for pk in sorted(chosen)]


def rows_markdown(records, language):
    """A scheduled alert's rows as a Markdown list in ``language``, each summary escaped."""
    with translation.override(language):
        return "\n".join(f"- {escape_markdown(str(r.summary))}" for r in records)


def send(alert, user, records, *, include_rows=False):
    """One message from ``alert``'s template to ``user``: the case placeholders come from the
    first record; it is filed under the records' subject when they share one."""
    first = records[0] if records else None
    subject, body = placeholders.render(
        alert.template,
        user,
        first.values if first else {},
        rows_markdown(records, user.preferred_language) if include_rows and records else "",
    )
    abouts = {(r.about_kind, r.about_id) for r in records}
    about_kind, about_id = abouts.pop() if len(abouts) == 1 else ("", None)
    return services.post_notice(user, subject, body, about_kind=about_kind, about_id=about_id)
