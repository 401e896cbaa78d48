"""The child's chronology in the admin: every approved form about a child record (both
parents' copies of the same form), newest first, with the answers flagged to appear on it;
one form read-only in numbered panels, printable; every opening audited; each form's access
list applied here and never in the submitted forms list."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from core.models import AuditEntry
from plugins.send.builder import services as builder
from plugins.send.casework import review
from plugins.send.models import Submission
from tests.conftest import sign_in_verified
from tests.factories import UserFactory, child_record
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)
from tests.send.test_council_submissions import family, fill, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return child_record("C700", "Alex", "Morgan")


@pytest.fixture
def needs_form():
    """A form whose first question ("Main need") appears on the chronology, in a step before a
    repeating step whose one question appears there too."""
    form = FormDefinitionFactory(title_en="Request for help", title_cy="Cais am help")
    about = GroupFactory(form=form, number=2, name_en="About the child")
    place(
        about,
        QuestionFactory(code="MAIN_NEED", label_en="Main need", in_chronology=True),
        QuestionFactory(code="DIET", label_en="Diet"),
    )
    schools = GroupFactory(form=form, number=3, name_en="Schools", repeating=True)
    place(schools, QuestionFactory(code="SCHOOL", label_en="School", in_chronology=True))
    builder.publish(form)
    form.refresh_from_db()
    return form


@pytest.fixture
def reader(client):
    """A caseworker who may read submitted forms and the register."""
    user = staff("access_admin", "view_submission", "view_childrecord", first_name="Rhian")
    sign_in_verified(client, user)
    client.user = user
    return client


def approved(record, form, parent="Sam", decided_days_ago=0):
    """A parent's form about the child of ``record``, matched and approved."""
    link = PersonLinkFactory(
        user=UserFactory(first_name=parent, last_name="Parent"),
        person__forename=record.forename,
        person__surname=record.surname,
    )
    submission = fill(link, form)
    link.person.child_record = record
    link.person.save()
    caseworker = staff("view_submission", "decide_submission", first_name="Carys")
    review.open_submission(submission, caseworker)
    review.approve(submission, caseworker, "Approved.", share_with_case=False)
    decided_at = timezone.now() - timedelta(days=decided_days_ago)
    Submission.objects.filter(pk=submission.pk).update(decided_at=decided_at)
    submission.refresh_from_db()
    return submission


def chronology(record):
    return reverse("send_chronology", args=[record.pk])


def form_on(record, submission):
    return reverse("send_chronology_form", args=[record.pk, submission.pk])


def event_references(response):
    return [event.submission.reference for event in response.context["events"]]


def test_both_parents_approved_forms_are_two_events_newest_first(reader, record, needs_form):
    older = approved(record, needs_form, parent="Sam", decided_days_ago=3)
    newer = approved(record, needs_form, parent="Jo", decided_days_ago=1)

    response = reader.get(chronology(record))

    assert response.status_code == 200
    assert event_references(response) == [newer.reference, older.reference]
    page = response.text
    assert page.index(newer.reference) < page.index(older.reference)
    assert "Request for help" in page
    assert "Jo Parent" in page and "Sam Parent" in page
    assert f'href="{form_on(record, newer)}"' in page


def test_forms_not_approved_and_other_childrens_forms_are_not_on_the_chronology(
    reader, record, needs_form
):
    shown = approved(record, needs_form)
    waiting = fill(family(forename="Alex", surname="Morgan"), needs_form)
    waiting.person.child_record = record
    waiting.person.save()
    other_child = approved(child_record("C701", "Nia", "Other"), needs_form)

    response = reader.get(chronology(record))

    assert event_references(response) == [shown.reference]
    assert waiting.reference not in response.text
    assert other_child.reference not in response.text


def test_answers_flagged_for_the_chronology_are_on_the_event_line(reader, record, needs_form):
    approved(record, needs_form)

    page = reader.get(chronology(record)).text

    assert "Main need: MAIN_NEED answer 1" in page
    # The repeating step was filled in twice: each entry gives its line.
    assert "School: SCHOOL answer 1" in page and "School: SCHOOL answer 2" in page
    assert "DIET answer 1" not in page


def test_the_chronology_costs_the_same_queries_however_many_events(reader, record, needs_form):
    approved(record, needs_form)
    reader.get(chronology(record))  # the first request fills the caches (texts, session)
    with CaptureQueriesContext(connection) as one_event:
        reader.get(chronology(record))
    for days in range(1, 4):
        approved(record, needs_form, parent=f"Parent{days}", decided_days_ago=days)
    with CaptureQueriesContext(connection) as four_events:
        response = reader.get(chronology(record))

    assert len(response.context["events"]) == 4
    assert len(four_events) == len(one_event)


