"""New form from the chronology: a caseworker makes a new form for a child from the child's
latest approved form; inherited answers are outlined and editable, saving with some left
unchanged asks first, questions inherited multiple times take the earlier answers chosen,
and the saved form is approved at once onto the child's chronology."""

import pytest
from django.test import Client

from core.models import AuditEntry
from plugins.send.builder import services as builder
from plugins.send.casework import review
from plugins.send.models import GroupQuestion, Review, Submission, SubmissionEvent
from portal import events
from tests.conftest import sign_in_verified
from tests.send.factories import FormDefinitionFactory, GroupFactory, QuestionFactory, place
from tests.send.test_council_submissions import attach, family, fill, staff

from .conftest import matched

pytestmark = pytest.mark.django_db


def form_with(*questions, repeating=(), title="Request for help"):
    """A published form: group 2 holds ``questions``, group 3 (repeating) ``repeating``."""
    form = FormDefinitionFactory(title_en=title)
    place(GroupFactory(form=form, number=2), *questions)
    if repeating:
        place(GroupFactory(form=form, number=3, repeating=True), *repeating)
    builder.publish(form)
    form.refresh_from_db()
    return form


@pytest.fixture
def name():
    return QuestionFactory(code="CHILD_VIEWS", label_en="What your child thinks", mandatory=True)


@pytest.fixture
def advice():
    return QuestionFactory(
        code="HEALTH_ADVICE", label_en="Health advice", data_type="memo", inherit_multiple=True
    )


@pytest.fixture
def agency():
    return QuestionFactory(code="AGENCY", label_en="Agency name")


def approved(link, form, decider):
    """``link``'s family sends ``form`` and the council approves it."""
    submission = matched(fill(link, form))
    review.open_submission(submission, decider)
    return review.approve(submission, decider, "Approved.", share_with_case=False)


def new_form_url(submission, **query):
    url = f"/admin/send/chronology/{submission.person.child_record_id}/new-form/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def form_page(submission, form=None):
    """The new form's page, the earlier answers already chosen (the latest health advice)."""
    latest = submission.answers.get(question_code="HEALTH_ADVICE").pk
    form = form or submission.version.form_id
    return new_form_url(submission, form=form, chosen=1, **{"inherit-HEALTH_ADVICE": latest})


@pytest.fixture
def first(deciding, name, advice, agency):
    form = form_with(name, advice, repeating=[agency])
    return approved(family(), form, deciding.user)


def test_the_caseworker_chooses_a_published_form_and_sees_the_inherited_answers_outlined(
    deciding, first
):
    choose = deciding.get(new_form_url(first))
    assert choose.status_code == 200
    assert "Request for help" in choose.text and first.reference in choose.text
    page = deciding.get(form_page(first)).text
    assert 'value="CHILD_VIEWS answer 1"' in page
    assert "AGENCY answer 2" in page  # both items of the repeating group
    assert page.count("data-inherited") == 4  # CHILD_VIEWS, HEALTH_ADVICE, AGENCY twice
    assert 'id="inherited-id_CHILD_VIEWS"' in page and "Inherited" in page
    assert 'aria-describedby="inherited-id_CHILD_VIEWS' in page


def test_a_form_of_another_kind_inherits_the_answers_to_the_same_questions(deciding, first, name):
    other = form_with(name, QuestionFactory(code="NEW_ONLY"), title="Annual review")
    page = deciding.get(new_form_url(first, form=other.pk)).text  # no question to choose for
    assert "Annual review" in page
    assert 'value="CHILD_VIEWS answer 1"' in page
    assert page.count("data-inherited") == 1


def posted(**answers):
    data = {
        "CHILD_VIEWS": "CHILD_VIEWS answer 1",
        "HEALTH_ADVICE": "HEALTH_ADVICE answer 1",
        "repeat_count-3": "2",
        "AGENCY-0": "AGENCY answer 1",
        "AGENCY-1": "AGENCY answer 2",
    }
    data.update(answers)
    return data


