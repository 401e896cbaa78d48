"""Staff in the Wagtail admin: delegating a task from the involvement's page to a work group
or a professional (whose automatic reply is shown before assigning), the task list, a task's
history, retracting with a reason, printing a submitted contribution, work groups, and
refusal without "send.manage_delegation"."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.send.casework.delegation import services
from plugins.send.models import AutomaticReply, DelegatedTask, WorkGroup
from tests.conftest import sign_in_verified
from tests.send.test_council_submissions import staff

from .conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def managing(client, caseworker):
    sign_in_verified(client, caseworker)
    return client


def test_staff_delegate_a_task_to_a_work_group(managing, involvement, form, school):
    url = reverse("send_task_delegate", args=[involvement.pk])
    assert managing.get(url).status_code == 200
    code = form.live_version.schema["groups"][0]["questions"][0]["code"]
    response = managing.post(
        url,
        {
            "form": form.pk,
            "work_group": school.pk,
            "due_on": "2030-02-04",
            "comments": "Annual review advice, please.",
            "prefilled": f"{code} = Year 4",
        },
    )
    assert response.status_code == 302
    task = DelegatedTask.objects.get()
    assert (task.work_group, task.state, task.prefilled) == (school, "group", {code: "Year 4"})
    page = managing.get(reverse("send_involvement", args=[involvement.pk])).content.decode()
    assert task.number in page and "Work group: SEN team" in page


def test_staff_see_a_professionals_automatic_reply_before_assigning(
    managing, involvement, form, senco
):
    AutomaticReply.objects.create(
        user=senco, on=True, message="On leave: send tasks to Huw Head, the head teacher."
    )
    url = reverse("send_task_delegate", args=[involvement.pk])
    data = {"form": form.pk, "user": senco.pk, "due_on": "2030-02-04"}
    first = managing.post(url, data)
    assert first.status_code == 200 and not DelegatedTask.objects.exists()
    assert "On leave: send tasks to Huw Head" in first.content.decode()
    assert managing.post(url, {**data, "reply_read": "on"}).status_code == 302
    assert DelegatedTask.objects.get().holder == senco


def test_a_reply_switched_off_or_out_of_its_dates_is_not_shown(managing, involvement, form, senco):
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    AutomaticReply.objects.create(user=senco, on=True, message="Away.", ends_on=yesterday)
    url = reverse("send_task_delegate", args=[involvement.pk])
    response = managing.post(url, {"form": form.pk, "user": senco.pk, "due_on": "2030-02-04"})
    assert response.status_code == 302


def test_staff_retract_an_open_task_with_the_reason(managing, picked_up):
    url = reverse("send_task_retract", args=[picked_up.pk])
    assert managing.post(url, {"reason": ""}).status_code == 200
    assert managing.post(url, {"reason": "Advice received on paper."}).status_code == 302
    picked_up.refresh_from_db()
    assert picked_up.state == "retracted"
    page = managing.get(reverse("send_task", args=[picked_up.pk])).content.decode()
    assert "Advice received on paper." in page and "Picked up" in page and "Sian Senco" in page


def test_the_task_list_shows_state_and_holder(managing, picked_up, group_task):
    page = managing.get(reverse("send_tasks")).content.decode()
    assert picked_up.number in page and "Sian Senco" in page and "Picked up" in page


def test_staff_print_a_submitted_contribution(managing, picked_up, senco):
    url = reverse("send_task_print", args=[picked_up.pk])
    assert managing.get(url).status_code == 404
    complete(picked_up, senco)
    services.submit(picked_up, senco)
    assert managing.get(url).status_code == 200
    response = managing.post(
        url,
        {"groups": ["1", "2"], "document_type": "normal", "file_format": "pdf", "language": "en"},
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_staff_set_up_a_work_group(managing, senco, head):
    response = managing.post(
        reverse("send_work_groups:add"),
        {
            "name": "Learning support",
            "organisation": "Elm High School",
            "members": [senco.pk],
            "managers": [head.pk],
        },
    )
    assert response.status_code == 302
    group = WorkGroup.objects.get(name="Learning support")
    assert list(group.members.all()) == [senco] and list(group.managers.all()) == [head]


def test_staff_without_the_delegation_permission_are_refused(client, picked_up):
    clerk = staff("access_admin", "manage_involvement")
    sign_in_verified(client, clerk)
    for url in (
        reverse("send_tasks"),
        reverse("send_task", args=[picked_up.pk]),
        reverse("send_task_retract", args=[picked_up.pk]),
        reverse("send_task_delegate", args=[picked_up.involvement_id]),
        reverse("send_work_groups:index"),
    ):
        assert client.get(url).status_code in (302, 403, 404), url
