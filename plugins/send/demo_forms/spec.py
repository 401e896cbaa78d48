"""The shape of the demo forms' content: frozen records that ``plugins.send.demo.loader`` turns into
bank questions, form definitions, groups and placements. Every text is an (English, Welsh)
pair, and a hint or guidance cannot be left out, so no Welsh can be forgotten."""

from dataclasses import dataclass

Words = tuple[str, str]


@dataclass(frozen=True)
class Question:
    """A bank question. A fact asked on several forms is one ``Question`` object (see
    ``shared``): one code, so an answer given on one form pre-fills the next."""

    code: str
    data_type: str
    label: Words
    hint: Words
    max_length: int | None = None
    mandatory: bool = False
    in_chronology: bool = False
    choices: tuple[tuple[str, str, str], ...] = ()  # (stored value, English, Welsh)


@dataclass(frozen=True)
class Group:
    """One step of a form; steps are numbered 2, 3, 4… in the order given."""

    name: Words
    guidance: Words
    questions: tuple[Question, ...]
    repeating: bool = False


@dataclass(frozen=True)
class Form:
    code: str
    title: Words
    guidance: Words
    portal_type: str
    user_type: str
    groups: tuple[Group, ...]
    subtitle: str = ""
    description: str = ""
