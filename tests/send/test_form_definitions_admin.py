"""The SEND team builds forms in the Wagtail admin: the form definitions list, a definition's
details, the Build page (groups and their questions), renumbering, publishing, cloning and
the version history."""

import html
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.send.builder import services as builder
from plugins.send.models import FormDefinition, FormVersion, GroupQuestion, Question
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    place,
    published_form,
)

pytestmark = pytest.mark.django_db

FORMS = "/admin/send/forms/"


def staff(*codenames, **fields):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now(), **fields)
    group = Group.objects.create(name="Staff " + "-".join(codenames))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def send_team(client):
    user = staff("access_admin", "build_forms", first_name="Sian", last_name="Builder")
    sign_in_verified(client, user)
    client.user = user
    return client


def details(**changes):
    """What the definition's page posts."""
    data = {
        "title_en": "Request for an EHC needs assessment",
        "title_cy": "Cais am asesiad o anghenion EHC",
        "guidance_en": "Tell us about your child.",
        "guidance_cy": "Dywedwch wrthym am eich plentyn.",
        "subtitle": "Parents' request",
        "description": "Used since 2024.",
        "code": "EHC_REQ",
        "portal_type": "citizen",
        "user_type": "parent_carer",
        "live": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def form_with_questions(groups=((2, False, 2),), **fields):
    form = FormDefinitionFactory(**fields)
    for number, repeating, count in groups:
        group = GroupFactory(form=form, number=number, repeating=repeating)
        place(group, *QuestionFactory.create_batch(count))
    return form


def rows(response):
    return re.findall(r'data-question="([A-Z0-9_]+)"', response.text)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# -- who may build forms -------------------------------------------------------------------


def builder_screens():
    form = form_with_questions()
    group = form.groups.get()
    return [
        FORMS,
        f"{FORMS}new/",
        f"{FORMS}edit/{form.pk}/",
        f"{FORMS}delete/{form.pk}/",
        f"{FORMS}build/{form.pk}/",
        f"{FORMS}build/{form.pk}/groups/new/",
        f"{FORMS}build/{form.pk}/renumber/",
        f"{FORMS}groups/{group.pk}/edit/",
        f"{FORMS}groups/{group.pk}/delete/",
        f"{FORMS}groups/{group.pk}/questions/",
        f"{FORMS}clone/{form.pk}/",
        f"{FORMS}versions/{form.pk}/",
        f"{FORMS}placements/{group.items.first().pk}/condition/",
    ]


def test_staff_without_the_form_builder_permission_cannot_open_or_change_anything(client):
    sign_in_verified(client, staff("access_admin"))
    for url in builder_screens():
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert not response.url.startswith(FORMS), url
    form = FormDefinition.objects.get()
    item = GroupQuestion.objects.first()
    for url in (
        f"{FORMS}build/{form.pk}/publish/",
        f"{FORMS}build/{form.pk}/renumber/",
        f"{FORMS}placements/{item.pk}/remove/",
        f"{FORMS}placements/{item.pk}/condition/",
        f"{FORMS}groups/{item.group_id}/delete/",
    ):
        assert client.post(url).status_code in (302, 403), url
    assert FormVersion.objects.count() == 0
    assert GroupQuestion.objects.filter(pk=item.pk).exists()
    assert "Form definitions" not in client.get("/admin/").text


def test_the_send_team_finds_form_definitions_in_the_send_menu(send_team):
    for url in builder_screens():
        assert send_team.get(url).status_code == 200, url
    home = send_team.get("/admin/").text
    assert '"label": "SEND"' in html.unescape(home)
    assert "Form definitions" in home and FORMS in home


# -- the list --------------------------------------------------------------------------------


def test_the_list_shows_each_forms_type_and_what_is_published(send_team):
    published = published_form(code="EHC_REQ", title_en="EHC request")
    builder.mark_changed(published)
    builder.publish(published)  # version 2, then changed again
    builder.mark_changed(published)
    up_to_date = published_form(
        code="PRO_ADVICE", portal_type="professional", user_type="not_applicable", live=False
    )
    FormDefinitionFactory(code="YP_VIEWS", user_type="young_person")
    response = send_team.get(FORMS)
    text = response.text
    listed = {form.code: form for form in response.context["object_list"]}
    assert list(listed) == ["EHC_REQ", "PRO_ADVICE", "YP_VIEWS"]
    assert listed["EHC_REQ"].published_number == 2
    assert listed["PRO_ADVICE"].published_number == 1
    assert listed["YP_VIEWS"].published_number is None
    for words in (
        "EHC request",
        "Citizen portal",
        "Professional portal",
        "Parent or carer",
        "Young person",
        "Not applicable",
        "Unpublished changes",
        "Published",
        "Not published",
        "Published version",
    ):
        assert words in text, words
    assert f"{FORMS}build/{up_to_date.pk}/" in text
    assert f"{FORMS}versions/{up_to_date.pk}/" in text


def test_the_list_searches_by_part_of_the_code_and_filters_live_forms(send_team):
    FormDefinitionFactory(code="EHC_REQ", live=True)
    FormDefinitionFactory(code="EHC_REVIEW", live=False)
    FormDefinitionFactory(code="ANNUAL", live=True)

    def codes(**params):
        return [f.code for f in send_team.get(FORMS, params).context["object_list"]]

    assert codes(q="ehc_re") == ["EHC_REQ", "EHC_REVIEW"]
    assert codes(live="true") == ["ANNUAL", "EHC_REQ"]
    assert codes(live="false") == ["EHC_REVIEW"]
    assert codes(q="ehc", live="true") == ["EHC_REQ"]


def test_the_list_costs_the_same_queries_however_many_forms_and_versions(
    send_team, django_assert_max_num_queries
):
    published_form(code="FIRST")
    send_team.get(FORMS)  # the first request fills caches (site, content types)
    few = queries(send_team, FORMS)

    # 20 forms with 10,000 versions between them, written directly: publishing each would
    # take minutes, and only the rows matter here.
    forms = [FormDefinitionFactory() for _ in range(20)]
    FormVersion.objects.bulk_create(
        FormVersion(form=form, number=number, schema={"groups": []})
        for form in forms
        for number in range(1, 501)
    )
    for form in forms:
        FormDefinition.objects.filter(pk=form.pk).update(live_version=form.versions.get(number=500))
    assert FormVersion.objects.count() == 10_001
    with django_assert_max_num_queries(few):
        response = send_team.get(FORMS)
    assert len(response.context["object_list"]) == 21


# -- a definition's details ----------------------------------------------------------------


def test_a_new_form_gets_a_tidy_code_and_opens_on_its_build_page(send_team):
    response = send_team.post(f"{FORMS}new/", details(code="  ehc_req \n"))
    form = FormDefinition.objects.get()
    assert response.url == f"{FORMS}build/{form.pk}/"
    assert form.code == "EHC_REQ"
    assert form.title_cy == "Cais am asesiad o anghenion EHC"
    assert form.user_type == "parent_carer"
    assert form.live and form.has_draft_changes and form.live_version is None


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("EHC REQ", "Use only capital letters, digits, hyphens and underscores"),
        ("EHC/REQ", "Use only capital letters, digits, hyphens and underscores"),
        ("TAKEN", "already exists"),
        ("", "This field is required"),
    ],
)
def test_a_form_code_must_be_unique_and_use_only_the_allowed_characters(send_team, code, error):
    FormDefinitionFactory(code="TAKEN")
    response = send_team.post(f"{FORMS}new/", details(code=code))
    assert response.status_code == 200
    assert error in response.text
    assert FormDefinition.objects.count() == 1


