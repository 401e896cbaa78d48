"""The matching queue in the Wagtail admin (permission "matching.match_people"): the incoming
children waiting, oldest first, and one incoming child with its ranked candidates, where the
caseworker decides. Opening an incoming child is a staff read of a child's information, so
it is written to the audit log; the decisions are the services of ``decisions``."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from django_q.tasks import async_task
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core import audit
from portal import access
from records.models import ChildAddress, ChildRecord

from . import decisions, scoring
from .access import KIND
from .models import MatchRequest, MatchWeights
from .queue import DETAILS
from .services import candidates_for

BAND_LABELS = {
    scoring.MATCH: _("Match"),
    scoring.LIKELY: _("Likely"),
    scoring.POSSIBLE: _("Possible"),
    scoring.NEW: _("New"),
}
DETAIL_LABELS = {
    "forename": _("First name"),
    "middle_names": _("Middle names"),
    "surname": _("Last name"),
    "date_of_birth": _("Date of birth"),
    "address": _("Current address"),
}
QUEUE_CRUMB = {"url": "", "label": _("Matching queue")}


class QueueView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The incoming children waiting for a decision, oldest first: one query."""

    access_kind = KIND
    template_name = "matching/admin/queue.html"
    page_title = _("Matching queue")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, QUEUE_CRUMB]

    def get_context_data(self, **kwargs):
        waiting = access.scoped(
            self.request.user, KIND, MatchRequest.objects.select_related("declared_by")
        ).filter(state=MatchRequest.State.WAITING)
        return {
            **super().get_context_data(**kwargs),
            "requests": waiting,
            "bands": BAND_LABELS,
            "weights": MatchWeights.objects.order_by("-estimated_at", "-pk").first(),
        }


class EstimateWeightsView(access.AccessRequiredMixin, View):
    """The button under the queue: estimate the weights from the register in a task."""

    access_kind = KIND
    http_method_names = ["post"]

    def post(self, request):
        async_task("plugins.matching.estimation.estimate_task", request.user.pk)
        messages.success(
            request,
            _("The weights are being estimated from the register; scoring uses them when done."),
        )
        return redirect("matching_queue")


class RequestView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One incoming child: the top 10 candidates side by side with it, and the decisions."""

    access_kind = KIND
    template_name = "matching/admin/request.html"
    header_icon = "user"

    @cached_property
    def match_request(self):
        return access.get_or_404(self.request.user, KIND, pk=self.kwargs["pk"])

    def get_page_title(self):
        return self.match_request.full_name

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("matching_queue"), "label": QUEUE_CRUMB["label"]}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "matching.viewed", self.match_request, request=request)
        return super().get(request, *args, **kwargs)

    def candidates(self):
        ranked = candidates_for(self.match_request)
        current = Prefetch(
            "addresses", queryset=ChildAddress.objects.filter(valid_to=None), to_attr="current"
        )
        full = ChildRecord.objects.prefetch_related(current).in_bulk(
            [candidate.record.pk for candidate in ranked]
        )
        return [self.row(candidate, full[candidate.record.pk]) for candidate in ranked]

    def row(self, candidate, record):
        incoming = self.match_request
        conflicts = {field for field, *_values in decisions.conflicts(incoming, record)}
        current = record.current[0] if record.current else None
        values = {field: (getattr(incoming, field), getattr(record, field)) for field in DETAILS}
        values[decisions.ADDRESS] = (
            decisions.address_text(incoming.address),
            decisions.address_text(current),
        )
        return {
            "record": record,
            "score": candidate.probability,
            "band": BAND_LABELS[candidate.band],
            "explanation": candidate.explanation,
            "values": [
                {
                    "field": field,
                    "label": DETAIL_LABELS[field],
                    "incoming": portal,
                    "council": council,
                    "conflict": field in conflicts,
                }
                for field, (portal, council) in values.items()
            ],
        }

    def get_context_data(self, **kwargs):
        waiting = self.match_request.state == MatchRequest.State.WAITING
        return {
            **super().get_context_data(**kwargs),
            "incoming": self.match_request,
            "incoming_address": decisions.address_text(self.match_request.address),
            "waiting": waiting,
            "candidates": self.candidates() if waiting else [],
        }

    def post(self, request, *args, **kwargs):
        incoming = self.match_request
        decision = request.POST.get("decision")
        try:
            if decision == "match":
                record = get_object_or_404(ChildRecord, pk=request.POST.get("record"))
                take = [f for f in DETAIL_LABELS if request.POST.get(f"take_{f}") == "portal"]
                decisions.match(incoming, record, request.user, take, http_request=request)
                messages.success(request, _("Matched to %(id)s.") % {"id": record.council_id})
            elif decision == "new":
                decisions.add_as_new_record(incoming, request.user, http_request=request)
                messages.success(request, _("Added as a new child record."))
            elif decision == "reject":
                reason = request.POST.get("reason", "")
                decisions.reject(incoming, request.user, reason, http_request=request)
                messages.success(request, _("Rejected."))
            else:
                messages.error(request, _("Choose a decision."))
                return redirect("matching_request", incoming.pk)
        except decisions.NotAllowed as refused:
            messages.error(request, refused.reason)
            return redirect("matching_request", incoming.pk)
        return redirect("matching_queue")


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("matching/", QueueView.as_view(), name="matching_queue"),
        path("matching/weights/", EstimateWeightsView.as_view(), name="matching_weights"),
        access.route(
            path("matching/<int:pk>/", RequestView.as_view(), name="matching_request"), pk=KIND
        ),
    ]


def menu_item():
    return access.AccessMenuItem(
        _("Matching queue"), reverse("matching_queue"), kind=KIND, icon_name="user", order=195
    )
