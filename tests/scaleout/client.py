"""A person at a browser, as far as the scale-out stack can tell: cookies, forms, redirects.

Shared by the smoke journey, the fault checks and the load test (whose locust session is a
requests.Session too). Every request goes to the next web server in turn, redirects included,
so a journey only works if no state lives in one process.

The stack runs the production settings, which expect TLS to end at a proxy: each request says
``X-Forwarded-Proto: https`` and a same-origin ``Referer`` (Django's CSRF check of HTTPS
requests wants one), and the secure ``__Host-`` cookies are sent back over the loopback HTTP
that stands in for the proxy's private network (all of the portal's cookies are secure and
for one host, so the whole jar is sent).
"""

import email
import os
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REDIRECTS = {301, 302, 303, 307, 308}


def stack_urls():
    return [url for url in os.environ["SCALEOUT_URLS"].split(",") if url]


class JourneyError(AssertionError):
    """The portal did not answer as a person would expect; the message says where."""


class Page:
    def __init__(self, response, path):
        self.response = response
        self.path = path
        self.status = response.status_code
        # lxml's parser: under `make loadtest` the simulated users share the portal's two
        # cores, and Python's own parser takes half as long again.
        self.soup = BeautifulSoup(response.text, "lxml")

    @property
    def h1(self):
        heading = self.soup.find("h1")
        return " ".join(heading.get_text(" ").split()) if heading else ""

    @property
    def errors(self):
        summary = self.soup.select_one(".govuk-error-summary")
        return " ".join(summary.get_text(" ").split()) if summary else ""

    def text(self):
        return " ".join(self.soup.get_text(" ").split())

    def link(self, words):
        for anchor in self.soup.find_all("a", href=True):
            if words in " ".join(anchor.get_text(" ").split()):
                return anchor["href"]
        raise JourneyError(f"No link {words!r} on {self.path} ({self.h1!r})")

    def button(self, words=None):
        """The form holding the button whose words contain ``words`` (the first submit
        button of a POST form when None), and that button."""
        # The page's main content first: the header's "Sign out" is a POST form too.
        main = self.soup.find("main") or self.soup
        forms = main.find_all("form") + (self.soup.find_all("form") if words else [])
        for form in forms:
            if form.get("method", "get").lower() != "post":
                continue
            for button in form.find_all(["button", "input"]):
                if button.name == "input" and button.get("type") != "submit":
                    continue
                if button.name == "button" and button.get("type", "submit") != "submit":
                    continue
                label = " ".join((button.get_text(" ") or button.get("value", "")).split())
                if words is None or words in label:
                    return form, button
        raise JourneyError(f"No button {words!r} on {self.path} ({self.h1!r})")


def _fill_value(field):
    """An answer a careful person might type into this field."""
    name = field.get("name", "")
    kind = field.get("type", "text").lower()
    if re.search(r"day$", name):
        return "4"
    if re.search(r"month$", name):
        return "5"
    if re.search(r"year$", name):
        return "2015"
    if kind == "email":
        return "someone@example.org"
    if kind == "tel":
        return "07700 900982"
    if kind == "number" or field.get("inputmode") in {"numeric", "decimal"}:
        return "3"
    if field.get("maxlength") and int(field["maxlength"]) < 16:
        return "Yes"[: int(field["maxlength"])]
    return "Load test answer"


