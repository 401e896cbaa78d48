"""Subject access export: a GDPR administrator downloads everything the portal holds about a
person, as JSON and as a PDF, built from every app's export hook."""

import json
import logging

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import include, path
from django.utils import timezone

from accounts.models import EmailConfirmation, Invitation
from core import subject_access
from core.models import AuditEntry
from plugins.gdpr import admin_export
from plugins.gdpr.models import AGREED, WITHDRAWN, ConsentQuestion, ConsentRecord, ConsentStatement
from portal.plugins import installed_plugins
from portal.urls import urlpatterns as portal_urlpatterns
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

# The GDPR administration's wagtail_hooks.py mounts these admin URLs; this urlconf mounts them
# the same way (under /admin/) so the tests do not depend on the menu being wired.
urlpatterns = [path("admin/", include(admin_export.admin_urls())), *portal_urlpatterns]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

STATEMENT_CY = "Rydym yn cadw eich manylion i ddarparu'r gwasanaeth."
STATEMENT_EN = "We keep your details to provide the service."


@pytest.fixture
def person(english):
    person = UserFactory(
        title="Dr",
        first_name="Siân",
        last_name="Llŷr",
        email="sian@example.org",
        preferred_language="cy",
        town="Aberystwyth",
        postcode="SY23 1AA",
        mobile_phone="07700 900123",
        email_confirmed_at=timezone.now(),
    )
    person.secret_question = "first_pet"
    person.set_secret_answer("Pero")
    person.save()
    EmailConfirmation.objects.create(
        user=person,
        code_hash="confirmation-code-hash-123",
        token_hash="confirmation-token-hash-456",
        expires_at=timezone.now() + timezone.timedelta(hours=1),
        used_at=timezone.now(),
    )
    Invitation.objects.create(email="SIAN@example.org", code="INVITE-CODE-789", child_name="Osian")
    question = ConsentQuestion.objects.create(
        locale=english, title="Data protection", statement=STATEMENT_EN, agreement="I agree"
    )
    statement = ConsentStatement.objects.create(
        version=3,
        question=question,
        publish_at=timezone.now(),
        published_at=timezone.now(),
        texts={
            "en": {"statement": STATEMENT_EN, "agreement": "I agree"},
            "cy": {"statement": STATEMENT_CY, "agreement": "Rwy'n cytuno"},
        },
    )
    ConsentRecord.objects.create(
        user=person, statement=statement, action=AGREED, language="cy", channel="registration"
    )
    ConsentRecord.objects.create(
        user=person, statement=statement, action=WITHDRAWN, language="en", channel="my_account"
    )
    return person


def _staff(*permissions):
    staff = UserFactory(email="gdpr.officer@example.org", kind="staff", is_staff=True)
    for codename in ("access_admin", *permissions):
        staff.user_permissions.add(Permission.objects.get(codename=codename))
    return staff


@pytest.fixture
def gdpr_officer(client):
    return sign_in_verified(client, _staff("administer_gdpr"))


def _exported_fields(data, app, kind):
    section = next(s for s in data["sections"] if s["app"] == app)
    return [
        {field["name"]: field["value"] for field in item["fields"]}
        for item in section["items"]
        if item.get("kind") == kind
    ]


def _pdf_text(data, language):
    """The text WeasyPrint lays out on the PDF's pages (pdftotext is not installed here)."""
    from weasyprint.formatting_structure.boxes import TextBox

    return " ".join(
        box.text
        for page in subject_access.as_document(data, language).pages
        for box in page._page_box.descendants()
        if isinstance(box, TextBox)
    )