def test_a_child_without_approved_forms_has_an_empty_chronology(reader, record):
    response = reader.get(chronology(record))

    assert response.status_code == 200
    assert "No approved forms are on this child's chronology yet." in response.text
    assert "data-chronology-new-form" in response.text


def test_an_event_opens_the_read_only_form_in_numbered_panels(reader, record, needs_form):
    submission = approved(record, needs_form)

    response = reader.get(form_on(record, submission))

    assert response.status_code == 200
    numbers = [(panel.number, str(panel.name)) for panel in response.context["panels"]]
    assert numbers == [
        ("000", "Summary of dates"),
        ("001", "Subject details"),
        ("002", "About the child"),
        ("003", "Schools"),
    ]
    page = response.text
    assert "000 Summary of dates" in page and "003 Schools" in page
    assert "Alex Morgan" in page
    assert "MAIN_NEED answer 1" in page and "DIET answer 1" in page
    # Who opened it and who approved it.
    assert "Opened by the council" in page and "Approved" in page
    assert page.count("Carys") >= 2
    assert "Check your answers" not in page
    assert reverse("send_chronology_print", args=[record.pk, submission.pk]) in page


def test_in_a_welsh_admin_the_chronology_and_its_panels_are_in_welsh(reader, record, needs_form):
    submission = approved(record, needs_form)
    profile = UserProfile.get_for_user(reader.user)
    profile.preferred_language = "cy"
    profile.save()

    listing = reader.get(chronology(record)).text
    form_page = reader.get(form_on(record, submission)).text

    assert "Ffurflenni a gymeradwywyd" in listing and "Cais am help" in listing
    assert "000 Crynodeb o ddyddiadau" in form_page
    assert "001 Manylion y person" in form_page


def test_a_form_sent_again_shows_when_it_was_resubmitted(reader, record, needs_form):
    submission = approved(record, needs_form)
    Submission.objects.filter(pk=submission.pk).update(resubmitted_at=timezone.now())

    page = reader.get(form_on(record, submission)).text

    assert "Sent again with more information" in page


def test_every_opening_of_the_chronology_and_of_its_forms_is_audited(reader, record, needs_form):
    submission = approved(record, needs_form)

    reader.get(chronology(record))
    reader.get(form_on(record, submission))
    reader.get(form_on(record, submission))

    viewed = AuditEntry.objects.filter(action="chronology.viewed", actor=reader.user)
    assert viewed.get().child_record_id == record.pk
    opened = AuditEntry.objects.filter(action="chronology.form_viewed", actor=reader.user)
    assert opened.count() == 2
    assert {entry.child_record_id for entry in opened} == {record.pk}
    assert {entry.object_id for entry in opened} == {str(submission.pk)}


