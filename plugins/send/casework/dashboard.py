"""The SEND team's panel on the admin dashboard: how many submitted forms are not opened,
opened and waiting for a decision, sent back for more information, and of those overdue for
the family's reply (``SendSettings.reply_days``). wagtail_hooks adds it for those who may see
submitted forms."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from ..models import SendSettings, Submission
from ..models.submissions import Review, Status


def review_counts(now=None):
    """Counts of the forms waiting on the council or on a family, in one query."""
    now = now or timezone.now()
    overdue_before = now - timedelta(days=SendSettings.load().reply_days)
    more = Q(review_state=Review.MORE_INFORMATION)
    return Submission.objects.aggregate(
        not_opened=Count("pk", filter=Q(status=Status.SUBMITTED, review_state=Review.NOT_OPENED)),
        opened=Count("pk", filter=Q(status=Status.SUBMITTED, review_state=Review.OPENED)),
        more_information=Count("pk", filter=more),
        overdue=Count("pk", filter=more & Q(decided_at__lt=overdue_before)),
    )


class ReviewPanel(Component):
    name = "send_review"
    template_name = "send/admin/casework/dashboard_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        url = reverse("send_submissions")
        return {
            **review_counts(),
            "url": url,
            "more_information_url": f"{url}?{urlencode({'status': Review.MORE_INFORMATION})}",
        }
