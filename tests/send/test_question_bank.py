"""The SEND team's question bank in the Wagtail admin: finding questions, adding and editing
them under the code and list item rules, and the lock a published form puts on a question."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from plugins.send.builder import services as builder
from plugins.send.models import Question, QuestionChoice
from tests.conftest import sign_in_verified
from tests.factories import UserFactory
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    QuestionFactory,
    place,
)

pytestmark = pytest.mark.django_db

BANK = "/admin/send/questions/"
LOCKED_MESSAGE = "is used by a published form, so only “answer can be inherited multiple times”"


def staff(*codenames):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    group = Group.objects.create(name="Staff " + "-".join(codenames))
    for codename in ("access_admin", *codenames):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def form_builder(client):
    return sign_in_verified(client, staff("build_forms"))


def publish(*questions, versions=1):
    """Put ``questions`` on a new form and publish it ``versions`` times."""
    form = FormDefinitionFactory()
    place(GroupFactory(form=form), *questions)
    for _ in range(versions):
        builder.publish(form)
    return form


def question_data(items=(), **fields):
    """What the add or edit page posts for a question and its list items."""
    data = {
        "code": "CHILD_NAME",
        "label_en": "What is your child's name?",
        "label_cy": "Beth yw enw eich plentyn?",
        "hint_en": "",
        "hint_cy": "",
        "data_type": "text",
        "max_length": "",
        **fields,
    }
    data["choices"] = inline_formset(list(items))
    return nested_form_data(data)


def add(client, items=(), **fields):
    return client.post(f"{BANK}new/", question_data(items, **fields))


def errors(response):
    form = response.context["form"]
    found = {name: list(messages) for name, messages in form.errors.items()}
    for formset in form.formsets.values():
        for index, item in enumerate(formset.forms):
            for name, messages in item.errors.items():
                found[f"item {index} {name}"] = list(messages)
    return found


# -- who may use it ------------------------------------------------------------------------


def test_staff_without_the_form_builder_permission_cannot_open_the_question_bank(client):
    question = QuestionFactory()
    sign_in_verified(client, staff())
    for url in (
        BANK,
        f"{BANK}results/?q=Q",
        f"{BANK}new/",
        f"{BANK}edit/{question.pk}/",
        f"{BANK}delete/{question.pk}/",
        f"{BANK}history/{question.pk}/",
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain[0][1] == 302, url
        assert "Sorry, you do not have permission to access this area." in response.text, url
    response = client.post(f"{BANK}delete/{question.pk}/")
    assert response.status_code == 302
    assert Question.objects.filter(pk=question.pk).exists()
    links = menu_links(client.get("/admin/").text)
    assert not [path for path, url in links if "Question bank" in path or url == BANK]


def menu_links(page):
    """The admin sidebar's links, each as (path of menu labels, URL)."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    found = []

    def walk(node, path):
        if isinstance(node, dict):
            args = node.get("_args")
            if node.get("_type", "").endswith("MenuItem") and args:
                here = [*path, args[0]["label"]]
                if "url" in args[0]:
                    found.append((here, args[0]["url"]))
                for child in args[1:]:
                    walk(child, here)
                return
            for value in node.values():
                walk(value, path)
        elif isinstance(node, list):
            for value in node:
                walk(value, path)

    walk(json.loads(props.group(1)), [])
    return found


def test_form_builders_find_the_question_bank_under_portal_and_send_form_builder(form_builder):
    links = menu_links(form_builder.get("/admin/").text)
    assert (["Portal", "SEND", "Question bank"], BANK) in links
    response = form_builder.get(BANK)
    assert response.status_code == 200
    assert "Question bank" in response.text


# -- the listing -------------------------------------------------------------------------


def rows(response):
    return {question.code: question for question in response.context["object_list"]}


def table(response):
    """The listing as a user reads it: each row's cells' words, by the question's code."""
    soup = BeautifulSoup(response.text, "html.parser")
    found = {}
    for row in soup.select("table.listing tbody tr"):
        cells = [" ".join(cell.stripped_strings) for cell in row.find_all("td")]
        found[cells[0].split()[0]] = cells
    return found


