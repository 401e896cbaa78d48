"""The API keeps to its own OpenAPI 3.1 schema: schemathesis calls every operation with a
token holding every scope, with generated input, and no answer is a server error or strays
from the schema (status code, content type, body)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from api import accounts, scopes
from api.v1 import api as ninja_api
from portal.wsgi import application

schema = schemathesis.openapi.from_dict(ninja_api.get_openapi_schema())
schema.app = application


@pytest.fixture(autouse=True)
def the_tests_connection_stays_open():
    """schemathesis calls the WSGI application itself, whose request signals would close the
    test's database connection (inside the test's transaction) after each call; Django's test
    client disconnects them in the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    account = accounts.create_account("Schemathesis", list(scopes.SCOPES), rate_limit=100_000)
    return accounts.issue_token(account)[1]


def test_the_schema_is_openapi_3_1_served_by_the_site(client, db):
    body = client.get("/api/v1/openapi.json").json()
    assert body["openapi"].startswith("3.1")
    assert body["components"]["securitySchemes"]["ServiceTokenAuth"]["scheme"] == "bearer"


def test_the_docs_page_loads_its_assets_from_the_site_within_the_csp(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_within_its_schema(case, token):
    # A schema-valid request may still be refused for what it means (a cursor the API never
    # gave, a process the council does not run): that is a 4xx, not a failure. And a request
    # schemathesis made invalid may still be answered: every call carries the token (so one
    # generated "without Authorization" has it), and unknown query parameters are ignored.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
    )
