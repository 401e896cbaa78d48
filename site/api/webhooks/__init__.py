"""Webhooks: the portal tells subscribers of events (api.webhooks.events), signed with the
Standard Webhooks scheme (api.webhooks.signing) and delivered by django-q2 tasks with
retries (api.webhooks.delivery)."""
