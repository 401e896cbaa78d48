"""Each right on submitted forms is its own permission, asked through the "send.submission"
access rule: review (see), decide, share and delete; the family never decides on its own form."""

import pytest

from portal import access
from tests.send.test_council_submissions import fill, staff

pytestmark = pytest.mark.django_db

RIGHTS = {
    "view": "view_submission",
    "decide": "decide_submission",
    "share": "share_submission",
    "delete": "delete_submission",
}


@pytest.mark.parametrize("action", RIGHTS)
def test_each_right_needs_its_own_permission(action, submitted):
    reviewer = staff("access_admin", "view_submission")
    holder = staff("access_admin", "view_submission", RIGHTS[action])
    assert access.may(holder, action, submitted)
    assert access.may(reviewer, action, submitted) is (action == "view")


def test_no_right_reaches_a_draft_never_sent(link, form):
    draft = fill(link, form, submit=False)
    everything = staff("access_admin", *RIGHTS.values())
    for action in RIGHTS:
        assert not access.may(everything, action, draft), action


def test_the_family_may_not_decide_or_share_its_own_form(link, submitted):
    assert access.may(link.user, "view", submitted)
    assert not access.may(link.user, "decide", submitted)
    assert not access.may(link.user, "share", submitted)
