"""The documents of an involvement on its admin page: ``{% involvement_documents involvement %}``
(the documents area's own part of the page, so the involvement's view needs no change)."""

from django import template
from django.db.models import Count, Q

register = template.Library()


@register.inclusion_tag("send/admin/documents/_involvement.html")
def involvement_documents(involvement):
    return {
        "involvement": involvement,
        "documents": involvement.documents.select_related("published_by")
        .annotate(
            sent_to=Count("recipients", filter=Q(recipients__notified_at__isnull=False)),
            opened_by=Count("recipients", filter=Q(recipients__opened_at__isnull=False)),
        )
        .order_by("-published_at", "-pk"),
    }
