"""The portal's URLs plus pages that fail on purpose, for tests/core/test_error_pages.py."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from portal.urls import handler400
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler400", "urlpatterns"]


def denied(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a fault in the portal")


urlpatterns = [
    *i18n_patterns(path("denied/", denied), path("broken/", broken), prefix_default_language=False),
    *portal_urlpatterns,
]
