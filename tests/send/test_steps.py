"""A form step drawn from its schema: each kind of question as its GOV.UK field, the error
message each rule gives, repeating groups with "Add more" and "Remove", answers going out
and coming back in, Welsh words with English where the SEND team wrote none."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from plugins.send.builder.schema import FormSchema, GroupSchema, build_schema
from plugins.send.filling import steps
from tests.send.factories import ChoiceFactory, GroupFactory, QuestionFactory, place

pytestmark = pytest.mark.django_db


def question(code, data_type="text", label=None, mandatory=False, **extra):
    label = label or code.replace("_", " ").capitalize()
    return {
        "code": code,
        "label": {"en": label, "cy": f"{label} (cy)"},
        "hint": {"en": extra.pop("hint", ""), "cy": ""},
        "data_type": data_type,
        "max_length": extra.pop("max_length", None),
        "mandatory": mandatory,
        "choices": extra.pop("choices", []),
    }


def choices(*words):
    return [{"value": w.lower().replace(" ", "-"), "label": {"en": w, "cy": ""}} for w in words]


def group(*questions, repeating=False, name="About your child"):
    return GroupSchema(
        {
            "number": 2,
            "name": {"en": name, "cy": ""},
            "repeating": repeating,
            "questions": questions,
        }
    )


def squashed(html):
    """The HTML with each run of white space as one space."""
    return " ".join(str(html).split())


def errors(form):
    assert not form.is_valid()
    return {name: " ".join(messages) for name, messages in form.errors.items()}


class Browser(HTMLParser):
    """What a browser would post for a rendered step: inputs, checked radios, chosen
    options and textareas of its form (files are never sent back)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("name") == "csrfmiddlewaretoken":
            return
        if tag == "input" and attrs.get("type") in ("text", "hidden"):
            self.data[attrs["name"]] = attrs.get("value", "")
        elif tag == "input" and attrs.get("type") == "radio" and "checked" in attrs:
            self.data[attrs["name"]] = attrs["value"]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and "selected" in attrs:
            self.data[self._select] = attrs["value"]
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            # HTML drops the newline just after <textarea>; Django writes one there.
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None


def posted(html):
    browser = Browser()
    browser.feed(str(html))
    return browser.data


# -- each kind of question ---------------------------------------------------------------------


def test_text_question_is_an_input_with_its_label_hint_and_maximum_length():
    form = steps.step_form(
        group(question("CHILD_NAME", label="Child's name", hint="As on the birth", max_length=20))
    )
    html = str(form)
    assert '<label class="govuk-label" for="id_CHILD_NAME">' in html
    assert "Child&#x27;s name" in html and "As on the birth" in html
    assert 'name="CHILD_NAME" type="text"' in html
    assert 'maxlength="20"' in html and "govuk-input--width-20" in html


def test_text_answers_are_trimmed_and_an_optional_empty_answer_is_none():
    form = steps.step_form(
        group(question("SCHOOL"), question("YEAR")), data={"SCHOOL": "  Hillside  ", "YEAR": ""}
    )
    assert form.is_valid()
    assert form.answers() == {(0, "SCHOOL"): "Hillside", (0, "YEAR"): None}


def test_mandatory_text_left_empty_says_enter_an_answer():
    form = steps.step_form(
        group(question("SCHOOL", label="Name of school", mandatory=True)), data={"SCHOOL": "  "}
    )
    assert errors(form) == {"SCHOOL": "Enter an answer to “Name of school”"}


def test_text_longer_than_the_maximum_is_refused_with_the_limit():
    form = steps.step_form(
        group(question("SCHOOL", label="Name of school", max_length=5)), data={"SCHOOL": "Hillside"}
    )
    assert errors(form) == {
        "SCHOOL": "The answer to “Name of school” must be 5 characters or fewer"
    }


