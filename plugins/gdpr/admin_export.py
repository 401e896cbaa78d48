"""Subject access export in the GDPR administration: find a person, then download everything the
portal holds about them as JSON or PDF. core.subject_access builds the export; these views check
the permission, record who exported whom in the audit log and send the file."""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.search import matching_people
from core import audit, subject_access
from portal import access

LISTED = 50
FORMATS = {
    "json": (
        "application/json; charset=utf-8",
        lambda data, _language: subject_access.as_json(data),
    ),
    "pdf": ("application/pdf", subject_access.as_pdf),
}

logger = logging.getLogger(__name__)
User = get_user_model()


def find_people(query):
    """Users whose name or email address contains every word of ``query``."""
    return matching_people(User.objects.order_by("last_name", "first_name", "email"), query)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or email address"), required=False)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the export"),
        choices=settings.LANGUAGES,
        help_text=_("The headings and labels are in this language."),
    )


class FindPersonView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    access_kind = "gdpr.person"
    template_name = "gdpr/admin_export/people.html"
    page_title = _("Subject access export")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        people = list(find_people(query)[: LISTED + 1]) if query else []
        return super().get_context_data(
            form=form, query=query, people=people[:LISTED], more=len(people) > LISTED, **kwargs
        )


class ExportPersonView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    access_kind = "gdpr.person"
    template_name = "gdpr/admin_export/person.html"
    header_icon = "download"

    @cached_property
    def person(self):
        return access.get_or_404(self.request.user, "gdpr.person", pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Subject access export")

    def get_page_subtitle(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("gdpr_subject_access"), "label": _("Subject access export")},
            {"url": "", "label": str(self.person)},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person,
            form=LanguageForm(initial={"language": self.person.preferred_language}),
            json_url=reverse("gdpr_subject_access_json", args=[self.person.pk]),
            pdf_url=reverse("gdpr_subject_access_pdf", args=[self.person.pk]),
            **kwargs,
        )


def download(request, pk, kind):
    """The export of one person as an attachment, in the language asked for (the person's
    preferred language by default). A failing export sends nothing and says why."""
    if not access.may(request.user, "administer", "gdpr.person"):
        return permission_denied(request)
    person = access.get_or_404(request.user, "gdpr.person", pk=pk)
    language = request.GET.get("language")
    if language not in dict(settings.LANGUAGES):
        language = person.preferred_language
    content_type, render = FORMATS[kind]
    try:
        data = subject_access.collect(person, by=request.user, language=language)
        content = render(data, language)
    except subject_access.SubjectAccessError as error:
        logger.exception("Subject access export of user %s failed", person.pk)
        messages.error(
            request,
            _("The export could not be made, so nothing was downloaded: %(error)s")
            % {"error": error},
        )
        return redirect("gdpr_subject_access_person", person.pk)
    logger.info(
        "Subject access export: staff user %s (%s) exported user %s (%s) as %s in %s",
        request.user.pk,
        request.user.email,
        person.pk,
        person.email,
        kind,
        language,
    )
    audit.record(request.user, "export.downloaded", person, f"{kind} {language}", request=request)
    response = HttpResponse(content, content_type=content_type)
    filename = f"subject-access-{person.pk}-{timezone.localdate():%Y-%m-%d}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: no copy may stay in a shared cache or the browser's.
    response["Cache-Control"] = "no-store"
    return response


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("gdpr/subject-access/", FindPersonView.as_view(), name="gdpr_subject_access"),
        path(
            "gdpr/subject-access/<int:pk>/",
            ExportPersonView.as_view(),
            name="gdpr_subject_access_person",
        ),
        path(
            "gdpr/subject-access/<int:pk>/json/",
            download,
            {"kind": "json"},
            name="gdpr_subject_access_json",
        ),
        path(
            "gdpr/subject-access/<int:pk>/pdf/",
            download,
            {"kind": "pdf"},
            name="gdpr_subject_access_pdf",
        ),
    ]


def subject_access_menu_item(order=600):
    """For the GDPR administration menu's hook."""
    return access.AccessMenuItem(
        _("Subject access export"),
        reverse("gdpr_subject_access"),
        kind="gdpr.person",
        icon_name="download",
        order=order,
    )
