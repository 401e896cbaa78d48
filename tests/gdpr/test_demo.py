"""The demo council's consent: a full privacy notice in both languages, published, with the
demo users' agreement on record, so the consent step and the history show in the demo."""

import pytest
from django.contrib.auth import get_user_model

from core.demo import DEMO_USERS
from plugins.gdpr import services
from plugins.gdpr.demo import load_demo as load_gdpr_demo
from plugins.gdpr.models import AGREED, REGISTRATION, ConsentRecord, ConsentStatement
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, words",
    [
        (
            "en",
            [
                "Demo Borough Council is the data controller",
                "Why we use your information",
                "Our lawful basis",
                "How long we keep it",
                "30 days",
                "Your rights",
                "Information Commissioner's Office (ICO)",
            ],
        ),
        (
            "cy",
            [
                "Cyngor Bwrdeistref Demo yw'r rheolydd data",
                "Pam rydym yn defnyddio eich gwybodaeth",
                "Ein sail gyfreithlon",
                "Am ba hyd rydym yn ei chadw",
                "30 diwrnod",
                "Eich hawliau",
                "Swyddfa'r Comisiynydd Gwybodaeth (ICO)",
            ],
        ),
    ],
)
def test_the_demo_publishes_a_privacy_notice_naming_the_controller_rights_and_the_ico(
    demo, language, words
):
    statement = services.current_statement()
    assert statement is not None
    text = statement.text_for(language)
    for expected in words:
        assert expected in text["statement"]
    assert text["agreement"]


def test_the_demo_parent_has_agreed_and_sees_it_in_their_consent_history(client, demo):
    parent = get_user_model().objects.get(email="parent@example.org")
    record = ConsentRecord.objects.get(user=parent)
    assert (record.action, record.channel) == (AGREED, REGISTRATION)
    assert not services.needs_agreement(parent)

    sign_in_verified(client, parent)
    response = client.get("/gdpr/consent/history/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Read version 1 of the statement" in page
    assert "Demo Borough Council is the data controller" in page
    assert page.count('class="govuk-table__row"') == 2  # heading row and the agreement


def test_demo_staff_are_not_asked_to_agree(demo):
    admin = get_user_model().objects.get(email="admin@example.org")
    assert not ConsentRecord.objects.filter(user=admin).exists()
    assert not services.needs_agreement(admin)


def test_someone_registering_in_the_demo_is_shown_the_consent_step(client, demo):
    response = client.get("/gdpr/register/consent/?next=/")
    assert response.status_code == 200
    assert "Demo Borough Council is the data controller" in response.content.decode()
    assert services.needs_agreement(UserFactory(kind="citizen"))


def test_loading_the_demo_again_publishes_nothing_new_and_records_nothing_twice(demo):
    counts = (ConsentStatement.objects.count(), ConsentRecord.objects.count())
    load_gdpr_demo()
    # One agreement per demo citizen and professional.
    agreed = sum(kind != "staff" for _email, _first, _last, kind, *_rest in DEMO_USERS)
    assert counts == (1, agreed)
    assert (ConsentStatement.objects.count(), ConsentRecord.objects.count()) == counts
