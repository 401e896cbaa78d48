"""Conditional questions: "Names of the other people with parental responsibility" is asked
only after "Yes" to "Does anyone else have parental responsibility?". The SEND team sets the
condition in the builder (its rules checked), and the portal honours it everywhere: the step
(revealed without depending on JavaScript), validation, saving, check answers, printing, the
preview, moving forms as JSON and published versions."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from plugins.send.builder import services as builder
from plugins.send.builder import transfer
from plugins.send.builder.schema import FormSchema
from plugins.send.filling import services
from plugins.send.filling.answers import AnswerSet, blank_answers, load_answers
from plugins.send.filling.steps import step_form
from plugins.send.filling.summary import summary_sections
from plugins.send.models import GroupQuestion, SubmissionFile
from plugins.send.printing.documents import PrintOptions, build_printout
from tests.conftest import sign_in_verified
from tests.send.factories import (
    ChoiceFactory,
    FormDefinitionFactory,
    GroupFactory,
    PersonLinkFactory,
    QuestionFactory,
    place,
)
from tests.send.test_form_definitions_admin import FORMS, send_team  # noqa: F401 - a fixture
from tests.send.test_preview import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def form():
    """Step 2 asks about parental responsibility and reveals the names under "Yes"; step 3
    asks for the other people's addresses only when someone else has it."""
    form = FormDefinitionFactory(code="PR_FORM")
    family = GroupFactory(form=form, number=2, name_en="Your family", name_cy="Eich teulu")
    place(
        family,
        QuestionFactory(
            code="OTHER_PR",
            data_type="yes_no",
            mandatory=True,
            label_en="Does anyone else have parental responsibility?",
            label_cy="Oes gan unrhyw un arall gyfrifoldeb rhiant?",
        ),
        QuestionFactory(
            code="OTHER_PR_NAMES",
            mandatory=True,
            label_en="Names of the other people with parental responsibility",
            label_cy="Enwau'r bobl eraill sydd â chyfrifoldeb rhiant",
        ),
        QuestionFactory(code="HOME_LANGUAGE", label_en="Main language at home"),
    )
    contact = GroupFactory(form=form, number=3, name_en="Contact", name_cy="Cysylltu")
    place(
        contact,
        QuestionFactory(
            code="OTHER_PR_ADDRESS",
            mandatory=True,
            label_en="Their address",
            label_cy="Eu cyfeiriad",
        ),
    )
    builder.change_condition(item("OTHER_PR_NAMES"), question("OTHER_PR"), ["yes"])
    builder.change_condition(item("OTHER_PR_ADDRESS"), question("OTHER_PR"), ["yes"])
    builder.publish(form)
    form.refresh_from_db()
    return form


def item(code):
    return GroupQuestion.objects.select_related("group__form", "question").get(question__code=code)


def question(code):
    return item(code).question


def schema_of(form):
    return FormSchema(form.live_version.schema)


# -- the builder's rules -------------------------------------------------------------------------


def test_a_question_can_only_depend_on_an_earlier_yes_no_or_list_question(form):
    with pytest.raises(ValidationError, match="asked before it"):
        builder.change_condition(item("OTHER_PR"), question("OTHER_PR_ADDRESS"), ["yes"])
    with pytest.raises(ValidationError, match="neither"):
        builder.change_condition(item("OTHER_PR_ADDRESS"), question("HOME_LANGUAGE"), ["x"])
    with pytest.raises(ValidationError, match="has no answer maybe"):
        builder.change_condition(item("OTHER_PR_ADDRESS"), question("OTHER_PR"), ["maybe"])
    with pytest.raises(ValidationError, match="Choose the answers"):
        builder.change_condition(item("OTHER_PR_ADDRESS"), question("OTHER_PR"), [])


