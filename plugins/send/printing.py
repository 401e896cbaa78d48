"""Printing SEND forms: a submission's answers, or a blank copy to fill in by hand, as a PDF
(WeasyPrint) or a Word document (python-docx).

Both formats are drawn from one :class:`Printout`, so they hold the same words. The functions
take a schema, answers and options rather than a request, so the portal's print pages, the
council's admin and background tasks can all call them.
"""

import base64
import html
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

import markdown as markdown_lib
import nh3
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from core.config import branding
from core.texts import raw_text

from .answers import DATE_FORMAT
from .models.questions import DataType
from .schema import current_language

SUBJECT_GROUP = 1  # the automatic "Subject details" step, printed before the form's groups
NOTE_LINES = 20  # ruled lines on a Notes page: as many as fit an A4 page under its heading
LOGO_FILTER = "max-600x200|format-png"  # PNG: both a PDF and a Word file can hold it
TICK_BOX = "☐"
FILE_FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


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
            (group.name, group.guidance, _group_entries(group, answers, blank))
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


def _group_entries(group, answers, blank):
    count = answers.repeat_count(group.number) if group.repeating else 1
    return [
        Entry(
            heading=raw_text("send.print.entry", number=index + 1) if group.repeating else "",
            rows=[_row(question, answers, index, blank) for question in group.questions],
        )
        for index in range(count)
    ]


def _row(question, answers, repeat, blank):
    if not blank:
        return Row(label=question.label, answer=answers.display(question, repeat))
    if question.data_type == DataType.YES_NO:
        boxes = [raw_text("send.form.yes"), raw_text("send.form.no")]
    else:
        boxes = [words for _value, words in question.choices]
    return Row(
        label=question.label,
        hint=question.hint,
        boxes=boxes,
        long=question.data_type == DataType.MEMO,
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


def print_file(file_format, schema, answers, options, language, person=None, submission=None):
    """The printout as the bytes of a ``file_format`` file (one of FILE_FORMATS)."""
    make = print_pdf if file_format == "pdf" else print_docx
    return make(schema, answers, options, language, person, submission)


# -- HTML and PDF ---------------------------------------------------------------------------

# PDF/UA: a tagged PDF (headings, tables, language) that screen readers can follow.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def print_html(schema, answers, options, language, person=None, submission=None):
    """The printout as the HTML page the PDF is laid out from (styled by :func:`print_css`)."""
    printout = build_printout(schema, answers, options, language, person, submission)
    return _html(printout)


def _html(printout):
    logo = base64.b64encode(printout.logo).decode("ascii") if printout.logo else ""
    context = {
        "printout": printout,
        "logo": logo,
        "note_lines": range(NOTE_LINES),
        "tick_box": TICK_BOX,
    }
    return render_to_string("send/print/document.html", context)


def pdf_document(schema, answers, options, language, person=None, submission=None):
    """The laid-out pages (a WeasyPrint Document) the PDF is written from."""
    from weasyprint import HTML  # imported here: loading it takes a while and needs Pango

    printout = build_printout(schema, answers, options, language, person, submission)
    page = HTML(string=_html(printout), base_url=None, url_fetcher=local_url_fetcher())
    return page.render(stylesheets=[_stylesheet(print_css(printout.language))], **PDF_OPTIONS)


@lru_cache(maxsize=8)
def _stylesheet(css):
    """The stylesheet parsed once per text (per language, until an editor changes the page
    number wording or the theme): WeasyPrint only reads a parsed stylesheet, so every PDF of a
    bulk print run shares it instead of parsing it again."""
    from weasyprint import CSS

    return CSS(string=css, url_fetcher=local_url_fetcher())


def print_pdf(schema, answers, options, language, person=None, submission=None):
    """The printout as PDF bytes."""
    document = pdf_document(schema, answers, options, language, person, submission)
    return document.write_pdf(**PDF_OPTIONS)


def print_css(language):
    """The printout's stylesheet. It is a template, so a council's theme may restyle its
    printouts; WeasyPrint takes it beside the HTML because portal templates hold no <style>
    elements (the CSP test checks every template)."""
    return render_to_string("send/print/document.css", {"page_number": _page_number(language)})


def _page_number(language):
    """The CSS content of "Page 2 of 5", from the editable text with {page} and {pages}."""
    parts = []
    for part in re.split(r"(\{pages?\})", raw_text("send.print.page_number", language)):
        if part in ("{page}", "{pages}"):
            parts.append(f"counter({part[1:-1]})")
        elif part:
            words = part.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            parts.append(f'"{words}"')
    return " ".join(parts) or '""'


def _local_roots():
    roots = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    return [Path(root).resolve() for root in roots if root]


@cache
def _local_fetcher_class():
    from weasyprint.urls import URLFetcher

    class LocalURLFetcher(URLFetcher):
        """Fetches data: URIs and files under the media and static folders, nothing else."""

        def fetch(self, url, headers=None):
            if not may_fetch(url):
                raise ValueError(f"Printouts do not load {url[:80]}")
            return super().fetch(url, headers)

    return LocalURLFetcher


def local_url_fetcher():
    """A WeasyPrint URL fetcher that refuses anything outside the portal: printouts hold
    people's answers, which must never make the server call another address."""
    return _local_fetcher_class()()


def may_fetch(url):
    """Whether a printout may load ``url``: a data: URI or a local media or static file."""
    if url.startswith("data:"):
        return True
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parsed.path)).resolve()
    return any(path.is_relative_to(root) for root in _local_roots())


