"""A printout as a PDF (WeasyPrint), laid out from an HTML page and the print stylesheet."""

import base64
import re
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string

from core.texts import raw_text

from .documents import NOTE_LINES, TICK_BOX, build_printout

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
