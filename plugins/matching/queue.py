"""Who enters the matching queue. A child enters when a form is submitted for a portal person
never matched, or whose details changed since they were matched; a matched person with the
same details skips it. A rejected child's later forms wait with the rejection until a form
is resubmitted to matching.

``portal.events`` tells the plugin of forms submitted and resubmitted to matching; the
receivers run after the commit and enqueue :func:`enter` (a django-q2 task, by ids)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_q.tasks import async_task

from .models import MatchRequest
from .normalise import normalised_postcode
from .services import candidates_for

# The details compared to decide whether a matched child enters the queue again.
DETAILS = ("forename", "middle_names", "surname", "date_of_birth")
ADDRESS_FIELDS = ("address_line_1", "address_line_2", "town", "postcode")
SETTLED = (MatchRequest.State.MATCHED, MatchRequest.State.NEW_RECORD)


def declared(person):
    """The details of ``person`` (a portal person, with ``address`` None or a
    ``records.services.Address``) as a request stores them. An address whose postcode is not a
    postcode is left out: the register could not take it, and a typing error is no evidence."""
    details = {field: getattr(person, field) for field in DETAILS}
    address = getattr(person, "address", None)
    postcode = normalised_postcode(address.postcode) if address else ""
    parts = (address.line_1, address.line_2, address.town, postcode) if postcode else ("",) * 4
    return {**details, **dict(zip(ADDRESS_FIELDS, parts, strict=True))}


def differs(request, person):
    """Whether ``person``'s details (names, date of birth, address) are not those of
    ``request``."""
    return any(getattr(request, field) != value for field, value in declared(person).items())


def _task_arguments(submission):
    person = submission.person
    return (
        ContentType.objects.get_for_model(person).pk,
        person.pk,
        submission.reference,
        submission.created_by_id,
    )


def on_form_submitted(sender, submission, **kwargs):
    """Receiver of ``form_submitted``."""
    async_task("plugins.matching.queue.enter", *_task_arguments(submission))


def on_matching_requested(sender, submission, user, **kwargs):
    """Receiver of ``matching_requested``: staff resubmitted a form to matching."""
    async_task("plugins.matching.queue.enter", *_task_arguments(submission), resubmitted=True)


def score(request):
    """Store the best candidate's score and band on ``request`` (unsaved)."""
    best = candidates_for(request, top=1)
    request.best_score = best[0].probability if best else None
    request.best_band = best[0].band if best else ""


@transaction.atomic
def enter(person_type_id, person_id, reference, declared_by_id, resubmitted=False):
    """Put the person's form ``reference`` in the queue, or nowhere when the person is matched
    with the same details. Returns the id of the request the form waits with, or None: a
    django-q2 task's result is stored, and only plain values can be."""
    person = ContentType.objects.get_for_id(person_type_id).get_object_for_this_type(pk=person_id)
    requests = MatchRequest.objects.select_for_update().filter(
        person_type_id=person_type_id, person_id=person_id
    )
    latest = requests.order_by("-received_at", "-pk").first()
    if latest and latest.state == MatchRequest.State.WAITING:
        return _add_form(latest, person, reference).pk
    if latest and latest.state == MatchRequest.State.REJECTED and not resubmitted:
        # Out of casework until someone resubmits a form to matching.
        return _add_form(latest, person, reference, rescore=False).pk
    if person.child_record_id and not resubmitted:
        settled = requests.filter(state__in=SETTLED).order_by("-decided_at", "-pk").first()
        if settled is None or not differs(settled, person):
            return None
    request = MatchRequest(
        person_type_id=person_type_id,
        person_id=person_id,
        declared_by_id=declared_by_id,
        forms=[reference],
        received_at=timezone.now(),
        **declared(person),
    )
    score(request)
    request.save()
    return request.pk


def _add_form(request, person, reference, rescore=True):
    if reference not in request.forms:
        request.forms.append(reference)
    if rescore and differs(request, person):
        # The family corrected the child's details while they waited: decide on the new ones.
        for field, value in declared(person).items():
            setattr(request, field, value)
        score(request)
    request.save()
    return request
