"""Personal details, contact details and change of circumstances: a user changes their own
details only, bad input is explained without losing anything, and a professional who changes
organisation goes back to awaiting verification."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import PENDING, REJECTED, VERIFIED
from core.models import TextResource
from tests.factories import UserFactory, locale

pytestmark = pytest.mark.django_db

PERSONAL = "accounts:personal_details"
CONTACT = "accounts:contact_details"

VALID_CONTACT = {
    "address_line_1": "1 High Street",
    "address_line_2": "",
    "town": "Cardiff",
    "postcode": "cf101aa",
    "home_phone": "",
    "mobile_phone": "07700  900982",
    "work_phone": "+44 (0)29 2087 2087",
}


@pytest.fixture
def citizen(client):
    user = UserFactory(first_name="Alys", last_name="Jones", postcode="CF10 1AA")
    client.force_login(user)
    return user


@pytest.fixture
def staff_member(db):
    return UserFactory(kind="staff", is_staff=True)


def professional(client, state, staff=None):
    user = UserFactory(
        kind="professional",
        professional_role="SENCo",
        organisation="Ysgol y Castell",
        verification_state=state,
        verified_by=staff,
        verified_at=timezone.now() if staff else None,
    )
    client.force_login(user)
    return user


def post(client, name, data):
    return client.post(reverse(name), data)


# -- personal details -------------------------------------------------------------------


def test_personal_details_start_with_the_users_name(client, citizen):
    page = client.get(reverse(PERSONAL)).content.decode()
    assert 'value="Alys"' in page and 'value="Jones"' in page
    assert "organisation" not in page


def test_user_changes_their_name(client, citizen):
    response = post(client, PERSONAL, {"first_name": " Alys ", "last_name": "Evans"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:my_account")
    citizen.refresh_from_db()
    assert (citizen.first_name, citizen.last_name) == ("Alys", "Evans")
    page = client.get(response.url).content.decode()
    assert "govuk-notification-banner--success" in page
    assert "Your details have been updated" in page


def test_a_name_with_a_link_in_it_is_refused_and_a_welsh_name_is_kept(client, citizen):
    refused = post(
        client, PERSONAL, {"first_name": "![x](https://evil.example/p.png)", "last_name": "Evans"}
    )
    assert "First name must only include letters, spaces, hyphens and apostrophes" in (
        refused.content.decode()
    )
    citizen.refresh_from_db()
    assert citizen.first_name == "Alys"

    post(client, PERSONAL, {"first_name": "Gwenllïan", "last_name": "Ap Siôn"})
    citizen.refresh_from_db()
    assert (citizen.first_name, citizen.last_name) == ("Gwenllïan", "Ap Siôn")


def test_a_missing_name_is_explained_and_nothing_is_lost(client, citizen):
    response = post(client, PERSONAL, {"first_name": "Bethan", "last_name": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "govuk-error-summary" in page
    assert 'href="#id_last_name">Enter your last name' in page
    assert 'value="Bethan"' in page
    citizen.refresh_from_db()
    assert citizen.first_name == "Alys"


def test_a_citizen_cannot_give_themselves_an_organisation(client, citizen):
    post(
        client,
        PERSONAL,
        {"first_name": "Alys", "last_name": "Jones", "organisation": "Council", "id": 999},
    )
    citizen.refresh_from_db()
    assert citizen.organisation == ""
    assert citizen.verification_state == "not_needed"


def test_changing_details_changes_only_the_signed_in_user(client, citizen):
    other = UserFactory(first_name="Other", postcode="TS18 1AA")
    post(client, PERSONAL, {"first_name": "New", "last_name": "Name", "email": other.email})
    post(client, CONTACT, {**VALID_CONTACT, "id": other.pk})
    other.refresh_from_db()
    assert (other.first_name, other.postcode) == ("Other", "TS18 1AA")
    citizen.refresh_from_db()
    assert (citizen.first_name, citizen.town) == ("New", "Cardiff")


def test_a_verified_professional_is_warned_before_changing_organisation(client, staff_member):
    professional(client, VERIFIED, staff_member)
    page = client.get(reverse(PERSONAL)).content.decode()
    assert "govuk-warning-text" in page
    assert "the council must verify your account again" in page
    assert 'value="Ysgol y Castell"' in page


def test_a_professional_awaiting_verification_sees_no_warning(client):
    professional(client, PENDING)
    assert "govuk-warning-text" not in client.get(reverse(PERSONAL)).content.decode()


def details(**changes):
    return {
        "first_name": "Sam",
        "last_name": "Parent",
        "professional_role": "SENCo",
        "organisation": "Ysgol y Castell",
        **changes,
    }


def test_changing_organisation_sends_a_verified_professional_back_to_verification(
    client, staff_member
):
    user = professional(client, VERIFIED, staff_member)
    response = post(client, PERSONAL, details(organisation="Ysgol y Bryn"))
    user.refresh_from_db()
    assert user.organisation == "Ysgol y Bryn"
    assert user.verification_state == PENDING
    assert user.verified_by is None and user.verified_at is None
    assert not user.is_verified_professional
    page = client.get(response.url).content.decode()
    assert "the council will verify your account again" in page
    assert "Awaiting verification" in page


def test_a_rejected_professional_who_corrects_organisation_is_checked_again(client, staff_member):
    user = professional(client, REJECTED, staff_member)
    post(client, PERSONAL, details(organisation="Ysgol y Bryn"))
    user.refresh_from_db()
    assert user.verification_state == PENDING


@pytest.mark.parametrize(
    "changes",
    [
        {"professional_role": "Educational psychologist"},
        {"organisation": "ysgol  y castell"},  # only the case and spacing differ
        {"first_name": "Samantha"},
    ],
)
def test_other_changes_keep_a_professional_verified(client, staff_member, changes):
    user = professional(client, VERIFIED, staff_member)
    response = post(client, PERSONAL, details(**changes))
    user.refresh_from_db()
    assert user.verification_state == VERIFIED
    assert user.verified_by == staff_member
    assert "verify your account again" not in client.get(response.url).content.decode()


def test_a_professional_must_give_role_and_organisation(client):
    user = professional(client, PENDING)
    response = post(client, PERSONAL, details(professional_role="", organisation=""))
    page = response.content.decode()
    assert "Enter your role" in page and "Enter the organisation you work for" in page
    user.refresh_from_db()
    assert user.organisation == "Ysgol y Castell"


# -- contact details --------------------------------------------------------------------


def test_contact_details_start_with_what_we_hold(client, citizen):
    page = client.get(reverse(CONTACT)).content.decode()
    assert 'value="CF10 1AA"' in page
    assert reverse("accounts:change_of_circumstances") in page


def test_user_changes_their_contact_details(client, citizen):
    response = post(client, CONTACT, VALID_CONTACT)
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.address_line_1 == "1 High Street"
    assert citizen.postcode == "CF10 1AA"
    assert citizen.mobile_phone == "07700 900982"
    assert citizen.work_phone == "+44 (0)29 2087 2087"
    assert citizen.home_phone == ""
    assert "Your details have been updated" in client.get(response.url).content.decode()


def test_bad_phone_and_postcode_are_explained_and_nothing_is_lost(client, citizen):
    data = {**VALID_CONTACT, "postcode": "CF10", "home_phone": "call me", "town": "Newport"}
    response = post(client, CONTACT, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error:" in page
    assert 'href="#id_postcode">Enter a real postcode, like CF10 1AA' in page
    assert 'href="#id_home_phone">Enter a home phone number' in page
    for value in ["CF10", "call me", "Newport", "1 High Street", "+44 (0)29 2087 2087"]:
        assert f'value="{value}"' in page, value
    citizen.refresh_from_db()
    assert (citizen.town, citizen.postcode) == ("", "CF10 1AA")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("address_line_1", "", "Enter address line 1"),
        ("town", "", "Enter your town or city"),
        ("postcode", "", "Enter your postcode"),
        ("postcode", "12345", "Enter a real postcode"),
        ("mobile_phone", "0770090098", None),  # 10 digits: accepted
        ("mobile_phone", "077009009", "Enter a mobile phone number"),  # 9 digits
        ("work_phone", "+441234567890123", None),  # 15 digits
        ("work_phone", "+4412345678901234", "Enter a work phone number"),  # 16 digits
        ("work_phone", "01632-960-001", "Enter a work phone number"),
        ("home_phone", "01632 960 001 ext", "Enter a home phone number"),
        ("home_phone", "(01632) 960001", None),
    ],
)
def test_contact_detail_rules(client, citizen, field, value, message):
    response = post(client, CONTACT, {**VALID_CONTACT, field: value})
    if message is None:
        assert response.status_code == 302
        citizen.refresh_from_db()
        assert getattr(citizen, field) == value
    else:
        assert response.status_code == 200
        assert message in response.content.decode()


def test_contact_details_errors_in_welsh_keep_welsh_labels(client, citizen):
    response = client.post("/cy/account/contact-details/", {**VALID_CONTACT, "postcode": ""})
    page = response.content.decode()
    assert '<html lang="cy"' in page
    assert "Cod post" in page and "govuk-error-summary" in page


# -- change of circumstances ------------------------------------------------------------


def test_change_of_circumstances_tells_the_user_how_to_contact_the_council(client, citizen):
    page = client.get(reverse("accounts:change_of_circumstances")).content.decode()
    assert "<h1" in page and "Change of circumstances" in page
    assert "who has parental responsibility" in page
    assert 'href="/contact-us/"' in page


def test_change_of_circumstances_in_welsh_links_to_the_welsh_contact_page(client, citizen):
    page = client.get("/cy/account/change-of-circumstances/").content.decode()
    assert "Newid mewn amgylchiadau" in page
    assert 'href="/cy/contact-us/"' in page


def test_the_council_words_its_own_change_of_circumstances_text(client, citizen):
    TextResource.objects.update_or_create(
        key="account.change_of_circumstances.body",
        locale=locale("en"),
        defaults={"value": "Phone the SEND team on 01632 960 001.", "markdown": True},
    )
    page = client.get(reverse("accounts:change_of_circumstances")).content.decode()
    assert "Phone the SEND team on 01632 960 001." in page
    assert "parental responsibility" not in page


def test_user_gives_a_title_and_takes_it_away_again(client, citizen):
    assert "Title (optional)" in client.get(reverse(PERSONAL)).text
    post(client, PERSONAL, {"title": "Dr", "first_name": "Alys", "last_name": "Jones"})
    citizen.refresh_from_db()
    assert citizen.title == "Dr"
    assert "Dr Alys Jones" in client.get(reverse("accounts:my_account")).text
    post(client, PERSONAL, {"title": "", "first_name": "Alys", "last_name": "Jones"})
    citizen.refresh_from_db()
    assert citizen.title == ""


def test_a_title_not_in_the_list_is_refused(client, citizen):
    response = post(client, PERSONAL, {"title": "Lord", "first_name": "Alys", "last_name": "Jones"})
    assert "Select a title from the list, or no title" in response.text
    citizen.refresh_from_db()
    assert citizen.title == ""


def test_the_welsh_page_offers_the_titles_too(client, citizen):
    page = client.get("/cy" + reverse(PERSONAL)).text
    assert "Teitl (dewisol)" in page
    assert ">Mx</option>" in page
