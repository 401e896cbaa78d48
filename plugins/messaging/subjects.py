"""What threads are about: a small registry the owning plugin fills, so messaging knows
nothing of SEND (DESIGN.md §3). A plugin registers each kind of subject once, from its
``ready()`` and only when messaging is installed, through the messaging app config::

    if apps.is_installed("plugins.messaging"):
        apps.get_app_config("messaging").register_subject(Subject(...))

so it never imports this plugin's modules.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

_subjects = {}


@dataclass(frozen=True)
class Subject:
    """One kind of subject ("send.child_record").

    - ``title(id)``: the subject's name shown beside a thread (a child's name).
    - ``link(id)``: the portal page of the subject, or "".
    - ``ids_for(user)``: the ids ``user`` may send and receive messages about (a queryset of
      ids or a list); this is the access rule.
    - ``choices(user)``: (id, title) pairs to write about, for the new message form.
    - ``team_member(id)``: the staff user a new message reaches (the caseworker), or None for
      the team inbox.
    - ``child_record_id(id)``: the council's child record the subject is about, for the audit
      log of staff reads, or None.
    - ``about_child_record(record_id)``: the ids of this kind about the council's child record
      ``record_id``, for the threads shown beside the child in the admin.
    """

    kind: str
    title: Callable[[int], str]
    link: Callable[[int], str]
    ids_for: Callable[[object], Iterable[int]]
    choices: Callable[[object], Iterable[tuple[int, str]]]
    team_member: Callable[[int], object]
    child_record_id: Callable[[int], int | None] = lambda about_id: None
    about_child_record: Callable[[int], Iterable[int]] = lambda record_id: ()


def register(subject):
    """Register ``subject``; a kind is registered once."""
    if subject.kind in _subjects and _subjects[subject.kind] != subject:
        raise ImproperlyConfigured(f"The message subject {subject.kind!r} is already registered.")
    _subjects[subject.kind] = subject
    return subject


def get(kind):
    try:
        return _subjects[kind]
    except KeyError:
        raise LookupError(f"No message subject {kind!r} is registered.") from None


def registered():
    return dict(_subjects)


def may_take_part(user, kind, about_id):
    """Whether ``user`` may send and receive messages about ``kind:about_id``."""
    subject = _subjects.get(kind)
    if subject is None:
        return False
    ids = subject.ids_for(user)
    if hasattr(ids, "filter"):
        return ids.filter(pk=about_id).exists()
    return about_id in set(ids)
