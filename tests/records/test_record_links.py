"""The register's extension point: other apps add links to a child record's page through the
``register_child_record_links`` hook, each deciding who sees its link."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail import hooks

from records.links import CHILD_RECORD_LINKS_HOOK, RecordLink
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record

pytestmark = pytest.mark.django_db


def registrar_link(request, record):
    if request.user.first_name != "Nia":
        return None
    return RecordLink("Case file", f"/admin/cases/{record.council_id}/", icon_name="folder")


@pytest.fixture
def viewer(client):
    user = UserFactory(kind="staff", is_staff=True, first_name="Nia")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_childrecord"])
    )
    sign_in_verified(client, user)
    client.user = user
    return client


def test_an_apps_link_shows_in_the_header_of_a_child_records_page(viewer):
    record = child_record("C900")
    with hooks.register_temporarily(CHILD_RECORD_LINKS_HOOK, registrar_link):
        page = viewer.get(reverse("child_records:inspect", args=[record.pk])).text

    assert 'href="/admin/cases/C900/"' in page
    assert "Case file" in page


def test_an_app_leaves_its_link_out_for_users_it_does_not_serve(viewer):
    record = child_record("C901")
    viewer.user.first_name = "Owen"
    viewer.user.save()
    with hooks.register_temporarily(CHILD_RECORD_LINKS_HOOK, registrar_link):
        page = viewer.get(reverse("child_records:inspect", args=[record.pk])).text

    assert "/admin/cases/C901/" not in page
