"""Moving a form definition between sites as a JSON file: the SEND team exports a form on the
test site and imports it on the live one (or another council's), checked before anything is
written."""

import copy
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from plugins.send.builder import services as builder
from plugins.send.builder import transfer
from plugins.send.builder.schema import FormSchema, build_schema
from plugins.send.models import (
    FormDefinition,
    GroupQuestion,
    Question,
    QuestionChoice,
    QuestionGroup,
)
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

IMPORT = "/admin/send/transfer/import/"


def ehc_request_form():
    """A draft with every kind of detail a file must carry, in English and Welsh."""
    form = FormDefinitionFactory(
        code="EHC_REQ",
        title_en="Request an EHC needs assessment",
        title_cy="Gofyn am asesiad o anghenion EHC",
        subtitle="Parents' request",
        description="Replaces the paper form.",
        live=False,
    )
    about = GroupFactory(
        form=form,
        number=2,
        name_en="About your child",
        name_cy="Am eich plentyn",
        guidance_en="Tell us what matters.",
        guidance_cy="Dywedwch wrthym beth sy'n bwysig.",
    )
    schools = GroupFactory(
        form=form, number=3, name_en="Schools", name_cy="Ysgolion", repeating=True
    )
    views = QuestionFactory(
        code="CHILD_VIEWS",
        label_en="What does your child think?",
        label_cy="Beth mae eich plentyn yn ei feddwl?",
        hint_en="In their own words",
        hint_cy="Yn eu geiriau eu hunain",
        data_type="memo",
        max_length=2000,
        mandatory=True,
    )
    support = QuestionFactory(code="SUPPORT", data_type="choice", in_chronology=True)
    ChoiceFactory(question=support, value="none", label_en="None", label_cy="Dim", sort_order=0)
    ChoiceFactory(
        question=support, value="sen", label_en="SEN support", label_cy="Cymorth AAA", sort_order=1
    )
    school = QuestionFactory(code="SCHOOL_NAME", inherit_multiple=True)
    started = QuestionFactory(code="SCHOOL_START", data_type="date")
    place(about, views, support)
    place(schools, school, started)
    return form


def exported_then_removed():
    """The file of a form whose definition this site no longer has (its questions stay in
    the bank, as on a site the form came from)."""
    form = ehc_request_form()
    data = transfer.export_form(form)
    form.delete()
    return data


def form_builder(*extra_codenames):
    user = UserFactory(is_staff=True, kind="staff", email_confirmed_at=timezone.now())
    group = Group.objects.create(name="SEND builders " + "-".join(extra_codenames))
    for codename in ("access_admin", *extra_codenames):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def upload(data, name="EHC_REQ.json"):
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def problems_of(data, **kwargs):
    with pytest.raises(ValidationError) as raised:
        transfer.import_form(data, **kwargs)
    return raised.value.messages


# -- export and round trip ------------------------------------------------------------------


def test_a_form_exported_and_imported_under_a_new_code_is_the_same_form_in_both_languages():
    form = ehc_request_form()
    questions_before = Question.objects.count()

    file_text = transfer.export_json(form)
    imported = transfer.import_form(file_text, code="ehc_req_copy")

    original, copied = build_schema(form), build_schema(imported)
    assert (original.pop("code"), copied.pop("code")) == ("EHC_REQ", "EHC_REQ_COPY")
    assert copied == original
    with translation.override("cy"):
        welsh = FormSchema(build_schema(imported))
        assert welsh.title == "Gofyn am asesiad o anghenion EHC"
        assert welsh.groups[0].name == "Am eich plentyn"
        assert welsh.questions["SUPPORT"].choices == [("none", "Dim"), ("sen", "Cymorth AAA")]
    assert (imported.subtitle, imported.description) == (
        "Parents' request",
        "Replaces the paper form.",
    )
    assert not imported.live and imported.live_version is None
    # Same site, same questions: the bank is shared, not copied.
    assert Question.objects.count() == questions_before


