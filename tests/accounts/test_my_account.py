"""My account hub: a signed-in user sees their own details, changes their email language and
reaches every change page and every link a plugin adds."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice

from accounts.models import PENDING, REJECTED, VERIFIED
from core.emails import send_user_email
from core.models import TextResource
from portal import plugins
from tests.factories import UserFactory, locale

pytestmark = pytest.mark.django_db


def hub(client):
    return client.get(reverse("accounts:my_account")).content.decode()


def row_value(page, key):
    """The value shown beside ``key`` in the page's summary lists."""
    match = re.search(
        rf'__key">\s*{re.escape(key)}\s*</dt>\s*<dd class="govuk-summary-list__value">\s*(.*?)\s*</dd>',
        page,
        re.S,
    )
    assert match, f"no row {key!r}"
    return match.group(1)


@pytest.fixture
def parent(client):
    user = UserFactory(
        email="parent@example.org",
        first_name="Alys",
        last_name="Jones",
        address_line_1="1 High Street",
        address_line_2="Flat 2",
        town="Cardiff",
        postcode="CF10 1AA",
        mobile_phone="07700 900982",
        secret_question="first_pet",
    )
    client.force_login(user)
    return user


def test_hub_shows_the_users_own_details(client, parent):
    UserFactory(first_name="Other", last_name="Person", postcode="TS18 1AA", town="Stockton")
    page = hub(client)
    assert row_value(page, "Name") == "Alys Jones"
    assert row_value(page, "Address") == "1 High Street<br>Flat 2<br>Cardiff<br>CF10 1AA"
    assert row_value(page, "Mobile phone") == "07700 900982"
    assert row_value(page, "Email address") == "parent@example.org"
    assert row_value(page, "Secret question") == "What was the name of your first pet?"
    assert "Other Person" not in page and "TS18 1AA" not in page
    # Phones the user has not given say so rather than leaving a gap.
    assert page.count("Not given") == 2


def test_hub_links_to_every_change_page(client, parent):
    page = hub(client)
    for name in [
        "personal_details",
        "contact_details",
        "email_change",
        "password_change",
        "secret_question_change",
        "two_factor",
        "change_of_circumstances",
    ]:
        assert f'href="{reverse(f"accounts:{name}")}"' in page, name


def test_hub_never_shows_the_secret_answer_or_password(client, parent):
    parent.set_secret_answer("Fluffy")
    parent.save()
    page = hub(client)
    assert "Fluffy" not in page and parent.secret_answer not in page
    assert parent.password not in page
    assert row_value(page, "Password").startswith("Last changed on ")


@pytest.mark.parametrize(
    ("state", "tag"),
    [
        (PENDING, "Awaiting verification"),
        (VERIFIED, "Verified"),
        (REJECTED, "Rejected"),
    ],
)
def test_professional_sees_role_organisation_and_verification(client, state, tag):
    user = UserFactory(
        kind="professional",
        professional_role="SENCo",
        organisation="Ysgol y Castell",
        verification_state=state,
    )
    client.force_login(user)
    page = hub(client)
    assert "SENCo" in page and "Ysgol y Castell" in page
    value = row_value(page, "Account verification")
    assert 'class="govuk-tag' in value
    assert re.search(rf">\s*{tag}\s*</strong>", value)


def test_citizen_sees_no_professional_rows(client, parent):
    page = hub(client)
    assert "Organisation" not in page
    assert "govuk-tag" not in page


def test_hub_says_whether_two_step_verification_is_on(client, parent):
    assert row_value(hub(client), "Two-step verification") == "Off"
    EmailDevice.objects.create(user=parent, name="email", confirmed=True)
    assert row_value(hub(client), "Two-step verification") == "On"


def test_user_changes_the_language_of_their_emails(
    client, parent, django_capture_on_commit_callbacks
):
    response = client.post(reverse("accounts:my_account"), {"preferred_language": "cy"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:my_account")
    parent.refresh_from_db()
    assert parent.preferred_language == "cy"
    page = hub(client)
    assert "govuk-notification-banner--success" in page
    assert "We will email you in the language you chose" in page
    # The next email the portal sends is in Welsh.
    with django_capture_on_commit_callbacks(execute=True):
        send_user_email(
            parent, "account.emailsubject.password_changed", "account.email_password_changed"
        )
    assert mail.outbox[-1].subject == "Mae eich cyfrinair wedi'i newid"


def test_language_choices_are_named_in_their_own_language(client, parent):
    page = hub(client)
    assert "English" in page and "Cymraeg" in page
    assert 'value="en" checked' in page


def test_an_unknown_language_is_refused_with_the_error_summary(client, parent):
    response = client.post(reverse("accounts:my_account"), {"preferred_language": "fr"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select the language for your emails" in page
    assert "<title>Error:" in page
    parent.refresh_from_db()
    assert parent.preferred_language == "en"


def test_changing_language_changes_only_the_signed_in_user(client, parent):
    other = UserFactory(preferred_language="en")
    client.post(reverse("accounts:my_account"), {"preferred_language": "cy", "id": other.pk})
    other.refresh_from_db()
    assert other.preferred_language == "en"


def test_hub_in_welsh_uses_the_welsh_texts(client, parent):
    page = client.get("/cy/account/").content.decode()
    assert '<html lang="cy"' in page
    assert "Fy nghyfrif" in page and "Manylion cyswllt" in page


def test_an_editor_can_reword_the_hub(client, parent):
    TextResource.objects.update_or_create(
        key="account.my_account.title", locale=locale("en"), defaults={"value": "Your profile"}
    )
    assert "Your profile" in hub(client)


def test_links_from_plugins_are_listed(client, parent, monkeypatch):
    link = plugins.AccountLink(
        key="example", title_key="tiles.example.title", url_name="example_plugin:start"
    )
    monkeypatch.setattr(plugins, "plugin_account_links", lambda: [link])
    page = hub(client)
    assert "More about your account" in page
    assert f'href="{reverse("example_plugin:start")}"' in page
    assert "Example service" in page
    cy_page = client.get("/cy/account/").content.decode()
    assert "Gwasanaeth enghreifftiol" in cy_page


def test_without_plugin_links_there_is_no_empty_section(client, parent, monkeypatch):
    monkeypatch.setattr(plugins, "plugin_account_links", lambda: [])
    assert "More about your account" not in hub(client)


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        hub(client)
    return len(queries)


def test_hub_needs_a_bounded_number_of_queries(client, parent, monkeypatch):
    hub(client)  # fill the text cache
    # Session and user, password history, two-step devices, and what middleware reads.
    first = count_queries(client)
    assert first <= 12
    # More history, devices and plugin links do not mean more queries.
    for n in range(5):
        parent.set_password(f"Correct-Horse-Battery-{n}")
        parent.save()
    EmailDevice.objects.create(user=parent, name="email", confirmed=True)
    client.force_login(parent)
    links = [
        plugins.AccountLink(
            key=f"l{n}", title_key="tiles.example.title", url_name="example_plugin:start"
        )
        for n in range(5)
    ]
    monkeypatch.setattr(plugins, "plugin_account_links", lambda: links)
    hub(client)
    assert count_queries(client) <= first
