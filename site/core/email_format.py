"""Turning an email text (Markdown with {placeholders}) into its HTML and plain-text parts.

Rules (docs/architecture.md, "Accounts: security rules"):

- Placeholder values are data, never markup: Markdown syntax and HTML in them are escaped
  before the Markdown is rendered, so a name typed as ``[Urgent](https://evil.example)``
  arrives as those characters, not as a link or an image.
- Links are the portal's own: values of placeholders named ``link`` or ``*_link`` / ``*_url``
  (built by the portal) and addresses an editor wrote in the text become links in the HTML.
- The plain-text part is made from the rendered HTML, so it carries no Markdown syntax: a
  link is its address, a list item starts with a bullet.
"""

import re
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

# The characters Python-Markdown lets a backslash escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
# A web address an editor typed without Markdown's link syntax (not already inside one).
_BARE_URL = re.compile(r"(?<![<(\[/\w])https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


def is_link_placeholder(name):
    return name == "link" or name.endswith(("_link", "_url"))


def escape_markdown(value):
    """``value`` as literal text inside Markdown: no syntax, no HTML."""
    value = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def fill(template, placeholders):
    """The Markdown of an email: the editor's template with bare addresses made links and
    each placeholder's value escaped (or, for the portal's own links, linked)."""
    template = _BARE_URL.sub(lambda match: f"<{match.group(0)}>", template)
    values = {
        name: f"<{value}>" if is_link_placeholder(name) else escape_markdown(value)
        for name, value in placeholders.items()
    }
    return template.format_map(values)


def to_html(markdown_text):
    return nh3.clean(markdown_lib.markdown(markdown_text), link_rel="noopener")


class _PlainText(HTMLParser):
    """Text of sanitised email HTML: paragraphs apart, list items bulleted, links as their
    address when it differs from their words."""

    _BLOCKS = {"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n• ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            words = "".join(self.parts[start:]).strip()
            if href and words != href:
                self.parts.append(f" ({href})")

    def handle_data(self, data):
        self.parts.append(data)

    def text(self):
        text = "".join(self.parts)
        text = re.sub(r"[ \t]+\n", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def to_plain_text(html):
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.text()
