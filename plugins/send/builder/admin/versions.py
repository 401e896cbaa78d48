"""A form's versions in the Wagtail admin: renumbering its groups, publishing, cloning, the
version history and blank printouts. Every rule is in ``builder``; these views ask it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.paginator import WagtailPaginator

from ...models import FormVersion
from ...models.forms import FIRST_GROUP_NUMBER
from ...printing.admin import PrintView
from .. import services as builder
from ..schema import FormSchema, build_schema
from ..welsh import missing_welsh
from .definition_forms import CloneForm
from .groups import _BuilderPage, build_url, preview_url, url

VERSIONS_PER_PAGE = 50


# -- renumbering and publishing ---------------------------------------------------------


class RenumberView(_BuilderPage, TemplateView):
    """Asks to confirm (GET), showing the new numbers, then renumbers the groups (POST)."""

    template_name = "send/admin/forms/renumber.html"
    page_title = gettext_lazy("Renumber groups")

    def get_context_data(self, **kwargs):
        groups = self.form_definition.groups.order_by("number", "pk")
        return {
            **super().get_context_data(**kwargs),
            "changes": [(group, number) for number, group in enumerate(groups, FIRST_GROUP_NUMBER)],
        }

    def post(self, request, pk):
        builder.renumber_groups(self.form_definition)
        messages.success(request, _("The groups have been renumbered."))
        return redirect(build_url(self.form_definition.pk))


class PublishView(_BuilderPage, TemplateView):
    """The Build page's Publish button: a new immutable version, or why there can't be one."""

    template_name = "send/admin/forms/publish_problems.html"
    page_title = gettext_lazy("Publish")
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            version = builder.publish(self.form_definition, request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(problems=error.messages))
        messages.success(
            request,
            _("Version %(number)s of %(code)s has been published.")
            % {"number": version.number, "code": self.form_definition.code},
        )
        missing = missing_welsh(self.form_definition)
        if missing:
            messages.warning(
                request,
                _("These texts have no Welsh, so the portal shows them in English: %(texts)s.")
                % {"texts": "; ".join(missing)},
            )
        return redirect(build_url(self.form_definition.pk))


# -- cloning and the version history ----------------------------------------------------


class CloneView(_BuilderPage, FormView):
    """A new, not-live form copying this one's details, groups and questions."""

    form_class = CloneForm
    template_name = "send/admin/forms/clone.html"
    page_title = gettext_lazy("Clone form")
    header_icon = "copy"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": url("edit", self.form_definition.pk),
        }

    def form_valid(self, form):
        try:
            copy = builder.clone(
                self.form_definition,
                form.cleaned_data["code"],
                title_en=form.cleaned_data["title_en"] or None,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(code)s has been cloned. This is the copy, %(copy)s: it is not live.")
            % {"code": self.form_definition.code, "copy": copy.code},
        )
        return redirect(url("edit", copy.pk))


class VersionHistoryView(_BuilderPage, TemplateView):
    """The published versions, newest first, with their portal previews in both languages."""

    template_name = "send/admin/forms/versions.html"
    page_title = gettext_lazy("Version history")
    header_icon = "history"

    def get_context_data(self, **kwargs):
        form = self.form_definition
        # The schema can be large and is not shown here.
        versions = builder.version_history(form).defer("schema")
        paginator = WagtailPaginator(versions, VERSIONS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        rows = [
            {
                "version": version,
                "live": version.pk == form.live_version_id,
                "preview_en": preview_url(form.pk, version.number, "en"),
                "preview_cy": preview_url(form.pk, version.number, "cy"),
            }
            for version in page
        ]
        return {
            **super().get_context_data(**kwargs),
            "rows": rows,
            "versions": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "preview_draft_en": preview_url(form.pk, "draft", "en"),
            "preview_draft_cy": preview_url(form.pk, "draft", "cy"),
        }


# -- blank printouts ----------------------------------------------------------------------


class PrintBlankView(_BuilderPage, PrintView):
    """A blank copy of the working copy (no ``number``) or of a published version, to check
    how the form prints or to post to a family."""

    page_title = gettext_lazy("Print a blank copy")
    header_icon = "download"

    @cached_property
    def version(self):
        number = self.kwargs.get("number")
        if number is None:
            return None
        return get_object_or_404(FormVersion, form=self.form_definition, number=number)

    @cached_property
    def schema(self):
        if self.version is None:
            return FormSchema(build_schema(self.form_definition))
        return FormSchema(self.version.schema)

    @property
    def file_name(self):
        which = f"v{self.version.number}" if self.version else "draft"
        return f"{self.form_definition.code}-{which}"

    def get_page_subtitle(self):
        if self.version is None:
            return _("%(title)s, draft") % {"title": self.form_definition.title_en}
        return _("%(title)s, version %(number)s") % {
            "title": self.form_definition.title_en,
            "number": self.version.number,
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "intro": _(
                "A blank copy shows every question of the form, with room to write the "
                "answers by hand."
            ),
            "cancel_url": build_url(self.form_definition.pk),
        }
