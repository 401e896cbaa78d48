"""Staff on the involvement's page: the actions asked on it, asking an authenticated user to
complete a published form (linking the information requested it answers), and cancelling
an open action with the reason."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.send.casework.involvements import services as involvements
from plugins.send.models import Action
from tests.conftest import sign_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_involvement_page_lists_its_actions(managing, action):
    page = managing.get(reverse("send_involvement", args=[action.involvement_id]))
    content = page.content.decode()
    assert "data-actions" in content and action.form.code in content
    assert reverse("send_action_cancel", args=[action.involvement_id, action.pk]) in content


def test_staff_ask_the_authenticated_parent_to_complete_a_form(
    managing, authenticated, form, caseworker
):
    involvement = authenticated.involvement
    row = involvements.request_information(
        involvement, caseworker, requested="Preference", due_on=timezone.localdate()
    )
    due = timezone.localdate() + timedelta(days=10)
    url = reverse("send_action_ask", args=[involvement.pk])
    page = managing.get(url).content.decode()
    assert "Nia Evans" in page and form.title_en in page
    response = managing.post(
        url,
        {
            "user": authenticated.user_id,
            "form": form.pk,
            "due_on": due.isoformat(),
            "note": "By the end of the month please.",
            "information_request": row.pk,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.user, action.form, action.due_on) == (authenticated.user, form, due)
    assert action.information_request == row and action.created_by == caseworker


def test_only_users_authenticated_on_the_involvement_are_offered(managing, shared, form):
    response = managing.post(
        reverse("send_action_ask", args=[shared.involvement_id]),
        {"user": shared.user_id, "form": form.pk, "due_on": "2030-01-01"},
    )
    assert response.status_code == 200 and not Action.objects.exists()


def test_staff_cancel_an_open_action_with_the_reason(managing, action):
    url = reverse("send_action_cancel", args=[action.involvement_id, action.pk])
    assert managing.post(url, {"reason": ""}).status_code == 200
    response = managing.post(url, {"reason": "Received on paper."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "cancelled" and action.cancelled_reason == "Received on paper."
    again = managing.post(url, {"reason": "Twice."})
    assert "This action has been cancelled." in again.content.decode()


def test_staff_without_the_involvements_permission_are_refused(client, action):
    clerk = UserFactory(kind="staff", is_staff=True)
    sign_in_verified(client, clerk)
    for url in (
        reverse("send_action_ask", args=[action.involvement_id]),
        reverse("send_action_cancel", args=[action.involvement_id, action.pk]),
    ):
        assert client.get(url).status_code in (302, 403)
    assert Action.objects.get().is_open