def test_a_professional_form_has_no_portal_user_type(send_team):
    send_team.post(f"{FORMS}new/", details(portal_type="professional", user_type="young_person"))
    assert FormDefinition.objects.get().user_type == "not_applicable"
    # The browser greys the choice out (it is then not sent at all).
    send_team.post(
        f"{FORMS}new/", details(code="PRO_2", portal_type="professional", user_type=None)
    )
    assert FormDefinition.objects.get(code="PRO_2").user_type == "not_applicable"


def test_a_citizen_form_needs_a_portal_user_type(send_team):
    response = send_team.post(f"{FORMS}new/", details(user_type=None))
    assert "Choose parent or carer, or young person, for a citizen form." in response.text
    assert not FormDefinition.objects.exists()
    page = send_team.get(f"{FORMS}new/").text
    # Wagtail's rules controller greys the user type out unless the form is for citizens.
    assert 'data-controller="w-rules"' in page
    assert 'data-w-rules-target="enable"' in page


def test_editing_the_words_of_a_published_form_changes_only_the_working_copy(send_team):
    form = published_form(title_en="Old title")
    response = send_team.post(
        f"{FORMS}edit/{form.pk}/", details(code=form.code, title_en="New title")
    )
    assert response.status_code == 302
    form.refresh_from_db()
    assert form.title_en == "New title"
    assert form.has_draft_changes
    assert form.live_version.schema["title"]["en"] == "Old title"
    assert form.live_version.number == 1


