from django.utils.translation import gettext_lazy as _

from portal import plugins


class ApiConfig(plugins.PortalAppConfig):
    """The integration API (/api/v1/), its service accounts and webhooks (docs/api.md)."""

    name = "api"
    label = "api"
    verbose_name = _("Integration API")
    default_auto_field = "django.db.models.BigAutoField"
    texts = "api.texts.TEXTS"
    text_areas = {"api": "Integration API"}
    demo = "api.demo.load_demo"
    jobs = (
        # Deliveries whose back-off has run out are sent again (api.webhooks.delivery).
        plugins.JobSpec(name="retry_webhooks", func="api.webhooks.delivery.send_due", minutes=1),
        plugins.JobSpec(
            name="purge_idempotency_keys",
            func="api.idempotency.purge_expired",
            schedule_type="D",
        ),
    )

    def ready(self):
        from portal import access

        from .access import KIND, ServiceAccountRule
        from .webhooks import events

        access.register(KIND, ServiceAccountRule())
        events.connect()