def test_a_form_prints_from_the_chronology_and_the_printout_is_audited(reader, record, needs_form):
    submission = approved(record, needs_form)
    url = reverse("send_chronology_print", args=[record.pk, submission.pk])

    response = reader.post(
        url,
        {
            "groups": ["1", "2", "3"],
            "document_type": "normal",
            "language": "en",
            "file_format": "pdf",
        },
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert AuditEntry.objects.filter(
        action="submission.printed", actor=reader.user, object_id=str(submission.pk)
    ).exists()


def test_another_childs_form_or_one_not_approved_gives_404_under_this_child(
    reader, record, needs_form
):
    other_child = approved(child_record("C702", "Nia", "Other"), needs_form)
    waiting = fill(family(forename="Alex", surname="Morgan"), needs_form)
    waiting.person.child_record = record
    waiting.person.save()

    assert reader.get(form_on(record, other_child)).status_code == 404
    assert reader.get(form_on(record, waiting)).status_code == 404
    missing = reverse("send_chronology", args=[record.pk + 1000])
    assert reader.get(missing).status_code == 404


# -- access lists per form definition ----------------------------------------------------------


@pytest.fixture
def psychologists_only(needs_form):
    group = Group.objects.create(name="Educational psychologists")
    needs_form.chronology_groups.add(group)
    return group


def test_a_form_whose_access_list_leaves_the_user_out_is_not_on_the_chronology(
    reader, record, needs_form, psychologists_only
):
    hidden = approved(record, needs_form)
    open_to_all = approved(record, needs_form_copy(), parent="Jo")

    response = reader.get(chronology(record))

    assert event_references(response) == [open_to_all.reference]
    assert reader.get(form_on(record, hidden)).status_code == 404
    assert reader.get(form_on(record, open_to_all)).status_code == 200


def test_members_of_a_listed_group_see_the_form_on_the_chronology(
    reader, record, needs_form, psychologists_only
):
    submission = approved(record, needs_form)
    reader.user.groups.add(psychologists_only)

    assert event_references(reader.get(chronology(record))) == [submission.reference]
    assert reader.get(form_on(record, submission)).status_code == 200


def test_access_lists_do_not_narrow_the_submitted_forms_list(
    reader, record, needs_form, psychologists_only
):
    waiting = fill(family(forename="Alex", surname="Morgan"), needs_form)
    hidden_on_chronology = approved(record, needs_form)

    listed = reader.get("/admin/send/submissions/", {"status": "all"}).text

    assert waiting.reference in listed
    assert hidden_on_chronology.reference in listed
    detail = reader.get(reverse("send_submission", args=[hidden_on_chronology.pk]))
    assert detail.status_code == 200


def needs_form_copy():
    """A second published form with no access list."""
    form = FormDefinitionFactory(title_en="Annual review")
    place(GroupFactory(form=form, number=2), QuestionFactory())
    builder.publish(form)
    form.refresh_from_db()
    return form


# -- who may open it ---------------------------------------------------------------------------


def test_staff_without_the_submitted_forms_permission_are_refused(client, record, needs_form):
    submission = approved(record, needs_form)
    sign_in_verified(client, staff("access_admin", "view_childrecord"))

    home = reverse("wagtailadmin_home")
    for url in (chronology(record), form_on(record, submission)):
        refused = client.get(url)  # Wagtail's "permission denied": back to the dashboard
        assert (refused.status_code, refused.url) == (302, home)
    assert not AuditEntry.objects.filter(action__startswith="chronology.").exists()


def test_staff_who_may_not_see_the_register_get_404(client, record, needs_form):
    submission = approved(record, needs_form)
    sign_in_verified(client, staff("access_admin", "view_submission"))

    assert client.get(chronology(record)).status_code == 404
    assert client.get(form_on(record, submission)).status_code == 404


def test_the_child_records_page_links_to_the_chronology_for_send_staff(reader, client, record):
    page = reader.get(reverse("child_records:inspect", args=[record.pk])).text
    assert chronology(record) in page

    register_only = staff("access_admin", "view_childrecord")
    sign_in_verified(client, register_only)
    page = client.get(reverse("child_records:inspect", args=[record.pk])).text
    assert chronology(record) not in page


def test_a_matched_forms_page_links_to_the_childs_chronology(reader, record, needs_form):
    unmatched = fill(family(forename="Owen", surname="Unmatched"), needs_form)
    matched = approved(record, needs_form)

    matched_page = reader.get(reverse("send_submission", args=[matched.pk])).text
    unmatched_page = reader.get(reverse("send_submission", args=[unmatched.pk])).text

    assert chronology(record) in matched_page
    assert "data-chronology-link" not in unmatched_page


# -- the access list in the form builder -------------------------------------------------------


def test_the_send_team_chooses_who_sees_a_form_on_the_chronology_on_its_edit_page(client):
    from tests.send.test_form_definitions_admin import FORMS, details

    builder_user = staff("access_admin", "build_forms")
    sign_in_verified(client, builder_user)
    form = needs_form_copy()
    psychologists = Group.objects.create(name="Educational psychologists")
    edit = f"{FORMS}edit/{form.pk}/"
    assert "groups who may see this form on a chronology" in client.get(edit).text.lower()

    fields = {
        "code": form.code,
        "title_en": form.title_en,
        "title_cy": form.title_cy,
        "guidance_en": form.guidance_en,
        "guidance_cy": form.guidance_cy,
    }
    response = client.post(edit, {**details(**fields), "chronology_groups": [psychologists.pk]})

    assert response.status_code == 302
    form.refresh_from_db()
    assert list(form.chronology_groups.all()) == [psychologists]
    # Who may read it is not part of a published version: nothing to publish again.
    assert not form.has_draft_changes


def test_a_cloned_form_keeps_its_access_list(psychologists_only, needs_form):
    clone = builder.clone(needs_form, "REQUEST_COPY")

    assert list(clone.chronology_groups.all()) == [psychologists_only]


def test_only_staff_who_decide_on_forms_see_the_new_form_button(reader, client, record, needs_form):
    approved(record, needs_form)
    new_form = reverse("send_chronology_new_form", args=[record.pk])

    assert new_form not in reader.get(chronology(record)).text

    decider = staff(
        "access_admin", "view_submission", "decide_submission", "view_childrecord", first_name="Dai"
    )
    sign_in_verified(client, decider)
    assert f'href="{new_form}"' in client.get(chronology(record)).text