def test_memo_is_a_textarea_whose_line_breaks_count_as_one_character():
    memo = question("VIEWS", "memo", label="Your views", max_length=9)
    html = str(steps.step_form(group(memo)))
    assert '<textarea class="govuk-textarea" id="id_VIEWS" name="VIEWS" rows="5"' in html
    assert "maxlength" not in html  # pasted text is never cut short without a word

    form = steps.step_form(group(memo), data={"VIEWS": "Likes\r\nart"})
    assert form.is_valid()
    assert form.answers() == {(0, "VIEWS"): "Likes\nart"}
    form = steps.step_form(group(memo), data={"VIEWS": "Likes\r\nart!!"})
    assert errors(form) == {"VIEWS": "The answer to “Your views” must be 9 characters or fewer"}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12", 12), ("007", 7), ("1,250", 1250), (" 3 000 ", 3000), ("-4", -4), ("", None)],
)
def test_whole_numbers_are_stored_as_numbers(typed, stored):
    form = steps.step_form(group(question("SIBLINGS", "integer")), data={"SIBLINGS": typed})
    assert form.is_valid()
    assert form.answers() == {(0, "SIBLINGS"): stored}


@pytest.mark.parametrize("typed", ["2.5", "two", "1e3", "12-3", "1,5", "12,34", "9" * 5000])
def test_anything_but_a_whole_number_is_refused(typed):
    form = steps.step_form(
        group(question("SIBLINGS", "integer", label="Brothers and sisters")),
        data={"SIBLINGS": typed},
    )
    assert errors(form) == {
        "SIBLINGS": "The answer to “Brothers and sisters” must be a whole number, like 12"
    }


def test_number_questions_bring_up_the_right_keyboard():
    html = str(steps.step_form(group(question("COUNT", "integer"), question("HOURS", "decimal"))))
    assert 'name="COUNT" type="text" spellcheck="false" inputmode="numeric"' in html
    assert 'name="HOURS" type="text" spellcheck="false" inputmode="decimal"' in html


@pytest.mark.parametrize(
    ("typed", "stored"), [("12.50", "12.50"), (".5", "0.5"), ("3", "3"), ("1,000.25", "1000.25")]
)
def test_decimals_are_stored_as_decimal_strings(typed, stored):
    form = steps.step_form(group(question("HOURS", "decimal")), data={"HOURS": typed})
    assert form.is_valid()
    assert form.answers() == {(0, "HOURS"): stored}


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "1e5", "NaN", "Infinity", "1,5", ",5"])
def test_anything_but_a_number_is_refused(typed):
    form = steps.step_form(
        group(question("HOURS", "decimal", label="Hours a week")), data={"HOURS": typed}
    )
    assert errors(form) == {
        "HOURS": "The answer to “Hours a week” must be a number, like 12 or 12.5"
    }


def test_optional_yes_no_offers_not_answered_and_stores_three_states():
    html = str(steps.step_form(group(question("HAS_PLAN", "yes_no"))))
    assert "govuk-radios--inline" in html
    for value, words in (("yes", "Yes"), ("no", "No"), ("not_answered", "Not answered")):
        assert f'name="HAS_PLAN" type="radio" value="{value}"' in html
        assert words in html
    for typed, stored in (("yes", "yes"), ("no", "no"), ("not_answered", None), ("", None)):
        form = steps.step_form(group(question("HAS_PLAN", "yes_no")), data={"HAS_PLAN": typed})
        assert form.is_valid()
        assert form.answers() == {(0, "HAS_PLAN"): stored}


def test_mandatory_yes_no_needs_yes_or_no():
    mandatory = question("HAS_PLAN", "yes_no", label="Has an EHC plan", mandatory=True)
    assert "Not answered" not in str(steps.step_form(group(mandatory)))
    for typed in ("", "not_answered"):
        form = steps.step_form(group(mandatory), data={"HAS_PLAN": typed})
        assert errors(form) == {"HAS_PLAN": "Select yes or no for “Has an EHC plan”"}
    form = steps.step_form(group(mandatory), data={"HAS_PLAN": "maybe"})
    assert errors(form) == {"HAS_PLAN": "Select an answer to “Has an EHC plan” from the list"}


