"""Passwords are stored with Argon2id at OWASP's settings; older hashes still sign people in
and are rehashed when they do. (The rest of the suite hashes with MD5 for speed.)"""

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import override_settings
from django.utils import timezone

from portal.settings import base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "A-long-Password-123"
production_hashers = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


@production_hashers
def test_a_new_password_is_stored_with_argon2id_at_owasp_settings():
    stored = make_password(PASSWORD)

    assert stored.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


@production_hashers
def test_a_password_stored_with_pbkdf2_still_signs_in_and_is_rehashed(client):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        user = UserFactory(email="sam@example.org", email_confirmed_at=timezone.now())
        user.set_password(PASSWORD)
        user.save()
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"

    response = client.post("/account/sign-in/", {"email": user.email, "password": PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(PASSWORD)