def test_switching_a_form_off_or_changing_staff_notes_is_not_an_unpublished_change(send_team):
    form = published_form(code="EHC_REQ")
    fields = {
        "title_en": form.title_en,
        "title_cy": form.title_cy,
        "guidance_en": form.guidance_en,
        "guidance_cy": form.guidance_cy,
    }
    send_team.post(
        f"{FORMS}edit/{form.pk}/", details(live=None, description="Retired in May", **fields)
    )
    form.refresh_from_db()
    assert not form.live and form.description == "Retired in May"
    assert not form.has_draft_changes


def test_the_edit_page_links_to_build_versions_and_clone(send_team):
    form = FormDefinitionFactory()
    page = send_team.get(f"{FORMS}edit/{form.pk}/").text
    for link in ("build", "versions", "clone"):
        assert f"{FORMS}{link}/{form.pk}/" in page, link


def test_only_a_form_that_was_never_published_can_be_deleted(send_team):
    draft = form_with_questions()
    published = published_form()
    listing = send_team.get(FORMS).text
    assert f"{FORMS}delete/{draft.pk}/" in listing
    assert f"{FORMS}delete/{published.pk}/" not in listing
    assert (
        f"{FORMS}delete/{published.pk}/" not in send_team.get(f"{FORMS}edit/{published.pk}/").text
    )

    send_team.post(f"{FORMS}delete/{draft.pk}/")
    assert not FormDefinition.objects.filter(pk=draft.pk).exists()
    assert Question.objects.count() == 4  # the bank keeps its questions

    response = send_team.post(f"{FORMS}delete/{published.pk}/", follow=True)
    assert "has published versions, so it cannot be deleted" in response.text
    assert FormDefinition.objects.filter(pk=published.pk).exists()


# -- the Build page ------------------------------------------------------------------------


def test_the_build_page_shows_the_groups_and_their_questions_in_order(send_team):
    form = FormDefinitionFactory(code="EHC_REQ")
    about = GroupFactory(form=form, number=2, name_en="About your child")
    contacts = GroupFactory(form=form, number=3, name_en="Contacts", repeating=True)
    place(
        about,
        QuestionFactory(code="CHILD_VIEWS", label_en="What does your child enjoy?", mandatory=True),
        QuestionFactory(code="CHILD_DOB", label_en="Date of birth", data_type="date"),
    )
    place(contacts, QuestionFactory(code="CONTACT_NAME", label_en="Name"))
    response = send_team.get(f"{FORMS}build/{form.pk}/")
    text = response.text
    assert "Group 1 is always the automatic “Subject details” step" in text
    assert rows(response) == ["CHILD_VIEWS", "CHILD_DOB", "CONTACT_NAME"]
    assert text.index("2. About your child") < text.index("3. Contacts")
    assert "Repeats" in text
    for words in ("What does your child enjoy?", "Date", "Text", "Mandatory"):
        assert words in text
    assert "Not published yet" in text
    assert f"{FORMS}groups/{about.pk}/edit/" in text
    assert f"{FORMS}groups/{about.pk}/delete/" in text
    assert f"{FORMS}groups/{contacts.pk}/questions/" in text
    assert f"{FORMS}build/{form.pk}/groups/new/" in text
    assert f"{FORMS}build/{form.pk}/publish/" in text


