"""My account › Text messages: a portal user agrees to a text for each new message (sent to
the mobile number on their account) and can stop; without a mobile number they are told to
add one first."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.messaging.models import TextMessageConsent
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(db):
    return UserFactory(mobile_phone="07700 900123", email_confirmed_at=timezone.now())


def test_my_account_links_to_the_text_message_choice(client, user):
    sign_in_verified(client, user)

    page = client.get(reverse("accounts:my_account")).text

    assert reverse("messaging:text_messages") in page


def test_a_user_agrees_to_text_messages_and_can_stop(client, user):
    sign_in_verified(client, user)
    url = reverse("messaging:text_messages")
    assert "07700 900123" in client.get(url).text

    response = client.post(url, {"wanted": "true"})

    assert response.url == reverse("accounts:my_account")
    assert TextMessageConsent.objects.filter(user=user).exists()
    client.post(url, {})
    assert not TextMessageConsent.objects.exists()


def test_without_a_mobile_number_the_user_is_asked_to_add_one_in_their_language(client):
    user = UserFactory(mobile_phone="", preferred_language="cy")
    sign_in_verified(client, user)

    response = client.post("/cy" + reverse("messaging:text_messages"), {"wanted": "true"})

    assert response.status_code == 200
    assert response.context["form"].errors["wanted"] == [
        "Ychwanegwch rif ffôn symudol ar Fy nghyfrif cyn gofyn am negeseuon testun"
    ]
    assert not TextMessageConsent.objects.exists()
