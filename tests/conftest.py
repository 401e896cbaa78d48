import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The portal caches texts, tiles and settings; tests must not see each other's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_first():
    # A response in Welsh leaves Welsh active in the thread; each test starts in English.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The demo council: home page, footer pages, tiles and announcement in English and Welsh."""
    from core.demo import load_demo

    load_demo()


@pytest.fixture
def english(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture
def welsh(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="cy")


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        email="root@example.org",
        password="A-long-Password-123",
        first_name="Root",
        last_name="User",
    )


def sign_in_verified(client, user):
    """Sign ``client`` in as ``user`` with two-step verification passed, as staff must be to use
    the admin."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_email.models import EmailDevice

    device, _created = EmailDevice.objects.get_or_create(
        user=user, defaults={"name": "Email", "confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, superuser):
    return sign_in_verified(client, superuser)


@pytest.fixture
def provide_service(monkeypatch):
    """``provide_service(name, provider)``: for this test ``provider`` answers the service
    ``name`` (portal.services); ``provide_service(name)`` leaves it to the service's fallback,
    as when no installed plugin provides it."""
    from django.utils.module_loading import import_string

    from portal import services

    overrides = {}
    real_get = services.get
    monkeypatch.setattr(services, "get", lambda name: overrides.get(name) or real_get(name))

    def provide(name, provider=None):
        overrides[name] = provider or import_string(services.declarations()[name].fallback)

    return provide