def test_saving_with_inherited_answers_unchanged_asks_first_and_continue_saves(
    deciding, first, django_capture_on_commit_callbacks
):
    url = form_page(first)
    response = deciding.post(url, posted(CHILD_VIEWS="Happier at school now"))
    assert response.status_code == 200
    assert "Some pre-populated answers have not been changed." in response.text
    assert "Are you sure you want to continue?" in response.text
    assert "Review the form again" in response.text
    assert 'value="Happier at school now"' in response.text  # nothing typed is lost
    assert Submission.objects.count() == 1
    decided = []

    def listener(**kwargs):
        decided.append(kwargs["decision"])

    events.form_decided.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = deciding.post(
                url, posted(CHILD_VIEWS="Happier at school now", action="continue")
            )
    finally:
        # Only this test's listener: the webhooks' receiver stays for the tests after it.
        events.form_decided.disconnect(listener)
    new = Submission.objects.exclude(pk=first.pk).get()
    assert response.url == f"/admin/send/submissions/{new.pk}/"
    assert decided == [review.APPROVE]
    assert new.person == first.person and new.created_by == deciding.user
    assert new.status == "submitted" and new.review_state == Review.APPROVED
    assert new.decided_by == deciding.user and new.reference
    answers = dict(new.answers.values_list("question_code", "value").filter(repeat_index=0))
    assert answers["CHILD_VIEWS"] == "Happier at school now"
    assert new.answers.filter(question_code="AGENCY").count() == 2
    assert new.steps.get(group_number=3).repeat_count == 2
    event = new.events.get()
    assert event.action == SubmissionEvent.Action.FROM_CHRONOLOGY
    assert event.detail == first.reference
    entry = AuditEntry.objects.get(action="submission.from_chronology")
    assert entry.actor == deciding.user and entry.object_id == str(new.pk)
    assert entry.child_record_id == first.person.child_record_id


def test_changing_every_inherited_answer_saves_without_asking(deciding, first):
    url = form_page(first)
    response = deciding.post(
        url,
        posted(
            CHILD_VIEWS="Changed",
            HEALTH_ADVICE="New advice",
            **{"AGENCY-0": "School nurse", "AGENCY-1": "Speech therapy"},
        ),
    )
    assert response.status_code == 302
    new = Submission.objects.exclude(pk=first.pk).get()
    assert new.answers.get(question_code="HEALTH_ADVICE").value == "New advice"


def test_a_mistake_shows_the_error_summary_and_keeps_what_was_typed(deciding, first):
    url = form_page(first)
    response = deciding.post(url, posted(CHILD_VIEWS="", HEALTH_ADVICE="Typed advice"))
    assert response.status_code == 200
    assert "data-error-summary" in response.text
    assert 'href="#id_CHILD_VIEWS"' in response.text
    assert "Typed advice" in response.text
    assert Submission.objects.count() == 1


def test_add_another_item_shows_the_page_again_with_one_more_item(deciding, first):
    url = form_page(first)
    response = deciding.post(url, posted(action="add-item-3", CHILD_VIEWS="Typed"))
    assert 'name="AGENCY-2"' in response.text and 'value="Typed"' in response.text
    assert "data-error-summary" not in response.text
    assert Submission.objects.count() == 1


def test_a_question_another_steps_new_answer_no_longer_asks_is_not_required_nor_kept(deciding):
    other_pr = QuestionFactory(code="OTHER_PR", data_type="yes_no", label_en="Anyone else?")
    pr_name = QuestionFactory(code="PR_NAME", label_en="Their name", mandatory=True)
    form = FormDefinitionFactory()
    place(GroupFactory(form=form, number=2), other_pr)
    place(GroupFactory(form=form, number=3), pr_name)
    builder.change_condition(GroupQuestion.objects.get(question=pr_name), other_pr, ["yes"])
    builder.publish(form)
    form.refresh_from_db()
    first = approved(family(), form, deciding.user)
    first.answers.filter(question_code="OTHER_PR").update(value="yes")
    first.answers.update_or_create(
        question_code="PR_NAME", repeat_index=0, defaults={"group_number": 3, "value": "Jo Bloggs"}
    )
    url = new_form_url(first, form=form.pk)
    assert 'value="Jo Bloggs"' in deciding.get(url).text
    response = deciding.post(url, {"OTHER_PR": "no", "PR_NAME": ""})
    assert response.status_code == 302
    new = Submission.objects.exclude(pk=first.pk).get()
    assert dict(new.answers.values_list("question_code", "value")) == {"OTHER_PR": "no"}


def test_showing_the_form_is_audited_as_opening_the_form_it_copies(deciding, first):
    deciding.get(form_page(first))
    entry = AuditEntry.objects.get(action="submission.opened")
    assert entry.object_id == str(first.pk) and entry.actor == deciding.user


