"""The demo council's action to complete: the demo parent is asked to complete "My views"
(a published demo form) for her son Alfie on his EHC needs assessment, answering the parental
views the council asked her for. Made through the service, so the message is real; loading
again changes nothing. Without Alfie's case or the form (demos loaded partly) nothing is made."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..casework.actions import services
from ..models import Action, FormDefinition, Involvement
from .involvements import CASEWORKER

PARENT = "parent@example.org"
CHILD = "C0000101"
FORM = "MY_VIEWS"
DUE_IN_DAYS = 14
NOTE = "Please tell us about Alfie in your own words: what is going well and what is hard."


def load_demo_actions():
    User = get_user_model()
    parent = User.objects.filter(email=PARENT).first()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    involvement = Involvement.objects.open().filter(child_record__council_id=CHILD).first()
    form = FormDefinition.objects.filter(code=FORM, live_version__isnull=False).first()
    if None in (parent, caseworker, involvement, form):
        return
    if Action.objects.filter(involvement=involvement, user=parent, form=form).exists():
        return
    if services.refusal_to_ask(involvement, parent, form) is not None:
        return
    services.ask(
        involvement,
        parent,
        form,
        timezone.localdate() + timedelta(days=DUE_IN_DAYS),
        caseworker,
        note=NOTE,
        information_request=involvement.information_requests.filter(
            user=parent, received_on__isnull=True
        ).first(),
    )
