"""The forms of the involvement screens. They hold no rules: the views pass what they clean
to the services."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.texts import raw_text

from ....models import FormDefinition, InformationRequest, PortalPerson, PortalSharing
from ....models.involvements import staff_users
from .. import statutory

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
    """A new involvement: one of the council's processes and the stage it starts at (the
    stages listed under each process)."""

    process = forms.ChoiceField(label=_("Process"))
    stage = forms.ChoiceField(label=_("Current stage"), required=False)
    caseworker = caseworker_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].choices = statutory.process_choices()
        self.fields["stage"].choices = [
            ("", "—"),
            *((raw_text(p.title), statutory.stage_choices(p)) for p in statutory.processes()),
        ]


class ChangeForm(forms.Form):
    stage = forms.ChoiceField(label=_("Current stage"), required=False)
    caseworker = caseworker_field()

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "—"), *statutory.stage_choices(process)]


class DatesForm(forms.Form):
    """One field per date the process definition lists, labelled in the process's words;
    clearing a date removes it."""

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        for field in process.dates:
            self.fields[field.code] = forms.DateField(
                label=raw_text(field.label), required=False, widget=DATE
            )


class ExceptionForm(forms.Form):
    """A legal exception: one of the process definition's exception reasons."""

    reason = forms.ChoiceField(label=_("Reason"))
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("To"), required=False, widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must be on or after the start."))
        return cleaned

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = [
            ("", "—"),
            *((reason.code, raw_text(reason.label)) for reason in process.exceptions),
        ]


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