def test_json_export_holds_the_profile_and_consent_records_with_the_statement_as_shown(
    person, superuser
):
    data = json.loads(subject_access.as_json(subject_access.collect(person, by=superuser)))

    assert data["subject"] == {"id": person.pk, "email": "sian@example.org", "name": "Siân Llŷr"}
    assert data["generated_by"]["email"] == superuser.email
    assert data["council"] == "Demo Borough Council"
    apps = [s["app"] for s in data["sections"]]
    assert apps[0] == "accounts" and "gdpr" in apps
    [profile] = _exported_fields(data, "accounts", "profile")
    assert profile["title"] == "Dr"
    assert profile["first_name"] == "Siân"
    assert profile["last_name"] == "Llŷr"
    assert profile["postcode"] == "SY23 1AA"
    assert profile["mobile_phone"] == "07700 900123"
    assert profile["preferred_language"] == "cy"
    [security] = _exported_fields(data, "accounts", "security")
    assert security["secret_question"] == "first_pet"
    assert security["secret_answer"] is True  # held, not shown
    assert security["two_factor_on"] is False
    assert len(_exported_fields(data, "accounts", "password_set")) == 1  # set at registration
    [invitation] = _exported_fields(data, "accounts", "invitation")
    assert invitation["child_name"] == "Osian"
    withdrawn, agreed = _exported_fields(data, "gdpr", "consent_record")
    assert (agreed["action"], agreed["language"]) == ("agreed", "cy")
    assert agreed["statement"] == STATEMENT_CY
    assert agreed["agreement"] == "Rwy'n cytuno"
    assert withdrawn["statement"] == STATEMENT_EN
    assert withdrawn["actioned_at"] is None
    # ISO 8601 dates.
    assert timezone.datetime.fromisoformat(agreed["created_at"])


def test_json_export_never_contains_hashes_or_codes(person):
    exported = subject_access.as_json(subject_access.collect(person))

    person.refresh_from_db()
    for secret in (
        person.password,
        person.secret_answer,
        "confirmation-code-hash-123",
        "confirmation-token-hash-456",
        "INVITE-CODE-789",
    ):
        assert secret.encode() not in exported
    assert "Siân Llŷr".encode() in exported  # UTF-8, not \\u escapes


def test_json_export_is_stable(person):
    data = subject_access.collect(person)

    assert subject_access.as_json(data) == subject_access.as_json(data)


def test_pdf_is_in_welsh_with_the_welsh_name_and_the_statement_as_shown(person):
    data = subject_access.collect(person, language="cy")

    pdf = subject_access.as_pdf(data, "cy")

    assert pdf.startswith(b"%PDF")
    text = _pdf_text(data, "cy")
    assert "Siân Llŷr" in text
    assert "Demo Borough Council" in text
    assert STATEMENT_CY in text


def test_every_app_can_contribute_a_section_to_the_pdf(person, monkeypatch):
    monkeypatch.setattr(apps.get_app_config("example_plugin"), "exports", f"{__name__}.days_export")
    data = subject_access.collect(person, language="en")

    text = _pdf_text(data, "en")

    assert "Appointments Preferred days Monday Tuesday" in text
    assert text.count("Preferred days") == 1


def days_export(user):
    days = {"name": "days", "label": "Preferred days", "value": ["Monday", "Tuesday"]}
    return {"title": "Appointments", "items": [{"fields": [days]}]}


def test_a_failing_export_stops_the_whole_export(person, monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("example_plugin"), "exports", f"{__name__}.broken_export", raising=False
    )

    with pytest.raises(subject_access.SubjectAccessError, match="example_plugin"):
        subject_access.collect(person)


def test_an_export_that_is_not_a_section_stops_the_whole_export(person, monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("example_plugin"), "exports", f"{__name__}.shapeless_export"
    )

    with pytest.raises(subject_access.SubjectAccessError, match="cannot be exported"):
        subject_access.collect(person)


def broken_export(user):
    raise RuntimeError("database unavailable")


def shapeless_export(user):
    return {"title": "Things", "items": [{"fields": [{"name": "x", "label": "X", "value": {}}]}]}


