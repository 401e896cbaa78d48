"""The matching plugin's part of the demo: the demo register's keys, built at once (the
register is written before any task worker runs), and the incoming children already queued
scored again against them, so the queue shows each one's best candidate."""

from . import keys
from .models import MatchRequest
from .queue import score


def load_demo():
    keys.rebuild()
    for request in MatchRequest.objects.filter(state=MatchRequest.State.WAITING):
        score(request)
        request.save(update_fields=["best_score", "best_band"])
