"""The URLconf access sweep (DESIGN.md §5): every route of every plugin namespace and of
accounts, walked from the URLconf itself, so a new page cannot be left out.

Signed out, every route that is not declared public sends the visitor to the sign-in page.
Signed in as another family, as a professional who is not involved, as a young person and as
the child's other parent (linked to the child but not authenticated on its involvement), every
route that names an object gives 404 for the owner family's objects, the forms shared on the
child's case included. Each URL argument
declares the kind of object it names next to its URL (``portal.access.route``); a route with
an undeclared argument, or a kind no rule is registered for, fails here."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from portal import access
from portal.plugins import installed_plugins
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

# Values for URL arguments that name no object (step numbers, secrets typed in or emailed).
SAMPLE_VALUES = {"number": 2, "version": "draft", "token": "x", "uidb64": "x", "code": "x"}


def swept_namespaces():
    return {config.label for config in installed_plugins() if config.urls} | {"accounts"}


def routes(patterns=None, namespace=""):
    """(namespaced name, URLPattern) for every named route in the swept namespaces."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            found += routes(pattern.url_patterns, inner)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and namespace.split(":")[0] in swept_namespaces()
        ):
            found.append((f"{namespace}:{pattern.name}", pattern))
    return found


def arguments(pattern):
    return list(pattern.pattern.converters)


def declaration_problems(named_routes):
    """Why each route's arguments cannot be checked: undeclared, or an unregistered kind."""
    problems = []
    for name, pattern in named_routes:
        declared = getattr(pattern, "access_kinds", {})
        for argument in arguments(pattern):
            kind = declared.get(argument)
            if kind is None:
                problems.append(
                    f"{name} takes <{argument}> but declares no kind for it: wrap its path in "
                    f'portal.access.route(..., {argument}="app.kind") or NOT_AN_ID.'
                )
            elif kind is access.NOT_AN_ID:
                if argument not in SAMPLE_VALUES:
                    problems.append(f"{name}: add a sample value for <{argument}> to this test.")
            else:
                kind = kind[0] if isinstance(kind, tuple) else kind
                try:
                    access.rule_for(kind)
                except access.UnknownKind:
                    problems.append(
                        f"{name} names {kind!r} in <{argument}>: no rule is registered."
                    )
    return problems


def url_of(name, pattern, objects):
    """The route's address with the owner family's objects in its arguments."""
    values = {}
    for argument in arguments(pattern):
        kind = getattr(pattern, "access_kinds", {}).get(argument)
        assert kind is not None, f"{name}: <{argument}> is not declared"
        if kind is access.NOT_AN_ID:
            values[argument] = SAMPLE_VALUES[argument]
            continue
        kind, field = kind if isinstance(kind, tuple) else (kind, "pk")
        assert kind in objects, f"{name}: the sweep has no object of {kind!r}; add one below."
        values[argument] = getattr(objects[kind], field)
    return reverse(name, kwargs=values)


def names_objects(pattern):
    kinds = getattr(pattern, "access_kinds", {}).values()
    return any(kind is not access.NOT_AN_ID for kind in kinds)


def is_public(pattern):
    return getattr(pattern, "access_public", False)


# -- one object of each kind, belonging to the owner family -----------------------------------

OWNERS_CHILD = "OWNERS-CHILD"