def form_fields(form, answers=None, fill=False):
    """What submitting ``form`` sends: (data, files). ``answers`` (name -> value, None to
    leave a field out) win;
    with ``fill`` every empty field gets an answer, "yes" (or else the first choice) in each
    group of radios, every checkbox ticked, a PDF in every file input."""
    answers = dict(answers or {})
    data, files, radios = [], [], {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        kind = field.get("type", "text").lower() if field.name == "input" else field.name
        if kind in {"submit", "button", "image", "reset"}:
            continue
        if kind == "radio":
            group = radios.setdefault(name, {"values": [], "checked": None})
            group["values"].append(field.get("value"))
            if field.has_attr("checked"):
                group["checked"] = field.get("value")
        elif name in answers:
            # None: leave the field out (an unticked checkbox).
            if (value := answers.pop(name)) is not None:
                data.append((name, value))
        elif kind == "checkbox":
            if field.has_attr("checked") or fill:
                data.append((name, field.get("value", "on")))
        elif kind == "file":
            if fill:
                files.append((name, ("evidence.pdf", PDF, "application/pdf")))
        elif kind == "select":
            options = [option for option in field.find_all("option") if option.get("value")]
            chosen = field.find("option", selected=True) or (options[0] if options else None)
            if chosen is not None:
                data.append((name, chosen.get("value", "")))
        else:
            value = field.get_text() if kind == "textarea" else field.get("value", "")
            if not value and fill and kind != "hidden":
                value = _fill_value(field)
            data.append((name, value))
    for name, group in radios.items():
        if name in answers:
            data.append((name, answers.pop(name)))
        elif group["checked"] is not None:
            data.append((name, group["checked"]))
        elif fill:
            data.append((name, "yes" if "yes" in group["values"] else group["values"][0]))
    return data, files


class Portal:
    """One person's browser, alternating between the stack's web servers."""

    def __init__(self, urls=None, session=None):
        self.urls = urls or stack_urls()
        self.turn = 0
        self.session = session or requests.Session()

    def _next_base(self):
        base = self.urls[self.turn % len(self.urls)]
        self.turn += 1
        return base

    def request(self, method, path, *, expect=200, name=None, **kwargs):
        """``path`` on the next server, following redirects (each hop on the next server),
        returning a :class:`Page`; raises :class:`JourneyError` unless the final status is
        ``expect`` (None: any)."""
        for _hop in range(10):
            base = self._next_base()
            host = urlsplit(base).netloc
            headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{host}{path}"}
            # requests sends secure cookies over https only: the "proxy" sends them itself.
            cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
            if cookies:
                headers["Cookie"] = cookies
            extra = {"name": name} if name and "locust" in type(self.session).__module__ else {}
            response = self.session.request(
                method, base + path, headers=headers, allow_redirects=False, **kwargs, **extra
            )
            if response.status_code not in REDIRECTS:
                break
            location = urlsplit(urljoin(f"https://{host}{path}", response.headers["Location"]))
            path = location.path + (f"?{location.query}" if location.query else "")
            method, kwargs = "GET", {}
        page = Page(response, path)
        if expect is not None and page.status != expect:
            raise JourneyError(f"{method} {path}: {page.status} ({page.h1!r} {page.errors!r})")
        return page

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def submit(self, page, button=None, answers=None, fill=False, **kwargs):
        """Press ``button`` (words on it) on ``page``, sending the form as it stands plus
        ``answers`` (and, with ``fill``, an answer in every empty field)."""
        form, pressed = page.button(button)
        data, files = form_fields(form, answers, fill)
        if pressed.get("name"):
            data.append((pressed["name"], pressed.get("value", "")))
        action = form.get("action") or page.path
        action = urlsplit(urljoin(f"https://portal{page.path}", action))
        path = action.path + (f"?{action.query}" if action.query else "")
        return self.request("POST", path, data=data, files=files or None, **kwargs)

    def sign_in(self, email_address, password, outbox, name=None):
        """Password, then the code from the email the portal sent (two-step verification)."""
        page = self.get("/account/sign-in/", name=name)
        since = time.time()
        page = self.submit(page, answers={"email": email_address, "password": password}, name=name)
        if "code" not in page.path:
            raise JourneyError(f"Expected the code step after the password, got {page.path}")
        code = outbox.code_for(email_address, since)
        return self.submit(page, answers={"code": code}, name=name)


class Outbox:
    """The .eml files the portal's outbox backend writes (core.mail.OutboxEmailBackend): the
    stack's web servers and task clusters share one directory, as they would share SMTP."""

    CODE = re.compile(r"\b(\d{6})\b")

    def __init__(self, directory=None):
        self.directory = Path(directory or Path(os.environ["PORTAL_VAR_DIR"]) / "outbox")
        self._seen = {}

    def messages(self):
        """Every message as (file name, recipient, subject, text), oldest first."""
        if not self.directory.is_dir():
            return []
        for entry in sorted(self.directory.glob("*.eml")):
            if entry.name not in self._seen:
                message = email.message_from_bytes(entry.read_bytes())
                body = next(
                    (
                        part.get_payload(decode=True).decode()
                        for part in message.walk()
                        if part.get_content_type() == "text/plain"
                    ),
                    "",
                )
                self._seen[entry.name] = (
                    entry.stat().st_mtime,
                    message["To"],
                    str(email.header.make_header(email.header.decode_header(message["Subject"]))),
                    body,
                )
        return [(name, *values[1:]) for name, values in sorted(self._seen.items())]

    def to(self, address, since=0.0):
        """(subject, text) of the messages to ``address`` written at or after ``since``, oldest
        first. File times come from the kernel's coarse clock, a few milliseconds behind
        time.time(), hence the small allowance; a wider one would take the email of the step
        before (a quick journey's previous code) for the one still on its way."""
        found = [
            (mtime, subject, body)
            for mtime, recipient, subject, body in self._seen.values()
            if recipient == address and mtime >= since - 0.05
        ]
        return [(subject, body) for _mtime, subject, body in sorted(found, key=lambda m: m[0])]

    def code_for(self, address, since, timeout=90.0):
        """The code in the newest email to ``address`` sent after ``since`` (a time.time()).

        Emails go out through the task clusters: on a machine whose cores are all busy (the
        load test's own users share them) a code can take far longer than a person would
        wait, which is a measure of the machine, not a failure of the portal."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.messages()
            for _subject, body in reversed(self.to(address, since)):
                match = self.CODE.search(body)
                if match:
                    return match.group(1)
            time.sleep(0.2)
        raise JourneyError(f"No code emailed to {address} within {timeout:.0f} s")
