"""The GDPR panel on the admin dashboard: how many withdrawn and withheld consents staff have
still to action, linking to the list. wagtail_hooks adds it for GDPR administrators only."""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from . import services
from .models import WITHDRAWN, WITHHELD


class ConsentToActionPanel(Component):
    name = "gdpr_consent_to_action"
    template_name = "gdpr/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        counts = services.unactioned_counts()
        url = reverse("gdpr_withdrawals")
        return {
            "withdrawn": counts[WITHDRAWN],
            "withheld": counts[WITHHELD],
            "url": f"{url}?{urlencode({'actioned': 'false'})}",
        }