def test_the_file_holds_the_working_copy_and_says_nothing_about_being_live():
    form = ehc_request_form()
    builder.publish(form)
    FormDefinition.objects.filter(pk=form.pk).update(live=True)
    extra = QuestionFactory(code="LATER_QUESTION")
    builder.add_question(form.groups.get(number=3), extra)

    data = json.loads(transfer.export_json(form))

    assert (data["format"], data["format_version"]) == ("send-portal-form", 1)
    assert data["form"]["groups"][1]["questions"] == [
        "SCHOOL_NAME",
        "SCHOOL_START",
        "LATER_QUESTION",
    ]
    assert [q["code"] for q in data["questions"]] == [
        "CHILD_VIEWS",
        "SUPPORT",
        "SCHOOL_NAME",
        "SCHOOL_START",
        "LATER_QUESTION",
    ]
    assert "live" not in data["form"]
    assert data["form"]["title"] == {
        "en": "Request an EHC needs assessment",
        "cy": "Gofyn am asesiad o anghenion EHC",
    }


def test_importing_onto_an_empty_bank_creates_the_questions_with_their_list_items():
    data = exported_then_removed()
    Question.objects.all().delete()

    imported = transfer.import_form(data)

    assert imported.code == "EHC_REQ" and not imported.live
    views = Question.objects.get(code="CHILD_VIEWS")
    assert (views.label_cy, views.hint_cy, views.data_type, views.max_length, views.mandatory) == (
        "Beth mae eich plentyn yn ei feddwl?",
        "Yn eu geiriau eu hunain",
        "memo",
        2000,
        True,
    )
    assert Question.objects.get(code="SCHOOL_NAME").inherit_multiple
    assert list(
        QuestionChoice.objects.filter(question__code="SUPPORT")
        .order_by("sort_order")
        .values_list("value", "label_en", "label_cy")
    ) == [("none", "None", "Dim"), ("sen", "SEN support", "Cymorth AAA")]
    assert [
        (group.number, group.repeating, [item.question.code for item in group.items.all()])
        for group in imported.groups.order_by("number")
    ] == [(2, False, ["CHILD_VIEWS", "SUPPORT"]), (3, True, ["SCHOOL_NAME", "SCHOOL_START"])]


def test_questions_already_in_the_bank_are_reused_and_only_new_ones_created():
    data = exported_then_removed()
    kept = dict(Question.objects.values_list("code", "pk"))
    data["form"]["groups"][0]["questions"].append("NEW_QUESTION")
    data["questions"].append(
        {
            **data["questions"][0],
            "code": "NEW_QUESTION",
            "label": {"en": "Anything else?", "cy": "Unrhyw beth arall?"},
        }
    )

    imported = transfer.import_form(data)

    placed = dict(
        GroupQuestion.objects.filter(form=imported).values_list("question__code", "question_id")
    )
    assert {code: placed[code] for code in kept} == kept
    assert Question.objects.count() == len(kept) + 1
    assert Question.objects.get(code="NEW_QUESTION").label_cy == "Unrhyw beth arall?"


def test_a_question_defined_differently_on_this_site_stops_the_whole_import():
    data = exported_then_removed()
    Question.objects.filter(code="SCHOOL_START").delete()  # would be created
    Question.objects.filter(code="CHILD_VIEWS").update(label_cy="Rhywbeth arall", mandatory=False)
    ChoiceFactory(question=Question.objects.get(code="SUPPORT"), value="extra", sort_order=5)
    counts = (Question.objects.count(), QuestionChoice.objects.count())

    problems = problems_of(data)

    assert problems == [
        "Question CHILD_VIEWS already exists on this site with a different definition "
        "(question (Welsh), answer is mandatory). Rename it in the file, or make the two the "
        "same.",
        "Question SUPPORT already exists on this site with a different definition (list "
        "items). Rename it in the file, or make the two the same.",
    ]
    assert not FormDefinition.objects.exists() and not QuestionGroup.objects.exists()
    assert (Question.objects.count(), QuestionChoice.objects.count()) == counts


