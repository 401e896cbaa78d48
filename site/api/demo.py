"""The demo council's integration: a service account for its case system, with every scope,
whose token `make run` prints beside the demo sign-ins, and a webhook subscription to the
site's own receiver page (api.receiver), so every event can be seen arriving."""

import secrets
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from . import accounts, scopes
from .models import ServiceAccount, WebhookSubscription
from .webhooks import events, signing

DEMO_CLIENT = "Council case system (demo)"


def demo_token():
    """The demo account's token: generated once and kept in var/, like the demo password, so
    every `make run` prints the same working token while the database keeps only its hash."""
    if settings.DEMO_API_TOKEN:
        return settings.DEMO_API_TOKEN
    path = Path(settings.VAR_DIR) / "demo-api-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(accounts.TOKEN_PREFIX + secrets.token_urlsafe(32) + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


def load_demo():
    account = ServiceAccount.objects.filter(name=DEMO_CLIENT).first()
    if account is None:
        account = accounts.create_account(DEMO_CLIENT, list(scopes.SCOPES))
    token = demo_token()
    if not account.tokens.filter(digest=accounts.digest(token)).exists():
        accounts.issue_token(account, token=token)
    if not account.subscriptions.exists():
        subscription = WebhookSubscription.objects.create(
            account=account, url="", events=list(events.EVENTS), secret=signing.new_secret()
        )
        subscription.url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "api_receiver", args=[subscription.pk]
        )
        subscription.save(update_fields=["url"])
