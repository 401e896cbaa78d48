"""The professional's delegation pages: the four lists (the last 30 days for retracted and
submitted), Pick up (the slower of two is told), the task's form with its header, re-assigning
only within the groups the holder manages, the counter-signatory's Counter-sign and Submit
contribution, the automatic reply, the home tile's count, and access: a professional outside
the group gets 404 for the task and its files."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from plugins.send.casework.delegation import portal, services
from plugins.send.casework.delegation.tiles import waiting_status
from plugins.send.models import AutomaticReply, DelegatedTask, SubmissionFile
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

from .conftest import complete, delegate

pytestmark = pytest.mark.django_db
State = DelegatedTask.State


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.logout()
        sign_in_verified(client, user)
        return client

    return sign_in


def test_the_landing_page_shows_the_four_lists(
    as_user, group_task, senco, involvement, form, caseworker
):
    mine = delegate(
        involvement, form, caseworker, user=senco, comments="Please complete the report"
    )
    page = as_user(senco).get(reverse("send:tasks")).content.decode()
    assert "Currently assigned tasks" in page and "Tasks assigned to your work groups" in page
    assert "Recently retracted tasks" in page and "Recently submitted tasks" in page
    assert f'data-task="{mine.pk}"' in page and "Please complete the report" in page
    assert reverse("send:task_pick_up", args=[group_task.pk]) in page
    assert "Mali Evans" in page and "SEN team" in page


def test_picking_up_moves_the_task_to_the_pickers_list(as_user, group_task, senco, assistant):
    response = as_user(senco).post(reverse("send:task_pick_up", args=[group_task.pk]))
    assert response.status_code == 302
    group_task.refresh_from_db()
    assert group_task.holder == senco
    tray = as_user(assistant).get(reverse("send:tasks")).content.decode()
    assert reverse("send:task_pick_up", args=[group_task.pk]) not in tray


def test_the_slower_of_two_pressing_pick_up_is_told(as_user, group_task, senco, assistant):
    services.pick_up(group_task, assistant)
    response = as_user(senco).post(reverse("send:task_pick_up", args=[group_task.pk]))
    # Picked up by the other, the task is no longer the slower's to see.
    assert response.status_code == 404
    group_task.refresh_from_db()
    assert group_task.holder == assistant


def test_the_task_opens_as_the_step_form_with_a_header_naming_the_child_and_sender(
    as_user, picked_up, senco
):
    client = as_user(senco)
    page = client.get(reverse("send:task", args=[picked_up.pk])).content.decode()
    assert "Mali Evans" in page and "Cai Caseworker" in page
    response = client.post(reverse("send:task_form", args=[picked_up.pk]))
    picked_up.refresh_from_db()
    assert response.url == reverse("send:submission", args=[picked_up.contribution_id])
    # A professional confirms their details first, then the form's pages carry the header.
    submission = complete(picked_up, senco)
    step = client.get(reverse("send:step", args=[submission.pk, 2])).content.decode()
    assert "data-task-header" in step and "Cai Caseworker" in step
    check = client.get(reverse("send:check", args=[submission.pk]))
    assert check.url == reverse("send:task", args=[picked_up.pk])


def test_the_holder_reassigns_only_to_people_in_the_groups_they_manage(
    as_user, picked_up, senco, head, outsider
):
    client = as_user(senco)
    url = reverse("send:task_reassign", args=[picked_up.pk])
    page = client.get(url).content.decode()
    assert "head@oak.example.org" in page and "olwen@elm.example.org" not in page
    assert client.post(url, {"user": outsider.pk}).status_code == 404
    assert client.post(url, {"user": head.pk}).status_code == 302
    picked_up.refresh_from_db()
    assert (picked_up.state, picked_up.holder) == (State.REASSIGNED, head)


def test_the_head_teacher_countersigns_and_submits_the_contribution(
    as_user, picked_up, senco, head
):
    complete(picked_up, senco)
    url = reverse("send:task_reassign", args=[picked_up.pk])
    as_user(senco).post(url, {"user": head.pk, "countersign": "yes"})
    client = as_user(head)
    refused = client.post(reverse("send:task_submit", args=[picked_up.pk]), follow=True)
    assert "waiting to be counter-signed" in refused.content.decode()
    client.post(reverse("send:task_countersign", args=[picked_up.pk]))
    client.post(reverse("send:task_submit", args=[picked_up.pk]))
    picked_up.refresh_from_db()
    assert picked_up.state == State.SUBMITTED
    assert (picked_up.author, picked_up.counter_signatory) == (senco, head)
    page = client.get(reverse("send:tasks")).content.decode()
    assert reverse("send:print_submission", args=[picked_up.contribution_id]) in page


def test_a_submitted_contribution_leads_back_to_its_task(as_user, picked_up, senco):
    """Its holder has no link to the child, so the child's forms page would be a 404."""
    complete(picked_up, senco)
    client = as_user(senco)
    client.post(reverse("send:task_submit", args=[picked_up.pk]))
    picked_up.refresh_from_db()
    assert picked_up.state == State.SUBMITTED
    page = client.get(reverse("send:submission", args=[picked_up.contribution_id]))
    back = page.content.decode().split('class="govuk-back-link"')[0].rsplit("<a", 1)[1]
    assert reverse("send:task", args=[picked_up.pk]) in back
    assert reverse("send:person", args=[picked_up.contribution.person_id]) not in back
    assert client.get(reverse("send:task", args=[picked_up.pk])).status_code == 200


