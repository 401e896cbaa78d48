"""The demo council shows the integration: a service account for its case system whose token
`make run` prints, and a webhook subscription to the site's own receiver page."""

from django.core.management import call_command
from django.urls import reverse

from api.demo import DEMO_CLIENT, demo_token
from api.models import ServiceAccount
from api.webhooks import events
from tests.api.conftest import ApiClient


def test_the_demo_case_system_calls_the_api_with_the_printed_token(demo, client):
    account = ServiceAccount.objects.get(name=DEMO_CLIENT)
    assert ApiClient(client, demo_token()).get("/me").json()["client"] == account.name


def test_the_demo_subscription_points_at_the_sites_own_receiver(demo):
    [subscription] = ServiceAccount.objects.get(name=DEMO_CLIENT).subscriptions.all()
    assert subscription.url.endswith(reverse("api_receiver", args=[subscription.pk]))
    assert subscription.events == list(events.EVENTS)


def test_load_demo_prints_the_token_beside_the_sign_ins(demo, capsys):
    call_command("load_demo")
    assert demo_token() in capsys.readouterr().out