def test_the_build_page_costs_the_same_queries_for_5_or_200_questions(
    send_team, django_assert_max_num_queries
):
    small = form_with_questions(groups=((2, False, 3), (3, True, 2)))
    send_team.get(f"{FORMS}build/{small.pk}/")
    few = queries(send_team, f"{FORMS}build/{small.pk}/")
    large = form_with_questions(groups=[(number, number % 2 == 0, 25) for number in range(2, 10)])
    assert GroupQuestion.objects.filter(form=large).count() == 200
    with django_assert_max_num_queries(few):
        response = send_team.get(f"{FORMS}build/{large.pk}/")
    assert len(rows(response)) == 200


# -- groups ----------------------------------------------------------------------------------


def test_a_new_group_is_numbered_after_the_last_one_by_default(send_team):
    form = form_with_questions(groups=((2, False, 1), (5, False, 1)))
    page = send_team.get(f"{FORMS}build/{form.pk}/groups/new/")
    assert page.context["form"].initial["number"] == 6
    assert "Group name (English)" in page.text
    assert "Step 1 is always the automatic “Subject details” step" in page.text
    response = send_team.post(
        f"{FORMS}build/{form.pk}/groups/new/",
        {
            "name_en": "Contacts",
            "name_cy": "Cysylltiadau",
            "guidance_en": "People who know your child.",
            "guidance_cy": "Pobl sy'n adnabod eich plentyn.",
            "number": 6,
            "repeating": "on",
        },
    )
    group = form.groups.get(number=6)
    assert response.url == f"{FORMS}build/{form.pk}/#group-{group.pk}"
    assert group.repeating and group.name_cy == "Cysylltiadau"
    form.refresh_from_db()
    assert form.has_draft_changes


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"number": 1}, "Numbers start from 2: step 1 is always the subject"),
        ({"name_en": "x" * 301}, "at most 300 characters"),
        ({"name_en": ""}, "This field is required"),
    ],
)
def test_a_group_needs_a_name_of_up_to_300_characters_and_a_number_from_2(
    send_team, changes, error
):
    form = FormDefinitionFactory()
    data = {"name_en": "Contacts", "number": 2, **changes}
    response = send_team.post(f"{FORMS}build/{form.pk}/groups/new/", data)
    assert response.status_code == 200
    assert error in response.text
    assert not form.groups.exists()


def test_editing_a_group_of_a_published_form_marks_an_unpublished_change(send_team):
    form = published_form()
    group = form.groups.get()
    send_team.post(
        f"{FORMS}groups/{group.pk}/edit/", {"name_en": "Renamed", "number": 2, "repeating": "on"}
    )
    group.refresh_from_db()
    form.refresh_from_db()
    assert group.name_en == "Renamed" and group.repeating
    assert form.has_draft_changes
    assert form.live_version.schema["groups"][0]["name"]["en"] != "Renamed"
    page = send_team.get(f"{FORMS}build/{form.pk}/").text
    assert "changes that are not published yet" in page
    assert "uses version 1 until you publish again" in page


