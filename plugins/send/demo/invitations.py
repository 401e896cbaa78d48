"""The demo council's invitation awaiting approval: the SEND team invited the demo parent to
her daughter Seren's case (records.demo's C0000102, whose annual review is open); she
confirmed Seren, and the invitation waits for the SEND team to check her identity and
activate her access. Made through the services, so the audit rows are real; loading again
changes nothing; without the demo users or register nothing is made."""

from django.contrib.auth import get_user_model

from records.models import ChildRecord

from ..casework.invitations import services
from ..models import CaseInvitation

CASEWORKER = "caseworker@example.org"
PARENT = "parent@example.org"
CHILD = "C0000102"


def load_demo_invitations():
    User = get_user_model()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    parent = User.objects.filter(email=PARENT).first()
    child = ChildRecord.objects.filter(council_id=CHILD).first()
    if caseworker is None or parent is None or child is None:
        return
    if CaseInvitation.objects.filter(email=PARENT, children__child_record=child).exists():
        return
    invitation = services.invite(PARENT, [child], parent.preferred_language, caseworker)
    services.accept(invitation, parent, [child.pk])