def test_a_question_revealed_on_the_same_step_takes_one_answer_and_is_not_nested(form):
    with pytest.raises(ValidationError, match="revealed under one answer"):
        builder.change_condition(item("HOME_LANGUAGE"), question("OTHER_PR"), ["yes", "no"])
    languages = QuestionFactory(code="LANGUAGES", data_type="choice")
    ChoiceFactory(question=languages, value="welsh", label_en="Welsh")
    family = form.groups.get(number=2)
    builder.add_question(family, languages)
    builder.change_condition(item("LANGUAGES"), question("OTHER_PR"), ["no"])
    builder.add_question(family, QuestionFactory(code="LANGUAGE_DETAILS"))
    with pytest.raises(ValidationError, match="itself revealed"):
        builder.change_condition(item("LANGUAGE_DETAILS"), languages, ["welsh"])


def test_a_long_list_shown_as_a_drop_down_cannot_reveal_on_its_own_step(form):
    county = QuestionFactory(code="COUNTY", data_type="choice")
    for number in range(9):
        ChoiceFactory(question=county, value=f"c{number}")
    builder.add_question(form.groups.get(number=2), county)
    # Placed after it on the same step: only a later step can depend on a drop-down.
    builder.remove_question(item("HOME_LANGUAGE"))
    builder.add_question(form.groups.get(number=2), QuestionFactory(code="AFTER_COUNTY"))
    with pytest.raises(ValidationError, match="drop-down"):
        builder.change_condition(item("AFTER_COUNTY"), county, ["c1"])
    builder.change_condition(item("OTHER_PR_ADDRESS"), county, ["c1", "c2"])
    assert item("OTHER_PR_ADDRESS").shown_when_values == ["c1", "c2"]


def test_a_question_in_a_repeating_group_controls_only_its_own_group(form):
    agencies = GroupFactory(form=form, number=4, repeating=True)
    involved = QuestionFactory(code="STILL_INVOLVED", data_type="yes_no")
    place(agencies, involved)
    later = GroupFactory(form=form, number=5)
    place(later, QuestionFactory(code="AGENCY_NOTES"))
    with pytest.raises(ValidationError, match="repeating group"):
        builder.change_condition(item("AGENCY_NOTES"), involved, ["yes"])


def test_a_question_that_others_depend_on_cannot_be_taken_off(form):
    with pytest.raises(ValidationError, match="decides whether"):
        builder.remove_question(item("OTHER_PR"))


def test_publishing_refuses_a_condition_broken_by_moving_questions(form):
    builder.move_question(item("OTHER_PR_NAMES"), -1)  # now above its controlling question
    with pytest.raises(ValidationError, match="asked before it"):
        builder.publish(form)


def test_a_published_version_holds_the_condition_and_an_older_one_asks_everything(form):
    schema = schema_of(form)
    assert form.live_version.schema["groups"][0]["questions"][1]["shown_when"] == {
        "question": "OTHER_PR",
        "values": ["yes"],
    }
    older = dict(form.live_version.schema)
    older["groups"] = [
        {
            **g,
            "questions": [
                {k: v for k, v in q.items() if k != "shown_when"} for q in g["questions"]
            ],
        }
        for g in older["groups"]
    ]
    no = AnswerSet({("OTHER_PR", 0): "no"}).value
    names = schema.questions["OTHER_PR_NAMES"]
    assert not schema.is_shown(names, no)
    assert FormSchema(older).is_shown(FormSchema(older).questions["OTHER_PR_NAMES"], no)


# -- the step -------------------------------------------------------------------------------------


def test_the_names_are_revealed_under_yes_and_shown_without_javascript(form):
    family = schema_of(form).group(2)
    html = str(step_form(family).items[0].fields[0].as_field_group())
    reveal = html[html.index('class="govuk-radios__conditional') :]
    assert 'data-aria-controls="conditional-id_OTHER_PR"' in html
    assert 'name="OTHER_PR_NAMES"' in reveal
    # Hidden only by the GOV.UK script (the class below), so without it the field shows.
    assert "govuk-radios__conditional--hidden" in reveal
    top = [field.name for field in step_form(family).items[0].fields]
    assert top == ["OTHER_PR", "HOME_LANGUAGE"]


