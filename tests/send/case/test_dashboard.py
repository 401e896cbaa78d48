"""The child's case dashboard: seen only by those authenticated on an open involvement of the
child, with the stage, key dates (days left or overdue), requester and caseworker of each
involvement, the tiles of the registry, in a fixed number of queries."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from plugins.send.casework.case import tiles
from plugins.send.casework.case.tiles import Tile
from plugins.send.casework.involvements import portal_sharing, services
from plugins.send.models import PersonLink, SendSettings
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.send.factories import PersonFactory, PersonLinkFactory, SubmissionFactory

from .conftest import EHC, days_ago

pytestmark = pytest.mark.django_db


def shown(day):
    return format_date(day, "j F Y")


def url(child):
    return reverse("send:case", args=[child.pk])


def open_as(client, user, child):
    sign_in_verified(client, user)
    return client.get(url(child))


def test_an_authenticated_parent_sees_the_stage_key_dates_and_caseworker(
    client, authenticated, parent, child
):
    response = open_as(client, parent, child)

    assert response.status_code == 200
    html = response.content.decode()
    assert "SEND dashboard" in html and "Mali Evans" in html
    # Requested 36 days ago: the decision whether to assess is due 6 weeks after the request.
    current = html.split('aria-current="step"')[1].split("</li>")[0]
    assert "Decision whether to assess" in current
    key_dates = html.split("data-key-dates")[1].split("</dl>")[0]
    assert "Date of request" in key_dates and shown(days_ago(36)) in key_dates
    assert "Decision due: Decision whether to assess" in key_dates
    assert shown(days_ago(36) + timedelta(weeks=6)) in key_dates and "6 days left" in key_dates
    assert "The council" in key_dates  # no request form arrived on the portal that day
    assert "Cai Caseworker" in html.split("data-caseworker")[1]


def test_an_overdue_decision_shows_the_days_overdue(
    client, authenticated, parent, child, involvement, caseworker
):
    services.record_date(involvement, "request_received", days_ago(46), caseworker)
    response = open_as(client, parent, child)
    assert "4 days overdue" in response.content.decode().split("data-key-dates")[1]


def test_later_dates_appear_as_they_happen_and_move_the_stage(
    client, authenticated, parent, child, involvement, caseworker
):
    services.record_date(involvement, "assessment_decision", days_ago(8), caseworker)
    services.record_date(involvement, "advice_requested", days_ago(7), caseworker)

    html = open_as(client, parent, child).content.decode()

    key_dates = html.split("data-key-dates")[1].split("</dl>")[0]
    assert "Decision whether to assess" in key_dates and shown(days_ago(8)) in key_dates
    assert "Advice due: Assessment" in key_dates and "35 days left" in key_dates
    assert "Assessment" in html.split('aria-current="step"')[1].split("</li>")[0]


def test_the_requester_is_who_sent_the_request_form_that_day(client, authenticated, parent, child):
    person = PersonFactory(child_record=child)
    SubmissionFactory(
        person=person,
        created_by=parent,
        status="submitted",
        submitted_at=timezone.make_aware(datetime.combine(days_ago(36), time(9, 30))),
    )
    html = open_as(client, parent, child).content.decode()
    assert "Nia Evans" in html.split("data-key-dates")[1].split("</dl>")[0]


def test_several_open_involvements_show_newest_first(
    client, authenticated, parent, child, caseworker
):
    review = services.open_involvement(child, "england_annual_review", caseworker)
    portal_sharing.authenticate(
        portal_sharing.add(review, parent, caseworker), caseworker, "Mother, checked."
    )
    html = open_as(client, parent, child).content.decode()
    assert html.index("Annual review") < html.index("EHC needs assessment")


def test_a_parent_linked_to_the_child_but_not_authenticated_gets_404(
    client, involvement, child, caseworker
):
    linked = UserFactory()
    PersonLink.objects.create(
        user=linked, person=PersonFactory(child_record=child), relationship="parent"
    )
    portal_sharing.add(involvement, linked, caseworker)
    assert open_as(client, linked, child).status_code == 404


def test_another_family_gets_404(client, authenticated, child):
    assert open_as(client, UserFactory(), child).status_code == 404


@pytest.mark.parametrize(
    "take_away", [portal_sharing.unauthenticate, portal_sharing.remove], ids=["un", "removed"]
)
def test_a_parent_no_longer_authenticated_gets_404_at_once(
    client, take_away, authenticated, parent, child, caseworker
):
    assert open_as(client, parent, child).status_code == 200
    take_away(authenticated, caseworker)
    assert client.get(url(child)).status_code == 404


def test_a_closed_involvement_gives_no_dashboard(
    client, authenticated, parent, child, involvement, caseworker
):
    services.close(involvement, caseworker, "Moved away")
    assert open_as(client, parent, child).status_code == 404


def test_a_portal_in_wales_speaks_of_aln_and_the_idp(client, parent, child, caseworker):
    settings = SendSettings.load()
    settings.jurisdiction = "wales"
    settings.save()
    involvement = services.open_involvement(child, "wales_aln_idp", caseworker)
    services.record_date(involvement, "referral_received", days_ago(10), caseworker)
    portal_sharing.authenticate(
        portal_sharing.add(involvement, parent, caseworker), caseworker, "Mother, checked."
    )
    html = open_as(client, parent, child).content.decode()
    assert "ALN dashboard" in html and "SEND dashboard" not in html
    assert "Individual development plan" in html and "(ALN)" in html
    assert "EHC" not in html


def test_the_shared_forms_tile_counts_the_forms_shared_on_the_case(
    client, authenticated, parent, child
):
    # Nia declared Mali too, so the form is hers to see under either sharing rule.
    person = PersonLinkFactory(user=parent, person__child_record=child).person
    SubmissionFactory(
        person=person,
        created_by=UserFactory(),
        status="submitted",
        reference="SND-SHARED0007",
        review_state="approved",
        share_with_case=True,
        decided_at=timezone.now(),
    )
    html = open_as(client, parent, child).content.decode()
    assert 'href="#shared-forms">Shared forms (1)' in html
    assert "SND-SHARED0007" in html.split("data-shared-forms")[1]


@pytest.fixture
def extra_tile():
    def visits_tile(user, child_record):
        return Tile("Visits", 0, "", "No visits booked")

    registered = tiles._tiles[:]
    tiles.register_tile(visits_tile)
    yield visits_tile
    tiles._tiles[:] = registered


def test_a_feature_adds_its_tile_in_one_line_with_its_empty_state(
    client, authenticated, parent, child, extra_tile
):
    html = open_as(client, parent, child).content.decode()
    assert "Visits (0)" in html and "No visits booked" in html
    assert "No forms have been shared with you yet." in html


def test_the_actions_and_documents_tiles_count_what_waits_for_the_parent(
    client, authenticated, parent, child, involvement, caseworker
):
    import hashlib

    from django.core.files.base import ContentFile

    from plugins.send.casework.actions import services as actions
    from plugins.send.casework.documents import services as documents
    from plugins.send.filling.uploads import CheckedUpload
    from tests.send.factories import published_form

    html = open_as(client, parent, child).content.decode()
    assert "Actions to complete (0)" in html and "Documents to view (0)" in html

    actions.ask(involvement, parent, published_form(), timezone.localdate(), caseworker)
    content = b"%PDF-1.4"
    checked = CheckedUpload("application/pdf", hashlib.sha256(content).hexdigest(), len(content))
    documents.publish(
        involvement,
        caseworker,
        ContentFile(content, name="letter.pdf"),
        checked,
        description="Decision letter",
        document_date=timezone.localdate(),
    )

    html = client.get(url(child)).content.decode()
    assert f'href="{reverse("send:actions", args=[child.pk])}"' in html
    assert "Actions to complete (1)" in html and "Documents to view (1)" in html


def test_the_dashboard_costs_the_same_queries_however_many_dates_and_involvements(
    client, authenticated, parent, child, involvement, caseworker, extra_tile
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(child)).status_code == 200
        return len(captured)

    sign_in_verified(client, parent)
    client.get(url(child))  # warm the texts and settings caches
    few = queries()
    for code, days in [("assessment_decision", 9), ("advice_requested", 8), ("advice_received", 2)]:
        services.record_date(involvement, code, days_ago(days), caseworker)
    services.record_exception(
        involvement, caseworker, reason="school_closed", starts_on=days_ago(20)
    )
    review = services.open_involvement(child, "england_annual_review", caseworker)
    services.record_date(review, "plan_issued", days_ago(300), caseworker)
    portal_sharing.authenticate(
        portal_sharing.add(review, parent, caseworker), caseworker, "Mother, checked."
    )
    assert queries() == few


def test_the_send_home_shows_each_childs_stage_and_key_dates_with_a_link_to_the_dashboard(
    client, authenticated, parent, child
):
    sign_in_verified(client, parent)
    html = client.get(reverse("send:home")).content.decode()
    summary = html.split("data-case-summary")[1]
    assert "Mali Evans" in summary
    assert "Current stage: Decision whether to assess" in summary
    assert shown(days_ago(36)) in summary
    assert f'href="{url(child)}"' in summary


def test_the_home_of_a_family_not_authenticated_shows_no_case(client, involvement, parent):
    sign_in_verified(client, parent)
    assert "data-case-summary" not in client.get(reverse("send:home")).content.decode()


@pytest.fixture
def professional(involvement, caseworker):
    user = UserFactory(
        first_name="Pat",
        last_name="Jones",
        kind="professional",
        verification_state="verified",
        email_confirmed_at=timezone.now(),
    )
    sharing = portal_sharing.add(involvement, user, caseworker, role="SENCO")
    portal_sharing.authenticate(sharing, caseworker, "SENCO at Mali's school, checked by phone.")
    return user


def test_the_professionals_send_home_shows_the_stage_and_dates_of_each_child_on_top(
    client, professional, child
):
    sign_in_verified(client, professional)
    html = client.get(reverse("send:home")).content.decode()
    assert html.index("data-case-summary") < html.index("Children and young people")
    assert "Current stage: Decision whether to assess" in html


def test_the_childs_page_shows_the_stage_and_dates_above_the_forms(client, professional, child):
    link = PersonLinkFactory(user=professional, relationship="professional")
    link.person.child_record = child
    link.person.save()
    sign_in_verified(client, professional)
    html = client.get(reverse("send:person", args=[link.person_id])).content.decode()
    summary = html.split("data-case-summary")[1]
    assert "Current stage: Decision whether to assess" in summary
    assert f'href="{url(child)}"' in summary
    assert html.index("data-case-summary") < html.index("Forms you can fill in")


def test_the_send_home_costs_the_same_queries_however_many_children(
    client, authenticated, parent, caseworker
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("send:home")).status_code == 200
        return len(captured)

    sign_in_verified(client, parent)
    client.get(reverse("send:home"))  # warm the texts and settings caches
    one_child = queries()
    for council_id in ("C0009101", "C0009102"):
        other = services.open_involvement(child_record(council_id), EHC, caseworker)
        services.record_date(other, "request_received", days_ago(20), caseworker)
        portal_sharing.authenticate(
            portal_sharing.add(other, parent, caseworker), caseworker, "Mother, checked."
        )
    html = client.get(reverse("send:home")).content.decode()
    assert html.count("data-case-summary") == 3
    assert queries() == one_child