def test_an_inherited_file_is_listed_and_the_new_form_keeps_its_own_copy(deciding, name):
    report = QuestionFactory(code="REPORT", data_type="file", label_en="School report")
    form = form_with(name, report)
    first = approved(family(), form, deciding.user)
    stored = attach(first)
    first.answers.filter(question_code="REPORT").update(value=stored.pk)
    url = new_form_url(first, form=form.pk)
    page = deciding.get(url).text
    assert "data-inherited-file" in page and "report.pdf" in page
    assert 'type="file"' not in page  # no new upload on this page
    response = deciding.post(url, {"CHILD_VIEWS": "Changed"})
    assert response.status_code == 302
    new = Submission.objects.exclude(pk=first.pk).get()
    copy = new.files.get()
    assert copy.file.name != stored.file.name and copy.original_name == "report.pdf"
    assert copy.file.read() == b"%PDF-1.4 school report"
    assert new.answers.get(question_code="REPORT").value == copy.pk


def test_an_item_added_on_the_page_can_be_removed_but_an_inherited_one_cannot(deciding, first):
    url = form_page(first)
    added = deciding.post(url, posted(action="add-item-3", **{"repeat_count-3": "2"})).text
    assert 'name="AGENCY-2"' in added and 'value="remove-item-3"' in added
    removed = deciding.post(url, posted(action="remove-item-3", **{"repeat_count-3": "3"})).text
    assert 'name="AGENCY-2"' not in removed and 'value="remove-item-3"' not in removed
    again = deciding.post(url, posted(action="remove-item-3", **{"repeat_count-3": "2"})).text
    assert 'name="AGENCY-1"' in again  # the inherited items stay


def test_health_advice_from_several_earlier_forms_can_be_brought_in_together(
    deciding, first, name, advice
):
    second_form = form_with(name, advice, title="Health update")
    second = approved(family(), second_form, deciding.user)
    second.person.child_record = first.person.child_record
    second.person.save()
    second.answers.filter(question_code="HEALTH_ADVICE").update(value="Nurse's advice")
    url = new_form_url(first, form=first.version.form_id)
    chooser = deciding.get(url).text
    assert "HEALTH_ADVICE answer 1" in chooser and "Nurse&#x27;s advice" in chooser
    assert "Health update" in chooser and "Request for help" in chooser
    ids = list(
        first.answers.filter(question_code="HEALTH_ADVICE").values_list("pk", flat=True)
    ) + list(second.answers.filter(question_code="HEALTH_ADVICE").values_list("pk", flat=True))
    query = "&".join(f"inherit-HEALTH_ADVICE={pk}" for pk in ids)
    page = deciding.get(f"{url}&chosen=1&{query}").text
    assert "HEALTH_ADVICE answer 1\n\nNurse&#x27;s advice" in page


def test_the_latest_answer_alone_is_ticked_to_begin_with(deciding, first):
    chooser = deciding.get(new_form_url(first, form=first.version.form_id)).text
    assert chooser.count("checked") == 1


def test_staff_who_may_not_decide_cannot_make_a_new_form(client, first):
    viewer = staff("access_admin", "view_submission")
    sign_in_verified(client, viewer)
    # Wagtail's "permission denied": back to the dashboard with its message.
    refused = client.get(form_page(first))
    assert refused.status_code == 302 and refused.url == "/admin/"
    assert client.post(form_page(first), posted(action="continue")).url == "/admin/"
    assert Submission.objects.count() == 1


def test_an_unknown_child_record_or_one_without_an_approved_form_gives_404(
    deciding, first, submitted
):
    assert deciding.get("/admin/send/chronology/999999/new-form/").status_code == 404
    matched(submitted)  # matched, but not approved
    assert deciding.get(new_form_url(submitted)).status_code == 404


def test_the_chronology_offers_a_new_form_only_for_a_child_with_an_approved_form(
    deciding, first, submitted
):
    """The button would lead to that 404 (found by crawling the demo as the caseworker)."""
    caseworker = Client()
    sign_in_verified(
        caseworker,
        staff("access_admin", "view_submission", "decide_submission", "view_childrecord"),
    )
    chronology = "/admin/send/chronology/{}/"
    page = caseworker.get(chronology.format(first.person.child_record_id)).content.decode()
    assert new_form_url(first) in page
    matched(submitted)  # matched, but not approved
    page = caseworker.get(chronology.format(submitted.person.child_record_id)).content.decode()
    assert "data-chronology-new-form" in page and new_form_url(submitted) not in page


def test_only_a_form_the_council_made_is_approved_unread(deciding, submitted):
    matched(submitted)
    with pytest.raises(review.NotAllowed):
        review.approve_from_chronology(submitted, deciding.user, submitted)
