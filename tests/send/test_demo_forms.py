"""The demo council's SEND forms: what `make run` gives the SEND team and portal users."""

import json

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from plugins.send.builder import transfer
from plugins.send.builder.schema import FormSchema
from plugins.send.builder.services import question_is_locked
from plugins.send.demo.loader import FORMS_DIR, demo_form_files, load_demo, load_demo_forms
from plugins.send.models import (
    DataType,
    FormDefinition,
    FormVersion,
    GroupQuestion,
    Question,
    QuestionChoice,
    QuestionGroup,
    VersionQuestion,
)
from tests.send.factories import FormDefinitionFactory, QuestionFactory

pytestmark = pytest.mark.django_db

# code: (English title, portal type, portal user type)
DEMO_FORMS = {
    "EHC_REQ_PARENT": (
        "Parent, carer or young person request for an EHC needs assessment",
        "citizen",
        "parent_carer",
    ),
    "EHC_REQ_YOUNG_PERSON": (
        "Young person's request for an EHC needs assessment",
        "citizen",
        "young_person",
    ),
    "MY_VIEWS": ("My views (child or young person)", "citizen", "parent_carer"),
    "PARENTAL_CONSENT": ("Parental consent", "citizen", "parent_carer"),
    "EHC_REQ_SETTING": (
        "School or setting request for an EHC needs assessment",
        "professional",
        "not_applicable",
    ),
    "ADVICE_RESPONSE": ("Advice request response", "professional", "not_applicable"),
}

DEMO_MODELS = (
    FormDefinition,
    QuestionGroup,
    GroupQuestion,
    Question,
    QuestionChoice,
    FormVersion,
    VersionQuestion,
)


@pytest.fixture
def loaded(db):
    load_demo()


def demo_questions():
    return Question.objects.filter(placements__form__code__in=DEMO_FORMS).distinct()


def repeating_groups(code):
    """{group name: [question codes]} for the form's repeating groups, from its live version."""
    schema = FormSchema(FormDefinition.objects.get(code=code).live_version.schema)
    return {g.name: [q.code for q in g.questions] for g in schema.groups if g.repeating}


def test_the_demo_council_offers_six_published_live_forms(demo):
    forms = {form.code: form for form in FormDefinition.objects.available()}

    assert set(forms) == set(DEMO_FORMS)
    for code, (title, portal_type, user_type) in DEMO_FORMS.items():
        form = forms[code]
        assert (form.title_en, form.portal_type, form.user_type) == (title, portal_type, user_type)
        assert form.live_version.number == 1
        assert not form.has_draft_changes


def test_the_send_team_may_build_forms(loaded):
    team = Group.objects.get(name="SEND team")

    assert team.permissions.filter(codename="build_forms").exists()


def test_every_demo_text_is_in_english_and_welsh(loaded):
    texts = []
    for form in FormDefinition.objects.filter(code__in=DEMO_FORMS):
        texts += [(form.code, form.title_en, form.title_cy), (form.code, *guidance(form))]
    for group in QuestionGroup.objects.filter(form__code__in=DEMO_FORMS):
        texts += [(str(group), group.name_en, group.name_cy), (str(group), *guidance(group))]
    for question in demo_questions():
        texts += [
            (question.code, question.label_en, question.label_cy),
            (question.code, question.hint_en, question.hint_cy),
        ]
    for choice in QuestionChoice.objects.filter(question__in=demo_questions()):
        texts.append((choice.value, choice.label_en, choice.label_cy))

    assert len(texts) > 300
    for where, english, welsh in texts:
        assert english.strip() and welsh.strip(), where
        assert welsh != english, where


def guidance(obj):
    return obj.guidance_en, obj.guidance_cy


def test_the_forms_use_every_data_type_and_limit_every_memo(loaded):
    questions = list(demo_questions())

    assert {q.data_type for q in questions} == set(DataType.values)
    assert all(q.max_length for q in questions if q.data_type == DataType.MEMO)
    assert not [q for q in questions if q.max_length and q.data_type not in ("text", "memo")]


def test_some_questions_are_mandatory_and_some_go_in_the_chronology(loaded):
    questions = demo_questions()

    assert questions.filter(mandatory=True).count() >= 20
    assert set(questions.filter(in_chronology=True).values_list("code", flat=True)) >= {
        "SETTING_NAME",
        "REQUEST_REASON",
        "PARENTAL_RESPONSIBILITY",
        "CONSENT_DATE",
        "ADVICE_REPORT_DATE",
    }


