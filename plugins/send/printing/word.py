"""A printout as a Word document (python-docx)."""

import re
from io import BytesIO

from core.texts import raw_text

from .documents import NOTE_LINES, TICK_BOX, build_printout

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
