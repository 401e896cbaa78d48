from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm


class StatementInput(forms.HiddenInput):
    # The theme has no template for Django's hidden input (django.forms is not installed).
    template_name = "gdpr/_hidden_input.html"


class ConsentForm(PortalForm, forms.Form):
    """The statement's tick box. ``statement`` says which version the page showed, so an
    answer to a statement replaced while the page was open is not taken as agreement."""

    statement = forms.IntegerField(widget=StatementInput)
    agree = forms.BooleanField(
        error_messages={"required": _("Tick the box to agree to the statement")}
    )

    def __init__(self, *args, current, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["statement"].initial = current.pk
        self.fields["agree"].label = current.text_for(language).get("agreement", "")

    @property
    def answers_another_statement(self):
        """Whether the page that was posted showed another statement than the current one
        (replaced while it was open, or a tampered form)."""
        return self.is_bound and self["statement"].data != str(self.current.pk)
