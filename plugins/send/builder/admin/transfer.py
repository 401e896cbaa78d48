"""Exporting a form definition as a JSON file and importing one, in the SEND form builder
(``plugins.send.builder.transfer`` reads and writes the files)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal import access

from ...models import FormDefinition
from .. import transfer


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Form file"),
        help_text=_("A .json file exported from a SEND portal, at most %(limit)s MB.")
        % {"limit": transfer.MAX_FILE_BYTES // (1024 * 1024)},
    )
    code = forms.CharField(
        label=_("Import as code"),
        required=False,
        max_length=FormDefinition._meta.get_field("code").max_length,
        help_text=_(
            "Leave empty to keep the file's form code. Give a new code to import a form this "
            "site already has, for example to compare two versions."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        transfer.ensure_file_size(upload.size)
        return upload


class ImportView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file; every problem with it is listed, and nothing is written until there
    are none."""

    access_kind = "send.form_definition"
    access_action = "build"

    template_name = "send/admin/transfer/import.html"
    form_class = ImportForm
    page_title = _("Import a form")
    header_icon = "upload"

    def form_valid(self, form):
        try:
            imported = transfer.import_form(
                form.cleaned_data["file"].read(), code=form.cleaned_data["code"] or None
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Form %(code)s has been imported as a draft. It is not live.")
            % {"code": imported.code},
        )
        return redirect("send_forms:build", imported.pk)


@require_GET
def export_form(request, pk):
    """The form's working copy as ``<CODE>.json``, to import on another site."""
    if not access.may(request.user, "build", "send.form_definition"):
        return permission_denied(request)
    form = access.get_or_404(request.user, "send.form_definition", pk=pk)
    response = HttpResponse(transfer.export_json(form), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{form.code}.json"'
    return response


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("send/transfer/import/", ImportView.as_view(), name="send_form_import"),
        path("send/transfer/export/<int:pk>/", export_form, name="send_form_export"),
    ]


def import_menu_item():
    """For the SEND menu."""
    return access.AccessMenuItem(
        _("Import a form"),
        reverse("send_form_import"),
        kind="send.form_definition",
        action="build",
        icon_name="upload",
        order=30,
    )
