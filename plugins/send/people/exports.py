"""The SEND part of a subject access export (see core.subject_access for the format): the
people the user declared, every form they started or submitted, with its answers, and the
invitations to a child's case sent to their email address."""

from django.utils.translation import gettext as _

from core.subject_access import field
from portal import access

from ..builder.schema import FormSchema
from ..casework.invitations.access import INVITATION
from ..filling.answers import load_answers
from ..models import CaseInvitation, Submission


def export_user(user):
    people = [_person(link) for link in access.scoped(user, "send.person_link")]
    submissions = (
        access.scoped(user, "send.submission", Submission.objects.all())
        .select_related("person", "version")
        .prefetch_related("files", "events")
    )
    invitations = access.scoped(
        user, INVITATION, CaseInvitation.objects.prefetch_related("children__child_record")
    )
    return {
        "title": _("SEND"),
        "items": people
        + [_submission(s) for s in submissions]
        + [_invitation(i) for i in invitations],
    }


def _invitation(invitation):
    children = ", ".join(
        child.child_record.full_name for child in invitation.children.all() if child.confirmed
    )
    return {
        "kind": "send_case_invitation",
        "title": _("Invitation to a child's case"),
        "fields": [
            field("email", _("Email address"), invitation.email),
            field("state", _("State"), invitation.state, invitation.get_state_display()),
            field("sent_at", _("Sent"), invitation.created_at),
            field("expires_at", _("Expires"), invitation.expires_at),
            field("accepted_at", _("Accepted"), invitation.accepted_at),
            field("children", _("Children confirmed"), children),
            field("decided_at", _("Decided"), invitation.decided_at),
        ],
    }


def _person(link):
    person = link.person
    return {
        "kind": "send_person",
        "title": person.full_name,
        "fields": [
            field("forename", _("First name"), person.forename),
            field("middle_names", _("Middle names"), person.middle_names),
            field("surname", _("Last name"), person.surname),
            field("date_of_birth", _("Date of birth"), person.date_of_birth),
            field(
                "relationship",
                _("Relationship"),
                link.relationship,
                link.get_relationship_display(),
            ),
            field("lives_with_user", _("Lives at the user's address"), link.lives_with_user),
            field("hidden", _("Hidden"), link.hidden),
            field("added_at", _("Added"), person.created_at),
        ],
    }


def _submission(submission):
    schema = FormSchema(submission.version.schema)
    answers = load_answers(submission)
    fields = [
        field("form", _("Form"), schema.code, schema.title),
        field("person", _("About"), submission.person.full_name),
        field("status", _("Status"), submission.status, submission.get_status_display()),
        field("reference", _("Reference"), submission.reference or ""),
        field("started_at", _("Started"), submission.started_at),
        field("submitted_at", _("Submitted"), submission.submitted_at),
    ]
    for group in schema.groups:
        for index in range(answers.repeat_count(group.number)):
            for question in group.questions:
                value = answers.value(question.code, index)
                if value is not None:
                    name = f"{question.code}[{index}]" if group.repeating else question.code
                    fields.append(
                        field(name, question.label, value, answers.display(question, index))
                    )
    fields += [
        field(f"file_{upload.pk}", _("File"), upload.original_name)
        for upload in submission.files.all()
    ]
    fields += [
        field(
            f"event_{event.pk}",
            event.get_action_display(),
            event.at,
            f"{event.get_action_display()} {event.detail}".strip(),
        )
        for event in submission.events.all()
    ]
    return {"kind": "send_submission", "title": schema.title, "fields": fields}
