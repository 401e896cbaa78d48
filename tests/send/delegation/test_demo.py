"""The demo council's delegation: Demo Primary School's SEN team with the SENCO and the head
teacher (both demo sign-ins), a task in every state and the head teacher's automatic reply;
loading again adds nothing."""

import pytest

from core.demo import DEMO_USERS
from plugins.send.demo.loader import load_demo
from plugins.send.models import Answer, AutomaticReply, DelegatedTask, WorkGroup
from tests.send.involvements.test_demo import demo_send  # noqa: F401 (the demo fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_school_has_tasks_in_every_state(demo_send):  # noqa: F811
    group = WorkGroup.objects.get()
    emails = {user.email for user in group.managers.all()}
    assert emails == {"professional@example.org", "head.teacher@example.org"}
    assert {row[0] for row in DEMO_USERS} >= emails
    states = set(DelegatedTask.objects.values_list("state", flat=True))
    assert states == set(DelegatedTask.State.values)
    submitted = DelegatedTask.objects.get(state="submitted")
    assert submitted.contribution.review_state == "approved"
    reply = AutomaticReply.objects.get()
    assert reply.user.email == "head.teacher@example.org" and reply.showing()
    load_demo()
    assert DelegatedTask.objects.count() == len(DelegatedTask.State.values)


def test_the_demo_advice_reads_as_a_sencos(demo_send):  # noqa: F811
    """Each answer fits its question: the adviser's own details, not one sentence in every
    box."""
    submitted = DelegatedTask.objects.get(state="submitted")
    answers = dict(
        Answer.objects.filter(submission=submitted.contribution).values_list(
            "question_code", "value"
        )
    )
    author = submitted.author
    assert answers["ADVISER_NAME"] == author.get_full_name()
    assert answers["ADVISER_EMAIL"] == author.email
    assert answers["ADVISER_PHONE"].startswith("01632 960")
    texts = [value for value in answers.values() if isinstance(value, str) and len(value) > 30]
    assert len(texts) >= 4 and len(set(texts)) == len(texts)
    assert answers["FIRST_INVOLVED_DATE"] < answers["ADVICE_REPORT_DATE"]
