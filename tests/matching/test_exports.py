"""The matching part of a subject access export: the parent sees the child they declared and
the decision made; the caseworker sees the decisions they made; nobody else sees either."""

import pytest

from plugins.matching import decisions, exports
from tests.factories import UserFactory
from tests.matching.test_queue import child, submit, waiting

pytestmark = pytest.mark.django_db


def test_the_parent_and_the_caseworker_each_find_the_decision_in_their_export(
    register,
    form,
    matcher,
    django_capture_on_commit_callbacks,
):
    link = child()
    submission = submit(link, form, django_capture_on_commit_callbacks)
    [request] = waiting()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.reject(request, matcher, "Not a child of this council")

    [parents] = exports.export_user(link.user)["items"]
    values = {item["name"]: item["value"] for item in parents["fields"]}
    assert parents["title"] == "Sian Jones"
    assert values["declared_by_user"] is True and values["decided_by_user"] is False
    assert values["forms"] == [submission.reference]
    assert values["state"] == "rejected"
    assert values["reason"] == "Not a child of this council"

    [caseworkers] = exports.export_user(matcher)["items"]
    values = {item["name"]: item["value"] for item in caseworkers["fields"]}
    assert values["declared_by_user"] is False and values["decided_by_user"] is True

    assert exports.export_user(UserFactory())["items"] == []
