import pytest
from django.utils import timezone

from core.announcements import landing_url_after_sign_in, live_announcements
from tests.factories import AnnouncementFactory

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)


def test_only_live_announcements_are_shown():
    now = timezone.now()
    AnnouncementFactory(title="Live")
    AnnouncementFactory(title="Future", starts_at=now + HOUR)
    AnnouncementFactory(title="Ended", starts_at=now - 2 * HOUR, ends_at=now - HOUR)
    AnnouncementFactory(title="Ending later", ends_at=now + HOUR)
    assert {a["title"] for a in live_announcements("en")} == {"Live", "Ending later"}


def test_an_announcement_goes_live_at_its_start_without_an_edit():
    now = timezone.now()
    AnnouncementFactory(title="Soon", starts_at=now + HOUR)
    assert live_announcements("en") == []
    assert [a["title"] for a in live_announcements("en", now=now + 2 * HOUR)] == ["Soon"]


def test_page_lists_live_announcements_with_continue(client, welsh):
    announcement = AnnouncementFactory(title="Phone lines closed")
    cy = announcement.copy_for_translation(welsh)
    cy.title = "Llinellau ffôn ar gau"
    cy.save()
    response = client.get("/announcements/", {"next": "/about/"})
    assert "Phone lines closed" in response.text
    assert 'href="/about/"' in response.text
    assert "Llinellau ffôn ar gau" in client.get("/cy/announcements/").text


def test_page_continues_straight_on_when_nothing_is_live(client, db):
    assert client.get("/announcements/").headers["Location"] == "/"
    assert client.get("/cy/announcements/").headers["Location"] == "/cy/"


def test_continue_never_leaves_the_site(client):
    AnnouncementFactory()
    response = client.get("/announcements/", {"next": "https://evil.example/"})
    assert 'href="https://evil.example/"' not in response.text
    assert '<a href="/" role="button"' in response.text


def test_sign_in_lands_on_announcements_only_when_one_is_live():
    assert landing_url_after_sign_in("/about/") == "/about/"
    AnnouncementFactory()
    assert landing_url_after_sign_in("/about/") == "/announcements/?next=%2Fabout%2F"
    assert landing_url_after_sign_in("/admin/pages/") == "/admin/pages/"


def test_end_must_follow_start():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    with pytest.raises(ValidationError):
        AnnouncementFactory.build(starts_at=now, ends_at=now - HOUR).full_clean()


@pytest.fixture
def reader(client):
    from tests.conftest import sign_in_verified
    from tests.factories import UserFactory

    user = UserFactory(first_name="Siân", last_name="<b>O'Brien</b>")
    sign_in_verified(client, user)
    return user


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_announcements_greet_the_reader_by_name_escaped(client, reader, welsh, prefix):
    announcement = AnnouncementFactory(
        title="News for {Forename}", body="<p>Dear {Forename} {Surname}, lines are closed.</p>"
    )
    cy = announcement.copy_for_translation(welsh)
    cy.title, cy.body = "Newyddion i {Forename}", "<p>Annwyl {Forename} {Surname}</p>"
    cy.save()
    page = client.get(f"{prefix}/announcements/").text
    assert "{Forename}" not in page and "{Surname}" not in page
    assert "Siân" in page
    assert "&lt;b&gt;O&#x27;Brien&lt;/b&gt;" in page or "&lt;b&gt;O&#39;Brien&lt;/b&gt;" in page
    assert "<b>O'Brien</b>" not in page


def test_a_reader_lands_on_announcements_once_per_new_announcement(client, reader):
    first = AnnouncementFactory(title="Phone lines closed")
    assert landing_url_after_sign_in("/about/", reader).startswith("/announcements/")
    client.get("/announcements/")
    assert landing_url_after_sign_in("/about/", reader) == "/about/"
    AnnouncementFactory(title="Office moved", starts_at=first.starts_at)
    assert landing_url_after_sign_in("/about/", reader).startswith("/announcements/")
    client.get("/announcements/")
    assert landing_url_after_sign_in("/about/", reader) == "/about/"


def test_a_scheduled_announcement_is_new_when_it_goes_live(client, reader):
    later = AnnouncementFactory(title="Later", starts_at=timezone.now() + HOUR)
    AnnouncementFactory(title="Now")
    client.get("/announcements/")
    assert landing_url_after_sign_in("/about/", reader) == "/about/"
    type(later).objects.filter(pk=later.pk).update(starts_at=timezone.now())
    from core import cache

    cache.invalidate("announcements")
    assert landing_url_after_sign_in("/about/", reader).startswith("/announcements/")


def test_the_sign_in_flow_asks_about_the_user_who_signed_in(client, reader, rf):
    from accounts.sign_in import landing_url

    AnnouncementFactory(title="Phone lines closed")
    request = rf.get("/account/sign-in/")
    request.user = reader
    assert landing_url(request, "/about/").startswith("/announcements/")
    client.get("/announcements/")
    assert landing_url(request, "/about/") == "/about/"


@pytest.mark.parametrize(
    ("title", "greeting"), [("Dr", "Dear Dr Jones, lines are closed."), ("", "Dear Jones, lines")]
)
def test_announcements_greet_the_reader_by_title_and_surname(client, title, greeting):
    from tests.conftest import sign_in_verified
    from tests.factories import UserFactory

    sign_in_verified(client, UserFactory(title=title, first_name="Rhian", last_name="Jones"))
    AnnouncementFactory(
        title="For {Title} {Surname}", body="<p>Dear {Title} {Surname}, lines are closed.</p>"
    )
    page = client.get("/announcements/").text
    assert "{Title}" not in page
    assert greeting in page
    assert "Dear  Jones" not in page and "For  Jones" not in page