def test_date_is_the_govuk_date_input_and_is_stored_as_iso():
    birthday = question("DIAGNOSED", "date", label="Date of diagnosis")
    html = str(steps.step_form(group(birthday)))
    assert '<fieldset class="govuk-fieldset" role="group"' in html
    for part in ("day", "month", "year"):
        assert f'name="DIAGNOSED-{part}"' in html
    data = {"DIAGNOSED-day": "5", "DIAGNOSED-month": "3", "DIAGNOSED-year": "2020"}
    form = steps.step_form(group(birthday), data=data)
    assert form.is_valid()
    assert form.answers() == {(0, "DIAGNOSED"): "2020-03-05"}


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "3", "2020", "must include a day, month and year"),
        ("5", "", "", "must include a day, month and year"),
        ("30", "2", "2020", "must be a real date"),
        ("5", "13", "2020", "must be a real date"),
        ("5", "3", "20", "must be a real date"),
        ("five", "3", "2020", "must be a real date"),
        ("-1", "3", "2020", "must be a real date"),
    ],
)
def test_only_a_complete_real_date_is_accepted(day, month, year, message):
    data = {"DIAGNOSED-day": day, "DIAGNOSED-month": month, "DIAGNOSED-year": year}
    form = steps.step_form(group(question("DIAGNOSED", "date", label="Date of diagnosis")), data)
    assert errors(form) == {"DIAGNOSED": f"The date for “Date of diagnosis” {message}"}


def test_mandatory_date_left_empty_asks_for_a_date_and_the_summary_links_to_the_day():
    form = steps.step_form(
        group(question("DIAGNOSED", "date", label="Date of diagnosis", mandatory=True)), data={}
    )
    assert errors(form) == {"DIAGNOSED": "Enter a date for “Date of diagnosis”"}
    assert form.error_summary["errorList"] == [
        {"text": "Enter a date for “Date of diagnosis”", "href": "#id_DIAGNOSED-day"}
    ]


def test_a_short_list_is_radios_and_a_long_one_a_select():
    short = question("SCHOOL_TYPE", "choice", choices=choices(*[f"Type {n}" for n in range(8)]))
    long = question("SCHOOL", "choice", choices=choices(*[f"School {n}" for n in range(9)]))
    html = str(steps.step_form(group(short, long)))
    assert 'name="SCHOOL_TYPE" type="radio" value="type-7"' in html
    assert '<select class="govuk-select" id="id_SCHOOL" name="SCHOOL"' in html
    assert '<option value="">Choose an answer</option>' in html
    assert '<option value="school-8">School 8</option>' in html


def test_list_answers_are_the_stored_values_and_nothing_else_is_accepted():
    school = question("SCHOOL", "choice", label="School", mandatory=True, choices=choices("A", "B"))
    form = steps.step_form(group(school), data={"SCHOOL": "b"})
    assert form.is_valid()
    assert form.answers() == {(0, "SCHOOL"): "b"}
    assert errors(steps.step_form(group(school), data={"SCHOOL": "c"})) == {
        "SCHOOL": "Select an answer to “School” from the list"
    }
    assert errors(steps.step_form(group(school), data={})) == {
        "SCHOOL": "Select an answer to “School”"
    }


def test_file_question_is_a_file_upload_that_must_be_given_when_mandatory():
    report = question("REPORT", "file", label="Latest report", hint="A PDF", mandatory=True)
    form = steps.step_form(group(report))
    assert form.is_multipart()
    html = str(form)
    assert '<label class="govuk-label" for="id_REPORT">' in html
    assert (
        '<input class="govuk-file-upload" id="id_REPORT" name="REPORT" type="file" '
        'accept=".doc,.docx,.pdf,.png,.jpeg,.jpg,.bmp" '
        'aria-describedby="id_REPORT-hint id_REPORT-rules">'
    ) in html

    form = steps.step_form(group(report), data={})
    assert errors(form) == {"REPORT": "Select a file for “Latest report”"}
    html = str(form)
    assert "govuk-file-upload--error" in html
    assert 'aria-describedby="id_REPORT-hint id_REPORT-rules id_REPORT-error"' in html

    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4")
    form = steps.step_form(group(report), data={}, files={"REPORT": upload})
    assert form.is_valid()
    assert form.uploads() == {(0, "REPORT"): upload}
    assert form.answers() == {}  # files are stored by the uploads, not as answers


