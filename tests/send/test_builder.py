"""The form builder's rules, as the admin screens, the importer and the demo use them: groups
and their questions, numbering, publishing immutable versions, cloning."""

import copy

import pytest
from django.core.exceptions import ValidationError

from plugins.send.builder import services as builder
from plugins.send.builder.schema import FormSchema
from plugins.send.models import Answer, FormDefinition, FormVersion, GroupQuestion, Submission
from plugins.send.models.forms import ImmutableVersion
from tests.factories import UserFactory
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    SubmissionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db


def codes(group):
    return [item.question.code for item in group.items.select_related("question")]


# -- the definition ------------------------------------------------------------------------


def test_a_professional_form_never_has_a_portal_user_type():
    form = FormDefinitionFactory.build(
        code="PRO_ADVICE", portal_type="professional", user_type="young_person"
    )
    form.full_clean()
    assert form.user_type == "not_applicable"


def test_a_citizen_form_must_say_who_fills_it_in():
    form = FormDefinitionFactory.build(portal_type="citizen", user_type="not_applicable")
    with pytest.raises(ValidationError) as error:
        form.full_clean()
    assert "user_type" in error.value.message_dict


# -- groups and their questions ------------------------------------------------------------


def test_a_new_group_is_numbered_after_the_highest_and_the_first_is_2():
    form = FormDefinitionFactory()
    assert builder.next_group_number(form) == 2
    GroupFactory(form=form, number=4)
    assert builder.next_group_number(form) == 5


def test_an_added_question_goes_last_and_marks_the_form_changed():
    form = published_form()
    group = form.groups.get()
    question = QuestionFactory(code="LAST_ONE")
    builder.add_question(group, question)
    assert codes(group)[-1] == "LAST_ONE"
    form.refresh_from_db()
    assert form.has_draft_changes


def test_a_question_appears_only_once_on_a_form():
    form = FormDefinitionFactory()
    first, second = GroupFactory(form=form, number=2), GroupFactory(form=form, number=3)
    question = QuestionFactory(code="CHILD_NAME")
    builder.add_question(first, question)
    with pytest.raises(ValidationError) as error:
        builder.add_question(second, question)
    assert error.value.messages == ["Question CHILD_NAME is already on this form, in group 2."]
    # Another form may use it.
    builder.add_question(GroupFactory(), question)
    assert GroupQuestion.objects.filter(question=question).count() == 2


def test_moving_a_question_swaps_it_with_its_neighbour_and_stops_at_the_ends():
    group = GroupFactory()
    place(group, *(QuestionFactory(code=code) for code in ("A1", "B2", "C3")))
    item = group.items.get(question__code="C3")
    builder.move_question(item, -1)
    assert codes(group) == ["A1", "C3", "B2"]
    builder.move_question(item, -1)
    builder.move_question(item, -1)  # already first: nothing changes
    assert codes(group) == ["C3", "A1", "B2"]
    builder.move_question(group.items.get(question__code="B2"), 1)
    assert codes(group) == ["C3", "A1", "B2"]


def test_removing_a_question_or_deleting_a_group_keeps_the_bank_and_marks_a_change():
    form = published_form(groups=((2, False, 2), (3, False, 1)))
    first, second = form.groups.order_by("number")
    builder.remove_question(first.items.first())
    builder.delete_group(second)
    form.refresh_from_db()
    assert form.has_draft_changes
    assert GroupQuestion.objects.filter(form=form).count() == 1
    assert form.live_version.schema["groups"][1]["number"] == 3  # the published copy stays


def test_repeated_numbers_and_gaps_are_found_and_renumbering_removes_them():
    form = FormDefinitionFactory()
    for number, name in ((3, "A"), (3, "B"), (7, "C")):
        GroupFactory(form=form, number=number, name_en=name)
    assert builder.number_problems(form) == ([3], [2, 4, 5, 6])
    builder.renumber_groups(form)
    assert list(form.groups.values_list("name_en", "number")) == [("A", 2), ("B", 3), ("C", 4)]
    assert builder.number_problems(form) == ([], [])


# -- publishing ----------------------------------------------------------------------------


def test_a_form_is_published_only_when_every_group_has_questions_and_lists_have_items():
    form = FormDefinitionFactory()
    assert builder.publish_problems(form) == ["Add at least one question group."]
    group = GroupFactory(form=form, number=2)
    choice = QuestionFactory(code="COLOUR", data_type="choice")
    place(group, choice)
    GroupFactory(form=form, number=3)
    with pytest.raises(ValidationError) as error:
        builder.publish(form)
    assert error.value.messages == [
        "Question COLOUR is a choice from a list but has no list items.",
        "Group 3 has no questions.",
    ]
    assert not FormVersion.objects.exists()
    ChoiceFactory(question=choice)
    form.groups.get(number=3).delete()
    assert builder.publish_problems(form) == []