def test_every_plugin_that_stores_something_about_a_user_declares_an_export():
    # Otherwise the export would leave that data out without anyone noticing.
    user_model = get_user_model()
    silent = {
        f"{model._meta.label}.{field.name}"
        for config in [apps.get_app_config("accounts"), *installed_plugins()]
        if not config.exports
        for model in config.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is user_model
    }

    assert not silent


def test_gdpr_administrator_finds_a_person_by_name(gdpr_officer, person):
    response = gdpr_officer.get("/admin/gdpr/subject-access/", {"q": "siân llŷr"})

    assert response.status_code == 200
    assert f"/admin/gdpr/subject-access/{person.pk}/" in response.content.decode()


def test_gdpr_administrator_downloads_json_and_pdf_and_each_download_is_logged(
    gdpr_officer, person, caplog
):
    page = gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/")
    assert "Download JSON" in page.content.decode()
    assert "Download PDF" in page.content.decode()
    today = timezone.localdate().isoformat()

    with caplog.at_level(logging.INFO, logger="plugins.gdpr.admin_export"):
        as_json = gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/json/")
        as_pdf = gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/pdf/?language=en")

    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert as_json["Content-Disposition"] == (
        f'attachment; filename="subject-access-{person.pk}-{today}.json"'
    )
    assert json.loads(as_json.content)["generated_by"]["email"] == "gdpr.officer@example.org"
    assert json.loads(as_json.content)["language"] == "cy"  # the person's preferred language
    assert as_pdf["Content-Type"] == "application/pdf"
    assert as_pdf["Content-Disposition"] == (
        f'attachment; filename="subject-access-{person.pk}-{today}.pdf"'
    )
    assert as_pdf.content.startswith(b"%PDF")
    logged = [r.getMessage() for r in caplog.records if "Subject access export" in r.getMessage()]
    assert len(logged) == 2
    assert "gdpr.officer@example.org" in logged[0] and "sian@example.org" in logged[0]


def test_a_failing_export_downloads_nothing_and_says_why(gdpr_officer, person, monkeypatch):
    monkeypatch.setattr(
        apps.get_app_config("example_plugin"), "exports", f"{__name__}.broken_export"
    )

    response = gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/json/", follow=True)

    assert "Content-Disposition" not in response
    assert "nothing was downloaded" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/gdpr/subject-access/",
        "/admin/gdpr/subject-access/{pk}/",
        "/admin/gdpr/subject-access/{pk}/json/",
        "/admin/gdpr/subject-access/{pk}/pdf/",
    ],
)
def test_staff_without_the_gdpr_permission_are_refused(client, person, url, caplog):
    sign_in_verified(client, _staff("manage_portal_users"))

    with caplog.at_level(logging.INFO, logger="plugins.gdpr.admin_export"):
        response = client.get(url.format(pk=person.pk))

    assert "Content-Disposition" not in response
    assert response.status_code in (302, 403)
    assert not [r for r in caplog.records if "Subject access export" in r.getMessage()]


def test_the_menu_item_shows_only_to_gdpr_administrators(rf, person):
    item = admin_export.subject_access_menu_item()
    with_permission, without = rf.get("/admin/"), rf.get("/admin/")
    with_permission.user = _staff("administer_gdpr")
    without.user = person

    assert item.is_shown(with_permission)
    assert not item.is_shown(without)


def test_each_export_download_is_written_to_the_audit_log_and_a_failed_one_is_not(
    gdpr_officer, person, monkeypatch
):
    gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/json/")
    gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/pdf/?language=en")
    monkeypatch.setattr(
        apps.get_app_config("example_plugin"), "exports", f"{__name__}.broken_export"
    )
    gdpr_officer.get(f"/admin/gdpr/subject-access/{person.pk}/json/")
    entries = AuditEntry.objects.order_by("pk")
    assert [(entry.action, entry.detail) for entry in entries] == [
        ("export.downloaded", "json cy"),
        ("export.downloaded", "pdf en"),
    ]
    assert {(entry.actor.email, entry.object_id) for entry in entries} == {
        ("gdpr.officer@example.org", str(person.pk))
    }