def test_a_file_added_before_is_shown_and_need_not_be_given_again():
    photo = question("PHOTO", "image", label="Photo", mandatory=True)
    form = steps.step_form(group(photo), data={}, initial={(0, "PHOTO"): "smile.png"})
    assert form.is_valid()
    assert form.uploads() == {}
    html = str(form)
    assert '<p class="govuk-body" id="id_PHOTO-current">File already added: smile.png</p>' in html
    assert 'aria-describedby="id_PHOTO-rules id_PHOTO-current"' in html


# -- repeating groups --------------------------------------------------------------------------


def contacts(**extra):
    return group(
        question("CONTACT_NAME", label="Name", mandatory=True),
        question("CONTACT_SINCE", "date", label="Known since"),
        repeating=True,
        name="Contacts",
        **extra,
    )


def test_a_repeating_group_names_each_item_field_by_index_and_numbers_the_items():
    form = steps.step_form(contacts(), repeat_count=3)
    assert list(form.fields) == [
        f"{code}-{index}" for index in range(3) for code in ("CONTACT_NAME", "CONTACT_SINCE")
    ]
    assert [item.number for item in form.items] == [1, 2, 3]
    assert [field.name for field in form.items[1].fields] == ["CONTACT_NAME-1", "CONTACT_SINCE-1"]


def test_a_repeating_group_answers_each_item_under_its_index():
    data = {
        "CONTACT_NAME-0": "Dr Patel",
        "CONTACT_NAME-1": "Ms Evans",
        "CONTACT_SINCE-1-day": "1",
        "CONTACT_SINCE-1-month": "9",
        "CONTACT_SINCE-1-year": "2021",
    }
    form = steps.step_form(contacts(), data=data, repeat_count=2)
    assert form.is_valid()
    assert form.answers() == {
        (0, "CONTACT_NAME"): "Dr Patel",
        (0, "CONTACT_SINCE"): None,
        (1, "CONTACT_NAME"): "Ms Evans",
        (1, "CONTACT_SINCE"): "2021-09-01",
    }


def test_every_item_of_a_repeating_group_is_checked_and_its_errors_name_the_item():
    form = steps.step_form(contacts(), data={"CONTACT_NAME-0": "Dr Patel"}, repeat_count=2)
    assert errors(form) == {"CONTACT_NAME-1": "Contacts 2: Enter an answer to “Name”"}
    summary = form.error_summary["errorList"]
    assert summary == [
        {"text": "Contacts 2: Enter an answer to “Name”", "href": "#id_CONTACT_NAME-1"}
    ]


def test_add_more_shows_one_more_empty_item_keeping_what_was_typed_without_errors():
    data = {"repeat_count": "1", "action": "add", "CONTACT_NAME-0": ""}
    data["CONTACT_SINCE-0-day"] = "31"
    form = steps.repeat_button_form(contacts(), data)
    assert form.repeat_count == 2
    assert not form.is_valid() and not form.errors
    assert posted(render_step(form, contacts())) == {
        "repeat_count": "2",
        "CONTACT_NAME-0": "",
        "CONTACT_SINCE-0-day": "31",
        "CONTACT_SINCE-0-month": "",
        "CONTACT_SINCE-0-year": "",
        "CONTACT_NAME-1": "",
        "CONTACT_SINCE-1-day": "",
        "CONTACT_SINCE-1-month": "",
        "CONTACT_SINCE-1-year": "",
    }


