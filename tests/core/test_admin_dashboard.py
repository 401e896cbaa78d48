"""The admin dashboard as council staff see it."""

import pytest
from django.contrib.staticfiles import finders
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_dashboard_shows_a_local_avatar_and_sends_no_address_to_an_avatar_service(
    admin_client, superuser, language
):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = language
    profile.save()
    page = admin_client.get("/admin/").text
    assert "avatarUrl" in page  # the sidebar's account menu shows the avatar
    assert "gravatar" not in page
    src = avatar_url(superuser, size=50)
    assert src.startswith("/static/") and src in page.replace("\\u002D", "-")
    assert finders.find(src.removeprefix("/static/").split("?")[0])
