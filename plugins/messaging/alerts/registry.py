"""What alerts may watch: a small registry the owning plugin fills, so messaging knows
nothing of SEND (DESIGN.md §3). From its ``ready()``, only when messaging is installed, a
plugin registers through the messaging app config (never importing this plugin)::

    if apps.is_installed("plugins.messaging"):
        messaging = apps.get_app_config("messaging")
        messaging.register_alert_context("send.portal_sharing", label=..., fields=..., record=...)
        messaging.register_alert_condition("send.information_overdue", label=..., rows=...)

and sends ``portal.events.case_record_changed`` (context, pk, changed) after a record of a
registered context changes; trigger alerts listen to that event.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class CaseRecord:
    """One record of a child's case as an alert sees it.

    - ``values``: the case placeholders (``wording.placeholders.CASE``) for this record; a
      value may be a date or a mapping of language code -> words, shown in the recipient's
      language.
    - ``audience``: the portal users authenticated on the child's case, the only users who
      may receive a message about it.
    - ``person``: the user the record is about (the person authenticated, or asked for the
      information), or None.
    - ``summary``: one line of plain text, for the alert log and a scheduled alert's rows; a
      lazy string (``format_lazy``, ``gettext_lazy``) is worded in each recipient's language.
    - ``about_kind`` / ``about_id``: the message subject (``plugins.messaging.subjects``) the
      messages are filed under, so they follow its access rule.
    """

    values: dict
    audience: Sequence
    summary: str
    person: object = None
    about_kind: str = ""
    about_id: int | None = None


def as_record(fields):
    """A CaseRecord from the owning plugin's mapping of its fields (plugins do not import
    this module), or None."""
    return None if fields is None else CaseRecord(**fields)


@dataclass(frozen=True)
class AlertContext:
    """A kind of case record trigger alerts may watch. ``fields``: field name -> label, the
    fields whose change may fire an alert; ``record(pk)``: the mapping of a CaseRecord's
    fields, or None when the record is gone."""

    key: str
    label: str
    fields: dict
    record: Callable[[int], CaseRecord | None]


@dataclass(frozen=True)
class Parameter:
    """A whole-number parameter of a condition ("within N days")."""

    name: str
    label: str
    default: int


@dataclass(frozen=True)
class Condition:
    """A named question a scheduled alert asks instead of free SQL: ``rows(parameters,
    today)`` gives the matching rows, each a mapping of a CaseRecord's fields;
    ``parameters`` (Parameter) declares the whole numbers staff may set."""

    key: str
    label: str
    rows: Callable[[dict, object], Iterable[CaseRecord]]
    parameters: tuple = field(default_factory=tuple)

    def records(self, chosen, today):
        """The CaseRecords for the parameters ``chosen`` (defaults for those not chosen)."""
        return [as_record(row) for row in self.rows(self.parameters_with_defaults(chosen), today)]

    def parameters_with_defaults(self, chosen):
        """``chosen`` completed with the defaults of the parameters it lacks."""
        return {p.name: int(chosen.get(p.name, p.default)) for p in self.parameters}


_contexts = {}
_conditions = {}


def _register(registry, item, what):
    if item.key in registry and registry[item.key] != item:
        raise ImproperlyConfigured(f"The alert {what} {item.key!r} is already registered.")
    registry[item.key] = item
    return item


def register_context(context):
    return _register(_contexts, context, "context")


def register_condition(condition):
    return _register(_conditions, condition, "condition")


def context(key):
    try:
        return _contexts[key]
    except KeyError:
        raise LookupError(f"No alert context {key!r} is registered.") from None


def condition(key):
    try:
        return _conditions[key]
    except KeyError:
        raise LookupError(f"No alert condition {key!r} is registered.") from None


def contexts():
    return dict(_contexts)


def conditions():
    return dict(_conditions)
