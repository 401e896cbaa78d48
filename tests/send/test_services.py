"""Filling in a form: drafts, saving steps, stale saves, pre-filled answers, submitting,
reopening and purging old drafts — the rules behind every journey page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from plugins.send.builder.schema import FormSchema
from plugins.send.filling import professionals, services
from plugins.send.filling.jobs import purge_drafts
from plugins.send.models import (
    Answer,
    SendSettings,
    Submission,
    SubmissionFile,
)
from portal import events
from tests.factories import UserFactory
from tests.send.factories import (
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def link():
    return PersonLinkFactory()


def groups_of(submission):
    return FormSchema(submission.version.schema).groups


def fill_all(submission, user):
    if user.is_professional:
        professionals.confirm_professional(
            submission, user, "Ann Lee", "Educational psychologist", "Schools service"
        )
    services.confirm_subject(submission, user)
    for group in groups_of(submission):
        answers = {(0, q.code): "An answer" for q in group.questions}
        services.save_step(submission, group, answers, 1, submission.revision, user)
        submission.refresh_from_db()


# -- which forms ----------------------------------------------------------------------------


def test_a_parent_is_offered_live_parent_forms_only(link):
    parent_form = published_form(title_en="Request for an assessment")
    published_form(user_type="young_person")
    published_form(portal_type="professional", user_type="not_applicable")
    published_form(live=False)
    FormDefinitionFactory()  # live but never published
    forms = list(services.available_forms(link.user, link))
    assert forms == [parent_form]


def test_a_young_person_filling_in_for_themselves_gets_young_person_forms():
    link = PersonLinkFactory(relationship="self")
    own = published_form(user_type="young_person")
    published_form()
    assert list(services.available_forms(link.user, link)) == [own]


def test_professionals_get_professional_forms():
    user = UserFactory(kind="professional", verification_state="verified")
    link = PersonLinkFactory(user=user, relationship="professional")
    professional = published_form(portal_type="professional", user_type="not_applicable")
    published_form()
    assert list(services.available_forms(user, link)) == [professional]


def test_forms_can_be_searched_by_english_or_welsh_title(link):
    consent = published_form(title_en="Parental consent", title_cy="Caniatâd rhiant")
    published_form(title_en="My views", title_cy="Fy marn")
    assert list(services.available_forms(link.user, link, "consent")) == [consent]
    assert list(services.available_forms(link.user, link, "caniatâd")) == [consent]


# -- drafts and steps ----------------------------------------------------------------------


def test_starting_twice_continues_the_same_draft_and_records_it_once(link):
    form = published_form()
    first = services.start(link.user, link.person, form)
    again = services.start(link.user, link.person, form)
    assert first == again
    assert Submission.objects.count() == 1
    assert list(first.events.values_list("action", flat=True)) == ["created"]
    assert first.version == form.live_version


def test_a_saved_step_is_kept_exactly_and_marked_completed(link):
    form = published_form(groups=((2, False, 2), (3, False, 1)))
    submission = services.start(link.user, link.person, form)
    group = groups_of(submission)[0]
    first, second = (q.code for q in group.questions)
    services.save_step(
        submission, group, {(0, first): "Lives with mum", (0, second): ""}, 1, 0, link.user
    )
    assert dict(submission.answers.values_list("question_code", "value")) == {
        first: "Lives with mum"
    }
    statuses = services.step_statuses(submission, FormSchema(submission.version.schema))
    assert statuses == {1: False, 2: True, 3: False}
    assert submission.events.filter(action="step_saved", detail="2").count() == 1


def test_a_save_from_a_page_loaded_before_another_save_is_refused(link):
    form = published_form()
    submission = services.start(link.user, link.person, form)
    group = groups_of(submission)[0]
    code = group.questions[0].code
    loaded = submission.revision
    services.save_step(submission, group, {(0, code): "From the laptop"}, 1, loaded, link.user)
    with pytest.raises(services.StaleStep):
        services.save_step(submission, group, {(0, code): "From the phone"}, 1, loaded, link.user)
    assert Answer.objects.get(question_code=code).value == "From the laptop"


def test_saving_another_step_does_not_make_this_one_stale(link):
    form = published_form(groups=((2, False, 1), (3, False, 1)))
    submission = services.start(link.user, link.person, form)
    two, three = groups_of(submission)
    loaded = submission.revision
    services.save_step(submission, three, {(0, three.questions[0].code): "B"}, 1, loaded, link.user)
    services.save_step(submission, two, {(0, two.questions[0].code): "A"}, 1, loaded, link.user)
    assert submission.answers.count() == 2


def test_a_repeating_group_keeps_each_item_and_drops_removed_ones(link):
    form = published_form(groups=((2, True, 2),))
    submission = services.start(link.user, link.person, form)
    group = groups_of(submission)[0]
    a, b = (q.code for q in group.questions)
    answers = {
        (0, a): "Speech therapy",
        (0, b): "Weekly",
        (1, a): "Paediatrician",
        (1, b): "Yearly",
    }
    services.save_step(submission, group, answers, 2, 0, link.user)
    assert submission.answers.count() == 4
    submission.refresh_from_db()
    services.save_step(
        submission, group, {(0, a): "Speech therapy"}, 1, submission.revision, link.user
    )
    assert list(submission.answers.values_list("repeat_index", "question_code", "value")) == [
        (0, a, "Speech therapy")
    ]
    assert submission.steps.get(group_number=2).repeat_count == 1


def test_an_uploaded_file_stays_when_the_step_is_saved_again_without_a_new_one(link):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form, number=2)
    upload_question = QuestionFactory(data_type="file")
    note = QuestionFactory()
    place(group, upload_question, note)
    from plugins.send.builder import services as builder

    builder.publish(form)
    form.refresh_from_db()
    submission = services.start(link.user, link.person, form)
    group = groups_of(submission)[0]
    upload = SubmissionFile.objects.create(
        submission=submission,
        question_code=upload_question.code,
        file=ContentFile(b"%PDF-1.4", name="report.pdf"),
        original_name="report.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    services.save_step(submission, group, {(0, note.code): "See report"}, 1, 0, link.user, [upload])
    submission.refresh_from_db()
    services.save_step(
        submission, group, {(0, note.code): "See the report"}, 1, submission.revision, link.user
    )
    assert submission.answers.get(question_code=upload_question.code).value == upload.pk


def test_answers_given_earlier_for_the_same_child_are_prefilled_and_marked(link):
    school = QuestionFactory(code="CHILD_SCHOOL")
    first_form = FormDefinitionFactory()
    place(GroupFactory(form=first_form), school)
    from plugins.send.builder import services as builder

    builder.publish(first_form)
    first_form.refresh_from_db()
    earlier = services.start(link.user, link.person, first_form)
    group = groups_of(earlier)[0]
    services.save_step(earlier, group, {(0, "CHILD_SCHOOL"): "Hillside Primary"}, 1, 0, link.user)

    second_form = FormDefinitionFactory()
    place(GroupFactory(form=second_form), school, QuestionFactory())
    builder.publish(second_form)
    second_form.refresh_from_db()
    later = services.start(link.user, link.person, second_form)
    prefilled = later.answers.get(question_code="CHILD_SCHOOL")
    assert prefilled.value == "Hillside Primary" and prefilled.prefilled

    other_child = PersonLinkFactory(user=link.user)
    fresh = services.start(link.user, other_child.person, second_form)
    assert not fresh.answers.exists()


def test_a_submitted_form_cannot_be_changed(link):
    form = published_form()
    submission = services.start(link.user, link.person, form)
    fill_all(submission, link.user)
    services.submit(submission, link.user)
    with pytest.raises(services.NotEditable):
        services.save_step(submission, groups_of(submission)[0], {}, 1, 99, link.user)


# -- submitting ----------------------------------------------------------------------------


def test_submitting_twice_makes_one_submission_one_reference_and_one_event(link):
    received = []

    def listener(sender, submission, **kwargs):
        received.append(submission.pk)

    events.form_submitted.connect(listener)
    try:
        form = published_form()
        submission = services.start(link.user, link.person, form)
        fill_all(submission, link.user)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("django.db.transaction.on_commit", lambda func, **kw: func())
            first = services.submit(submission, link.user)
            second = services.submit(submission, link.user)
    finally:
        events.form_submitted.disconnect(listener)
    assert first.reference == second.reference
    assert re.fullmatch(r"SND-[2-9A-HJKMNP-Z]{10}", first.reference)
    assert received == [submission.pk]
    assert submission.events.filter(action="submitted").count() == 1


def test_a_form_with_unsaved_steps_cannot_be_submitted(link):
    form = published_form(groups=((2, False, 1), (3, False, 1)))
    submission = services.start(link.user, link.person, form)
    services.confirm_subject(submission, link.user)
    with pytest.raises(services.Incomplete) as refused:
        services.submit(submission, link.user)
    assert refused.value.steps == [2, 3]
    submission.refresh_from_db()
    assert submission.status == "draft" and submission.reference is None


def test_references_are_unique_and_not_sequential(link):
    references = {services.new_reference() for _ in range(200)}
    assert len(references) == 200


# -- reopening -----------------------------------------------------------------------------


def submitted_by_professional(allow=True):
    settings = SendSettings.load()
    settings.allow_professional_edit = allow
    settings.save()
    user = UserFactory(kind="professional", verification_state="verified")
    link = PersonLinkFactory(user=user, relationship="professional")
    form = published_form(portal_type="professional", user_type="not_applicable")
    submission = services.start(user, link.person, form)
    fill_all(submission, user)
    return services.submit(submission, user), user


def test_a_professional_reopens_a_submission_with_a_recorded_reason():
    submission, user = submitted_by_professional()
    services.reopen(submission, user, "Wrong date of the last review")
    submission.refresh_from_db()
    assert submission.status == "draft"
    event = submission.events.get(action="reopened")
    assert (event.user, event.detail) == (user, "Wrong date of the last review")


@pytest.mark.parametrize("case", ["not allowed", "opened", "citizen"])
def test_reopening_is_refused_when_the_council_does_not_allow_it(case):
    submission, user = submitted_by_professional(allow=case != "not allowed")
    if case == "opened":
        Submission.objects.filter(pk=submission.pk).update(opened_by_council_at=timezone.now())
    if case == "citizen":
        user.kind = "citizen"
        user.save()
    with pytest.raises(services.NotEditable):
        services.reopen(submission, user, "Because")
    assert Submission.objects.get(pk=submission.pk).status == "submitted"


# -- old drafts ----------------------------------------------------------------------------


def aged_draft(link, days):
    submission = services.start(link.user, link.person, published_form())
    Submission.objects.filter(pk=submission.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )
    return submission


def test_drafts_are_kept_for_ever_by_default(link):
    aged_draft(link, 2000)
    assert purge_drafts() == 0
    assert Submission.objects.count() == 1 and not mail.outbox


def test_old_drafts_are_warned_a_week_ahead_then_deleted(link, django_capture_on_commit_callbacks):
    settings = SendSettings.load()
    settings.purge_drafts_after_days = 30
    settings.save()
    recent = aged_draft(link, 10)
    warned = aged_draft(link, 24)
    with django_capture_on_commit_callbacks(execute=True):
        purge_drafts()
    warned.refresh_from_db()
    assert warned.purge_warned_at is not None
    assert Submission.objects.get(pk=recent.pk).purge_warned_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [link.user.email]
    assert "will be deleted" in mail.outbox[0].subject

    # A week later the warned draft, still untouched, goes; a saved one would have stayed.
    Submission.objects.filter(pk=warned.pk).update(
        purge_warned_at=timezone.now() - timedelta(days=8),
        updated_at=timezone.now() - timedelta(days=31),
    )
    purge_drafts()
    assert not Submission.objects.filter(pk=warned.pk).exists()
    assert Submission.objects.filter(pk=recent.pk).exists()


def test_saving_a_step_clears_the_purge_warning(link):
    submission = aged_draft(link, 25)
    Submission.objects.filter(pk=submission.pk).update(purge_warned_at=timezone.now())
    group = groups_of(submission)[0]
    services.save_step(submission, group, {}, 1, 0, link.user)
    submission.refresh_from_db()
    assert submission.purge_warned_at is None