# -- files that cannot be imported ----------------------------------------------------------


def setting(value, *path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data

    return change


def removing(*path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return data

    return change


def renaming(code):
    """Give CHILD_VIEWS another code, in "questions" and in its group alike."""

    def change(data):
        data["questions"][0]["code"] = code
        data["form"]["groups"][0]["questions"][0] = code
        return data

    return change


def adding_to_group(number, code):
    def change(data):
        data["form"]["groups"][number]["questions"].append(code)
        return data

    return change


def describing_twice(data):
    data["questions"].append(copy.deepcopy(data["questions"][1]))
    return data


BAD_FILES = {
    "not JSON": (
        lambda data: b'{"format": "send-portal-form",',
        "The file is not valid JSON (Expecting property name enclosed in double quotes: line 1 "
        "column 31 (char 30)).",
    ),
    "not UTF-8": (
        lambda data: "{}".encode("utf-16"),
        "The file is not UTF-8 text, so it is not a form file from a SEND portal.",
    ),
    "not an object": (
        lambda data: b"[1, 2]",
        "The file should hold one JSON object ({…}), as the export makes.",
    ),
    "wrong format name": (
        setting("send-portal-page", "format"),
        "This is not a SEND portal form file: “format” should be “send-portal-form”.",
    ),
    "unsupported version": (
        setting(2, "format_version"),
        "The file is in format version 2, which this site cannot read. It reads version 1.",
    ),
    "too big": (
        lambda data: b" " * (2 * 1024 * 1024 + 1),
        "The file is larger than 2 MB, so it cannot be a form definition.",
    ),
    "form missing": (removing("form"), "form: this key is missing."),
    "title missing": (removing("form", "title"), "form.title: this key is missing."),
    "Welsh name missing": (
        removing("form", "groups", 0, "name", "cy"),
        "form.groups[0].name.cy: this key is missing.",
    ),
    "group question not a code": (
        adding_to_group(1, 5),
        "form.groups[1].questions[2]: should be a question code in quotes.",
    ),
    "group number as text": (
        setting("2", "form", "groups", 0, "number"),
        "form.groups[0].number: should be a whole number.",
    ),
    "flag as text": (
        setting("yes", "questions", 0, "mandatory"),
        "questions[0].mandatory: should be true or false.",
    ),
    "questions not a list": (
        setting({}, "questions"),
        "questions: should be a list ([…]) of the form's questions.",
    ),
    "lower-case code": (
        renaming("child_views"),
        "questions[0].code: Use only capital letters, digits and underscores, with no spaces.",
    ),
    "code with a space": (
        renaming("CHILD VIEWS"),
        "questions[0].code: Use only capital letters, digits and underscores, with no spaces.",
    ),
    "code starting with Z": (
        renaming("ZCHILD_VIEWS"),
        "questions[0].code: Codes starting with Z are reserved for the council's case system.",
    ),
    "code too long": (
        renaming("C" * 31),
        "questions[0].code: a question code has at most 30 characters.",
    ),
    "unknown data type": (
        setting("colour", "questions", 0, "data_type"),
        "questions[0].data_type: “colour” is not a data type. Use one of: text, memo, "
        "integer, decimal, yes_no, date, choice, file, image.",
    ),
    "choice question without items": (
        setting([], "questions", 1, "choices"),
        "questions[1].choices: a choice question needs at least one list item.",
    ),
    "two items storing the same value": (
        setting("none", "questions", 1, "choices", 1, "value"),
        "questions[1].choices[1].value: another item of this question already stores “none”.",
    ),
    "question not in the file": (
        adding_to_group(1, "NOT_THERE"),
        "form.groups[1].questions[2]: question NOT_THERE is not described in “questions”.",
    ),
    "question twice on the form": (
        adding_to_group(1, "CHILD_VIEWS"),
        "form.groups[1].questions[2]: question CHILD_VIEWS is already on the form, at "
        "form.groups[0].questions[0].",
    ),
    "question described twice": (
        describing_twice,
        "questions[4].code: question SUPPORT is described twice (also at questions[1]).",
    ),
    "question in no group": (
        removing("form", "groups", 1, "questions", 1),
        "questions[3]: question SCHOOL_START is not in any group. Take it out of the file.",
    ),
    "group number below 2": (
        setting(1, "form", "groups", 0, "number"),
        "form.groups[0].number: Numbers start from 2: step 1 is always the subject's details.",
    ),
    "group name over 300 characters": (
        setting("x" * 301, "form", "groups", 0, "name", "en"),
        "form.groups[0].name.en: Ensure this value has at most 300 characters (it has 301).",
    ),
    "blank English title": (
        setting("", "form", "title", "en"),
        "form.title.en: This field cannot be blank.",
    ),
    "citizen form for nobody": (
        setting("not_applicable", "form", "user_type"),
        "form.user_type: Choose parent or carer, or young person, for a citizen form.",
    ),
    "text length on a date": (
        setting(10, "questions", 3, "max_length"),
        "questions[3].max_length: A maximum length applies only to text and memo questions.",
    ),
}


@pytest.mark.parametrize(("change", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_with_a_problem_is_refused_with_a_clear_message_and_nothing_written(change, message):
    data = change(exported_then_removed())
    counts = (Question.objects.count(), QuestionChoice.objects.count())

    assert problems_of(data) == [message]
    assert not FormDefinition.objects.exists() and not QuestionGroup.objects.exists()
    assert (Question.objects.count(), QuestionChoice.objects.count()) == counts


def test_every_problem_in_a_file_is_listed_at_once():
    data = exported_then_removed()
    data["form"]["groups"][0]["number"] = 1
    data["questions"][2]["data_type"] = "colour"
    data["form"]["groups"][1]["questions"].append("NOT_THERE")

    assert problems_of(data) == [
        "questions[2].data_type: “colour” is not a data type. Use one of: text, memo, integer, "
        "decimal, yes_no, date, choice, file, image.",
        "form.groups[0].number: Numbers start from 2: step 1 is always the subject's details.",
        "form.groups[1].questions[2]: question NOT_THERE is not described in “questions”.",
    ]


def test_a_form_this_site_already_has_is_imported_only_under_a_new_code():
    form = ehc_request_form()
    data = transfer.export_form(form)

    assert problems_of(data) == [
        "form.code: this site already has a form with the code EHC_REQ. Import it under a new code."
    ]
    assert problems_of(data, code="EHC_REQ") == [
        "New form code: this site already has a form with the code EHC_REQ. Choose another."
    ]
    assert problems_of(data, code="EHC REQ") == [
        "New form code: Use only capital letters, digits, hyphens and underscores, with no spaces."
    ]
    assert FormDefinition.objects.count() == 1

    assert transfer.import_form(data, code="EHC_REQ_2").code == "EHC_REQ_2"


# -- the admin screens ----------------------------------------------------------------------


def test_the_send_team_downloads_a_form_as_a_json_attachment_named_by_its_code(client):
    form = ehc_request_form()
    sign_in_verified(client, form_builder("build_forms"))

    response = client.get(reverse("send_form_export", args=[form.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="EHC_REQ.json"'
    data = json.loads(response.content.decode("utf-8"))
    assert data["form"]["code"] == "EHC_REQ"
    assert data["questions"][0]["label"]["cy"] == "Beth mae eich plentyn yn ei feddwl?"


def test_importing_a_file_in_the_admin_opens_the_new_drafts_build_page(client):
    data = exported_then_removed()
    sign_in_verified(client, form_builder("build_forms"))
    assert "Import a form" in client.get(IMPORT).content.decode()

    response = client.post(IMPORT, {"file": upload(data), "code": ""})

    imported = FormDefinition.objects.get(code="EHC_REQ")
    assert response.status_code == 302
    assert response.url == reverse("send_forms:build", args=[imported.pk])
    assert not imported.live
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Form EHC_REQ has been imported as a draft. It is not live."
    ]


def test_the_import_page_lists_every_problem_with_the_file(client):
    data = exported_then_removed()
    data["form"]["groups"][0]["number"] = 1
    data["questions"][0]["code"] = "child_views"
    sign_in_verified(client, form_builder("build_forms"))

    response = client.post(IMPORT, {"file": upload(data), "code": "EHC_NEW"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "The form was not imported because of these 4 problems:" in page
    for problem in (
        "questions[0].code: Use only capital letters, digits and underscores, with no spaces.",
        "form.groups[0].questions[0]: question CHILD_VIEWS is not described in “questions”.",
        "form.groups[0].number: Numbers start from 2: step 1 is always the subject's details.",
        "questions[0]: question child_views is not in any group. Take it out of the file.",
    ):
        assert f"<li>{escape(problem)}</li>" in page
    assert not FormDefinition.objects.exists()


def test_a_file_over_the_size_limit_is_refused_on_upload(client):
    sign_in_verified(client, form_builder("build_forms"))

    response = client.post(IMPORT, {"file": upload(b"{" + b" " * (2 * 1024 * 1024))})

    assert response.status_code == 200
    assert "The file is larger than 2 MB, so it cannot be a form definition." in (
        response.content.decode()
    )


def test_staff_without_the_form_builder_permission_cannot_export_or_import(client):
    form = ehc_request_form()
    data = transfer.export_form(form)
    sign_in_verified(client, form_builder())

    export = client.get(reverse("send_form_export", args=[form.pk]))
    page = client.get(IMPORT)
    post = client.post(IMPORT, {"file": upload(data), "code": "EHC_STOLEN"})

    for response in (export, page, post):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert "Content-Disposition" not in export
    assert not FormDefinition.objects.filter(code="EHC_STOLEN").exists()
    assert IMPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_import_menu_item_is_shown_to_the_send_team(client):
    sign_in_verified(client, form_builder("build_forms"))

    assert IMPORT in client.get(reverse("wagtailadmin_home")).content.decode()


# -- long forms -----------------------------------------------------------------------------


def long_form(groups=10, per_group=20):
    """``groups`` × ``per_group`` questions; every fourth one a choice with three items."""
    form = FormDefinitionFactory(code="LONG_FORM", live=False)
    for number in range(2, groups + 2):
        questions = [
            QuestionFactory(data_type="choice" if index % 4 == 0 else "text")
            for index in range(per_group)
        ]
        for question in questions[::4]:
            ChoiceFactory.create_batch(3, question=question)
        place(GroupFactory(form=form, number=number), *questions)
    return form


def test_a_form_of_200_questions_is_exported_and_imported_in_a_bounded_number_of_queries(
    django_assert_max_num_queries,
):
    form = long_form()
    with django_assert_max_num_queries(3):
        data = transfer.export_form(form)
    assert len(data["questions"]) == 200
    form.delete()
    Question.objects.all().delete()

    # Onto an empty bank: every question and list item is new (the 200 placements take two
    # inserts on SQLite, which allows 999 parameters in one statement).
    with django_assert_max_num_queries(12):
        imported = transfer.import_form(data)
    assert GroupQuestion.objects.filter(form=imported).count() == 200
    assert QuestionChoice.objects.count() == 150

    # Again under a new code: every question is compared with the bank's and reused.
    with django_assert_max_num_queries(9):
        again = transfer.import_form(data, code="LONG_FORM_2")
    assert build_schema(again)["groups"] == build_schema(imported)["groups"]
    assert Question.objects.count() == 200
