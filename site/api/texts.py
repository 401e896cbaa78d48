"""The integration API's portal texts: the email administrators get when a webhook
subscription is disabled."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "api.emailsubject.webhook_disabled",
        "Webhook subscription disabled: {url}",
        "Tanysgrifiad bachyn gwe wedi'i analluogi: {url}",
    ),
    TextDefault(
        "api.email_webhook_disabled",
        "The portal could not deliver events to {url} (service account {client}) "
        "{failures} times in a row, so it has stopped sending them.\n\n"
        "Fix the receiver, then turn the subscription back on under Settings › "
        "Integration API. Undelivered events can be sent again from the delivery log.",
        "Nid oedd y porth yn gallu anfon digwyddiadau i {url} (cyfrif gwasanaeth {client}) "
        "{failures} gwaith yn olynol, felly mae wedi rhoi'r gorau i'w hanfon.\n\n"
        "Trwsiwch y derbynnydd, yna trowch y tanysgrifiad yn ôl ymlaen o dan Gosodiadau › "
        "API integreiddio. Gellir anfon digwyddiadau heb eu hanfon eto o'r cofnod anfon.",
        markdown=True,
    ),
]
