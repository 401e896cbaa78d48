"""GDPR staff see withheld consent listed with the withdrawals and action it the same way; the
admin dashboard tells GDPR administrators how many are still to action."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from plugins.gdpr import services
from plugins.gdpr.models import REGISTRATION, GdprSettings, StatementShown
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.gdpr.test_admin_people import WITHDRAWALS, listed, withdrawn

pytestmark = pytest.mark.django_db


def withheld(statement, **fields):
    user = UserFactory(**fields)
    shown = StatementShown.objects.create(
        user=user,
        statement=statement,
        language="en",
        first_shown_at=timezone.now() - timedelta(days=30),
    )
    return services.record_withheld(shown)


def test_withheld_consent_is_listed_with_the_withdrawals_showing_the_decision(
    gdpr_admin, statement
):
    withdrawn(statement, email="megan@example.org")
    withheld(statement, email="tom@example.org")
    services.record_agreement(UserFactory(email="agreed@example.org"), statement, "en", "sign_in")

    assert listed(gdpr_admin) == {"megan@example.org", "tom@example.org"}
    page = gdpr_admin.get(WITHDRAWALS).text
    assert "Withdrew consent" in page and "Withheld consent" in page
    assert listed(gdpr_admin, action="withheld") == {"tom@example.org"}
    assert listed(gdpr_admin, action="withdrawn") == {"megan@example.org"}


def test_withheld_consent_is_marked_actioned_like_a_withdrawal(gdpr_admin, statement):
    record = withheld(statement)
    url = f"/admin/gdpr/withdrawals/{record.pk}/actioned/"
    assert url in gdpr_admin.get(WITHDRAWALS).text
    assert "Mark this withheld consent as actioned?" in gdpr_admin.get(url).text

    response = gdpr_admin.post(url, follow=True)
    assert "The withheld consent has been marked as actioned." in response.text
    record.refresh_from_db()
    assert record.actioned_by == gdpr_admin.officer
    assert listed(gdpr_admin, actioned="false") == set()


def test_the_dashboard_counts_the_withdrawals_and_withheld_not_yet_actioned(gdpr_admin, statement):
    for _ in range(2):
        withdrawn(statement)
    services.mark_actioned(withdrawn(statement), gdpr_admin.officer)
    withheld(statement)
    services.record_agreement(UserFactory(), statement, "en", REGISTRATION)

    page = gdpr_admin.get("/admin/").text

    assert "Consent to action" in page
    assert "2 withdrawals of consent not yet actioned" in page
    assert "1 person withheld consent, not yet actioned" in page
    assert f'href="{WITHDRAWALS}?actioned=false"' in page
    assert len(listed(gdpr_admin, actioned="false")) == 3


def test_the_dashboard_panel_is_only_for_gdpr_administrators(client, statement):
    withdrawn(statement)
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)

    page = client.get("/admin/")

    assert page.status_code == 200
    assert "Consent to action" not in page.text
    assert "not yet actioned" not in page.text


def test_gdpr_administrators_set_the_days_before_consent_counts_as_withheld(gdpr_admin):
    url = "/admin/gdpr/withheld/"
    assert 'value="14"' in gdpr_admin.get(url).text

    assert gdpr_admin.post(url, {"withheld_after_days": "30"}).status_code == 302
    assert GdprSettings.load().withheld_after_days == 30
    refused = gdpr_admin.post(url, {"withheld_after_days": "0"})
    assert refused.status_code == 200
    assert GdprSettings.load().withheld_after_days == 30


def test_the_days_setting_is_refused_to_staff_without_gdpr_administration(client):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)

    assert client.post("/admin/gdpr/withheld/", {"withheld_after_days": "1"}).status_code in (
        302,
        403,
    )
    assert GdprSettings.load().withheld_after_days == 14
