"""Who may see what of SEND (DESIGN.md §5): the access rules this plugin registers in
``portal.access`` (see :func:`register_rules`, called from ``SendConfig.ready()``), and the
gate every SEND portal page passes first (:func:`send_user_required`).

On the portal every lookup is scoped by the user: an id that belongs to someone else gives
404, never 403, so a foreign id tells nothing about whether it exists. In the admin, council
staff see SEND through two permissions: "send.build_forms" for the form builder (question
bank, form definitions, import/export, previews, blank copies) and "send.view_submission"
for the forms sent to the council and, narrowed by each form's access list, for the approved
forms on a child's chronology.
"""

from functools import wraps

from django.db.models import Q
from django.shortcuts import redirect, render

from accounts.access import verification_redirect
from accounts.models import REJECTED
from portal import access

from .casework import sharing
from .casework.actions import access as actions
from .casework.case import access as case
from .casework.delegation import access as delegation
from .casework.delegation.portal import contributions_for
from .casework.documents import access as documents
from .casework.invitations import access as invitations
from .casework.involvements import authentication as involvements
from .models.forms import FormDefinition
from .models.people import Relationship
from .models.submissions import Review, Status, Submission, sent_to_council

CHRONOLOGY = "send.chronology"
BUILD_FORMS = "send.build_forms"
VIEW_SUBMISSIONS = "send.view_submission"
# What staff may do to a submitted form, each its own permission (see casework.review).
SUBMISSION_PERMISSIONS = {
    "view": VIEW_SUBMISSIONS,
    "decide": "send.decide_submission",
    "share": "send.share_submission",
    "delete": "send.delete_submission",
}
# The council's decisions on a form: never its submitter's, even on their own form.
COUNCIL_ACTIONS = {"decide", "share"}


class PersonRule(access.Rule):
    """A person is seen by the users linked to them (a hidden link included); staff see
    people through their submitted forms."""

    model = "send.PortalPerson"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset.none()
        return queryset.filter(links__user=user)

    def may(self, user, action, obj=None):
        if obj is None or user.is_council_staff:
            return False
        return obj.links.filter(user=user).exists()


class PersonLinkRule(access.Rule):
    """A user's own links to people, hidden ones included, each with its person. Only a
    professional checks a person's details before going on ("check"), and hides or shows
    again ("hide", "show") the people they work with, never a family member."""

    model = "send.PersonLink"

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset.none()
        return queryset.filter(user=user).select_related("person")

    def may(self, user, action, obj=None):
        if obj is None or user.is_council_staff or obj.user_id != user.pk:
            return False
        if action == "check":
            return user.is_professional
        if action in ("hide", "show"):
            return user.is_professional and obj.relationship == Relationship.PROFESSIONAL
        return True


class SubmissionRule(access.Rule):
    """On the portal, the user who started a submission keeps it (drafts and submitted
    forms); in the admin, staff with "send.view_submission" see the forms sent to the
    council, never a draft it was not sent (it is the family's own until they submit it).
    Staff "decide" (approve, reject, ask for more), "share" and "delete" with a permission
    each, on forms they may see."""

    model = "send.Submission"

    def scope(self, user, queryset):
        if user.is_council_staff:
            if not access.has_permission(user, VIEW_SUBMISSIONS):
                return queryset.none()
            return queryset.filter(sent_to_council())
        # created_by rides along: the filling pages ask whether its starter is a professional.
        related = ["person", "version", "created_by"]
        if user.is_professional:
            # A delegated task's header rides along for the filling pages.
            related += ["delegated_task__involvement__child_record", "delegated_task__created_by"]
        else:
            related.append("delegated_task")  # none, as above: known without another query
        return queryset.filter(own_or_contribution(user)).select_related(*related)

    def may(self, user, action, obj=None):
        if user.is_council_staff:
            permission = SUBMISSION_PERMISSIONS.get(action)
            allowed = (
                permission is not None
                and access.has_permission(user, VIEW_SUBMISSIONS)
                and access.has_permission(user, permission)
            )
            return allowed and (obj is None or is_sent_to_council(obj))
        if action in COUNCIL_ACTIONS or obj is None:
            return False
        return Submission.objects.filter(own_or_contribution(user), pk=obj.pk).exists()


def own_or_contribution(user):
    """The portal user's own forms, and the contributions to delegated tasks they hold (or
    recently submitted): a contribution is its task's, so its first author loses it once the
    task is passed on (``casework.delegation``)."""
    own = Q(created_by=user, delegated_task__isnull=True)
    if not user.is_professional:
        # Tasks are given to verified professionals only (casework.delegation.services): a
        # family's forms are its own, and its pages skip the tasks subquery.
        return own
    return own | Q(pk__in=contributions_for(user).values("pk"))


def is_sent_to_council(submission):
    return (
        submission.status == Status.SUBMITTED or submission.review_state == Review.MORE_INFORMATION
    )


class SharedSubmissionRule(access.Rule):
    """A form the council approved and shared on a child's case: read ("view") and printed
    ("print") on the portal by its submitter and by every user authenticated on an open
    involvement of the child (``casework.involvements.authentication``; ``casework.sharing``
    applies it to shared forms), never changed. Staff see submitted forms through
    "send.submission". A second view of submissions, so asking about one needs
    ``kind="send.shared_submission"``.
    """

    model = "send.Submission"
    names_model = False
    actions = {"view", "print"}

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset.none()
        return sharing.shared_with(user, queryset).select_related("person", "version")

    def may(self, user, action, obj=None):
        if user.is_council_staff or action not in self.actions:
            return False
        return obj is None or sharing.may_see_shared(user, obj)


