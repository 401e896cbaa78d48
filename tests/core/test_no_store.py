"""On a shared computer nothing a signed-in person saw, and no downloaded file, is kept in the
browser's or a proxy's cache for the next person to find."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core.middleware import NoStoreMiddleware
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_signed_in_page_is_not_stored(client):
    client.force_login(UserFactory())
    for url in (reverse("accounts:my_account"), reverse("accounts:personal_details")):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], url


def test_a_signed_out_page_may_be_cached(client):
    response = client.get(reverse("accounts:password_forgotten"))
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(lambda: FileResponse(iter([b"%PDF"])), id="file"),
        pytest.param(
            lambda: HttpResponse(
                b"{}", headers={"Content-Disposition": 'attachment; filename="form.json"'}
            ),
            id="attachment",
        ),
    ],
)
def test_every_download_is_not_stored(response):
    request = RequestFactory().get("/download/")
    request.user = AnonymousUser()
    result = NoStoreMiddleware(lambda request: response())(request)
    assert "no-store" in result["Cache-Control"]
