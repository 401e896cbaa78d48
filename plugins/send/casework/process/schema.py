"""The shape of a process definition and its loader.

A process definition is a JSON file in ``definitions/``: the statutory process of one
jurisdiction as data (the dates a caseworker records, the stages in order, the deadlines and
the legal exceptions to them). Every wording is a text key (see ``process.texts``), so editors
reword the vocabulary without a deploy. ``load_definition`` checks a file completely and names
the file and the field of the first fault it finds."""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ENGLAND = "england"
WALES = "wales"
JURISDICTIONS = (ENGLAND, WALES)

OFFSET_UNITS = ("days", "weeks", "months")


class ProcessDefinitionError(ValueError):
    """A process definition file that does not have the expected shape."""

    def __init__(self, path, field, problem):
        self.path = Path(path)
        self.field = field
        super().__init__(f"{self.path.name}: {field}: {problem}")


@dataclass(frozen=True)
class DateField:
    """A date the caseworker records on the involvement (e.g. the day the request arrived)."""

    code: str
    label: str


@dataclass(frozen=True)
class Rule:
    """One way to compute a due date.

    Either an offset (``amount`` ``unit``) after a base date, or a fixed calendar day
    (``month``/``day``) in the calendar year of the base date. With several base dates the
    latest one recorded counts (e.g. "12 months from the plan or from the last review").

    ``begins_on_base`` is for periods the law counts "beginning with" (or "starting with") the
    base day, so the base day is the period's first day; otherwise the period starts the day
    after it ("within 6 weeks of receiving a request")."""

    base: tuple[str, ...]
    amount: int = 0
    unit: str = ""
    month: int = 0
    day: int = 0
    begins_on_base: bool = False
    source: str = ""

    @property
    def is_fixed_day(self):
        return bool(self.month)


@dataclass(frozen=True)
class Deadline:
    """When a stage must be done. With several rules the earliest computable due date wins
    (a phase transfer brings the annual review's amended plan forward)."""

    rules: tuple[Rule, ...]
    label: str


@dataclass(frozen=True)
class Stage:
    """A step of the process: done once ``done_when`` is recorded; under way once
    ``started_when`` is (e.g. the draft plan sent while comments are awaited)."""

    code: str
    label: str
    extra_information: str
    done_when: str
    deadline: Deadline | None
    started_when: str = ""


@dataclass(frozen=True)
class ExceptionReason:
    """A legal exception to time limits: recorded with a reason, it suspends the deadlines of
    the stages it names (the statutory limit then does not apply)."""

    code: str
    label: str
    source: str
    suspends: tuple[str, ...]


@dataclass(frozen=True)
class ProcessDefinition:
    code: str
    jurisdiction: str
    title: str
    sources: tuple[str, ...]
    dates: tuple[DateField, ...]
    stages: tuple[Stage, ...]
    exceptions: tuple[ExceptionReason, ...]

    def date_field(self, code):
        return next(field for field in self.dates if field.code == code)

    def exception(self, code):
        return next((reason for reason in self.exceptions if reason.code == code), None)

    def text_keys(self):
        """Every text key the definition uses (each must be a declared portal text)."""
        keys = {self.title}
        keys.update(field.label for field in self.dates)
        for stage in self.stages:
            keys.update((stage.label, stage.extra_information))
            if stage.deadline:
                keys.add(stage.deadline.label)
        keys.update(reason.label for reason in self.exceptions)
        return keys


class _Reader:
    """Reads one file's JSON, naming the field of every fault."""

    def __init__(self, path, text_keys):
        self.path = path
        self.text_keys = text_keys

    def fail(self, field, problem):
        raise ProcessDefinitionError(self.path, field, problem)

    def mapping(self, value, field, required, optional=()):
        if not isinstance(value, dict):
            self.fail(field, "must be an object")
        missing = [key for key in required if key not in value]
        if missing:
            self.fail(f"{field}.{missing[0]}", "is required")
        unknown = sorted(set(value) - set(required) - set(optional))
        if unknown:
            self.fail(f"{field}.{unknown[0]}", "is not a known field")
        return value

    def string(self, value, field):
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "must be a non-empty string")
        return value

    def text_key(self, value, field):
        self.string(value, field)
        if value not in self.text_keys:
            self.fail(field, f"text {value!r} is not declared in process.texts")
        return value

    def items(self, value, field, allow_empty=False):
        if not isinstance(value, list) or (not value and not allow_empty):
            self.fail(field, "must be a list" if allow_empty else "must be a non-empty list")
        return value

    def integer(self, value, field, low, high):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(field, f"must be a whole number from {low} to {high}")
        return value

    def unique(self, codes, field):
        seen = set()
        for index, code in enumerate(codes):
            if code in seen:
                self.fail(f"{field}[{index}].code", f"{code!r} is used twice")
            seen.add(code)
        return seen


