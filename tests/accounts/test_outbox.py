"""In demo mode staff read the emails the portal wrote to the outbox folder."""

import os
from pathlib import Path

import pytest
from django.core.mail import EmailMultiAlternatives

from core.mail import OutboxEmailBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUTBOX = "/admin/portal/outbox/"


@pytest.fixture
def outbox(settings, tmp_path):
    settings.PORTAL_DEMO = True
    settings.EMAIL_OUTBOX_DIR = tmp_path
    settings.PORTAL_ADMIN_REQUIRES_TWO_FACTOR = False  # staff made here have no 2SV device
    return tmp_path


def write_email(to, subject, text, html=None):
    message = EmailMultiAlternatives(subject, text, "portal@example.org", [to])
    if html:
        message.attach_alternative(html, "text/html")
    OutboxEmailBackend().send_messages([message])


def test_staff_see_the_emails_newest_first_and_read_one(admin_client, outbox):
    write_email("first@example.org", "Confirm your email address", "Your code is 123456")
    (older,) = outbox.glob("*.eml")
    os.utime(older, (1_000_000_000, 1_000_000_000))  # both are written in the same second
    write_email(
        "second@example.org",
        "Your sign-in code",
        "Your code is 654321",
        html="<p>Your code is <b>654321</b></p><script>alert(1)</script>",
    )
    (newer,) = set(outbox.glob("*.eml")) - {older}

    response = admin_client.get(OUTBOX)
    assert response.status_code == 200
    subjects = [item["message"]["subject"] for item in response.context["emails"]]
    assert subjects == ["Your sign-in code", "Confirm your email address"]
    assert "second@example.org" in response.text

    message = admin_client.get(f"{OUTBOX}{newer.name}/")
    assert message.status_code == 200
    assert "<pre" in message.text and "Your code is 654321" in message.text
    assert "<script>alert(1)</script>" not in message.text
    assert "<b>654321</b>" not in message.text


def test_only_outbox_files_are_served(admin_client, outbox, tmp_path):
    (tmp_path.parent / "secret.eml").write_text("Subject: secret\n\nsecret")
    assert admin_client.get(f"{OUTBOX}..%2Fsecret.eml/").status_code == 404
    assert admin_client.get(f"{OUTBOX}missing.eml/").status_code == 404
    assert admin_client.get(f"{OUTBOX}notes.txt/").status_code == 404


def test_outbox_does_not_exist_outside_demo_mode(admin_client, outbox, settings):
    write_email("first@example.org", "Confirm your email address", "Your code is 123456")
    (name,) = [path.name for path in outbox.glob("*.eml")]
    settings.PORTAL_DEMO = False
    assert admin_client.get(OUTBOX).status_code == 404
    assert admin_client.get(f"{OUTBOX}{name}/").status_code == 404
    assert "Email outbox" not in admin_client.get("/admin/").text


def test_outbox_is_for_staff_only(client, outbox):
    write_email("first@example.org", "Confirm your email address", "Your code is 123456")
    (name,) = [path.name for path in outbox.glob("*.eml")]
    response = client.get(OUTBOX)
    assert response.status_code == 302 and "/login/" in response.url
    client.force_login(UserFactory(email="citizen@example.org"))
    for url in (OUTBOX, f"{OUTBOX}{name}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "123456" not in response.text


def test_outbox_is_in_the_portal_menu_in_demo_mode(admin_client, outbox):
    assert "Email outbox" in admin_client.get("/admin/").text


def test_staff_who_are_not_superusers_cannot_read_everyones_codes(client, outbox):
    from django.contrib.auth.models import Group, Permission

    write_email("first@example.org", "Your sign-in code", "Your code is 123456")
    (name,) = [path.name for path in outbox.glob("*.eml")]
    caseworker = UserFactory(email="caseworker@example.org", is_staff=True, kind="staff")
    group = Group.objects.create(name="Caseworkers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    caseworker.groups.add(group)
    client.force_login(caseworker)
    assert client.get("/admin/").status_code == 200
    assert "Email outbox" not in client.get("/admin/").text
    for url in (OUTBOX, f"{OUTBOX}{name}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "123456" not in response.text


def test_a_message_appears_in_the_outbox_only_once_it_is_whole(outbox, monkeypatch):
    # Under load a reader listing the folder found a file still empty (no Subject yet):
    # each message is written under a hidden name and renamed when complete.
    seen_while_writing = []

    def writing(path, data):
        with path.open("wb") as file:  # created, nothing written yet
            seen_while_writing.append(sorted(entry.name for entry in outbox.glob("*.eml")))
            file.write(data)

    monkeypatch.setattr(Path, "write_bytes", writing)
    write_email("first@example.org", "Confirm your email address", "Your code is 123456")

    assert seen_while_writing == [[]]
    (written,) = outbox.iterdir()
    assert written.suffix == ".eml"
    assert "Subject: Confirm your email address" in written.read_text()
