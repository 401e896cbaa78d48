"""The demo council's cases, in the process definitions' own codes:

- the demo parent's son Alfie (records.demo's C0000101) has an EHC needs assessment at the
  assessment stage (advice requested, due in 12 days) held by the demo caseworker, his mother
  authenticated on it with the council's reason and a report from her overdue;
- Yusuf Young (C0000103) has one at the draft plan stage, the family's comments due within
  the week, with the demo professional, his school's SENCO, authenticated;
- Alfie's sister Seren (C0000102) had her assessment finished with a final EHC plan issued in
  week 19 (closed), and her plan's annual review is due within the month.

Dates are days before today, so the deadlines stay real whenever the demo is loaded. Made
through the services, so the audit rows and the notices are real. A case of the process
already recorded for the child is left alone, so loading again changes nothing. Without the
demo users or the demo register (the SEND demo loaded on its own) nothing is made."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from records.models import ChildRecord

from ..casework.involvements import portal_sharing, services

ASSESSMENT = "england_ehc_needs_assessment"
REVIEW = "england_annual_review"
CASEWORKER = "caseworker@example.org"

ALFIES_MOTHER = (
    "parent@example.org",
    {"role": "Mother", "parental_responsibility": True},
    "Alfie's mother, who asked for the assessment. Identity checked against the request form "
    "and her passport at the council office.",
)
YUSUFS_SENCO = (
    "professional@example.org",
    {},
    "SENCO at Yusuf's school, who gives educational advice. Verified professional account; "
    "confirmed by phone with the school office.",
)

# council id, process, current stage, key dates (code, days ago), who is authenticated (with
# the details recorded and the council's reason), information asked of them (what, due and
# notified days ago), and the reason the case is closed (blank: open).
DEMO_CASES = [
    (
        "C0000101",
        ASSESSMENT,
        "assessment",
        [("request_received", 70), ("assessment_decision", 35), ("advice_requested", 30)],
        [ALFIES_MOTHER],
        [("parent@example.org", "Parental views for section A of the assessment.", 2, 28)],
        "",
    ),
    (
        "C0000103",
        ASSESSMENT,
        "draft_plan",
        [
            ("request_received", 130),
            ("assessment_decision", 92),
            ("advice_requested", 88),
            ("advice_received", 48),
            ("plan_decision", 20),
            ("draft_plan_sent", 9),
        ],
        [YUSUFS_SENCO],
        [],
        "",
    ),
    (
        "C0000102",
        ASSESSMENT,
        "final_plan",
        [
            ("request_received", 473),
            ("assessment_decision", 435),
            ("advice_requested", 430),
            ("advice_received", 392),
            ("plan_decision", 370),
            ("draft_plan_sent", 362),
            ("draft_comments_received", 346),
            ("final_plan_issued", 340),
        ],
        [],
        [],
        "Final EHC plan issued in week 19; the plan is reviewed every year.",
    ),
    ("C0000102", REVIEW, "review_meeting", [("plan_issued", 340)], [], [], ""),
]


def load_demo_involvements():
    User = get_user_model()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    if caseworker is None:
        return
    today = timezone.localdate()
    emails = [email for case in DEMO_CASES for email, _details, _reason in case[4]]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    for council_id, process, stage, dates, people, requests, closed in DEMO_CASES:
        child = ChildRecord.objects.filter(council_id=council_id).first()
        if child is None or child.send_involvements.filter(process=process).exists():
            continue
        involvement = services.open_involvement(
            child, process, caseworker, stage=stage, caseworker=caseworker
        )
        for code, days_ago in dates:
            services.record_date(involvement, code, today - timedelta(days=days_ago), caseworker)
        roles = {}
        for email, details, reason in people:
            if email in users:
                sharing = portal_sharing.add(involvement, users[email], caseworker, **details)
                # A professional whose account is not verified is recorded, not authenticated.
                if portal_sharing.refusal(sharing, portal_sharing.AUTHENTICATE) is None:
                    portal_sharing.authenticate(sharing, caseworker, reason)
                roles[email] = sharing.role
        for email, requested, due_days_ago, notified_days_ago in requests:
            services.request_information(
                involvement,
                caseworker,
                user=users.get(email),
                role=roles.get(email, ""),
                requested=requested,
                due_on=today - timedelta(days=due_days_ago),
                notified_on=today - timedelta(days=notified_days_ago),
            )
        if closed:
            final = dict(dates)["final_plan_issued"]
            services.close(involvement, caseworker, closed, today - timedelta(days=final))
