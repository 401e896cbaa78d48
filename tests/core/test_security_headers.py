"""Every portal response carries the security headers; cookies are locked down."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PORTAL_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def policy(response):
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("path", ["/", "/cy/", "/account/signed-out/inactive/"])
def test_portal_pages_allow_only_their_own_scripts_and_styles(client, demo, path):
    response = client.get(path)

    assert response.status_code == 200
    assert policy(response) == PORTAL_POLICY
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def demo_parent():
    """The demo parent, who has agreed to the demo's consent statement, so reaches the home
    page (a new account would be shown the statement first)."""
    return get_user_model().objects.get(email="parent@example.org")


def test_signed_in_pages_with_the_timeout_warning_have_the_same_policy(client, demo):
    client.force_login(demo_parent())

    assert policy(client.get("/")) == PORTAL_POLICY


def test_the_wagtail_admin_is_left_out_of_the_policy(admin_client):
    # Wagtail's admin needs inline scripts and styles (see CONTENT_SECURITY_POLICY in base.py).
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.parametrize("path", ["/", "/admin/login/"])
def test_pages_cannot_be_framed_sniffed_or_leak_their_address(client, demo, path):
    response = client.get(path, follow=True)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, demo):
    client.force_login(demo_parent())
    response = client.get("/")  # the timeout warning's form sets the CSRF cookie

    session = client.cookies[settings.SESSION_COOKIE_NAME]
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert session["httponly"] and csrf["httponly"]
    assert session["samesite"] == csrf["samesite"] == "Lax"
    # A browser session: closing the browser signs the user out.
    assert session["max-age"] == "" and session["expires"] == ""


def test_portal_templates_have_no_inline_scripts_or_styles():
    """The policy would block them; the browser tests would only notice on pages they visit."""
    root = Path(settings.BASE_DIR)
    templates = [
        path
        for folder in ("themes", "site", "plugins")
        for path in (root / folder).rglob("templates/**/*.html")
        # Admin pages are outside the policy; emails are not web pages.
        if not {"admin", "wagtailadmin"} & set(path.relative_to(root).parts)
        and "email" not in path.name
    ]
    assert templates
    offenders = [
        str(path.relative_to(root))
        for path in templates
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", path.read_text())
    ]
    assert offenders == []


def _production_settings(*names):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
    )
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.SITE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_uses_https_only_with_hsts_and_secure_cookies():
    values = _production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CONTENT_SECURITY_POLICY",
    )

    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert "'unsafe-inline'" not in json.dumps(values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"])