def test_submitting_an_incomplete_form_is_refused(as_user, picked_up, senco):
    client = as_user(senco)
    client.post(reverse("send:task_form", args=[picked_up.pk]))
    response = client.post(reverse("send:task_submit", args=[picked_up.pk]), follow=True)
    assert "Complete every step" in response.content.decode()
    picked_up.refresh_from_db()
    assert picked_up.state == State.PICKED_UP


def test_retracted_and_submitted_lists_keep_thirty_days(
    senco, involvement, form, caseworker, settings
):
    old = delegate(involvement, form, caseworker, user=senco)
    recent = delegate(involvement, form, caseworker, user=senco)
    for task in (old, recent):
        services.retract(task, caseworker, "Not needed.")
    DelegatedTask.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.PORTAL_DELEGATION_RECENT_DAYS + 1)
    )
    assert list(portal.recently_retracted(senco)) == [recent]
    submitted = delegate(involvement, form, caseworker, user=senco)
    complete(submitted, senco)
    services.submit(submitted, senco)
    assert list(portal.recently_submitted(senco)) == [submitted]
    DelegatedTask.objects.filter(pk=submitted.pk).update(
        closed_at=timezone.now() - timedelta(days=31)
    )
    assert not portal.recently_submitted(senco).exists()


def test_a_retraction_moves_the_task_to_recently_retracted(as_user, picked_up, senco, caseworker):
    services.retract(picked_up, caseworker, "Advice received on paper.")
    page = as_user(senco).get(reverse("send:tasks")).content.decode()
    assert "Advice received on paper." in page
    assert reverse("send:task_reassign", args=[picked_up.pk]) not in page


def test_a_professional_outside_the_group_gets_404_for_the_task_and_its_files(
    as_user, picked_up, senco, outsider, group_task
):
    submission = portal.contribution(picked_up, senco)
    upload = SubmissionFile.objects.create(
        submission=submission,
        question_code="report",
        file=ContentFile(b"%PDF-1.4", name="report.pdf"),
        original_name="report.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    client = as_user(outsider)
    for url in (
        reverse("send:task", args=[picked_up.pk]),
        reverse("send:task_reassign", args=[picked_up.pk]),
        reverse("send:submission", args=[submission.pk]),
        reverse("send:file", args=[submission.pk, upload.pk]),
        reverse("send:print_submission", args=[submission.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("send:task_pick_up", args=[picked_up.pk]),
        reverse("send:task_submit", args=[picked_up.pk]),
        reverse("send:task_form", args=[picked_up.pk]),
    ):
        assert client.post(url).status_code == 404, url


def test_the_author_loses_the_form_once_the_task_is_passed_on(as_user, picked_up, senco, head):
    submission = complete(picked_up, senco)
    services.reassign(picked_up, senco, head)
    assert as_user(senco).get(reverse("send:submission", args=[submission.pk])).status_code == 404
    assert as_user(head).get(reverse("send:submission", args=[submission.pk])).status_code == 200


def test_a_citizen_finds_no_delegation_pages(as_user):
    parent = UserFactory(email="nia@example.org", email_confirmed_at=timezone.now())
    assert as_user(parent).get(reverse("send:tasks")).status_code == 404


def test_the_landing_page_takes_a_fixed_number_of_queries(
    as_user, senco, school, involvement, form, caseworker, django_assert_max_num_queries
):
    for _ in range(6):
        delegate(involvement, form, caseworker, user=senco)
        delegate(involvement, form, caseworker, work_group=school)
    client = as_user(senco)
    client.get(reverse("send:tasks"))  # the site's settings are made on a first visit
    # One query per list, however many tasks: the rest is every portal page's own.
    with django_assert_max_num_queries(18):
        assert client.get(reverse("send:tasks")).status_code == 200


def test_the_professional_sets_an_automatic_reply(as_user, senco):
    client = as_user(senco)
    url = reverse("send:automatic_reply")
    refused = client.post(url, {"on": "on", "message": ""})
    assert refused.status_code == 200 and "Enter the message" in refused.content.decode()
    client.post(url, {"on": "on", "message": "Send tasks to Huw Head until I am back."})
    reply = AutomaticReply.objects.get(user=senco)
    assert reply.on and reply.showing()


def test_the_home_tile_counts_the_tasks_waiting(senco, group_task, involvement, form, caseworker):
    assert waiting_status(senco) == "1 task waiting"
    delegate(involvement, form, caseworker, user=senco)
    assert waiting_status(senco) == "2 tasks waiting"