def test_the_listing_shows_code_question_type_missing_welsh_and_lock(form_builder):
    QuestionFactory(code="CHILD_NAME", label_en="Child's name", label_cy="Enw'r plentyn")
    QuestionFactory(code="SCHOOL", label_en="Which school?", label_cy="", hint_en="Its name")
    contact = QuestionFactory(code="CONTACT_BY", data_type="choice", label_en="How to contact")
    ChoiceFactory(question=contact, label_en="Email", label_cy="E-bost")
    ChoiceFactory(question=contact, label_en="Phone", label_cy="")
    dob = QuestionFactory(code="DOB", data_type="date", label_en="Date of birth")
    publish(dob)

    response = form_builder.get(BANK)

    assert table(response) == {
        "CHILD_NAME": ["CHILD_NAME Edit Delete", "Child's name", "Text", "Complete", ""],
        "CONTACT_BY": [
            "CONTACT_BY Edit Delete",
            "How to contact",
            "Choice from a list",
            "Missing, English shown: list items",
            "",
        ],
        # A locked question offers no "Delete".
        "DOB": ["DOB Edit", "Date of birth", "Date", "Complete", "Locked"],
        "SCHOOL": [
            "SCHOOL Edit Delete",
            "Which school?",
            "Text",
            "Missing, English shown: question, hint",
            "",
        ],
    }
    assert "4 questions" in response.text
    assert f"{BANK}delete/{contact.pk}/" in response.text
    assert f"{BANK}delete/{dob.pk}/" not in response.text


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("child_na", ["CHILD_NAME"]),
        ("SCHOOL", ["SCHOOL"]),
        ("ysgol", ["SCHOOL"]),
        ("which school", ["SCHOOL"]),
        ("enw", ["CHILD_NAME"]),
        ("nothing like it", []),
    ],
)
def test_editors_search_by_code_or_english_or_welsh_question(form_builder, search, found):
    QuestionFactory(code="CHILD_NAME", label_en="Child's name", label_cy="Enw'r plentyn")
    QuestionFactory(code="SCHOOL", label_en="Which school?", label_cy="Pa ysgol?")
    response = form_builder.get(BANK, {"q": search})
    assert list(rows(response)) == found


def test_editors_filter_the_bank_by_data_type(form_builder):
    QuestionFactory(code="CHILD_NAME")
    QuestionFactory(code="DOB", data_type="date")
    assert list(rows(form_builder.get(BANK, {"data_type": "date"}))) == ["DOB"]


@pytest.mark.parametrize("search", [{}, {"q": "cwestiwn"}], ids=["listing", "searching"])
def test_the_listing_takes_the_same_queries_for_5_or_200_questions_and_50_versions(
    form_builder, django_assert_max_num_queries, search
):
    QuestionFactory.create_batch(5)
    form_builder.get(BANK, search)  # the first request warms caches (content types, settings)
    with CaptureQueriesContext(connection) as few:
        assert len(rows(form_builder.get(BANK, search))) == 5

    questions = QuestionFactory.create_batch(195)
    publish(*questions[:10], versions=50)
    publish(*questions[10:60])
    for question in questions[:20]:
        ChoiceFactory(question=question, label_cy="")
    with django_assert_max_num_queries(len(few)):
        response = form_builder.get(BANK, search)
    listed = response.context["object_list"]
    assert len(listed) == 50
    assert sum(question.locked for question in listed) == 45


# -- adding a question -------------------------------------------------------------------


def test_a_form_builder_adds_a_choice_question_with_english_and_welsh_items(form_builder):
    response = form_builder.get(f"{BANK}new/")
    assert response.status_code == 200
    for label in ("Question code", "Question (Welsh)", "Hint (Welsh)", "List items"):
        assert label in response.text
    for label in ("Answer is mandatory", "Answer appears in the chronology"):
        assert label in response.text

    response = add(
        form_builder,
        items=[
            {"label_en": "By email", "label_cy": "Drwy e-bost", "value": ""},
            {"label_en": "By phone", "label_cy": "Dros y ffôn", "value": "PHONE"},
        ],
        code="CONTACT_BY",
        data_type="choice",
        mandatory="on",
        inherit_multiple="on",
    )

    assert response.status_code == 302, errors(response)
    question = Question.objects.get(code="CONTACT_BY")
    assert question.mandatory and question.inherit_multiple and not question.in_chronology
    assert [(c.value, c.label_en, c.label_cy) for c in question.choices.all()] == [
        ("by-email", "By email", "Drwy e-bost"),
        ("PHONE", "By phone", "Dros y ffôn"),
    ]


