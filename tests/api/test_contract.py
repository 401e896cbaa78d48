"""Apps bring their API routes through the plugin contract: ``api_router`` names a
django-ninja Router, checked at start-up and mounted under the plugin's slug."""

from ninja import Router

from api.v1 import api
from portal import checks
from portal.plugins import api_routers, installed_plugin


def test_every_declared_router_is_mounted_under_its_prefix():
    paths = api.get_openapi_schema()["paths"]
    for prefix, _router in api_routers():
        assert any(path.startswith(f"/api/v1/{prefix}/") for path in paths), prefix


def test_the_records_router_is_cores_and_sends_is_under_its_slug():
    prefixes = dict(api_routers())
    assert isinstance(prefixes["records"], Router)
    if installed_plugin("send"):
        assert isinstance(prefixes["send"], Router)


def test_an_api_router_that_is_not_a_router_stops_the_portal(monkeypatch):
    config = installed_plugin("example_plugin")
    monkeypatch.setattr(config, "api_router", "portal.checks.register", raising=False)
    [error] = checks.check_api_routers()
    assert error.id == "portal.E011"
    monkeypatch.setattr(config, "api_router", "portal.checks.nothing_here", raising=False)
    assert [e.id for e in checks.check_paths() if e.obj is config] == ["portal.E001"]