def test_publishing_numbers_versions_locks_their_questions_and_makes_the_newest_live():
    user = UserFactory()
    form = published_form(groups=((2, False, 2),))
    question = QuestionFactory()
    builder.add_question(form.groups.get(), question)
    assert not builder.question_is_locked(question)
    second = builder.publish(form, user)
    form.refresh_from_db()
    assert second.number == 2 and second.published_by == user
    assert form.live_version == second and not form.has_draft_changes
    assert builder.question_is_locked(question)
    assert [v.number for v in builder.version_history(form)] == [2, 1]


def test_editing_a_live_form_leaves_the_portal_on_the_published_version():
    form = published_form(title_en="Request form")
    group = form.groups.get()
    group.name_en = "A new name"
    group.save()
    builder.mark_changed(form)
    FormDefinition.objects.filter(pk=form.pk).update(title_en="Another title")
    form.refresh_from_db()
    live = FormSchema(form.live_version.schema)
    assert live.title == "Request form"
    assert live.groups[0].name != "A new name"
    assert FormDefinition.objects.available().get() == form


def test_a_published_version_and_its_submissions_never_change_when_the_form_does():
    form = published_form(groups=((2, False, 2), (3, True, 1)), title_en="EHC request")
    first = form.live_version
    schema_then = copy.deepcopy(first.schema)
    about, contacts = form.groups.order_by("number")
    kept, dropped = (item.question for item in about.items.order_by("sort_order"))
    submission = SubmissionFactory(version=first)
    Answer.objects.bulk_create(
        [
            Answer(submission=submission, group_number=2, question_code=kept.code, value="Kept"),
            Answer(
                submission=submission, group_number=2, question_code=dropped.code, value="Dropped"
            ),
            Answer(
                submission=submission,
                group_number=3,
                repeat_index=1,
                question_code=contacts.items.get().question.code,
                value="Second contact",
            ),
        ]
    )
    answers_then = list(submission.answers.values_list("question_code", "repeat_index", "value"))

    # The SEND team reworks the form and publishes it again.
    for group in (about, contacts):
        group.name_en = f"Renamed {group.number}"
        group.name_cy = f"Ailenwyd {group.number}"
        group.save()
    builder.remove_question(about.items.get(question=dropped))
    builder.add_question(contacts, QuestionFactory(code="NEW_QUESTION"))
    FormDefinition.objects.filter(pk=form.pk).update(title_en="EHC request 2025")
    form.refresh_from_db()
    second = builder.publish(form)

    first = FormVersion.objects.get(pk=first.pk)
    assert first.schema == schema_then
    old = FormSchema(first.schema)
    assert old.title == "EHC request"
    assert dropped.code in old.questions and "NEW_QUESTION" not in old.questions
    new = FormSchema(second.schema)
    assert new.title == "EHC request 2025"
    assert dropped.code not in new.questions and "NEW_QUESTION" in new.questions
    assert new.group(2).name == "Renamed 2"

    submission = Submission.objects.get(pk=submission.pk)
    assert submission.version_id == first.pk
    assert list(submission.answers.values_list("question_code", "repeat_index", "value")) == (
        answers_then
    )
    assert builder.question_is_locked(dropped)  # still used by version 1

    first.number = 99
    with pytest.raises(ImmutableVersion):
        first.save()
    with pytest.raises(ImmutableVersion):
        first.delete()
    assert FormVersion.objects.get(pk=first.pk).number == 1


# -- cloning and deleting ------------------------------------------------------------------


def test_a_clone_is_a_not_live_draft_with_the_same_groups_and_questions():
    form = published_form(code="EHC_REQ", groups=((2, False, 2), (4, True, 1)))
    clone = builder.clone(form, "EHC_REQ_2", title_en="Second request")
    assert clone.code == "EHC_REQ_2" and clone.title_en == "Second request"
    assert clone.title_cy == form.title_cy
    assert not clone.live and clone.live_version is None and clone.has_draft_changes
    assert list(clone.groups.values_list("number", "repeating")) == [(2, False), (4, True)]
    for original, copied in zip(form.groups.all(), clone.groups.all(), strict=True):
        assert codes(original) == codes(copied)
    assert GroupQuestion.objects.filter(form=form).count() == 3  # the original keeps its own


def test_a_clone_needs_a_free_code():
    form = FormDefinitionFactory(code="EHC_REQ")
    with pytest.raises(ValidationError) as error:
        builder.clone(form, "EHC_REQ")
    assert "code" in error.value.message_dict
    assert FormDefinition.objects.count() == 1


def test_only_a_form_that_was_never_published_can_be_deleted():
    builder.ensure_form_deletable(FormDefinitionFactory())
    form = published_form(code="EHC_REQ")
    with pytest.raises(ValidationError) as error:
        builder.ensure_form_deletable(form)
    assert "EHC_REQ has published versions" in error.value.messages[0]