def test_a_code_asked_on_several_forms_is_worded_once_in_the_demo_data():
    # The loader keeps one wording per code, so two different wordings would lose one.
    wordings = {}
    for data in demo_form_files():
        for question in data["questions"]:
            assert wordings.setdefault(question["code"], question) == question, question["code"]


# -- the demo forms are form files, loaded by the form builder's importer --------------------


@pytest.mark.parametrize("path", sorted(FORMS_DIR.glob("*.json")), ids=lambda path: path.stem)
def test_each_demo_form_file_imports_as_a_live_published_bilingual_form(db, path):
    data = json.loads(path.read_text("utf-8"))

    [form] = load_demo_forms([data])

    assert form.code in DEMO_FORMS and form.live
    assert form.live_version.number == 1 and not form.has_draft_changes
    schema = FormSchema(form.live_version.schema)
    assert len(schema.groups) == len(data["form"]["groups"]) > 0
    assert len(schema.questions) == len(data["questions"]) > 0
    assert form.title_cy and form.title_cy != form.title_en
    english = {q.code: q.label for q in schema.questions.values()}
    with translation.override("cy"):
        assert schema.title == form.title_cy
        welsh = {q.code: q.label for q in schema.questions.values()}
    assert all(welsh[code] and welsh[code] != english[code] for code in english)


def test_the_demo_forms_export_as_the_files_they_were_loaded_from(loaded):
    # The files were exported from the forms the demo used to build in Python: the same
    # export again proves the importer rebuilt them exactly.
    for data in demo_form_files():
        exported = transfer.export_form(FormDefinition.objects.get(code=data["form"]["code"]))
        assert {**exported, "exported_at": data["exported_at"]} == data


def test_every_question_code_is_a_valid_bank_code(loaded):
    for question in demo_questions():
        assert question.code == question.code.upper() and not question.code.startswith("Z")
        question.full_clean()


def test_requests_repeat_professionals_and_documents(loaded):
    professionals = ["AGENCY", "CONTACT_NAME", "CONTACT_ROLE", "AGENCY_INVOLVEMENT"]
    documents = ["REQUEST_DOCUMENT", "REQUEST_DOCUMENT_ABOUT"]

    assert repeating_groups("EHC_REQ_PARENT") == {
        "Professionals involved with your child": professionals,
        "Supporting documents": documents,
    }
    assert repeating_groups("EHC_REQ_YOUNG_PERSON") == {
        "Professionals who help you": professionals,
        "Supporting documents": documents,
    }


def test_a_setting_lists_evidence_agencies_and_supporting_files_as_it_needs(loaded):
    assert repeating_groups("EHC_REQ_SETTING") == {
        "Evidence of needs and support": [
            "EVIDENCE_TITLE",
            "EVIDENCE_AUTHOR",
            "EVIDENCE_DATE",
            "EVIDENCE_FILE",
        ],
        "Other agencies' involvement": [
            "AGENCY",
            "CONTACT_NAME",
            "CONTACT_ROLE",
            "AGENCY_INVOLVEMENT",
        ],
        "Supporting documentation": ["SETTING_DOCUMENT"],
    }
    assert Question.objects.get(code="SETTING_DOCUMENT").data_type == DataType.FILE


def test_the_school_request_follows_the_councils_parts(loaded):
    schema = FormSchema(FormDefinition.objects.get(code="EHC_REQ_SETTING").live_version.schema)

    assert [(g.number, g.name) for g in schema.groups] == [
        (2, "Personal details"),
        (3, "All about me"),
        (4, "Strengths, needs and support"),
        (5, "Evidence of needs and support"),
        (6, "Other agencies' involvement"),
        (7, "Additional considerations"),
        (8, "Consent"),
        (9, "Supporting documentation"),
    ]


def test_the_other_forms_do_not_repeat(loaded):
    for code in ("MY_VIEWS", "PARENTAL_CONSENT", "ADVICE_RESPONSE"):
        assert repeating_groups(code) == {}