def test_deleting_a_group_asks_first_then_takes_its_questions_off_the_form(send_team):
    form = form_with_questions(groups=((2, False, 2), (3, False, 1)))
    group = form.groups.get(number=2)
    page = send_team.get(f"{FORMS}groups/{group.pk}/delete/").text
    assert "take its 2 questions off this form" in page
    assert "The questions stay in the question bank" in page
    assert form.groups.count() == 2  # nothing happens before confirming
    response = send_team.post(f"{FORMS}groups/{group.pk}/delete/")
    assert response.url == f"{FORMS}build/{form.pk}/"
    assert list(form.groups.values_list("number", flat=True)) == [3]
    assert GroupQuestion.objects.filter(form=form).count() == 1
    assert Question.objects.count() == 3


# -- questions in a group ------------------------------------------------------------------


def test_questions_move_up_and_down_within_their_group(send_team):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form)
    place(group, *(QuestionFactory(code=code) for code in ("FIRST", "SECOND", "THIRD")))
    build = f"{FORMS}build/{form.pk}/"
    third = GroupQuestion.objects.get(question__code="THIRD")
    send_team.post(f"{FORMS}placements/{third.pk}/move/up/")
    assert rows(send_team.get(build)) == ["FIRST", "THIRD", "SECOND"]
    first = GroupQuestion.objects.get(question__code="FIRST")
    response = send_team.post(f"{FORMS}placements/{first.pk}/move/down/")
    assert response.url == f"{build}#group-{group.pk}"
    assert rows(send_team.get(build)) == ["THIRD", "FIRST", "SECOND"]
    assert send_team.post(f"{FORMS}placements/{first.pk}/move/sideways/").status_code == 404
    assert send_team.get(f"{FORMS}placements/{first.pk}/move/up/").status_code == 405


def test_removing_a_question_takes_it_off_the_group_but_keeps_it_in_the_bank(send_team):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form)
    place(group, QuestionFactory(code="KEEP"), QuestionFactory(code="DROP"))
    drop = GroupQuestion.objects.get(question__code="DROP")
    response = send_team.post(f"{FORMS}placements/{drop.pk}/remove/", follow=True)
    assert "Question DROP has been taken off group" in response.text
    assert rows(response) == ["KEEP"]
    assert Question.objects.filter(code="DROP").exists()


def test_the_picker_lists_bank_questions_not_on_the_form_and_searches_them(send_team):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form)
    place(group, QuestionFactory(code="ON_FORM", label_en="Already asked"))
    QuestionFactory(code="CHILD_NAME", label_en="Child's name", label_cy="Enw'r plentyn")
    QuestionFactory(code="SCHOOL", label_en="Which school does the child go to?")
    picker = f"{FORMS}groups/{group.pk}/questions/"
    assert rows(send_team.get(picker)) == ["CHILD_NAME", "SCHOOL"]
    assert rows(send_team.get(picker, {"q": "school"})) == ["SCHOOL"]
    assert rows(send_team.get(picker, {"q": "child"})) == ["CHILD_NAME", "SCHOOL"]
    assert rows(send_team.get(picker, {"q": "plentyn"})) == ["CHILD_NAME"]
    assert rows(send_team.get(picker, {"q": "on_form"})) == []


def test_each_add_button_in_the_picker_names_its_question_for_screen_readers(send_team):
    group = GroupFactory(form=FormDefinitionFactory())
    QuestionFactory(code="CHILD_NAME")
    QuestionFactory(code="SCHOOL")
    page = send_team.get(f"{FORMS}groups/{group.pk}/questions/").text
    buttons = re.findall(
        r"<button type=\"submit\" class=\"button button-small\"[^>]*>(.*?)</button>", page
    )
    # The accessible name is the button's own text (visible "Add" plus visually hidden code),
    # so it survives translation and speech input matches the visible label.
    names = [" ".join(re.sub(r"<[^>]+>", "", button).split()) for button in buttons]
    assert names == ["Add CHILD_NAME", "Add SCHOOL"]


