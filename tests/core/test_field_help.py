"""Every portal form field can show help that an editor writes as a portal text."""

import datetime

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test.html import parse_html
from django.utils.translation import override

from core.forms import PortalForm
from tests.factories import TextResourceFactory, locale

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    # Requests in earlier tests can leave another language active on this thread.
    with override("en"):
        yield


class ChildForm(PortalForm, forms.Form):
    text_prefix = "tests.child"

    first_name = forms.CharField(label="First name", help_text="As on their birth certificate")
    date_of_birth = forms.DateField(label="Date of birth")
    needs = forms.MultipleChoiceField(
        label="Needs",
        choices=[("speech", "Speech and language"), ("sensory", "Sensory")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    school = forms.ChoiceField(
        label="School", choices=[("", "Choose a school"), ("oak", "Oak Primary")], required=False
    )
    notes = forms.CharField(label="Anything else", widget=forms.Textarea, required=False)
    agreed = forms.BooleanField(label="I agree", required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first_name") == "Nobody":
            raise forms.ValidationError("We could not find that child")
        return cleaned


VALID = {
    "first_name": "Alex",
    "date_of_birth-day": "5",
    "date_of_birth-month": "3",
    "date_of_birth-year": "2016",
}


def contains(html, fragment):
    return parse_html(fragment) in parse_html(html)


def test_hint_written_by_an_editor_shows_under_the_field():
    TextResourceFactory(key="tests.child.first_name.hint", value="Their first name only")

    html = str(ChildForm())

    assert contains(
        html, '<div id="id_first_name-hint" class="govuk-hint">Their first name only</div>'
    )
    assert 'aria-describedby="id_first_name-hint"' in html
    assert "As on their birth certificate" not in html


def test_without_an_editors_hint_the_fields_own_help_text_shows():
    html = str(ChildForm())

    assert contains(
        html, '<div id="id_first_name-hint" class="govuk-hint">As on their birth certificate</div>'
    )


def test_editor_can_add_help_to_a_field_that_had_none():
    TextResourceFactory(key="tests.child.notes.hint", value="For example, how they travel")

    html = str(ChildForm())

    assert contains(
        html, '<div id="id_notes-hint" class="govuk-hint">For example, how they travel</div>'
    )
    assert 'aria-describedby="id_notes-hint"' in html


def test_editor_can_reword_a_label():
    TextResourceFactory(key="tests.child.first_name.label", value="Child's first name")

    html = str(ChildForm())

    assert contains(
        html, '<label class="govuk-label" for="id_first_name">Child\'s first name</label>'
    )


def test_fields_render_as_govuk_components():
    html = str(ChildForm())

    assert contains(
        html,
        '<input class="govuk-input" id="id_first_name" name="first_name" type="text"'
        ' aria-describedby="id_first_name-hint">',
    )
    assert '<fieldset class="govuk-fieldset" role="group">' in html
    assert 'name="date_of_birth-day"' in html
    assert 'class="govuk-checkboxes"' in html
    assert 'id="id_needs" name="needs" type="checkbox" value="speech"' in html
    assert '<select class="govuk-select" id="id_school" name="school">' in html
    assert '<textarea class="govuk-textarea" id="id_notes" name="notes" rows="10">' in html
    assert 'id="id_agreed" name="agreed" type="checkbox" value="true"' in html
    assert "required" not in html


def test_errors_show_in_a_summary_linking_to_each_field():
    form = ChildForm(data={"first_name": "", "date_of_birth-day": "31"})
    assert not form.is_valid()

    summary = render_to_string("govuk/error_summary.html", {"form": form})
    html = str(form)

    assert contains(summary, '<h2 class="govuk-error-summary__title">There is a problem</h2>')
    assert contains(summary, '<a href="#id_first_name">This field is required.</a>')
    assert contains(summary, '<a href="#id_date_of_birth-day">Enter a valid date.</a>')
    assert contains(
        html,
        '<p id="id_first_name-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> This field is required.</p>',
    )
    assert 'aria-describedby="id_first_name-hint id_first_name-error"' in html
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert 'value="31"' in html


def test_an_error_about_the_whole_form_links_to_the_first_field():
    form = ChildForm(data={**VALID, "first_name": "Nobody"})
    assert not form.is_valid()

    summary = render_to_string("govuk/error_summary.html", {"form": form})

    assert contains(summary, '<a href="#id_first_name">We could not find that child</a>')


def test_a_valid_form_has_no_error_summary_and_reads_the_date_boxes():
    form = ChildForm(data={**VALID, "needs": ["sensory"], "agreed": "true"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == datetime.date(2016, 3, 5)
    assert form.cleaned_data["agreed"] is True
    assert render_to_string("govuk/error_summary.html", {"form": form}).strip() == ""
    assert 'value="sensory" checked' in str(form)


def test_welsh_hint_shows_in_welsh():
    TextResourceFactory(key="tests.child.first_name.hint", value="Their first name only")
    TextResourceFactory(
        key="tests.child.first_name.hint", value="Eu henw cyntaf yn unig", locale=locale("cy")
    )

    with override("cy"):
        html = str(ChildForm())

    assert "Eu henw cyntaf yn unig" in html
    assert "Their first name only" not in html
