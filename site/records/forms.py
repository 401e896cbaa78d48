from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import importing


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 CSV with a header row: council_id, upn, nhs_number, forename, middle_names, "
            "surname, preferred_name, date_of_birth (YYYY-MM-DD), gender, address_line_1, "
            "address_line_2, town, postcode."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        """Refuse at once what is not a CSV export; the rows are checked by the import."""
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file must be smaller than %(size)s.")
                % {"size": filesizeformat(importing.MAX_UPLOAD_BYTES)}
            )
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Choose a .csv file."))
        try:
            text = importing.decode(upload.read())
        except importing.FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        finally:
            upload.seek(0)
        if "\x00" in text:
            raise forms.ValidationError(_("The file is not a CSV file."))
        header = importing.header_of(text)
        problems = importing.check_header(header)
        if problems:
            raise forms.ValidationError([problem["message"] for problem in problems])
        return upload