@pytest.mark.parametrize(
    "pasted",
    [" CHILD_NAME\n", "CHILD_NAME\r\n", "\tCHILD_NAME ", "child_name", "  Child_Name\n"],
)
def test_a_pasted_or_lower_case_code_is_stored_trimmed_in_capitals(form_builder, pasted):
    response = add(form_builder, code=pasted)
    assert response.status_code == 302, errors(response)
    assert list(Question.objects.values_list("code", flat=True)) == ["CHILD_NAME"]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ZCHILD", "Codes starting with Z are reserved for the council&#x27;s case system."),
        ("zchild", "Codes starting with Z are reserved for the council&#x27;s case system."),
        ("CHILD NAME", "Use only capital letters, digits and underscores, with no spaces."),
        ("CHILD\nNAME", "Use only capital letters, digits and underscores, with no spaces."),
        ("CHILD-NAME", "Use only capital letters, digits and underscores, with no spaces."),
        ("ENW_PLENTYN_Ŵ", "Use only capital letters, digits and underscores, with no spaces."),
        (" \n ", "This field is required."),
        ("A" * 31, "Ensure this value has at most 30 characters (it has 31)."),
    ],
)
def test_bad_codes_are_refused_with_a_clear_message(form_builder, code, message):
    response = add(form_builder, code=code)
    assert response.status_code == 200
    assert message in response.text
    assert "code" in errors(response)
    assert not Question.objects.exists()


@pytest.mark.parametrize("again", ["CHILD_NAME", " child_name\n"])
def test_a_code_already_in_the_bank_is_refused(form_builder, again):
    QuestionFactory(code="CHILD_NAME")
    response = add(form_builder, code=again, label_en="Another question")
    assert errors(response) == {"code": ["A question with code CHILD_NAME already exists."]}
    assert Question.objects.get().label_en != "Another question"


@pytest.mark.parametrize("data_type", ["integer", "decimal", "yes_no", "date", "file", "image"])
def test_a_maximum_length_is_only_for_text_and_memo(form_builder, data_type):
    response = add(form_builder, data_type=data_type, max_length="50")
    assert errors(response) == {
        "max_length": ["A maximum length applies only to text and memo questions."]
    }
    assert not Question.objects.exists()


@pytest.mark.parametrize("data_type", ["text", "memo"])
def test_text_and_memo_questions_take_a_maximum_length_of_at_least_one(form_builder, data_type):
    response = add(form_builder, data_type=data_type, max_length="0")
    assert errors(response) == {"max_length": ["Ensure this value is greater than or equal to 1."]}
    response = add(form_builder, data_type=data_type, max_length="200")
    assert response.status_code == 302
    assert Question.objects.get().max_length == 200


def test_a_choice_question_needs_a_list_item(form_builder):
    response = add(form_builder, data_type="choice")
    assert errors(response) == {
        "data_type": ["A choice from a list needs at least one list item. Add the items below."]
    }
    deleted = [{"label_en": "Yes", "label_cy": "Ie", "value": "", "DELETE": "on"}]
    response = add(form_builder, items=deleted, data_type="choice")
    assert "data_type" in errors(response)
    assert not Question.objects.exists()


def test_only_a_choice_question_has_list_items(form_builder):
    response = add(form_builder, items=[{"label_en": "Yes", "label_cy": "Ie"}], data_type="text")
    assert errors(response) == {
        "data_type": [
            "Only a choice from a list has list items. Delete the list items, or choose "
            "“Choice from a list”."
        ]
    }
    assert not Question.objects.exists() and not QuestionChoice.objects.exists()