class SubmissionFileRule(access.Rule):
    """A file goes with its submission: seen by whoever may see the submission."""

    model = "send.SubmissionFile"

    def scope(self, user, queryset):
        if user.is_council_staff:
            if not access.has_permission(user, VIEW_SUBMISSIONS):
                return queryset.none()
            return queryset.filter(
                submission__in=Submission.objects.filter(sent_to_council()).values("pk")
            )
        return queryset.filter(
            submission__in=Submission.objects.filter(own_or_contribution(user)).values("pk")
        )

    def may(self, user, action, obj=None):
        if obj is None:
            return access.may(user, action, "send.submission")
        return access.may(user, action, obj.submission)


class SharedSubmissionFileRule(access.Rule):
    """A file attached to a form shared on a child's case, downloaded ("view") on the portal by
    whoever may read the shared form ("send.shared_submission"), and only while they may.
    A second view of submission files (their own kind is "send.submission_file", the
    submitter's and staff's), so it names no model."""

    model = "send.SubmissionFile"
    names_model = False

    def scope(self, user, queryset):
        if user.is_council_staff:
            return queryset.none()
        return sharing.shared_files(user, queryset)

    def may(self, user, action, obj=None):
        if user.is_council_staff or action != "view":
            return False
        return obj is None or sharing.may_see_shared(user, obj.submission)


class FormDefinitionRule(access.PermissionRule):
    """The form builder is one area: "send.build_forms" for every action on it (the question
    bank, groups and versions go with their form). Previewing a form on the portal also
    needs a council staff account. A portal user sees the live forms of their own portal
    (citizen or professional), to start or print blank."""

    model = "send.FormDefinition"
    permission = BUILD_FORMS

    def scope(self, user, queryset):
        if user.is_council_staff:
            return super().scope(user, queryset)
        return queryset.available().filter(portal_type=user.kind)

    def may(self, user, action, obj=None):
        if action == "preview":
            return user.is_council_staff and super().may(user, action, obj)
        return super().may(user, action, obj)


class ChronologyRule(access.Rule):
    """A child's chronology: the approved forms of children matched to a child record, seen by
    staff with "send.view_submission", less the forms whose definition names groups who may
    see it on a chronology when the user is in none of them (a superuser sees every form).

    The submitted forms list does not apply those lists, so that nothing arriving is missed:
    that is why a Submission keeps its one kind, "send.submission", and this rule names no
    model. Callers give it a queryset of submissions."""

    def scope(self, user, queryset):
        if not self.may(user, "view"):
            return queryset.none()
        queryset = queryset.filter(review_state=Review.APPROVED, person__child_record__isnull=False)
        if user.is_superuser:
            return queryset
        return queryset.filter(version__form__in=forms_on_chronology(user).values("pk"))

    def may(self, user, action, obj=None):
        allowed = (
            action == "view"
            and user.is_council_staff
            and access.has_permission(user, VIEW_SUBMISSIONS)
        )
        if not allowed or obj is None:
            return allowed
        return self.scope(user, Submission.objects.filter(pk=obj.pk)).exists()


def forms_on_chronology(user):
    """The form definitions ``user`` may see on a child's chronology: those without groups
    named, and those naming one of the user's groups."""
    return FormDefinition.objects.filter(
        Q(chronology_groups=None) | Q(chronology_groups__in=user.groups.all())
    )


class PrintJobRule(access.Rule):
    """A print of many forms is its requester's alone: staff who see submitted forms ask for
    one ("add") and see, and download, only their own. Anyone else's job gives 404."""

    model = "send.PrintJob"

    def scope(self, user, queryset):
        if not (user.is_council_staff and access.has_permission(user, VIEW_SUBMISSIONS)):
            return queryset.none()
        return queryset.filter(requested_by=user)

    def may(self, user, action, obj=None):
        allowed = user.is_council_staff and access.has_permission(user, VIEW_SUBMISSIONS)
        return allowed and (obj is None or obj.requested_by_id == user.pk)


def register_rules():
    """For ``SendConfig.ready()``."""
    access.register("send.person", PersonRule())
    access.register("send.person_link", PersonLinkRule())
    access.register("send.submission", SubmissionRule())
    access.register("send.shared_submission", SharedSubmissionRule())
    access.register("send.submission_file", SubmissionFileRule())
    access.register("send.shared_submission_file", SharedSubmissionFileRule())
    access.register("send.form_definition", FormDefinitionRule())
    access.register(CHRONOLOGY, ChronologyRule())
    involvements.register_rules()
    documents.register_rules()
    actions.register_rules()
    access.register("send.print_job", PrintJobRule())
    case.register_rules()
    delegation.register_rules()
    invitations.register_rules()


def refusal(request):
    """The response that stops this request from reaching a SEND portal page, or None.

    Signed out or without two-step verification: the accounts' sign-in and code steps.
    Council staff work in the admin, not the portal, so they are sent there. A professional
    sees children's information only once the council has verified their account.
    """
    response = verification_redirect(request)
    if response:
        return response
    user = request.user
    if user.is_council_staff:
        return redirect("wagtailadmin_home")
    if user.is_professional and not user.is_verified_professional:
        rejected = user.verification_state == REJECTED
        return render(request, "send/people/not_verified.html", {"rejected": rejected}, status=403)
    return None


def send_user_required(view):
    """Decorator for every SEND portal view: see :func:`refusal`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return refusal(request) or view(request, *args, **kwargs)

    return wrapped


class SendUserRequiredMixin:
    """Class-based view counterpart of :func:`send_user_required`."""

    def dispatch(self, request, *args, **kwargs):
        return refusal(request) or super().dispatch(request, *args, **kwargs)
