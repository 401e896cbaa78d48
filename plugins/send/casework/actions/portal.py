"""The asked user's side of actions to complete: the open actions for a child, and starting
one. Starting opens the form for that child through the filling service (a draft already
begun is continued) and links the draft to the action."""

from django.db import transaction
from django.db.models.fields.json import KeyTransform

from ...filling import services as filling
from ...models import Action, PersonLink, PortalPerson, PortalSharing
from ...models.people import Relationship
from ..involvements.authentication import authenticated_sharing


def open_actions(user, child_record=None):
    """The open actions asking ``user``, on involvements they are still authenticated on
    (``child_record``'s only, when given), soonest due first, each with its ``form_title``
    (the live version's title in both languages) in one query."""
    actions = Action.objects.open().filter(
        user=user,
        involvement__in=authenticated_sharing().filter(user=user).values("involvement"),
    )
    if child_record is not None:
        actions = actions.filter(involvement__child_record=child_record)
    return actions.annotate(
        form_title=KeyTransform("title", "form__live_version__schema")
    ).order_by("due_on", "pk")


def _relationship(user, involvement):
    if user.is_professional:
        return Relationship.PROFESSIONAL
    sharing = PortalSharing.objects.filter(involvement=involvement, user=user).first()
    if sharing is not None and sharing.young_person:
        return Relationship.SELF
    return Relationship.PARENT


def person_for(user, involvement):
    """The user's person for the involvement's child: one they declared and the council
    matched to the child's record, or else one made from the record for them (a parent the
    council invited may never have declared the child). Already matched, it needs no
    matching, so ``person_added`` is not sent."""
    record = involvement.child_record
    link = (
        PersonLink.objects.filter(user=user, person__child_record=record)
        .select_related("person")
        .order_by("hidden", "pk")
        .first()
    )
    if link is not None:
        return link.person
    person = PortalPerson.objects.create(
        forename=record.forename,
        middle_names=record.middle_names,
        surname=record.surname,
        date_of_birth=record.date_of_birth,
        child_record=record,
        created_by=user,
    )
    PersonLink.objects.create(
        person=person, user=user, relationship=_relationship(user, involvement)
    )
    return person


def start(action, user):
    """The user's draft of the action's form for its child, linked to the action."""
    with transaction.atomic():
        # Locks only the action: the live version's join is nullable (PostgreSQL refuses to
        # lock the nullable side of an outer join).
        action = (
            Action.objects.select_for_update(of=("self",))
            .select_related("involvement__child_record", "form__live_version")
            .get(pk=action.pk)
        )
        submission = filling.start(user, person_for(user, action.involvement), action.form)
        if action.submission_id != submission.pk:
            action.submission = submission
            action.save(update_fields=["submission"])
    return submission