@pytest.mark.parametrize(
    "items",
    [
        [{"label_en": "Mum", "value": "PARENT"}, {"label_en": "Dad", "value": " PARENT "}],
        [{"label_en": "Other", "value": ""}, {"label_en": "Something else", "value": "other"}],
    ],
)
def test_list_item_stored_values_are_unique_within_a_question(form_builder, items):
    response = add(form_builder, items=items, data_type="choice")
    found = errors(response)
    assert list(found) == ["item 1 value"]
    assert "Give each item its own stored value." in found["item 1 value"][0]
    assert not Question.objects.exists()


def test_the_same_stored_value_may_be_used_by_two_questions(form_builder):
    ChoiceFactory(value="YES", question__code="FIRST")
    response = add(form_builder, items=[{"label_en": "Yes", "value": "YES"}], data_type="choice")
    assert response.status_code == 302, errors(response)


# -- editing a question no published form uses ------------------------------------------------


def test_a_question_only_on_a_draft_form_can_be_edited_code_and_all(form_builder):
    question = QuestionFactory(code="OLD_CODE", data_type="choice")
    item = ChoiceFactory(question=question, label_en="Yes", label_cy="Ie", value="Y")
    place(GroupFactory(), question)
    response = form_builder.get(f"{BANK}edit/{question.pk}/")
    assert 'name="code"' in response.text and "This question is locked" not in response.text

    items = [{"id": str(item.pk), "label_en": "Yes", "label_cy": "Ie", "value": "Y"}]
    data = question_data(
        items, code="new_code ", label_en="Changed", data_type="choice", mandatory="on"
    )
    data["choices-INITIAL_FORMS"] = "1"
    response = form_builder.post(f"{BANK}edit/{question.pk}/", data)

    assert response.status_code == 302, errors(response)
    question.refresh_from_db()
    assert (question.code, question.label_en, question.mandatory) == ("NEW_CODE", "Changed", True)
    assert list(question.choices.values_list("label_en", flat=True)) == ["Yes"]


def test_editing_keeps_the_code_rules(form_builder):
    QuestionFactory(code="TAKEN")
    question = QuestionFactory(code="MINE")
    response = form_builder.post(f"{BANK}edit/{question.pk}/", question_data(code="taken"))
    assert errors(response) == {"code": ["A question with code TAKEN already exists."]}
    response = form_builder.post(f"{BANK}edit/{question.pk}/", question_data(code="MINE\n"))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.code == "MINE"


# -- a locked question ------------------------------------------------------------------------


@pytest.fixture
def locked():
    question = QuestionFactory(
        code="CONTACT_BY", data_type="choice", label_en="How to contact", label_cy="Sut"
    )
    ChoiceFactory(question=question, label_en="Email", label_cy="E-bost", value="EMAIL")
    publish(question)
    return question


def test_a_locked_question_is_shown_read_only_but_for_inheriting_multiple_times(
    form_builder, locked
):
    response = form_builder.get(f"{BANK}edit/{locked.pk}/")
    page = response.text
    assert response.status_code == 200
    assert "This question is locked: a published version of form FORM_" in page
    for name in ("code", "label_en", "label_cy", "data_type", "mandatory", "choices-TOTAL_FORMS"):
        assert f'name="{name}"' not in page, name
    assert 'name="inherit_multiple"' in page
    for shown in ("CONTACT_BY", "How to contact", "Choice from a list", "E-bost", "EMAIL"):
        assert shown in page
    assert f"{BANK}delete/{locked.pk}/" not in page


def test_a_locked_question_can_still_be_inherited_multiple_times(form_builder, locked):
    page = form_builder.get(f"{BANK}edit/{locked.pk}/").text
    data = querydict_from_html(page, form_id="w-editor-form")
    data["inherit_multiple"] = "on"

    response = form_builder.post(f"{BANK}edit/{locked.pk}/", data)

    assert response.status_code == 302, errors(response)
    locked.refresh_from_db()
    assert locked.inherit_multiple
    assert (locked.code, locked.label_en, locked.data_type) == (
        "CONTACT_BY",
        "How to contact",
        "choice",
    )
    assert list(locked.choices.values_list("value", flat=True)) == ["EMAIL"]


