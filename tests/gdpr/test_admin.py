"""GDPR administration in the Wagtail admin: the permission gate, the question library, the
statement schedule and the email alert configuration."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from plugins.gdpr import services
from plugins.gdpr.jobs import publish_statements
from plugins.gdpr.models import ConsentQuestion, ConsentStatement, GdprSettings
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = "/admin/gdpr/questions/"
STATEMENTS = "/admin/gdpr/statements/"
ALERTS = "/admin/gdpr/email-alerts/"
WITHDRAWALS = "/admin/gdpr/withdrawals/"
HISTORIES = "/admin/gdpr/histories/"


def question(title="Data protection", welsh=True):
    english = ConsentQuestion.objects.create(
        locale=Locale.objects.get(language_code="en"),
        title=title,
        statement="## How we use your data\n\nWe hold **your** data.",
        agreement="I agree to the statement",
    )
    if welsh:
        translation = english.copy_for_translation(Locale.objects.get(language_code="cy"))
        translation.statement = "## Sut rydym yn defnyddio eich data\n\nRydym yn cadw eich data."
        translation.agreement = "Rwy'n cytuno i'r datganiad"
        translation.save()
    return english


def staff(*codenames):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    group = Group.objects.create(name="Staff " + "-".join(codenames))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def gdpr_admin(client):
    return sign_in_verified(client, staff("access_admin", "administer_gdpr"))


# -- the permission gate -----------------------------------------------------------------


def screens():
    q = question()
    return [
        QUESTIONS,
        f"{QUESTIONS}edit/{q.pk}/",
        f"{QUESTIONS}clone/{q.pk}/",
        f"{QUESTIONS}preview/{q.pk}/cy/",
        STATEMENTS,
        f"{STATEMENTS}new/",
        ALERTS,
        WITHDRAWALS,
        HISTORIES,
    ]


def test_staff_without_gdpr_administration_cannot_open_any_gdpr_screen(client):
    sign_in_verified(client, staff("access_admin"))
    for url in screens():
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith("/admin/"), url
    assert "GDPR administration" not in client.get("/admin/").text


def test_gdpr_administrators_open_every_screen_from_the_gdpr_menu(gdpr_admin):
    for url in screens():
        assert gdpr_admin.get(url).status_code == 200, url
    home = gdpr_admin.get("/admin/").text
    assert "GDPR administration" in home
    for label in ("Question library", "Consent statements", "Email alerts", "Consent withdrawals"):
        assert label in home


def test_the_permission_is_offered_when_editing_a_group(admin_client):
    group = Group.objects.create(name="GDPR team")
    response = admin_client.get(f"/admin/groups/edit/{group.pk}/")
    assert "Can use GDPR administration" in response.text


# -- the question library ----------------------------------------------------------------


def test_question_list_shows_active_and_published_and_searches(gdpr_admin):
    published = question("Published one")
    services.schedule_statement(published, timezone.now())
    question("Draft one")
    response = gdpr_admin.get(QUESTIONS)
    rows = {q.title: q.published for q in response.context["object_list"]}
    assert rows["Published one"] is True and rows["Draft one"] is False
    found = gdpr_admin.get(QUESTIONS, {"q": "draft"}).context["object_list"]
    assert [q.title for q in found] == ["Draft one"]


def test_a_published_question_cannot_be_edited_or_deleted(gdpr_admin):
    q = question()
    services.schedule_statement(q, timezone.now())
    welsh = q.get_translation(Locale.objects.get(language_code="cy"))
    for url in (f"{QUESTIONS}edit/{q.pk}/", f"{QUESTIONS}edit/{welsh.pk}/"):
        response = gdpr_admin.get(url, follow=True)
        assert "This question has been published. Clone it to make changes." in response.text
    response = gdpr_admin.post(
        f"{QUESTIONS}edit/{q.pk}/",
        {"title": "x", "statement": "Changed", "agreement": "x", "active": "on"},
        follow=True,
    )
    assert "Clone it to make changes" in response.text
    response = gdpr_admin.post(f"{QUESTIONS}delete/{welsh.pk}/", follow=True)
    assert "Clone it to make changes" in response.text
    q.refresh_from_db()
    assert q.statement.startswith("## How we use")
    assert ConsentQuestion.objects.filter(translation_key=q.translation_key).count() == 2


def test_an_unpublished_question_is_edited_as_usual(gdpr_admin):
    q = question()
    response = gdpr_admin.post(
        f"{QUESTIONS}edit/{q.pk}/",
        {"title": "Renamed", "statement": "New words", "agreement": "I agree", "active": "on"},
    )
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.statement == "New words"


def test_clone_makes_an_unpublished_copy_with_its_translations(gdpr_admin):
    q = question()
    services.schedule_statement(q, timezone.now())
    response = gdpr_admin.post(f"{QUESTIONS}clone/{q.pk}/")
    copy = ConsentQuestion.objects.exclude(translation_key=q.translation_key).get(
        locale__language_code="en"
    )
    assert response.url == f"{QUESTIONS}edit/{copy.pk}/"
    assert not copy.is_published
    assert ConsentQuestion.objects.filter(translation_key=copy.translation_key).count() == 2
    assert gdpr_admin.get(response.url).status_code == 200


def test_preview_shows_the_question_as_citizens_will_see_it_in_each_language(gdpr_admin):
    q = question()
    english = gdpr_admin.get(f"{QUESTIONS}preview/{q.pk}/en/").text
    assert '<html lang="en"' in english
    assert "<strong>your</strong>" in english  # Markdown rendered
    assert 'type="checkbox"' in english and "checked" not in english
    assert "I agree to the statement" in english
    welsh = gdpr_admin.get(f"{QUESTIONS}preview/{q.pk}/cy/").text
    assert '<html lang="cy"' in welsh
    assert "Rwy&#x27;n cytuno i&#x27;r datganiad" in welsh
    assert "Diogelu data" in welsh  # the citizen page's own Welsh heading
    # Continue on the preview shows the page again and changes nothing.
    assert gdpr_admin.post(f"{QUESTIONS}preview/{q.pk}/cy/", {"agree": "on"}).status_code == 200


def test_preview_of_a_question_without_welsh_shows_the_english_words(gdpr_admin):
    q = question(welsh=False)
    welsh = gdpr_admin.get(f"{QUESTIONS}preview/{q.pk}/cy/").text
    assert '<html lang="cy"' in welsh and "I agree to the statement" in welsh


# -- the statement schedule --------------------------------------------------------------


def test_add_new_offers_only_active_english_questions(gdpr_admin):
    question("Active")
    inactive = question("Retired")
    ConsentQuestion.objects.filter(translation_key=inactive.translation_key).update(active=False)
    choices = gdpr_admin.get(f"{STATEMENTS}new/").context["form"].fields["question"].queryset
    assert [q.title for q in choices] == ["Active"]
    assert {q.locale.language_code for q in choices} == {"en"}


def test_scheduling_for_later_waits_for_the_job_then_lists_it_as_current(gdpr_admin):
    q = question()
    later = timezone.localtime() + timedelta(days=3)
    response = gdpr_admin.post(
        f"{STATEMENTS}new/",
        {"question": q.pk, "publish_at": later.strftime("%Y-%m-%d %H:%M")},
        follow=True,
    )
    assert "will be published at" in response.text
    statement = ConsentStatement.objects.get()
    assert statement.published_at is None
    assert "Scheduled" in gdpr_admin.get(STATEMENTS).text

    # Time passes; the scheduled job runs.
    ConsentStatement.objects.update(publish_at=timezone.now() - timedelta(minutes=1))
    publish_statements()
    assert "Current" in gdpr_admin.get(STATEMENTS).text


def test_scheduling_for_now_publishes_straight_away(gdpr_admin):
    old = services.schedule_statement(question("Old"), timezone.now() - timedelta(days=1))
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    response = gdpr_admin.post(
        f"{STATEMENTS}new/", {"question": question("New").pk, "publish_at": now}, follow=True
    )
    assert "has been published" in response.text
    assert services.current_statement().question.title == "New"
    statuses = {row.version: row for row in response.context["object_list"]}
    assert old.version in statuses
    assert "Published" in response.text and "Current" in response.text


def test_a_time_in_the_past_is_refused(gdpr_admin):
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = gdpr_admin.post(f"{STATEMENTS}new/", {"question": question().pk, "publish_at": past})
    assert response.status_code == 200
    assert "The publication time is in the past" in response.text
    assert not ConsentStatement.objects.exists()


def test_only_a_scheduled_statement_can_be_deleted(gdpr_admin):
    published = services.schedule_statement(question("A"), timezone.now())
    scheduled = services.schedule_statement(question("B"), timezone.now() + timedelta(days=1))
    listing = gdpr_admin.get(STATEMENTS).text
    assert f"{STATEMENTS}delete/{scheduled.pk}/" in listing
    assert f"{STATEMENTS}delete/{published.pk}/" not in listing

    response = gdpr_admin.post(f"{STATEMENTS}delete/{published.pk}/", follow=True)
    assert "A published statement cannot be deleted." in response.text
    assert ConsentStatement.objects.filter(pk=published.pk).exists()

    assert gdpr_admin.post(f"{STATEMENTS}delete/{scheduled.pk}/").status_code == 302
    assert not ConsentStatement.objects.filter(pk=scheduled.pk).exists()


# -- email alerts ------------------------------------------------------------------------


def test_alert_addresses_are_saved(gdpr_admin):
    response = gdpr_admin.post(ALERTS, {"notification_addresses": "dpo@council.example; b@c.org"})
    assert response.status_code == 302
    assert GdprSettings.load().addresses == ["dpo@council.example", "b@c.org"]


def test_an_invalid_address_list_is_refused_with_the_validators_message(gdpr_admin):
    response = gdpr_admin.post(ALERTS, {"notification_addresses": "a@b.com; not-an-email"})
    assert response.status_code == 200
    assert "These are not valid email addresses: not-an-email" in response.text
    assert GdprSettings.load().addresses == []


def test_send_test_email_goes_to_each_address_without_saving(
    gdpr_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = gdpr_admin.post(
            ALERTS, {"notification_addresses": "a@b.com; c@d.org", "send_test": "1"}
        )
    assert response.status_code == 200
    assert "A test email has been sent to a@b.com; c@d.org." in response.text
    assert sorted(m.to[0] for m in mail.outbox) == ["a@b.com", "c@d.org"]
    assert mail.outbox[0].subject == "Test of the GDPR withdrawal alerts"
    assert GdprSettings.load().addresses == []


def test_send_test_email_refuses_an_invalid_list(gdpr_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = gdpr_admin.post(
            ALERTS, {"notification_addresses": "a@b.com; nope", "send_test": "1"}
        )
    assert "These are not valid email addresses: nope" in response.text
    assert mail.outbox == []
