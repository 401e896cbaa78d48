"""The demo council's incoming children for the matching queue: the demo professional
declared four children and sent a form for each, so that matching has one of each case to
show against the demo register (records.demo):

- a clear match: a register child declared exactly as the register has them;
- one with conflicts: a register child whose names the professional spelt differently;
- a twin: a child with a register child's surname, date of birth and address but another
  first name, who must not be matched to their sibling;
- a new child, on no register.

Each form announces itself (``form_submitted``) as a real one does, so an installed matching
plugin queues the child once the demo is committed (its task worker scores it against the
register's keys, built by the plugin's own demo loader). Fixed references (``SND-DEMO1…``) make loading again change nothing."""

from datetime import date

from django.contrib.auth import get_user_model

from portal import events
from records.models import ChildRecord

from ..models import FormDefinition, PersonLink, PortalPerson, Submission
from ..models.people import Relationship
from .casework import _submitted

PROFESSIONAL = "professional@example.org"
FORM = "EHC_REQ_PARENT"


def declared():
    """(reference, forename, middle names, surname, date of birth) of each incoming child,
    taken from the demo register as it is loaded; nothing when the register is not there."""
    register = {
        record.council_id: record
        for record in ChildRecord.objects.filter(
            council_id__in=["C0000150", "C0000160", "C0000170"]
        )
    }
    if len(register) < 3:
        return []
    clear, spelt, sibling = register["C0000150"], register["C0000160"], register["C0000170"]
    twin = "Ffion" if sibling.forename != "Ffion" else "Elis"
    return [
        ("SND-DEMO100001", clear.forename, clear.middle_names, clear.surname, clear.date_of_birth),
        # A letter dropped from each name.
        ("SND-DEMO100002", spelt.forename[:-1], "", spelt.surname[:-1], spelt.date_of_birth),
        ("SND-DEMO100003", twin, "", sibling.surname, sibling.date_of_birth),
        ("SND-DEMO100004", "Nia", "", "Newydd", date(2019, 2, 2)),
    ]


def load_demo_incoming():
    professional = get_user_model().objects.filter(email=PROFESSIONAL).first()
    form = FormDefinition.objects.filter(code=FORM, live=True).first()
    if professional is None or form is None:
        return
    taken = set(
        Submission.objects.filter(reference__startswith="SND-DEMO1").values_list(
            "reference", flat=True
        )
    )
    for reference, forename, middle_names, surname, born in declared():
        if reference in taken:
            continue
        person = PortalPerson.objects.create(
            forename=forename,
            middle_names=middle_names,
            surname=surname,
            date_of_birth=born,
            created_by=professional,
        )
        PersonLink.objects.create(
            person=person, user=professional, relationship=Relationship.PROFESSIONAL
        )
        submission = _submitted(professional, person, form, reference)
        events.send_after_commit(events.form_submitted, Submission, submission=submission)
