"""The children and young people a portal user acts for: adding them, the young person's own
record, the rules their details follow, and the lists professionals work from."""

import calendar
import datetime
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from core.texts import raw_text
from portal import access, events
from portal.plugins import CITIZEN

from ..models import PersonLink, PortalPerson
from ..models.people import FORENAME_MAX, MIDDLE_NAMES_MAX, SURNAME_MAX, Relationship

# The council's service covers children and young people up to their 26th birthday.
MAX_AGE = 25
# A young person may fill in forms about themselves from 16 to 25.
YOUNG_PERSON_AGES = range(16, MAX_AGE + 1)
RECENT_MONTHS = 18
ACTIVE_PRECISION = datetime.timedelta(hours=1)

NAME_LIMITS = {"forename": FORENAME_MAX, "middle_names": MIDDLE_NAMES_MAX, "surname": SURNAME_MAX}
# Letters of any alphabet (Welsh names carry accents), with spaces, hyphens and apostrophes
# between them.
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*$")

ACTIVE, HIDDEN, RECENT = "active", "hidden", "recent"
LIST_VIEWS = (ACTIVE, HIDDEN, RECENT)
CITIZEN_RELATIONSHIPS = (Relationship.PARENT, Relationship.CARER)


# -- the rules a person's details follow -------------------------------------------------------


def age_on(date_of_birth, day):
    """Age in whole years on ``day``."""
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


def name_problem(field, value):
    """The text key of what is wrong with a name ("forename", "middle_names" or "surname"),
    or None. Names longer than the council's case system holds cannot be shortened by us, so
    the message asks the user to contact the council."""
    if len(value) > NAME_LIMITS[field]:
        return f"send.people.error.{field}_too_long"
    if value and not _NAME.match(value):
        return "send.people.error.name_characters"
    return None


def date_of_birth_problem(date_of_birth, young_person=False, today=None):
    """The text key of what is wrong with a date of birth, or None. ``young_person``: the
    user's own, which must make them 16 to 25."""
    today = today or timezone.localdate()
    if date_of_birth > today:
        return "send.people.error.date_of_birth_future"
    age = age_on(date_of_birth, today)
    if young_person and age not in YOUNG_PERSON_AGES:
        return "send.my_details.error.age"
    if age > MAX_AGE:
        return "send.people.error.date_of_birth_too_old"
    return None


def _check_details(forename, middle_names, surname, date_of_birth, young_person=False):
    problems = [
        name_problem(field, value)
        for field, value in (
            ("forename", forename),
            ("middle_names", middle_names),
            ("surname", surname),
        )
    ]
    problems.append(date_of_birth_problem(date_of_birth, young_person))
    problems = [raw_text(key) for key in problems if key]
    if not forename or not surname:
        problems.append(raw_text("send.people.error.name_required"))
    if problems:
        raise ValidationError(problems)


def _tidy(name):
    return " ".join((name or "").split())


# -- adding people --------------------------------------------------------------------------------


def _lock(user):
    # One change to a user's people at a time: a double click must not add a person twice.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _announce(person, user):
    # Listeners (e.g. matching) only hear of a person that is really saved.
    events.send_after_commit(events.person_added, PortalPerson, person=person, user=user)


def already_added(user, forename, surname, date_of_birth):
    """Whether the user is already linked to a person with these names and date of birth."""
    return (
        access.scoped(user, "send.person_link")
        .filter(
            person__forename__iexact=_tidy(forename),
            person__surname__iexact=_tidy(surname),
            person__date_of_birth=date_of_birth,
        )
        .exists()
    )


@transaction.atomic
def add_person(user, forename, middle_names, surname, date_of_birth, lives_with_user, relationship):
    """Declare a child or young person and link them to ``user``; ``person_added`` is sent
    once the transaction commits. Citizens are a parent or carer, professionals are linked as
    a professional (a young person's own record is made by :func:`save_young_person_self`).

    Raises ValidationError when a detail breaks a rule or the user already added them."""
    allowed = (Relationship.PROFESSIONAL,) if user.is_professional else CITIZEN_RELATIONSHIPS
    if relationship not in allowed:
        raise ValueError(f"A {user.kind} cannot add a person as {relationship!r}")
    forename, middle_names, surname = _tidy(forename), _tidy(middle_names), _tidy(surname)
    _check_details(forename, middle_names, surname, date_of_birth)
    _lock(user)
    if already_added(user, forename, surname, date_of_birth):
        raise ValidationError(raw_text("send.people.error.duplicate"), code="duplicate")
    person = PortalPerson.objects.create(
        forename=forename,
        middle_names=middle_names,
        surname=surname,
        date_of_birth=date_of_birth,
        created_by=user,
    )
    link = PersonLink.objects.create(
        person=person,
        user=user,
        relationship=relationship,
        lives_with_user=bool(lives_with_user) and not user.is_professional,
    )
    _announce(person, user)
    return link


# -- the young person's own record ----------------------------------------------------------------


def may_act_for_self(user):
    """Whether the user may fill in forms about themselves.

    Accounts do not record a date of birth, and a young person registers as a citizen like a
    parent does, so every citizen is offered it; the age of 16 to 25 is checked against the
    date of birth they give on My details."""
    return user.kind == CITIZEN