def test_a_revealed_question_is_required_only_when_revealed_and_dropped_otherwise(form):
    family = schema_of(form).group(2)
    yes = step_form(family, data={"OTHER_PR": "yes"})
    assert not yes.is_valid()
    assert list(yes.errors) == ["OTHER_PR_NAMES"]
    no = step_form(family, data={"OTHER_PR": "no", "OTHER_PR_NAMES": "Typed before No"})
    assert no.is_valid()
    assert no.answers()[0, "OTHER_PR_NAMES"] is None


def test_a_question_controlled_by_an_earlier_step_is_asked_only_after_its_answer(form):
    contact = schema_of(form).group(3)
    asked = step_form(contact, answered=AnswerSet({("OTHER_PR", 0): "yes"}).value)
    assert "OTHER_PR_ADDRESS" in asked.fields
    not_asked = step_form(contact, data={}, answered=AnswerSet({("OTHER_PR", 0): "no"}).value)
    assert "OTHER_PR_ADDRESS" not in not_asked.fields
    assert not_asked.is_valid()


@pytest.fixture
def parent(client):
    link = PersonLinkFactory(user__email_confirmed_at=timezone.now())
    sign_in_verified(client, link.user)
    return link


def test_changing_yes_to_no_drops_the_answers_it_asked_for(client, parent, form):
    submission = services.start(parent.user, parent.person, form)
    step = f"/send/submissions/{submission.pk}/step/"
    client.post(step + "2/", {"OTHER_PR": "yes", "OTHER_PR_NAMES": "Sam Jones", "revision": 0})
    client.post(step + "3/", {"OTHER_PR_ADDRESS": "1 High Street", "revision": 0})
    assert set(submission.answers.values_list("question_code", flat=True)) == {
        "OTHER_PR",
        "OTHER_PR_NAMES",
        "OTHER_PR_ADDRESS",
    }
    page = client.get(step + "3/").content.decode()
    assert 'name="OTHER_PR_ADDRESS"' in page

    client.post(step + "2/", {"OTHER_PR": "no", "OTHER_PR_NAMES": "Sam Jones", "revision": 2})

    assert list(submission.answers.values_list("question_code", flat=True)) == ["OTHER_PR"]
    page = client.get(step + "3/").content.decode()
    assert 'name="OTHER_PR_ADDRESS"' not in page
    check = client.get(f"/send/submissions/{submission.pk}/check/").content.decode()
    assert "Their address" not in check and "Names of the other people" not in check


def test_a_file_revealed_under_yes_is_kept_and_one_chosen_before_no_is_not(client, parent, clamd):
    form = FormDefinitionFactory(code="REPORT_FORM")
    place(
        GroupFactory(form=form, number=2),
        QuestionFactory(code="HAS_REPORT", data_type="yes_no"),
        QuestionFactory(code="REPORT", data_type="file"),
    )
    builder.change_condition(item("REPORT"), question("HAS_REPORT"), ["yes"])
    builder.publish(form)
    form.refresh_from_db()
    submission = services.start(parent.user, parent.person, form)

    def post(answer, revision):
        report = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")
        data = {"HAS_REPORT": answer, "REPORT": report, "revision": revision}
        return client.post(f"/send/submissions/{submission.pk}/step/2/", data)

    assert post("no", 0).status_code == 302
    assert not SubmissionFile.objects.exists()
    assert post("yes", 1).status_code == 302
    assert SubmissionFile.objects.get().original_name == "report.pdf"
    assert submission.answers.get(question_code="REPORT").value == SubmissionFile.objects.get().pk


# -- what is shown and printed --------------------------------------------------------------------


def test_check_answers_and_printouts_leave_out_questions_not_asked(form):
    link = PersonLinkFactory()
    submission = services.start(link.user, link.person, form)
    schema = schema_of(form)
    services.save_step(submission, schema.group(2), {(0, "OTHER_PR"): "no"}, 1, 0, link.user)
    answers = load_answers(submission)
    rows = [
        row["key"]
        for section in summary_sections(schema, answers, file_url=str)
        for entry in section["items"]
        for row in entry["rows"]
    ]
    assert rows == ["Does anyone else have parental responsibility?", "Main language at home"]
    printout = build_printout(schema, answers, PrintOptions(), "en", submission=submission)
    printed = [row.label for s in printout.sections for e in s.entries for row in e.rows]
    assert "Main language at home" in printed
    assert "Their address" not in printed and "Names of the other people" not in str(printed)