def test_adding_a_question_puts_it_last_in_the_group(send_team):
    form = FormDefinitionFactory()
    group = GroupFactory(form=form)
    place(group, QuestionFactory(code="FIRST"))
    school = QuestionFactory(code="SCHOOL")
    response = send_team.post(
        f"{FORMS}groups/{group.pk}/questions/", {"question": school.pk}, follow=True
    )
    assert "Question SCHOOL has been added to group" in response.text
    assert rows(response) == ["FIRST", "SCHOOL"]


def test_a_question_already_on_the_form_is_refused_with_the_group_it_is_in(send_team):
    form = FormDefinitionFactory()
    first = GroupFactory(form=form, number=2)
    second = GroupFactory(form=form, number=3)
    question = QuestionFactory(code="CHILD_NAME")
    place(first, question)
    response = send_team.post(
        f"{FORMS}groups/{second.pk}/questions/", {"question": question.pk}, follow=True
    )
    assert "Question CHILD_NAME is already on this form, in group 2." in response.text
    assert GroupQuestion.objects.filter(question=question).count() == 1


# -- renumbering -----------------------------------------------------------------------------


def test_repeated_numbers_and_gaps_are_shown_and_renumbering_fixes_them(send_team):
    form = FormDefinitionFactory()
    for number, name in ((3, "First"), (3, "Second"), (6, "Third")):
        GroupFactory(form=form, number=number, name_en=name)
    build = send_team.get(f"{FORMS}build/{form.pk}/").text
    assert "More than one group has the number 3." in build
    assert "No group has the number 2, 4, 5." in build
    assert f"{FORMS}build/{form.pk}/renumber/" in build

    confirm = send_team.get(f"{FORMS}build/{form.pk}/renumber/").text
    assert "numbered 2, 3, 4… in their current order" in confirm
    assert list(form.groups.values_list("number", flat=True)) == [3, 3, 6]

    send_team.post(f"{FORMS}build/{form.pk}/renumber/")
    numbers = dict(form.groups.values_list("name_en", "number"))
    assert numbers == {"First": 2, "Second": 3, "Third": 4}
    assert "Renumber groups" not in send_team.get(f"{FORMS}build/{form.pk}/").text


# -- publishing ------------------------------------------------------------------------------


def test_publishing_explains_what_is_missing(send_team):
    form = FormDefinitionFactory()
    response = send_team.post(f"{FORMS}build/{form.pk}/publish/")
    assert "Add at least one question group." in response.text
    group = GroupFactory(form=form, number=2)
    place(group, QuestionFactory(code="COLOUR", data_type="choice"))
    GroupFactory(form=form, number=3)
    response = send_team.post(f"{FORMS}build/{form.pk}/publish/")
    assert "Group 3 has no questions." in response.text
    assert "Question COLOUR is a choice from a list but has no list items." in response.text
    assert not FormVersion.objects.exists()


def test_publishing_makes_a_new_live_version_and_the_build_page_says_so(send_team):
    form = FormDefinitionFactory(code="EHC_REQ")
    group = GroupFactory(form=form)
    question = QuestionFactory(data_type="choice")
    ChoiceFactory(question=question)
    place(group, question)
    response = send_team.post(f"{FORMS}build/{form.pk}/publish/", follow=True)
    assert "Version 1 of EHC_REQ has been published." in response.text
    assert "the same as the published version 1" in response.text
    version = FormVersion.objects.get()
    assert version.published_by == send_team.user
    form.refresh_from_db()
    assert form.live_version == version and not form.has_draft_changes

    send_team.post(f"{FORMS}groups/{group.pk}/edit/", {"name_en": "New name", "number": 2})
    response = send_team.post(f"{FORMS}build/{form.pk}/publish/", follow=True)
    assert "Version 2 of EHC_REQ has been published." in response.text
    form.refresh_from_db()
    assert form.live_version.number == 2
    assert FormVersion.objects.get(number=1).schema["groups"][0]["name"]["en"] != "New name"
    assert send_team.get(f"{FORMS}build/{form.pk}/publish/").status_code == 405


