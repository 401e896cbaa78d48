"""The admin side of the URLconf access sweep: every admin screen the portal's own apps add
refuses a member of staff who may use the admin but holds none of the area's permissions.

The ids in the addresses name nothing, so a screen that looks its object up before asking
(Wagtail's generic edit and delete views do) answers 404, which tells nothing either; every
other answer (a page, a file, a redirect elsewhere) fails the sweep."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.conftest import sign_in_verified
from tests.factories import UserFactory

# The portal's own code; Wagtail's own screens guard themselves.
OUR_MODULES = ("plugins.", "accounts.", "core.", "records.", "api.")
SAMPLE = {
    "int": 1,
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def admin_routes(patterns=None, prefix=""):
    """(name, URLPattern) for every named admin route whose view the portal defines."""
    if patterns is None:
        admin = next(
            p for p in get_resolver().url_patterns if str(getattr(p, "pattern", "")) == "admin/"
        )
        return admin_routes(admin.url_patterns)
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = ":".join(filter(None, [prefix, pattern.namespace]))
            found += admin_routes(pattern.url_patterns, namespace)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and pattern.callback.__module__.startswith(OUR_MODULES)
        ):
            found.append((":".join(filter(None, [prefix, pattern.name])), pattern))
    return found


def address(name, pattern):
    converters = pattern.pattern.converters
    kinds = {
        arg: type(c).__name__.removesuffix("Converter").lower() for arg, c in converters.items()
    }
    return reverse(name, kwargs={arg: SAMPLE.get(kind, "x") for arg, kind in kinds.items()})


@pytest.fixture
def staff_without_permissions(client, db):
    """May use the admin (Wagtail's "access admin"), and nothing else."""
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    user.groups.add(group)
    return sign_in_verified(client, user)


def test_every_admin_screen_of_the_portal_refuses_staff_without_its_permission(
    staff_without_permissions,
):
    client = staff_without_permissions
    home = reverse("wagtailadmin_home")
    routes = admin_routes()
    assert routes, "the sweep found no admin routes"
    wrong = []
    for name, pattern in routes:
        url = address(name, pattern)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url)
        refused = response.status_code in (403, 404) or (
            response.status_code == 302 and response.url == home
        )
        if not refused:
            wrong.append(f"{name} {url}: {response.status_code} {response.get('Location', '')}")
    assert wrong == [], "\n".join(wrong)
