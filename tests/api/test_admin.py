"""Administrators manage the integration in the admin: they create a service account with
scopes, issue a token that is shown once, revoke it, and see a subscription's deliveries and
send one again. Other staff do not get in."""

import re

from django.contrib.auth.models import Permission

from api.models import ApiToken, ServiceAccount, WebhookDelivery, WebhookSubscription
from tests.conftest import sign_in_verified
from tests.factories import UserFactory


def test_an_administrator_creates_an_account_and_its_user_gets_the_scopes_permissions(
    admin_client,
):
    response = admin_client.post(
        "/admin/service_accounts/new/",
        {"name": "Case system", "scopes": ["records:read"], "ip_allowlist": "", "rate_limit": ""},
    )
    assert response.status_code == 302
    account = ServiceAccount.objects.get()
    assert account.scopes == ["records:read"]
    assert account.user.has_perm("records.view_childrecord")
    assert not account.user.has_perm("records.add_childrecord")
    assert not account.user.has_usable_password()


def test_a_token_is_shown_once_then_only_its_start(admin_client):
    from api import accounts

    account = accounts.create_account("Case system", ["records:read"])
    url = f"/admin/service_accounts/{account.pk}/tokens/"
    shown = admin_client.post(url, {"expires_on": ""}).content.decode()
    token = re.search(r"<code>(sp_[^<]+)</code>", shown).group(1)
    assert ApiToken.objects.get().digest == accounts.digest(token)
    assert token not in admin_client.get(url).content.decode()
    admin_client.post(url, {"revoke": str(ApiToken.objects.get().pk)})
    assert ApiToken.objects.get().revoked_at is not None


def test_an_administrator_sends_a_delivery_again_from_its_log(
    admin_client, django_capture_on_commit_callbacks, monkeypatch
):
    from api import accounts
    from api.webhooks import delivery, signing

    queued = []
    monkeypatch.setattr(delivery, "enqueue", queued.append)
    account = accounts.create_account("Case system", [])
    subscription = WebhookSubscription.objects.create(
        account=account, url="https://x.example.org/", events=[], secret=signing.new_secret()
    )
    failed = WebhookDelivery.objects.create(
        subscription=subscription, event="e", payload={}, status=WebhookDelivery.Status.FAILED
    )
    url = f"/admin/webhook_subscriptions/{subscription.pk}/deliveries/"
    assert subscription.secret in admin_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"replay": str(failed.pk)})
    failed.refresh_from_db()
    assert failed.status == WebhookDelivery.Status.PENDING
    assert queued == [failed.pk]


def test_staff_who_are_not_administrators_are_refused(client, db):
    from api import accounts

    account = accounts.create_account("Case system", [])
    # A member of staff who may use the admin and the register, not administer the API.
    member = UserFactory(is_staff=True, kind="staff")
    member.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_childrecord"])
    )
    sign_in_verified(client, member)
    for url in (
        "/admin/service_accounts/",
        f"/admin/service_accounts/{account.pk}/tokens/",
        "/admin/webhook_subscriptions/",
    ):
        assert client.get(url).status_code in (302, 403), url
