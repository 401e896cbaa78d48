"""The demo council's cases: the demo parent's son Alfie (records.demo's C0000101) has an
open EHC needs assessment held by the demo caseworker, his mother authenticated on it with
the council's reason and a report from her overdue; Yusuf Young (C0000103) has one at the
draft plan stage with the demo professional, his school's SENCO, authenticated.

Made through the services, so the audit rows and the notices are real. An involvement of the
process already open for the child is left alone, so loading again changes nothing. Without
the demo users or the demo register (the SEND demo loaded on its own) nothing is made."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from records.models import ChildRecord

from ..casework.involvements import portal_sharing, services
from ..models import Involvement

PROCESS = "england_ehc_assessment"
CASEWORKER = "caseworker@example.org"

# council id, stage, key dates (code, days ago), who is authenticated (with the details
# recorded and the council's reason), and information asked of them (what, due and notified
# days ago).
DEMO_CASES = [
    (
        "C0000101",
        "assessment",
        [("request_received", 70), ("decision_to_assess", 28)],
        [
            (
                "parent@example.org",
                {"role": "Mother", "parental_responsibility": True},
                "Alfie's mother, who asked for the assessment. Identity checked against the "
                "request form and her passport at the council office.",
            )
        ],
        [("parent@example.org", "Parental views for section A of the assessment.", 2, 28)],
    ),
    (
        "C0000103",
        "draft_plan",
        [("request_received", 150), ("decision_to_assess", 110), ("decision_to_issue", 20)],
        [
            (
                "professional@example.org",
                {},
                "SENCO at Yusuf's school, who gives educational advice. Verified professional "
                "account; confirmed by phone with the school office.",
            )
        ],
        [],
    ),
]


def load_demo_involvements():
    User = get_user_model()
    caseworker = User.objects.filter(email=CASEWORKER).first()
    if caseworker is None:
        return
    today = timezone.localdate()
    emails = [email for case in DEMO_CASES for email, _details, _reason in case[3]]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    for council_id, stage, dates, people, requests in DEMO_CASES:
        child = ChildRecord.objects.filter(council_id=council_id).first()
        if child is None or Involvement.objects.open().filter(child_record=child).exists():
            continue
        involvement = services.open_involvement(
            child, PROCESS, caseworker, stage=stage, caseworker=caseworker
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
