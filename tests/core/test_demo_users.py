"""Every demo user has a secret question, and its answer is printed with the sign-ins, so a
password reset can be tried in the demo."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.demo import DEMO_USERS

pytestmark = pytest.mark.django_db


def test_every_demo_user_has_a_secret_question_whose_answer_is_printed_with_the_sign_ins(
    demo, settings
):
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    for user in get_user_model().objects.filter(email__in=[row[0] for row in DEMO_USERS]):
        assert user.secret_question, user.email
        line = f"{user.email} / {settings.DEMO_PASSWORD}\n      "
        line += f"{user.get_secret_question_display()} "
        assert line in printed, user.email
        answer = printed.split(line, 1)[1].splitlines()[0]
        assert user.check_secret_answer(answer), user.email


def test_demo_users_made_before_secret_questions_get_one_when_the_demo_is_loaded_again(demo):
    from core.demo import load_demo

    parent = get_user_model().objects.get(email="parent@example.org")
    parent.secret_question = parent.secret_answer = ""
    parent.save()
    load_demo()
    parent.refresh_from_db()
    assert parent.secret_question == "first_school"
    assert parent.check_secret_answer("demo primary")