# -- cloning ---------------------------------------------------------------------------------


def test_cloning_makes_a_draft_copy_with_a_new_code_and_opens_it(send_team):
    form = published_form(code="EHC_REQ", groups=((2, False, 2), (3, True, 1)))
    page = send_team.get(f"{FORMS}clone/{form.pk}/")
    assert "Code of the new form" in page.text
    response = send_team.post(
        f"{FORMS}clone/{form.pk}/", {"code": " ehc_req_2025 ", "title_en": "EHC request 2025"}
    )
    copy = FormDefinition.objects.get(code="EHC_REQ_2025")
    assert response.url == f"{FORMS}edit/{copy.pk}/"
    assert copy.title_en == "EHC request 2025" and not copy.live
    assert copy.live_version is None
    assert list(copy.groups.values_list("number", "repeating")) == [(2, False), (3, True)]
    assert GroupQuestion.objects.filter(form=copy).count() == 3
    edit = send_team.get(response.url).text
    assert "EHC_REQ has been cloned" in edit


def test_cloning_with_a_code_in_use_shows_the_error_on_the_page(send_team):
    form = FormDefinitionFactory(code="EHC_REQ")
    FormDefinitionFactory(code="TAKEN")
    response = send_team.post(f"{FORMS}clone/{form.pk}/", {"code": "taken"})
    assert response.status_code == 200
    assert "already exists" in response.text
    response = send_team.post(f"{FORMS}clone/{form.pk}/", {"code": "NOT VALID"})
    assert "Use only capital letters" in response.text
    assert FormDefinition.objects.count() == 2


# -- the version history ---------------------------------------------------------------------


def test_the_version_history_lists_versions_with_english_and_welsh_previews(send_team):
    publisher = UserFactory(first_name="Dafydd", last_name="Jones")
    form = published_form(publisher=publisher)
    builder.mark_changed(form)
    builder.publish(form, send_team.user)
    response = send_team.get(f"{FORMS}versions/{form.pk}/")
    text = response.text
    assert re.findall(r'data-version="(\d+)"', text) == ["2", "1"]
    assert "Dafydd Jones" in text and "Sian Builder" in text
    assert text.count("Live version") == 1
    assert text.index("Live version") < text.index('data-version="1"')
    for number in (1, 2):
        assert f'href="/send/preview/{form.pk}/{number}/"' in text
        assert f'href="/cy/send/preview/{form.pk}/{number}/"' in text
    assert f'href="/send/preview/{form.pk}/draft/"' in text
    assert f'href="/cy/send/preview/{form.pk}/draft/"' in text


def test_the_version_history_pages_and_costs_the_same_queries_for_5_or_300_versions(
    send_team, django_assert_max_num_queries
):
    def with_versions(count):
        form = published_form()
        FormVersion.objects.bulk_create(
            FormVersion(form=form, number=number, schema={}, published_by=send_team.user)
            for number in range(2, count + 1)
        )
        return form

    small = with_versions(5)
    send_team.get(f"{FORMS}versions/{small.pk}/")
    few = queries(send_team, f"{FORMS}versions/{small.pk}/")
    large = with_versions(300)
    with django_assert_max_num_queries(few):
        response = send_team.get(f"{FORMS}versions/{large.pk}/")
    numbers = re.findall(r'data-version="(\d+)"', response.text)
    assert numbers[0] == "300" and len(numbers) == 50
    last = send_team.get(f"{FORMS}versions/{large.pk}/", {"p": 6}).text
    assert re.findall(r'data-version="(\d+)"', last)[-1] == "1"


def test_a_form_never_published_has_an_empty_history_with_a_draft_preview(send_team):
    form = FormDefinitionFactory()
    text = send_team.get(f"{FORMS}versions/{form.pk}/").text
    assert "This form has not been published yet." in text
    assert f'href="/cy/send/preview/{form.pk}/draft/"' in text