def test_remove_drops_the_item_and_moves_later_ones_up():
    data = {
        "repeat_count": "3",
        "action": "remove-1",
        "CONTACT_NAME-0": "Dr Patel",
        "CONTACT_NAME-1": "Ms Evans",
        "CONTACT_NAME-2": "Mr Jones",
        "CONTACT_SINCE-2-day": "2",
        "CONTACT_SINCE-2-month": "4",
        "CONTACT_SINCE-2-year": "2019",
    }
    saved = {(0, "CONTACT_NAME"): "Dr Patel", (2, "CONTACT_NAME"): "Mr Jones"}
    form = steps.repeat_button_form(contacts(), data, initial=saved)
    assert form.repeat_count == 2
    assert not form.errors
    assert form.initial == {"CONTACT_NAME-0": "Dr Patel", "CONTACT_NAME-1": "Mr Jones"}
    sent = posted(render_step(form, contacts()))
    assert sent["repeat_count"] == "2"
    assert (sent["CONTACT_NAME-0"], sent["CONTACT_NAME-1"]) == ("Dr Patel", "Mr Jones")
    assert (sent["CONTACT_SINCE-1-day"], sent["CONTACT_SINCE-1-year"]) == ("2", "2019")
    assert "CONTACT_NAME-2" not in sent


def test_remove_is_offered_only_with_more_than_one_item_and_the_only_item_stays():
    html = render_step(steps.step_form(contacts()), contacts())
    assert 'value="remove-0"' not in html and 'value="add"' in html
    html = render_step(steps.step_form(contacts(), repeat_count=2), contacts())
    assert 'value="remove-0"' in html and 'value="remove-1"' in html
    assert 'Remove<span class="govuk-visually-hidden"> Contacts 2</span>' in html

    form = steps.repeat_button_form(contacts(), {"repeat_count": "1", "action": "remove-0"})
    assert form.repeat_count == 1


def test_the_main_button_and_groups_that_do_not_repeat_are_no_repeat_action():
    assert steps.repeat_button_form(contacts(), {"repeat_count": "2"}) is None
    assert steps.repeat_button_form(contacts(), {"action": "remove-x"}) is None
    assert steps.repeat_button_form(group(question("A")), {"action": "add"}) is None


@pytest.mark.parametrize(
    ("posted_count", "count"), [("3", 3), ("0", 1), ("many", 1), (None, 1), ("1000", 50)]
)
def test_the_posted_number_of_items_is_kept_within_bounds(posted_count, count):
    data = {} if posted_count is None else {"repeat_count": posted_count}
    assert steps.posted_repeat_count(data) == count


def test_add_more_stops_at_the_most_items_a_page_holds():
    form = steps.step_form(contacts(), repeat_count=steps.MAX_REPEATS)
    assert not form.can_add
    assert 'value="add"' not in render_step(form, contacts())


# -- answers out and back in -------------------------------------------------------------------


def every_kind():
    return group(
        question("NAME", max_length=30),
        question("VIEWS", "memo"),
        question("SIBLINGS", "integer"),
        question("HOURS", "decimal"),
        question("HAS_PLAN", "yes_no"),
        question("NO_PLAN", "yes_no"),
        question("BORN", "date"),
        question("SHORT_LIST", "choice", choices=choices("One", "Two")),
        question("LONG_LIST", "choice", choices=choices(*[f"Item {n}" for n in range(12)])),
        repeating=True,
    )


def test_answers_given_back_as_initial_fill_the_form_in_as_it_was():
    typed = {
        "repeat_count": "2",
        "NAME-0": "Sam",
        "VIEWS-0": "Likes music\nand art",
        "SIBLINGS-0": "007",
        "HOURS-0": "2.50",
        "HAS_PLAN-0": "yes",
        "NO_PLAN-0": "not_answered",
        "BORN-0-day": "05",
        "BORN-0-month": "3",
        "BORN-0-year": "2015",
        "SHORT_LIST-0": "two",
        "LONG_LIST-0": "item-11",
        "NAME-1": "Jo",
        "HAS_PLAN-1": "no",
    }
    answers = steps.step_form(every_kind(), typed, repeat_count=2)
    assert answers.is_valid(), answers.errors
    answers = answers.answers()
    assert answers[0, "SIBLINGS"] == 7 and answers[0, "BORN"] == "2015-03-05"
    assert answers[1, "VIEWS"] is None and answers[0, "NO_PLAN"] is None

    filled = steps.step_form(every_kind(), initial=answers, repeat_count=2)
    again = steps.step_form(every_kind(), posted(filled), repeat_count=2)
    assert again.is_valid(), again.errors
    assert again.answers() == answers