# -- Word ------------------------------------------------------------------------------------

DOCX_FONT = "Arial"  # on every computer that opens Word files; nothing is embedded


def print_docx(schema, answers, options, language, person=None, submission=None):
    """The printout as the bytes of a Word (.docx) file."""
    from docx import Document
    from docx.shared import Cm

    printout = build_printout(schema, answers, options, language, person, submission)
    document = Document()
    _docx_styles(document, printout.language)
    document.core_properties.title = printout.title
    document.core_properties.language = _word_language(printout.language)
    _docx_footer(document, printout.language)
    if printout.logo:
        document.add_picture(BytesIO(printout.logo), height=Cm(2))
    document.add_paragraph().add_run(printout.council).bold = True
    document.add_heading(printout.title, level=0)
    for line in printout.meta:
        document.add_paragraph(line)
    _docx_guidance(document, printout.guidance)
    for section in printout.sections:
        document.add_heading(f"{section.number}. {section.name}", level=1)
        _docx_guidance(document, section.guidance)
        for entry in section.entries:
            if entry.heading:
                document.add_heading(entry.heading, level=2)
            _docx_table(document, entry.rows, printout.blank)
        if section.notes_heading:
            document.add_page_break()
            document.add_heading(section.notes_heading, level=1)
            for _line in range(NOTE_LINES):
                _ruled_line(document.add_paragraph())
        if section.page_break:
            document.add_page_break()
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def _word_language(language):
    return "cy-GB" if language == "cy" else "en-GB"


def _docx_styles(document, language):
    """Plain black headings in the body font, and the document's language set so Word checks
    Welsh spelling in Welsh."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = DOCX_FONT
        if name != "Normal":
            style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    document.styles["Normal"].font.size = Pt(11)
    for lang in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(qn("w:val"), _word_language(language))


def _docx_footer(document, language):
    """The footer's "Page 2 of 5", with Word's own page fields for the numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.sections[0].footer.paragraphs[0]
    for part in re.split(r"(\{pages?\})", raw_text("send.print.page_number", language)):
        if part in ("{page}", "{pages}"):
            page_field = OxmlElement("w:fldSimple")
            page_field.set(qn("w:instr"), "PAGE" if part == "{page}" else "NUMPAGES")
            run = OxmlElement("w:r")
            number = OxmlElement("w:t")
            number.text = "1"
            run.append(number)
            page_field.append(run)
            paragraph._p.append(page_field)
        elif part:
            paragraph.add_run(part)


def _docx_guidance(document, paragraphs):
    for words in paragraphs:
        document.add_paragraph().add_run(words).italic = True


def _docx_table(document, rows, blank):
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for row in rows:
        question, answer = table.add_row().cells
        question.width, answer.width = Cm(6.5), Cm(10)
        label = question.paragraphs[0]
        label.add_run(row.label).bold = True
        if row.hint:
            question.add_paragraph(row.hint).runs[0].italic = True
        if row.boxes:
            answer.text = "\n".join(f"{TICK_BOX} {words}" for words in row.boxes)
        elif blank:
            # Room to write by hand: a few empty lines, more for a long answer.
            answer.text = "\n" * (7 if row.long else 1)
        else:
            answer.text = row.answer
    document.add_paragraph()


def _ruled_line(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "B1B4B6")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    # Set after the border: Word wants <w:spacing> after <w:pBdr> in the paragraph's properties.
    paragraph.paragraph_format.space_before = Pt(12)
