"""A council's case system calls the API with a bearer token of its service account: the
token is shown once and kept only as a hash, expires, can be revoked, and may be limited to
the council's own addresses and to a number of requests a minute."""

from datetime import timedelta

from django.utils import timezone

from api import accounts
from api.models import ApiToken
from core.models import AuditEntry
from tests.api.conftest import ApiClient


def test_a_token_is_kept_only_as_its_hash(service_account):
    account, token = service_account("records:read")
    row = ApiToken.objects.get(account=account)
    assert token not in (row.digest, row.prefix)
    assert row.digest == accounts.digest(token)


def test_a_valid_token_names_its_client_and_scopes(api):
    response = api("records:read", "submissions:read").get("/me")
    assert response.status_code == 200
    assert response.json() == {
        "client": "Case system",
        "scopes": ["records:read", "submissions:read"],
    }


def test_no_token_or_an_unknown_one_is_refused_in_the_documented_shape(client, db):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer sp_not-a-real-token"}):
        response = client.get("/api/v1/me", **headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthenticated"
        assert response["WWW-Authenticate"] == "Bearer"


def test_an_expired_token_is_refused(client, service_account):
    account, _token = service_account("records:read")
    _row, token = accounts.issue_token(account, expires_at=timezone.now() - timedelta(seconds=1))
    assert ApiClient(client, token).get("/me").status_code == 401


def test_a_revoked_token_is_refused_at_once(client, service_account):
    account, token = service_account("records:read")
    caller = ApiClient(client, token)
    assert caller.get("/me").status_code == 200
    accounts.revoke(ApiToken.objects.get(account=account))
    assert caller.get("/me").status_code == 401


def test_a_call_from_outside_the_allow_list_is_refused(api):
    refused = api("records:read", ip_allowlist="203.0.113.0/24").get("/me")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "address_not_allowed"
    allowed = api("records:read", name="Other", ip_allowlist="127.0.0.1")
    assert allowed.get("/me").status_code == 200


def test_a_client_over_its_rate_limit_gets_a_clear_429(api):
    caller = api("records:read", rate_limit=2)
    assert [caller.get("/me").status_code for _ in range(2)] == [200, 200]
    response = caller.get("/me")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60


def test_every_call_is_audited_with_the_clients_name(api):
    api("records:read").get("/me")
    entry = AuditEntry.objects.get(action="api.called")
    assert entry.api_client == "Case system"
    assert entry.detail == "GET /api/v1/me"


def test_the_last_use_of_a_token_is_recorded(api):
    api("records:read").get("/me")
    assert ApiToken.objects.get().last_used_at is not None