# -- words in the active language --------------------------------------------------------------


def test_welsh_labels_fall_back_to_english_where_the_team_wrote_none():
    health = GroupFactory(name_en="Health", name_cy="Iechyd")
    place(
        health,
        QuestionFactory(code="GP", label_en="Family doctor", label_cy="Meddyg teulu"),
        QuestionFactory(code="DENTIST", label_en="Dentist", label_cy=""),
        QuestionFactory(
            code="IN_CARE",
            data_type="yes_no",
            label_en="In care",
            label_cy="Mewn gofal",
            mandatory=True,
        ),
    )
    school = QuestionFactory(code="SCHOOL", data_type="choice", label_en="School")
    ChoiceFactory(question=school, label_en="Hillside", label_cy="")
    place(GroupFactory(form=health.form, number=health.number + 1), school)
    schema = FormSchema(build_schema(health.form))

    with translation.override("cy"):
        form = steps.step_form(schema.group(health.number), data={"GP": "", "IN_CARE": ""})
        html = squashed(form)
        assert "Meddyg teulu" in html and "Dentist" in html
        assert 'for="id_IN_CARE"> Ie </label>' in html
        assert 'for="id_IN_CARE-2"> Na </label>' in html
        assert errors(form) == {"IN_CARE": "Dewiswch ie neu na ar gyfer “Mewn gofal”"}
        assert "Hillside" in str(steps.step_form(schema.group(health.number + 1)))
    with translation.override("en"):
        assert "Family doctor" in str(steps.step_form(schema.group(health.number)))


# -- the task list ---------------------------------------------------------------------------


def render_step(form, group_schema):
    schema = FormSchema(
        {
            "code": "F",
            "portal_type": "citizen",
            "user_type": "parent_carer",
            "title": {"en": "Request"},
            "groups": [group_schema.data],
        }
    )
    context = {
        "schema": schema,
        "group": group_schema,
        "form": form,
        "task_list": steps.task_list(schema, lambda n: f"/step/{n}/"),
        "title_prefix": steps.title_prefix(),
        "back_url": "/back/",
        "action_url": "/step/2/",
        "preview": False,
    }
    request = RequestFactory().get("/step/2/")
    request.user = AnonymousUser()
    return render_to_string("send/form/step.html", context, request=request)


def test_the_task_list_names_each_step_with_its_status():
    schema = FormSchema(
        {
            "code": "F",
            "portal_type": "citizen",
            "user_type": "parent_carer",
            "title": {"en": "Request"},
            "groups": [g.data for g in (group(name="About you"), contacts())],
        }
    )
    schema.groups[1].data["number"] = 3
    schema = FormSchema(schema.data)
    statuses = {1: steps.COMPLETED, 2: steps.IN_PROGRESS}
    tasks = steps.task_list(schema, lambda n: f"/step/{n}/", statuses, current=2)
    assert [(t.number, t.name, t.url, t.status, t.current) for t in tasks] == [
        (1, "Subject details", "/step/1/", "completed", False),
        (2, "About you", "/step/2/", "in_progress", True),
        (3, "Contacts", "/step/3/", "not_started", False),
    ]
    html = squashed(
        Template("{% load send_forms %}{% task_list tasks %}").render(Context({"tasks": tasks}))
    )
    assert 'id="step-1-status">Completed</div>' in html
    assert '<strong class="govuk-tag govuk-tag--light-blue"> In progress </strong>' in html
    assert '<strong class="govuk-tag govuk-tag--blue"> Not started </strong>' in html
    assert 'href="/step/2/" aria-describedby="step-2-status" aria-current="step"' in html
