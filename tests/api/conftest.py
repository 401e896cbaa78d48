import pytest
from django.apps import apps

# Each plugin's routes are tested with the plugin: without it they are not in the API.
collect_ignore = [
    folder
    for folder, app in (
        ("send", "plugins.send"),
        ("messaging", "plugins.messaging"),
        ("matching", "plugins.matching"),
    )
    if not apps.is_installed(app)
]


class ApiClient:
    """The Django test client calling /api/v1/ with a bearer token."""

    def __init__(self, client, token):
        self.client = client
        self.token = token

    def _headers(self, headers):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}", **headers}

    def get(self, path, data=None, **headers):
        return self.client.get(f"/api/v1{path}", data, **self._headers(headers))

    def post(self, path, json=None, key="key-1", files=None, **headers):
        headers = self._headers({"HTTP_IDEMPOTENCY_KEY": key, **headers} if key else headers)
        if files is not None:
            return self.client.post(f"/api/v1{path}", files, **headers)
        return self.client.post(
            f"/api/v1{path}", json or {}, content_type="application/json", **headers
        )


@pytest.fixture
def service_account(db):
    """``service_account(*scopes, **options)``: a service account and an ApiClient with a
    fresh token of it."""
    from api import accounts

    def make(*scopes, name="Case system", **options):
        account = accounts.create_account(name, list(scopes), **options)
        _row, token = accounts.issue_token(account)
        return account, token

    return make


@pytest.fixture
def api(client, service_account):
    """``api(*scopes)``: an ApiClient for a new service account with those scopes."""

    def make(*scopes, **options):
        _account, token = service_account(*scopes, **options)
        return ApiClient(client, token)

    return make
