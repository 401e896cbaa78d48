"""Printing SEND forms: a submission's answers, or a blank copy to fill in by hand, drawn as one
:class:`Printout` that both file formats (pdf.py, word.py; formats.py chooses) lay out, so they
hold the same words. The functions take a schema, answers and options rather than a request, so
the portal's print pages, the council's admin and background tasks can all call them.
"""

import html
from dataclasses import dataclass, field

import markdown as markdown_lib
import nh3
from django.utils import formats, timezone, translation

from core.config import branding
from core.texts import raw_text

from ..builder.schema import current_language
from ..filling.answers import DATE_FORMAT
from ..models.questions import DataType

SUBJECT_GROUP = 1  # the automatic "Subject details" step, printed before the form's groups
NOTE_LINES = 20  # ruled lines on a Notes page: as many as fit an A4 page under its heading
LOGO_FILTER = "max-600x200|format-png"  # PNG: both a PDF and a Word file can hold it
TICK_BOX = "☐"


class DocumentType:
    NORMAL = "normal"  # the answers only
    NOTES = "notes"  # a page with ruled lines for notes after each group
    GUIDANCE = "guidance"  # the guidance notes in italics above each group


@dataclass(frozen=True)
class PrintOptions:
    """What to print. ``groups``: the group numbers to include (1 is the subject's details),
    None for all of them."""

    groups: tuple | None = None
    document_type: str = DocumentType.NORMAL
    page_breaks: bool = False

    def includes(self, number):
        return self.groups is None or number in self.groups


@dataclass
class Row:
    """One question: its answer in words, or (on a blank copy) room or tick boxes for it."""

    label: str
    answer: str = ""
    hint: str = ""
    boxes: list = field(default_factory=list)
    long: bool = False


@dataclass
class Entry:
    """The questions of a group, or of one entry of a repeating group."""

    heading: str
    rows: list


@dataclass
class Section:
    number: int  # counted from 1 among the printed groups, whatever the groups' own numbers
    name: str
    guidance: list
    entries: list
    notes_heading: str
    page_break: bool


@dataclass
class Printout:
    """Everything a printed form holds, in one language, ready for either format."""

    language: str
    council: str
    logo: bytes | None
    title: str
    meta: list
    guidance: list
    sections: list
    blank: bool


def form_has_guidance(schema):
    """Whether printing "with guidance" would add anything to this form."""
    return bool(schema.guidance or any(group.guidance for group in schema.groups))


def build_printout(schema, answers, options, language, person=None, submission=None):
    """The :class:`Printout` of ``schema`` with ``answers``. Without a submission it is a
    blank copy: empty spaces to write in and tick boxes for the list items."""
    with translation.override(language):
        language = current_language()
        blank = submission is None
        person = person or (submission.person if submission else None)
        council = branding().name_for(language)
        groups = [_subject_group(person)] if options.includes(SUBJECT_GROUP) else []
        groups += [
            (group.name, group.guidance, _group_entries(schema, group, answers, blank))
            for group in schema.groups
            if options.includes(group.number)
        ]
        with_guidance = options.document_type == DocumentType.GUIDANCE
        sections = [
            Section(
                number=number,
                name=name,
                guidance=_paragraphs(guidance) if with_guidance else [],
                entries=entries,
                notes_heading=(
                    raw_text("send.print.notes_heading", group=name)
                    if options.document_type == DocumentType.NOTES
                    else ""
                ),
                page_break=options.page_breaks and number < len(groups),
            )
            for number, (name, guidance, entries) in enumerate(groups, start=1)
        ]
        return Printout(
            language=language,
            council=council,
            logo=_logo(),
            title=raw_text("send.form.title_prefix") + schema.title,
            meta=_meta(submission),
            guidance=_paragraphs(schema.guidance) if with_guidance else [],
            sections=sections,
            blank=blank,
        )


def _subject_group(person):
    fields = [
        ("send.print.subject.forename", person.forename if person else ""),
        ("send.print.subject.middle_names", person.middle_names if person else ""),
        ("send.print.subject.surname", person.surname if person else ""),
        (
            "send.print.subject.date_of_birth",
            formats.date_format(person.date_of_birth, DATE_FORMAT) if person else "",
        ),
    ]
    rows = [Row(label=raw_text(key), answer=value) for key, value in fields]
    return raw_text("send.form.subject.title"), "", [Entry("", rows)]


def _group_entries(schema, group, answers, blank):
    """A blank copy prints every question, each conditional one saying when to answer it;
    a submission's printout leaves out those its answers did not ask."""
    count = answers.repeat_count(group.number) if group.repeating else 1
    return [
        Entry(
            heading=(
                raw_text("send.form.repeat_item", number=index + 1, group=group.name)
                if group.repeating
                else ""
            ),
            rows=[
                _row(schema, question, answers, index, blank)
                for question in group.questions
                if blank or schema.is_shown(question, answers.value, index)
            ],
        )
        for index in range(count)
    ]


def _row(schema, question, answers, repeat, blank):
    if not blank:
        return Row(label=question.label, answer=answers.display(question, repeat))
    if question.data_type == DataType.YES_NO:
        boxes = [raw_text("send.form.yes"), raw_text("send.form.no")]
    else:
        boxes = [words for _value, words in question.choices]
    return Row(
        label=question.label,
        hint=" ".join(filter(None, [_when(schema, question), question.hint])),
        boxes=boxes,
        long=question.data_type == DataType.MEMO,
    )


def _when(schema, question):
    """When a conditional question is to be answered, on a blank copy."""
    controller = schema.controller(question)
    if controller is None:
        return ""
    if controller.data_type == DataType.YES_NO:
        words = {"yes": raw_text("send.form.yes"), "no": raw_text("send.form.no")}
    else:
        words = dict(controller.choices)
    answers = [words.get(value, value) for value in question.shown_when_values]
    return raw_text(
        "send.print.shown_when",
        question=controller.label,
        answers=raw_text("send.print.or").join(answers),
    )


def _meta(submission):
    """The lines under the title: reference, when it was sent, when it was printed."""
    lines = []
    if submission is not None:
        if submission.reference:
            lines.append(raw_text("send.print.reference", reference=submission.reference))
        if submission.submitted_at:
            sent = formats.date_format(timezone.localdate(submission.submitted_at), DATE_FORMAT)
            lines.append(raw_text("send.print.submitted", date=sent))
        else:
            lines.append(raw_text("send.print.not_sent"))
    printed = formats.date_format(timezone.localdate(), DATE_FORMAT)
    lines.append(raw_text("send.print.printed", date=printed))
    return lines


def _paragraphs(text):
    """Guidance as plain paragraphs: the SEND team may write Markdown, which a Word file
    cannot show, so both formats print its words without the marks."""
    if not text.strip():
        return []
    words = html.unescape(nh3.clean(markdown_lib.markdown(text), tags=set()))
    return [paragraph.strip() for paragraph in words.split("\n\n") if paragraph.strip()]


def _logo():
    """The council's logo as PNG bytes, or None. Read through the storage, so it works with
    media on the local disk or in S3 alike."""
    image = branding().logo
    if image is None:
        return None
    rendition = image.get_rendition(LOGO_FILTER)
    with rendition.file.open("rb") as stream:
        return stream.read()
