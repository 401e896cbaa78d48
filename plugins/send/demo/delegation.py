"""The demo council's delegation: Demo Primary School's SEN team (Pat Professional, the SENCO,
and Helen Head, the head teacher, both members and managers), the "Advice request response"
form delegated for the demo children in every state of a task, and the head teacher's
automatic reply. Made through the services, so the history, audit rows and notices are real;
loading again changes nothing (nothing is made once the group exists). Without the demo
users (verified), cases or form (demos loaded partly) nothing is made."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..builder.schema import FormSchema
from ..casework.delegation import portal, services
from ..filling import professionals
from ..filling import services as filling
from ..models import AutomaticReply, FormDefinition, Involvement, WorkGroup
from ..models.questions import UPLOAD_TYPES
from .involvements import CASEWORKER

SENCO = "professional@example.org"
HEAD = "head.teacher@example.org"
FORM = "ADVICE_RESPONSE"
SCHOOL = "Demo Primary School"
# council id of the child, the state the demo's task reaches, days until it is due, comments.
DEMO_TASKS = [
    ("C0000103", "group", 20, "Please give the school's advice for Yusuf's plan."),
    ("C0000101", "assigned", 12, "Please complete the educational advice."),
    ("C0000103", "picked_up", 25, "Please complete the report."),
    ("C0000101", "reassigned", 18, ""),
    ("C0000103", "countersign", 9, "Please complete the consultation."),
    ("C0000101", "countersigned", 6, ""),
    ("C0000103", "submitted", 3, "Please complete the report."),
    ("C0000101", "retracted", 15, ""),
]
REPLY = (
    "Out of school on a residential trip this week. Please send tasks for Demo Primary School "
    "to Pat Professional, our SENCO."
)


def load_demo_delegation():
    User = get_user_model()
    senco = User.objects.filter(email=SENCO).first()
    head = User.objects.filter(email=HEAD).first()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    form = FormDefinition.objects.filter(code=FORM, live_version__isnull=False).first()
    if None in (senco, head, caseworker, form) or WorkGroup.objects.exists():
        return
    if not (senco.is_verified_professional and head.is_verified_professional):
        return  # tasks go to verified professionals only
    school = WorkGroup.objects.create(name="SEN team", organisation=SCHOOL)
    school.members.add(senco, head)
    school.managers.add(senco, head)
    today = timezone.localdate()
    AutomaticReply.objects.create(
        user=head, on=True, message=REPLY, ends_on=today + timedelta(days=5)
    )
    for council_id, state, due_in, comments in DEMO_TASKS:
        involvement = Involvement.objects.open().filter(child_record__council_id=council_id).first()
        if involvement is None:
            continue
        task = services.delegate(
            involvement,
            form,
            today + timedelta(days=due_in),
            caseworker,
            work_group=school if state in ("group", "picked_up") else None,
            user=None if state in ("group", "picked_up") else senco,
            comments=comments,
        )
        _reach(task, state, senco, head, caseworker)


def _reach(task, state, senco, head, caseworker):
    if state == "picked_up":
        services.pick_up(task, senco)
    elif state == "reassigned":
        services.reassign(task, senco, head)
    elif state in ("countersign", "countersigned", "submitted"):
        _complete(task, senco)
        if state == "submitted":
            services.submit(task, senco)
            return
        task = services.request_countersignature(task, senco, head)
        if state == "countersigned":
            services.countersign(task, head)
    elif state == "retracted":
        services.retract(task, caseworker, "The advice arrived by post from the school.")


def _complete(task, user):
    """The SENCO's answers to every step, each of its type (file questions left out)."""
    submission = portal.contribution(task, user)
    professionals.confirm_professional(submission, user, user.get_full_name(), "SENCO", SCHOOL)
    filling.confirm_subject(submission, user)
    today = timezone.localdate()
    known = _advice(user, today)
    for group in FormSchema(submission.version.schema).groups:
        answers = {}
        for question in group.questions:
            if question.data_type in UPLOAD_TYPES:
                continue
            answers[0, question.code] = known.get(question.code) or _sample(question, today)
        submission.refresh_from_db()
        filling.save_step(submission, group, answers, 1, submission.revision, user)


def _advice(user, today):
    """What a SENCO writes in the demo's "Advice request response", by question code."""
    return {
        "FIRST_INVOLVED_DATE": (today - timedelta(days=150)).isoformat(),
        "ADVISER_NAME": user.get_full_name(),
        "ADVISER_ROLE": "SENCO",
        "ADVISER_ORGANISATION": SCHOOL,
        "ADVISER_EMAIL": user.email,
        # Ofcom keeps 01632 960000-960999 for drama: never a real line.
        "ADVISER_PHONE": "01632 960 412",
        "TIMES_SEEN": 4,
        "ADVICE_BASIS": "Observed in class on two mornings, met the child and their parent at "
        "school, and read the speech and language therapist's report.",
        "ADVICE_NEEDS": "Finds it hard to follow spoken instructions in a busy classroom and "
        "to join in group work; reads with support.",
        "ADVICE_OUTCOMES": "By the end of the school year, follows two-step instructions in "
        "class and takes part in small-group work with an adult nearby.",
        "ADVICE_PROVISION": "A 20-minute small-group language session every day, a visual "
        "timetable, and a quiet space to go to when the classroom is noisy.",
        "PROVISION_HOURS": 5,
    }


def _sample(question, today):
    """An answer of the question's type, for questions the demo form does not name."""
    if question.data_type == "date":
        return today.isoformat()
    if question.data_type == "yes_no":
        return "yes"
    if question.data_type == "choice":
        return question.choices[0][0]
    if question.data_type in ("integer", "decimal"):
        return 2
    return "Reads with support; benefits from a quiet space and visual timetables."
