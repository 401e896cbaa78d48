"""The forms of the SEND home: adding a person, a young person's own details and the
professional's person filter. Labels, hints and messages are portal texts
(texts/people.py); the rules they check live in plugins.send.people.services."""

from django import forms
from django.utils.functional import lazy

from core.forms import PortalForm
from core.texts import raw_text

from ..models.people import Relationship
from . import services as people

text_lazy = lazy(raw_text, str)


def _name_field(required_key=None):
    # No max_length: a longer name must reach the check that asks the user to contact the
    # council, not be cut short by the browser.
    return forms.CharField(
        required=bool(required_key),
        error_messages={"required": text_lazy(required_key)} if required_key else {},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )


def _date_of_birth_field(required_key):
    return forms.DateField(
        error_messages={
            "required": text_lazy(required_key),
            "invalid": text_lazy("send.people.error.date_of_birth_invalid"),
        },
    )


class _PersonDetailsForm(PortalForm, forms.Form):
    """Names and a date of birth, checked against the rules of plugins.send.people.services."""

    young_person = False

    def _clean_name(self, field):
        value = " ".join(self.cleaned_data[field].split())
        problem = people.name_problem(field, value)
        if problem:
            raise forms.ValidationError(raw_text(problem))
        return value

    def clean_forename(self):
        return self._clean_name("forename")

    def clean_middle_names(self):
        return self._clean_name("middle_names")

    def clean_surname(self):
        return self._clean_name("surname")

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        problem = people.date_of_birth_problem(value, young_person=self.young_person)
        if problem:
            raise forms.ValidationError(raw_text(problem))
        return value


class CorrectChildForm(_PersonDetailsForm):
    """A parent or carer corrects a child's names and date of birth."""

    text_prefix = "send.people.add"

    forename = _name_field("send.people.error.forename_required")
    middle_names = _name_field()
    surname = _name_field("send.people.error.surname_required")
    date_of_birth = _date_of_birth_field("send.people.error.date_of_birth_required")


class AddPersonForm(_PersonDetailsForm):
    """A parent or carer adds a child; a professional adds a person (always linked to them
    as a professional, so they are not asked about relationship or address)."""

    text_prefix = "send.people.add"

    forename = _name_field("send.people.error.forename_required")
    middle_names = _name_field()
    surname = _name_field("send.people.error.surname_required")
    date_of_birth = _date_of_birth_field("send.people.error.date_of_birth_required")
    relationship = forms.ChoiceField(
        choices=[
            (choice, text_lazy(f"send.people.relationship.{choice}"))
            for choice in people.CITIZEN_RELATIONSHIPS
        ],
        widget=forms.RadioSelect,
        error_messages={"required": text_lazy("send.people.error.relationship_required")},
    )
    lives_with_user = forms.TypedChoiceField(
        choices=[
            ("yes", text_lazy("send.people.answer.yes_they_do")),
            ("no", text_lazy("send.people.answer.no_they_do_not")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": text_lazy("send.people.error.lives_with_user_required")},
    )

    def __init__(self, *args, professional, **kwargs):
        super().__init__(*args, **kwargs)
        self.professional = professional
        if professional:
            del self.fields["relationship"]
            del self.fields["lives_with_user"]

    def details(self):
        """The cleaned answers as :func:`plugins.send.people.services.add_person` takes them."""
        data = self.cleaned_data
        return {
            "forename": data["forename"],
            "middle_names": data["middle_names"],
            "surname": data["surname"],
            "date_of_birth": data["date_of_birth"],
            "lives_with_user": data.get("lives_with_user", False),
            "relationship": Relationship.PROFESSIONAL
            if self.professional
            else data["relationship"],
        }


class MyDetailsForm(_PersonDetailsForm):
    """A young person checks the details of their own record."""

    text_prefix = "send.my_details.form"
    young_person = True

    forename = _name_field("send.my_details.error.forename_required")
    middle_names = _name_field()
    surname = _name_field("send.my_details.error.surname_required")
    date_of_birth = _date_of_birth_field("send.my_details.error.date_of_birth_required")


class PersonFilterForm(PortalForm, forms.Form):
    """A professional's list: which people, and part of a name."""

    text_prefix = "send.home.filter"

    view = forms.ChoiceField(
        required=False,
        choices=[(view, text_lazy(f"send.home.view.{view}")) for view in people.LIST_VIEWS],
    )
    name = forms.CharField(required=False, max_length=100)

    def choice(self):
        """(view, name) to list; what cannot be read falls back to the active list."""
        if not self.is_valid():
            return people.ACTIVE, ""
        return self.cleaned_data["view"] or people.ACTIVE, self.cleaned_data["name"].strip()