def send_objects(owner):
    from plugins.send.models import SubmissionFile
    from records.models import ChildRecord
    from tests.send.factories import FormDefinitionFactory, PersonLinkFactory, SubmissionFactory

    link = PersonLinkFactory(user=owner, relationship="parent")
    submission = SubmissionFactory(person=link.person, created_by=owner)
    link.person.child_record = ChildRecord.objects.create(
        council_id=OWNERS_CHILD, forename="Alys", surname="Owner", date_of_birth="2015-03-01"
    )
    link.person.save()
    # Approved and shared on the owner's child's case: only those authenticated on it see it.
    shared = SubmissionFactory(
        person=link.person,
        created_by=owner,
        status="submitted",
        reference="SND-SHARED0001",
        review_state="approved",
        share_with_case=True,
        decided_at=timezone.now(),
    )
    upload = SubmissionFile.objects.create(
        submission=submission,
        question_code="ANY",
        file=ContentFile(b"%PDF-1.4", name="x"),
        original_name="a.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    # A file attached to the shared form: it goes with the form, to the same people only.
    shared_upload = SubmissionFile.objects.create(
        submission=shared,
        question_code="ANY",
        file=ContentFile(b"%PDF-1.4", name="x"),
        original_name="shared.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    document = published_document(owner, link.person.child_record)
    # The owner is also asked to complete a form for the child.
    action = owners_action(owner, link.person.child_record)
    return {
        "send.delegated_task": delegated_task(action.involvement),
        "send.documents_child": link.person.child_record,
        "send.document": document,
        "send.action": action,
        "send.actions_child": action.involvement.child_record,
        "send.person": link.person,
        "send.submission": submission,
        "send.submission_file": upload,
        "send.shared_submission": shared,
        "send.shared_submission_file": shared_upload,
        # Authenticated on the child's case by published_document: its dashboard is theirs.
        "send.case": link.person.child_record,
        # Still being built: no one on the portal sees it, nor may preview it.
        "send.form_definition": FormDefinitionFactory(live=False),
    }


def published_document(owner, child_record):
    """The owner authenticated on their child's involvement, with a document published to
    them."""
    import hashlib

    from plugins.send.casework.documents import services as documents
    from plugins.send.casework.involvements import portal_sharing
    from plugins.send.casework.involvements import services as involvements
    from plugins.send.filling.uploads import CheckedUpload

    involvement = involvements.open_involvement(child_record, "england_ehc_needs_assessment", None)
    sharing = portal_sharing.add(involvement, owner, None)
    portal_sharing.authenticate(sharing, None, "The owner; checked.")
    content = b"%PDF-1.4"
    checked = CheckedUpload("application/pdf", hashlib.sha256(content).hexdigest(), 8)
    return documents.publish(
        involvement,
        None,
        ContentFile(content, name="letter.pdf"),
        checked,
        description="Letter",
        document_date="2026-01-01",
    )


def owners_action(owner, child_record):
    """The owner, authenticated on their child's case (by ``published_document``), asked to
    complete a form for the child."""
    from plugins.send.casework.actions import services as actions
    from plugins.send.models import Involvement
    from tests.send.factories import published_form

    involvement = Involvement.objects.open().get(child_record=child_record)
    return actions.ask(involvement, owner, published_form(), timezone.localdate(), None)


def delegated_task(involvement):
    """A task about the owner's child, held by the professional at the child's school: no
    intruder, the professional outside the school included, may open it."""
    from plugins.send.casework.delegation import services as delegation
    from tests.send.factories import published_form

    school = UserFactory(
        email="senco@owners-school.example.org",
        kind="professional",
        verification_state="verified",
    )
    return delegation.delegate(
        involvement, published_form(), timezone.localdate(), None, user=school
    )


def accounts_objects(owner):
    from accounts.models import Invitation

    invitation = Invitation.objects.create(
        email=owner.email,
        code="OWNERS-CODE",
        child_name="Alys",
        accepted_by=owner,
        accepted_at=timezone.now(),
    )
    return {"accounts.invitation": invitation}


def messaging_objects(owner):
    """A notice to the owner, with a file: a thread nobody else takes part in. (Threads about a
    child are checked against the child's authentication in tests/messaging.)"""
    from plugins.messaging import services
    from plugins.messaging.models import Attachment

    message = services.notify(owner, "messaging.tile.title", "messaging.inbox.empty", {})
    attachment = Attachment.objects.create(
        message=message,
        file=ContentFile(b"%PDF-1.4", name="x"),
        original_name="letter.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    return {"messaging.thread": message.thread, "messaging.attachment": attachment}


OWNERS_OBJECTS = {
    "send": send_objects,
    "accounts": accounts_objects,
    "messaging": messaging_objects,
}


@pytest.fixture
def owned(db):
    owner = UserFactory(email="owner@example.org")
    objects = {}
    for namespace in swept_namespaces():
        if namespace in OWNERS_OBJECTS:
            objects.update(OWNERS_OBJECTS[namespace](owner))
    return objects


def send_people(user, relationship):
    """The intruder's own person in SEND: a child, a child they work with, or themselves."""
    from tests.send.factories import PersonLinkFactory

    PersonLinkFactory(
        user=user, relationship=relationship, parental_responsibility=relationship == "parent"
    )


INTRUDERS_OWN_OBJECTS = {"send": send_people}


def intruder(relationship, **fields):
    user = UserFactory(**fields)
    for namespace in swept_namespaces():
        if namespace in INTRUDERS_OWN_OBJECTS:
            INTRUDERS_OWN_OBJECTS[namespace](user, relationship)
    return user


def send_linked_not_authenticated(user, authenticated=False):
    """The user's own person for the owner's child, matched to the same child record, and a
    place on the child's involvement: authenticated once, then no longer (unless
    ``authenticated``). Made through the council's services, as a caseworker would."""
    from plugins.send.casework.involvements import portal_sharing, services
    from plugins.send.models import Involvement
    from records.models import ChildRecord
    from tests.send.factories import PersonLinkFactory

    child = ChildRecord.objects.get(council_id=OWNERS_CHILD)
    PersonLinkFactory(
        user=user, relationship="parent", parental_responsibility=True, person__child_record=child
    )
    caseworker = UserFactory(kind="staff", is_staff=True)
    # The owner's own case, when the sweep's set-up opened one (the owner's document), or a new one.
    involvement = Involvement.objects.open().filter(child_record=child).first()
    involvement = involvement or services.open_involvement(
        child, "england_ehc_needs_assessment", caseworker
    )
    sharing = portal_sharing.add(involvement, user, caseworker, parental_responsibility=True)
    sharing = portal_sharing.authenticate(sharing, caseworker, "Father; passport checked.")
    if not authenticated:
        portal_sharing.unauthenticate(sharing, caseworker)


LINKED_TO_THE_CHILD = {"send": send_linked_not_authenticated}


def another_family():
    return intruder("parent")


def linked_to_the_child_not_authenticated():
    """The child's other parent, who declared the same child (matched to its record) but is
    not authenticated on its involvement: the shared forms are not theirs to see."""
    user = UserFactory()
    for namespace in swept_namespaces():
        if namespace in LINKED_TO_THE_CHILD:
            LINKED_TO_THE_CHILD[namespace](user)
    return user


def professional_not_involved():
    return intruder("professional", kind="professional", verification_state="verified")


def young_person():
    return intruder("self")


INTRUDERS = [
    another_family,
    professional_not_involved,
    young_person,
    linked_to_the_child_not_authenticated,
]


# -- the sweep ---------------------------------------------------------------------------------


def test_every_route_declares_what_its_arguments_name():
    assert routes(), "the sweep found no routes"
    assert declaration_problems(routes()) == []


def test_a_route_with_an_undeclared_id_or_an_unregistered_kind_fails_the_sweep():
    from django.urls import path

    def view(request, pk):
        raise AssertionError("never called")

    undeclared = path("things/<int:pk>/", view, name="thing")
    unknown = access.route(path("other/<int:pk>/", view, name="other"), pk="nowhere.thing")

    problems = declaration_problems([("demo:thing", undeclared), ("demo:other", unknown)])

    assert len(problems) == 2
    assert problems[0].startswith("demo:thing takes <pk> but declares no kind for it")
    assert problems[1] == "demo:other names 'nowhere.thing' in <pk>: no rule is registered."


def test_signed_out_visitors_are_sent_to_sign_in_from_every_route_not_declared_public(
    client, owned
):
    sign_in = resolve_url(settings.LOGIN_URL)
    wrong = []
    for name, pattern in routes():
        url = url_of(name, pattern, owned)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url)
        if is_public(pattern):
            if response.status_code >= 500:
                wrong.append(f"{name} {url}: {response.status_code}")
            continue
        if response.status_code != 302 or not response.url.startswith(f"{sign_in}?next="):
            wrong.append(f"{name} {url}: {response.status_code} {response.get('Location', '')}")
    assert wrong == []


@pytest.mark.parametrize("make_intruder", INTRUDERS, ids=lambda make: make.__name__)
def test_another_users_objects_give_404_on_every_route(client, owned, make_intruder):
    user = make_intruder()
    sign_in_verified(client, user)
    for kind, obj in owned.items():
        assert not access.scoped(user, kind).filter(pk=obj.pk).exists(), kind
    wrong = []
    checked = 0
    for name, pattern in routes():
        if not names_objects(pattern):
            continue
        url = url_of(name, pattern, owned)
        statuses = {client.get(url).status_code, client.post(url).status_code}
        checked += 1
        if statuses - {404, 405} or statuses == {405}:
            wrong.append(f"{name} {url}: {sorted(statuses)}")
    assert checked, "no route names an object"
    assert wrong == []
    for kind, obj in owned.items():  # the POSTs changed nothing of theirs
        assert type(obj).objects.filter(pk=obj.pk).exists(), kind
    if "send.person" in owned:
        assert not owned["send.person"].links.filter(hidden=True).exists()


def test_authenticated_on_the_childs_involvement_the_other_parent_opens_the_shared_form(
    client, owned
):
    """The control of the sweep's linked intruder: the same user, authenticated, is let in, so
    the 404s above come from the authentication rule and nothing else."""
    if "send.shared_submission" not in owned:
        pytest.skip("SEND is not installed")
    user = UserFactory()
    send_linked_not_authenticated(user, authenticated=True)
    sign_in_verified(client, user)
    shared = owned["send.shared_submission"]
    assert client.get(reverse("send:shared_submission", args=[shared.pk])).status_code == 200
    assert client.get(reverse("send:print_shared", args=[shared.pk])).status_code == 200
    upload = owned["send.shared_submission_file"]
    download = client.get(reverse("send:shared_file", args=[shared.pk, upload.pk]))
    assert download.status_code == 200
