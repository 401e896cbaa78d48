"""Printing SEND forms from the admin: the portal's print options, plus the language to print
in, on an admin page that answers a valid choice with the PDF or Word file. The council
prints submitted forms with their answers; the SEND team prints blank copies of the forms it
builds."""

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..builder.schema import current_language
from ..filling.answers import blank_answers
from . import formats
from .forms import PrintOptionsForm


class StaffPrintOptionsForm(PrintOptionsForm):
    """The portal's print options and the language of the printout: the council prints a
    form in English or Welsh whichever language its staff use the admin in."""

    language = forms.ChoiceField(
        label=_("Language"), widget=forms.RadioSelect, choices=settings.LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()


class PrintView(WagtailAdminTemplateMixin, FormView):
    """The print options page, mixed in after the admin page it belongs to. Subclasses
    give the ``schema`` (a FormSchema) to print and the ``file_name`` without its extension;
    without a ``submission`` it prints a blank copy."""

    template_name = "send/admin/print.html"
    form_class = StaffPrintOptionsForm
    submission = None

    def answers(self):
        return blank_answers()

    def printed(self, file_format):
        """Called once the file is made, e.g. to record it in an audit trail."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "schema": self.schema}

    def form_valid(self, form):
        file_format = form.cleaned_data["file_format"]
        content = formats.print_file(
            file_format,
            self.schema,
            self.answers(),
            form.print_options(),
            form.cleaned_data["language"],
            submission=self.submission,
        )
        self.printed(file_format)
        response = HttpResponse(content, content_type=formats.CONTENT_TYPES[file_format])
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.file_name}.{file_format}"
        )
        return response