def test_a_blank_copy_says_when_to_answer_a_conditional_question(form):
    printout = build_printout(schema_of(form), blank_answers(), PrintOptions(groups=(3,)), "cy")
    (row,) = printout.sections[0].entries[0].rows
    assert (
        row.hint
        == "Dim ond os gwnaethoch ateb “Ie” i “Oes gan unrhyw un arall gyfrifoldeb rhiant?”."
    )


# -- moving forms as JSON -------------------------------------------------------------------------


def test_a_form_file_carries_its_conditions(form):
    data = transfer.export_form(form)
    family = data["form"]["groups"][0]
    assert family["shown_when"] == {"OTHER_PR_NAMES": {"question": "OTHER_PR", "values": ["yes"]}}

    copy = transfer.import_form(data, code="PR_COPY")

    builder.publish(copy)
    copy.refresh_from_db()
    assert copy.live_version.schema["groups"] == form.live_version.schema["groups"]


def test_a_form_file_with_a_broken_condition_is_refused(form):
    data = transfer.export_form(form)
    data["form"]["groups"][0]["shown_when"]["OTHER_PR_NAMES"]["values"] = ["perhaps"]
    with pytest.raises(ValidationError) as error:
        transfer.import_form(data, code="PR_COPY")
    assert error.value.messages == [
        "form.groups[0].shown_when.OTHER_PR_NAMES: OTHER_PR has no answer perhaps."
    ]


def test_a_form_file_from_before_conditions_still_imports(form):
    data = transfer.export_form(form)
    for group in data["form"]["groups"]:
        del group["shown_when"]
    copy = transfer.import_form(data, code="PR_OLD")
    assert not GroupQuestion.objects.filter(form=copy, shown_when__isnull=False).exists()


# -- the builder's admin --------------------------------------------------------------------------


def test_the_send_team_sets_and_clears_a_condition_on_the_build_page(send_team, form):  # noqa: F811
    placement = item("HOME_LANGUAGE")
    url = f"{FORMS}placements/{placement.pk}/condition/"
    page = send_team.get(url).text
    assert 'value="OTHER_PR|yes"' in page and "OTHER_PR_NAMES|" not in page  # earlier only

    response = send_team.post(url, {"answers": ["OTHER_PR|no"]})

    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.shown_when.code, placement.shown_when_values) == ("OTHER_PR", ["no"])
    build = send_team.get(f"{FORMS}build/{form.pk}/").text
    assert "Only when OTHER_PR is no" in build
    refused = send_team.post(url, {"answers": ["OTHER_PR|yes", "OTHER_PR|no"]})
    assert "revealed under one answer" in refused.text
    send_team.post(url, {})
    placement.refresh_from_db()
    assert placement.shown_when is None and placement.shown_when_values == []


# -- the SEND team's preview ------------------------------------------------------------------------


def test_the_preview_reveals_the_names_and_asks_later_conditional_questions(client, form):
    sign_in_verified(client, staff())
    step = f"/send/preview/{form.pk}/1/step/"
    page = client.get(step + "2/").content.decode()
    assert 'id="conditional-id_OTHER_PR"' in page and 'name="OTHER_PR_NAMES"' in page
    # Nothing is kept between preview steps, so a question an earlier step decides is shown.
    assert 'name="OTHER_PR_ADDRESS"' in client.get(step + "3/").content.decode()
    no = client.post(step + "2/", {"OTHER_PR": "no"})
    assert no.status_code == 302 and no.url.endswith("/step/3/")
    yes = client.post(step + "2/", {"OTHER_PR": "yes"})
    assert "Enter an answer to “Names of the other people" in yes.content.decode()
