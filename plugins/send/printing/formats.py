"""The file formats a printout comes in: PDF (pdf.py) and Word (word.py)."""

from .pdf import print_pdf
from .word import print_docx

FILE_FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def print_file(file_format, schema, answers, options, language, person=None, submission=None):
    """The printout as the bytes of a ``file_format`` file (one of FILE_FORMATS)."""
    make = print_pdf if file_format == "pdf" else print_docx
    return make(schema, answers, options, language, person, submission)
