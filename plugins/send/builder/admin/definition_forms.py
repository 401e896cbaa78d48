"""Forms of the form builder's definition screens: the definition itself, a question group,
cloning and the question picker's search."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ...models import FormDefinition, QuestionGroup
from ...models.forms import FIRST_GROUP_NUMBER, PortalType, UserType
from ...models.questions import clean_code

# Only citizen forms have a portal user type: the choices are greyed out in the browser for a
# professional form (Wagtail's "w-rules" controller) and the model's clean() sets "not
# applicable" whatever was sent.
CITIZEN_USER_TYPES = [
    (kind.value, kind.label) for kind in (UserType.PARENT_CARER, UserType.YOUNG_PERSON)
]
ONLY_FOR_CITIZEN_FORMS = json.dumps({"portal_type": [PortalType.CITIZEN]})


class FormDefinitionForm(WagtailAdminModelForm):
    portal_type = forms.ChoiceField(
        label=_("Portal type"), choices=PortalType.choices, widget=forms.RadioSelect
    )
    user_type = forms.ChoiceField(
        label=_("Portal user type"),
        choices=CITIZEN_USER_TYPES,
        required=False,
        widget=forms.RadioSelect(
            attrs={"data-w-rules-target": "enable", "data-w-rules": ONLY_FOR_CITIZEN_FORMS}
        ),
        help_text=_("Only for citizen portal forms: who fills the form in."),
    )

    class Meta:
        model = FormDefinition
        fields = [
            "title_en",
            "title_cy",
            "guidance_en",
            "guidance_cy",
            "subtitle",
            "description",
            "code",
            "portal_type",
            "user_type",
            "live",
            "chronology_groups",
        ]
        widgets = {"chronology_groups": forms.CheckboxSelectMultiple}

    def clean_code(self):
        return clean_code(self.cleaned_data["code"])

    def clean_user_type(self):
        # No choice (a professional form's greyed-out field is not sent) is "not applicable";
        # the model refuses that for a citizen form.
        return self.cleaned_data["user_type"] or UserType.NOT_APPLICABLE


class GroupForm(forms.ModelForm):
    class Meta:
        model = QuestionGroup
        fields = ["name_en", "name_cy", "guidance_en", "guidance_cy", "number", "repeating"]
        widgets = {
            "guidance_en": forms.Textarea(attrs={"rows": 4}),
            "guidance_cy": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's clean() explains why numbers start from 2.
        self.fields["number"].widget.attrs["min"] = FIRST_GROUP_NUMBER


class CloneForm(forms.Form):
    code = forms.CharField(
        label=_("Code of the new form"),
        max_length=FormDefinition._meta.get_field("code").max_length,
        help_text=_("Capital letters, digits, hyphens and underscores."),
    )
    title_en = forms.CharField(
        label=_("Title of the new form (English)"),
        max_length=FormDefinition._meta.get_field("title_en").max_length,
        required=False,
        help_text=_("Left empty, the copy keeps this form's title."),
    )

    def clean_code(self):
        return clean_code(self.cleaned_data["code"])


class QuestionSearchForm(forms.Form):
    q = forms.CharField(label=_("Code or question"), required=False, max_length=200)
