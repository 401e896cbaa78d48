"""The forms of the involvement screens. They hold no rules: the views pass what they clean
to the services."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ....models import FormDefinition, InformationRequest, PortalPerson, PortalSharing
from ....models.involvements import staff_users

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def caseworker_field(**kwargs):
    return forms.ModelChoiceField(
        label=_("Caseworker"),
        queryset=get_user_model().objects.filter(staff_users()).order_by("first_name", "last_name"),
        required=False,
        **kwargs,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class InvolvementForm(forms.Form):
    """A new involvement: the process (a code of a process definition) and where it starts."""

    process = forms.SlugField(
        label=_("Process"),
        max_length=50,
        help_text=_("The code of the statutory process, e.g. england_ehc_assessment."),
    )
    stage = forms.SlugField(label=_("Current stage"), max_length=50, required=False)
    caseworker = caseworker_field()


class ChangeForm(forms.Form):
    stage = forms.SlugField(label=_("Current stage"), max_length=50, required=False)
    caseworker = caseworker_field()


class DateForm(forms.Form):
    """One key date; clearing the date removes it."""

    code = forms.SlugField(label=_("Key date"), max_length=50)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE)


DateFormSet = forms.formset_factory(DateForm, extra=1)


class ExceptionForm(forms.Form):
    reason = forms.SlugField(label=_("Reason"), max_length=50)
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("To"), required=False, widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must be on or after the start."))
        return cleaned


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("Reason for closing"), widget=forms.Textarea({"rows": 3}))
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE)


class SharingForm(forms.Form):
    """What the council records about a portal user on the involvement."""

    role = forms.CharField(
        label=_("Role or relationship"),
        max_length=100,
        required=False,
        help_text=_("Filled in from a professional's account when left blank."),
    )
    young_person = forms.BooleanField(label=_("Young person"), required=False)
    parental_responsibility = forms.BooleanField(label=_("Parental responsibility"), required=False)


class AuthenticateForm(forms.Form):
    reason = forms.CharField(
        label=_("Authentication reason"),
        help_text=_(
            "Why the council shares this child's SEND information with this person, and how "
            "their identity was checked."
        ),
        widget=forms.Textarea({"rows": 5}),
    )


class InformationRequestForm(forms.ModelForm):
    """Information asked for on the involvement: from a portal user recorded on it, about a
    person declared for this child, perhaps on one of the council's forms."""

    class Meta:
        model = InformationRequest
        fields = ["user", "person", "form", "role", "requested", "due_on", "notified_on"]
        widgets = {"due_on": DATE, "notified_on": DATE}

    def __init__(self, *args, involvement, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(
            send_sharing__involvement=involvement,
            send_sharing__state__in=[
                PortalSharing.State.SHARED,
                PortalSharing.State.AUTHENTICATED,
                PortalSharing.State.UNAUTHENTICATED,
            ],
        )
        self.fields["user"].queryset = users.order_by("first_name", "last_name")
        self.fields["person"].queryset = PortalPerson.objects.filter(
            child_record=involvement.child_record_id
        )
        self.fields["form"].queryset = FormDefinition.objects.order_by("code")