def test_a_fact_asked_on_several_forms_is_one_question_so_answers_pre_fill(loaded):
    forms_asking = {
        code: set(
            GroupQuestion.objects.filter(question__code=code).values_list("form__code", flat=True)
        )
        for code in ("SETTING_NAME", "PRIMARY_NEED", "CONSENT_DATE", "AGENCY")
    }

    assert forms_asking == {
        "SETTING_NAME": {"EHC_REQ_PARENT", "EHC_REQ_YOUNG_PERSON", "EHC_REQ_SETTING"},
        "PRIMARY_NEED": {
            "EHC_REQ_PARENT",
            "EHC_REQ_YOUNG_PERSON",
            "EHC_REQ_SETTING",
            "ADVICE_RESPONSE",
        },
        "CONSENT_DATE": {"PARENTAL_CONSENT", "EHC_REQ_SETTING"},
        "AGENCY": {"EHC_REQ_PARENT", "EHC_REQ_YOUNG_PERSON", "EHC_REQ_SETTING"},
    }
    assert Question.objects.filter(code="SETTING_NAME").count() == 1


def test_published_demo_questions_are_locked(loaded):
    assert question_is_locked(Question.objects.get(code="SETTING_NAME"))
    assert question_is_locked(Question.objects.get(code="MV_PICTURE"))


def test_a_parent_reads_the_request_in_welsh(loaded):
    form = FormDefinition.objects.get(code="EHC_REQ_PARENT")

    with translation.override("cy"):
        schema = FormSchema(form.live_version.schema)
        setting_type = schema.questions["SETTING_TYPE"]
        assert schema.title == (
            "Cais gan riant, gofalwr neu berson ifanc am asesiad o anghenion EHC"
        )
        assert schema.guidance.startswith("Defnyddiwch y ffurflen hon")
        assert schema.group(2).name == "Addysg eich plentyn"
        assert setting_type.label == "Math o ysgol, coleg neu leoliad"
        assert setting_type.hint == "Dewiswch y disgrifiad agosaf."
        assert ("primary", "Ysgol gynradd") in setting_type.choices


def test_every_demo_form_renders_wholly_in_welsh(loaded):
    for form in FormDefinition.objects.filter(code__in=DEMO_FORMS).prefetch_related("groups"):
        groups = {group.number: group for group in form.groups.all()}
        with translation.override("cy"):
            schema = FormSchema(form.live_version.schema)
            assert schema.title == form.title_cy
            assert schema.guidance == form.guidance_cy
            for group in schema.groups:
                assert (group.name, group.guidance) == (
                    groups[group.number].name_cy,
                    groups[group.number].guidance_cy,
                )
                for question in group.questions:
                    bank = Question.objects.get(code=question.code)
                    assert (question.label, question.hint) == (bank.label_cy, bank.hint_cy)
                    assert question.choices == list(
                        bank.choices.order_by("sort_order").values_list("value", "label_cy")
                    )


def test_loading_again_creates_nothing(loaded, django_assert_max_num_queries):
    counts = {model: model.objects.count() for model in DEMO_MODELS}

    # One look-up of the form codes, inside its savepoint.
    with django_assert_max_num_queries(3):
        assert load_demo_forms() == []

    assert {model: model.objects.count() for model in DEMO_MODELS} == counts


def test_loading_the_forms_takes_few_queries(db, django_assert_max_num_queries):
    # The importer bulk-creates questions and list items: under 35 queries per form (checks,
    # writing, publishing with its checks of conditions and Welsh), where one per question and
    # list item would be several hundred.
    with django_assert_max_num_queries(210):
        assert len(load_demo_forms()) == 6


def test_a_form_whose_code_is_taken_is_left_as_the_send_team_made_it(db):
    own = FormDefinitionFactory(code="MY_VIEWS", title_en="Our own views form", live=False)

    created = load_demo_forms()

    own.refresh_from_db()
    assert {form.code for form in created} == set(DEMO_FORMS) - {"MY_VIEWS"}
    assert (own.title_en, own.live, own.live_version) == ("Our own views form", False, None)
    assert not Question.objects.filter(code="MV_LIKES").exists()


def test_a_question_already_in_the_bank_is_reused_as_it_is(db):
    ours = QuestionFactory(code="SETTING_NAME", label_en="School or nursery", data_type="text")

    load_demo_forms()

    assert Question.objects.filter(code="SETTING_NAME").get() == ours
    ours.refresh_from_db()
    assert ours.label_en == "School or nursery"
    assert set(ours.placements.values_list("form__code", flat=True)) == {
        "EHC_REQ_PARENT",
        "EHC_REQ_YOUNG_PERSON",
        "EHC_REQ_SETTING",
    }