def _rule(reader, raw, field, date_codes):
    raw = reader.mapping(
        raw, field, ("from", "source"), (*OFFSET_UNITS, "fixed_day", "period_begins_on_base")
    )
    base = raw["from"]
    base = (base,) if isinstance(base, str) else tuple(reader.items(base, f"{field}.from"))
    for index, code in enumerate(base):
        if code not in date_codes:
            reader.fail(f"{field}.from[{index}]", f"{code!r} is not one of the process's dates")
    source = reader.string(raw["source"], f"{field}.source")
    offsets = [unit for unit in OFFSET_UNITS if unit in raw]
    if len(offsets) + ("fixed_day" in raw) != 1:
        reader.fail(field, "needs exactly one of days, weeks, months or fixed_day")
    if "fixed_day" in raw:
        fixed = reader.mapping(raw["fixed_day"], f"{field}.fixed_day", ("month", "day"))
        month = reader.integer(fixed["month"], f"{field}.fixed_day.month", 1, 12)
        day = reader.integer(fixed["day"], f"{field}.fixed_day.day", 1, 31)
        try:
            date(2024, month, day)  # a leap year, so 29 February is allowed
        except ValueError:
            reader.fail(f"{field}.fixed_day", "is not a day of the year")
        if "period_begins_on_base" in raw:
            reader.fail(f"{field}.period_begins_on_base", "applies to an offset only")
        return Rule(base=base, month=month, day=day, source=source)
    unit = offsets[0]
    amount = reader.integer(raw[unit], f"{field}.{unit}", 1, 1000)
    begins_on_base = raw.get("period_begins_on_base", False)
    if not isinstance(begins_on_base, bool):
        reader.fail(f"{field}.period_begins_on_base", "must be true or false")
    return Rule(base=base, amount=amount, unit=unit, begins_on_base=begins_on_base, source=source)


def _stage(reader, raw, field, date_codes):
    raw = reader.mapping(
        raw,
        field,
        ("code", "label", "extra_information", "done_when"),
        ("deadline", "started_when"),
    )
    for name in ("done_when", "started_when"):
        if name in raw and reader.string(raw[name], f"{field}.{name}") not in date_codes:
            reader.fail(f"{field}.{name}", f"{raw[name]!r} is not one of the process's dates")
    deadline = None
    if "deadline" in raw:
        spec = reader.mapping(raw["deadline"], f"{field}.deadline", ("label", "rules"))
        rules = reader.items(spec["rules"], f"{field}.deadline.rules")
        deadline = Deadline(
            rules=tuple(
                _rule(reader, rule, f"{field}.deadline.rules[{index}]", date_codes)
                for index, rule in enumerate(rules)
            ),
            label=reader.text_key(spec["label"], f"{field}.deadline.label"),
        )
    return Stage(
        code=reader.string(raw["code"], f"{field}.code"),
        label=reader.text_key(raw["label"], f"{field}.label"),
        extra_information=reader.text_key(raw["extra_information"], f"{field}.extra_information"),
        done_when=raw["done_when"],
        deadline=deadline,
        started_when=raw.get("started_when", ""),
    )


def _exception(reader, raw, field, stage_codes):
    raw = reader.mapping(raw, field, ("code", "label", "source", "suspends"))
    suspends = tuple(reader.items(raw["suspends"], f"{field}.suspends"))
    for index, code in enumerate(suspends):
        if code not in stage_codes:
            reader.fail(f"{field}.suspends[{index}]", f"{code!r} is not one of the stages")
    return ExceptionReason(
        code=reader.string(raw["code"], f"{field}.code"),
        label=reader.text_key(raw["label"], f"{field}.label"),
        source=reader.string(raw["source"], f"{field}.source"),
        suspends=suspends,
    )


def load_definition(path, text_keys):
    """Read and check one definition file; ``text_keys`` are the declared process texts."""
    path = Path(path)
    reader = _Reader(path, text_keys)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        reader.fail("(file)", f"is not valid JSON ({error})")
    raw = reader.mapping(
        raw,
        "(top level)",
        ("code", "jurisdiction", "title", "sources", "dates", "stages"),
        ("exceptions",),
    )
    jurisdiction = raw["jurisdiction"]
    if jurisdiction not in JURISDICTIONS:
        reader.fail("jurisdiction", f"must be one of {', '.join(JURISDICTIONS)}")
    dates = tuple(
        DateField(
            code=reader.string(
                reader.mapping(item, f"dates[{index}]", ("code", "label"))["code"],
                f"dates[{index}].code",
            ),
            label=reader.text_key(item["label"], f"dates[{index}].label"),
        )
        for index, item in enumerate(reader.items(raw["dates"], "dates"))
    )
    date_codes = reader.unique([field.code for field in dates], "dates")
    stages = tuple(
        _stage(reader, item, f"stages[{index}]", date_codes)
        for index, item in enumerate(reader.items(raw["stages"], "stages"))
    )
    stage_codes = reader.unique([stage.code for stage in stages], "stages")
    exceptions = tuple(
        _exception(reader, item, f"exceptions[{index}]", stage_codes)
        for index, item in enumerate(
            reader.items(raw.get("exceptions", []), "exceptions", allow_empty=True)
        )
    )
    reader.unique([reason.code for reason in exceptions], "exceptions")
    return ProcessDefinition(
        code=reader.string(raw["code"], "code"),
        jurisdiction=jurisdiction,
        title=reader.text_key(raw["title"], "title"),
        sources=tuple(
            reader.string(source, f"sources[{index}]")
            for index, source in enumerate(reader.items(raw["sources"], "sources"))
        ),
        dates=dates,
        stages=stages,
        exceptions=exceptions,
    )
