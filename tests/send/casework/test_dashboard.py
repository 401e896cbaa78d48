"""The SEND team's dashboard panel: forms not opened, opened and waiting, sent back for more
information, and those overdue for the family's reply after the council's reply days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.send.casework import review
from plugins.send.models import SendSettings, Submission
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import family, fill, staff

pytestmark = pytest.mark.django_db


def test_the_send_team_sees_what_waits_and_what_is_overdue(deciding, form, decider):
    fill(family(), form)
    opened = fill(family(), form)
    review.open_submission(opened, decider)
    for days_ago in (3, 20):
        sent_back = fill(family(), form)
        review.open_submission(sent_back, decider)
        review.request_more_information(sent_back, decider, "More.")
        Submission.objects.filter(pk=sent_back.pk).update(
            decided_at=timezone.now() - timedelta(days=days_ago)
        )
    fill(family(), form, submit=False)  # a draft is nobody's work at the council
    home = deciding.get("/admin/").text
    assert "1 form not opened" in home
    assert "1 form opened and waiting for a decision" in home
    assert "2 forms waiting for more information" in home
    assert "1 of them overdue for a reply" in home
    settings = SendSettings.load()
    settings.reply_days = 2
    settings.save()
    assert "2 of them overdue for a reply" in deciding.get("/admin/").text


def test_staff_without_the_review_permission_see_no_panel(client):
    sign_in_verified(client, staff("access_admin", "build_forms"))
    assert "data-review-counts" not in client.get("/admin/").text