@pytest.mark.parametrize(
    "change",
    [
        {"code": "NEW_CODE"},
        {"label_en": "Changed words"},
        {"label_cy": ""},
        {"hint_cy": "Awgrym newydd"},
        {"data_type": "text"},
        {"mandatory": "on"},
        {"max_length": "5"},
    ],
)
def test_a_crafted_change_to_a_locked_question_is_refused_and_nothing_changes(
    form_builder, locked, change
):
    before = Question.objects.filter(pk=locked.pk).values().get()
    response = form_builder.post(
        f"{BANK}edit/{locked.pk}/", {"inherit_multiple": "on", **change}, follow=True
    )
    assert response.status_code == 200
    assert "Question CONTACT_BY " + LOCKED_MESSAGE in response.text
    assert Question.objects.filter(pk=locked.pk).values().get() == before


def test_a_crafted_change_to_a_locked_questions_list_items_is_refused(form_builder, locked):
    item = locked.choices.get()
    for items in (
        [{"id": str(item.pk), "label_en": "Post", "label_cy": "Post", "value": "EMAIL"}],
        [
            {"id": str(item.pk), "label_en": "Email", "label_cy": "E-bost", "value": "EMAIL"},
            {"label_en": "Phone"},
        ],
        [
            {
                "id": str(item.pk),
                "label_en": "Email",
                "label_cy": "E-bost",
                "value": "EMAIL",
                "DELETE": "on",
            }
        ],
        [],
    ):
        data = nested_form_data({"choices": inline_formset(items, initial=1)})
        response = form_builder.post(f"{BANK}edit/{locked.pk}/", data)
        assert LOCKED_MESSAGE in str(errors(response)), items
    assert list(locked.choices.values_list("label_en", "value")) == [("Email", "EMAIL")]


def test_resending_a_locked_questions_unchanged_words_is_not_a_change(form_builder, locked):
    item = locked.choices.get()
    items = [{"id": str(item.pk), "label_en": "Email", "label_cy": "E-bost", "value": "EMAIL"}]
    data = question_data(
        items, code=" contact_by", label_en="How to contact", label_cy="Sut", data_type="choice"
    )
    data["choices-INITIAL_FORMS"] = "1"
    data["inherit_multiple"] = "on"
    response = form_builder.post(f"{BANK}edit/{locked.pk}/", data)
    assert response.status_code == 302, errors(response)
    locked.refresh_from_db()
    assert locked.inherit_multiple


# -- deleting ---------------------------------------------------------------------------------


def test_an_unused_question_is_deleted_after_wagtails_confirmation(form_builder):
    question = QuestionFactory(code="UNUSED", data_type="choice")
    ChoiceFactory(question=question)
    response = form_builder.get(f"{BANK}delete/{question.pk}/")
    assert response.status_code == 200
    assert "Are you sure you want to delete this question?" in response.text
    response = form_builder.post(f"{BANK}delete/{question.pk}/", follow=True)
    assert "deleted" in response.text
    assert not Question.objects.exists() and not QuestionChoice.objects.exists()


def test_a_locked_question_cannot_be_deleted(form_builder, locked):
    for method in (form_builder.get, form_builder.post):
        response = method(f"{BANK}delete/{locked.pk}/", follow=True)
        assert response.redirect_chain[-1][0] == BANK
        assert (
            "Question CONTACT_BY is used by a published form, so it cannot be deleted."
            in response.text
        )
    assert Question.objects.filter(pk=locked.pk).exists()
    assert f"{BANK}delete/{locked.pk}/" not in form_builder.get(f"{BANK}edit/{locked.pk}/").text


def test_a_question_on_a_draft_form_cannot_be_deleted_and_the_message_names_the_forms(
    form_builder,
):
    question = QuestionFactory(code="ON_DRAFTS")
    place(GroupFactory(form=FormDefinitionFactory(code="EHC_REQUEST")), question)
    place(GroupFactory(form=FormDefinitionFactory(code="ANNUAL_REVIEW")), question)
    for method in (form_builder.get, form_builder.post):
        response = method(f"{BANK}delete/{question.pk}/", follow=True)
        assert "Question ON_DRAFTS is on form" in response.text
        assert "EHC_REQUEST" in response.text and "ANNUAL_REVIEW" in response.text
        assert "Take it off the form first." in response.text
    assert Question.objects.filter(pk=question.pk).exists()