def young_person_self(user):
    """The user's link to their own record as a young person, or None before they have
    checked their details on My details."""
    return access.scoped(user, "send.person_link").filter(relationship=Relationship.SELF).first()


def self_details(user):
    """What My details starts from: the young person's record, else their account's name."""
    link = young_person_self(user)
    if link:
        person = link.person
        return {
            "forename": person.forename,
            "middle_names": person.middle_names,
            "surname": person.surname,
            "date_of_birth": person.date_of_birth,
        }
    return {"forename": user.first_name, "middle_names": "", "surname": user.last_name}


@transaction.atomic
def save_young_person_self(user, forename, middle_names, surname, date_of_birth):
    """Create, or correct, the record of the young person who is ``user``, linked with the
    relationship "self". Sends ``person_added`` when the record is new."""
    if not may_act_for_self(user):
        raise ValueError("Only citizens fill in forms about themselves")
    forename, middle_names, surname = _tidy(forename), _tidy(middle_names), _tidy(surname)
    _check_details(forename, middle_names, surname, date_of_birth, young_person=True)
    _lock(user)
    link = young_person_self(user)
    if link:
        person = link.person
        person.forename, person.middle_names, person.surname = forename, middle_names, surname
        person.date_of_birth = date_of_birth
        person.save()
        return link
    person = PortalPerson.objects.create(
        forename=forename,
        middle_names=middle_names,
        surname=surname,
        date_of_birth=date_of_birth,
        created_by=user,
    )
    link = PersonLink.objects.create(
        person=person, user=user, relationship=Relationship.SELF, lives_with_user=True
    )
    _announce(person, user)
    return link


def may_correct(link):
    """Whether the parent or carer of ``link`` may still correct the child's name and date of
    birth: only until the council matches the child to its own records, which are then the
    ones that count."""
    return link.relationship in CITIZEN_RELATIONSHIPS and link.person.child_record_id is None


@transaction.atomic
def correct_child(link, forename, middle_names, surname, date_of_birth):
    """A parent or carer corrects the details of a child not yet matched (``may_correct``)."""
    if not may_correct(link):
        raise ValueError("The child's details can no longer be corrected on the portal")
    forename, middle_names, surname = _tidy(forename), _tidy(middle_names), _tidy(surname)
    _check_details(forename, middle_names, surname, date_of_birth)
    person = PortalPerson.objects.select_for_update().get(pk=link.person_id)
    person.forename, person.middle_names, person.surname = forename, middle_names, surname
    person.date_of_birth = date_of_birth
    person.save()
    return person


# -- the lists a user chooses from ------------------------------------------------------------------


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (the month's last day when it
    is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def people_list(user, view=ACTIVE, name=""):
    """The user's links to choose from, by surname, without their own record.

    ``view``: ACTIVE (not hidden), HIDDEN, or RECENT (not hidden, opened in the last 18
    months). ``name``: every word must be part of one of the person's names."""
    links = access.scoped(user, "send.person_link").exclude(relationship=Relationship.SELF)
    links = links.filter(hidden=True) if view == HIDDEN else links.visible()
    if view == RECENT:
        links = links.filter(last_active_at__gte=months_before(timezone.now(), RECENT_MONTHS))
    for word in name.split():
        links = links.filter(
            Q(person__forename__icontains=word)
            | Q(person__middle_names__icontains=word)
            | Q(person__surname__icontains=word)
        )
    return links.order_by("person__surname", "person__forename", "person_id")


def mark_active(link):
    """The user opened this person: it counts towards their recent list. The recent list
    asks for the last 18 months, so a time an hour old is exact enough: most page views then
    write nothing."""
    now = timezone.now()
    if link.last_active_at and now - link.last_active_at < ACTIVE_PRECISION:
        return
    PersonLink.objects.filter(pk=link.pk).update(last_active_at=now)
    link.last_active_at = now


def set_hidden(link, hidden):
    """Hide a person from (or show them again in) a professional's active list. Only
    professionals hide people: a family's own children always show."""
    if link.relationship != Relationship.PROFESSIONAL:
        raise ValueError("Only a professional's people can be hidden")
    PersonLink.objects.filter(pk=link.pk).update(hidden=hidden)
    link.hidden = hidden
    return link


def hide_person(link):
    return set_hidden(link, True)


def show_person(link):
    return set_hidden(link, False)


# -- a service for other plugins ------------------------------------------------------------------


def children_of_user(user):
    """The people linked to ``user`` and not hidden, each a mapping with "name",
    "date_of_birth" (e.g. "3 May 2015") and "relationship" (the service ``children_of_user``,
    used by GDPR's consent withdrawals)."""
    links = (
        access.scoped(user, "send.person_link")
        .visible()
        .order_by("person__surname", "person__forename")
    )
    return [
        {
            "name": link.person.full_name,
            "date_of_birth": date_format(link.person.date_of_birth, "j F Y"),
            "relationship": str(link.get_relationship_display()),
        }
        for link in links
    ]
