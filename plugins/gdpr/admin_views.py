"""GDPR administration pages beside the viewsets: a question's citizen preview, cloning a
question, the email alert configuration and the days before consent counts as withheld."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.emails import send_email
from core.texts import render as render_text
from portal import access

from .admin_forms import EmailAlertsForm, WithheldSettingsForm
from .forms import ConsentForm
from .guards import clone_question
from .models import ConsentQuestion, GdprSettings, split_addresses


class _PreviewStatement:
    """The question's words in the shape of a published statement, for the citizen's form."""

    pk = None

    def __init__(self, question):
        self.words = {"statement": question.statement, "agreement": question.agreement}

    def text_for(self, language):
        return self.words


class QuestionPreviewView(access.AccessRequiredMixin, View):
    """The citizen's consent page for this question, in the portal's layout and the chosen
    language (English words where there is no translation yet, as for citizens)."""

    access_kind = "gdpr.question"

    def get(self, request, pk, language):
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        question = access.get_or_404(request.user, "gdpr.question", pk=pk)
        locale = Locale.objects.filter(language_code=language).first()
        shown = (locale and question.get_translation_or_none(locale)) or question.get_translation(
            question.get_default_locale()
        )
        with translation.override(language):
            return render(
                request,
                "gdpr/consent_preview.html",
                {
                    "question": shown,
                    "statement_html": render_text(shown.statement, True),
                    "form": ConsentForm(current=_PreviewStatement(shown), language=language),
                },
            )

    # The preview's Continue button posts back here: show the page again, nothing is kept.
    post = get


class QuestionCloneView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm (GET), then copies the question with its translations (POST)."""

    access_kind = "gdpr.question"
    template_name = "gdpr/admin/confirm.html"
    page_title = _("Clone question")
    header_icon = "copy"

    @cached_property
    def question(self):
        return access.get_or_404(self.request.user, "gdpr.question", pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.question)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "question_text": _(
                "Make an unpublished copy of this question, in every language it has? You can "
                "then change the copy and schedule it."
            ),
            "button": _("Yes, clone it"),
            "cancel_url": reverse(ConsentQuestion.snippet_viewset.get_url_name("list")),
        }

    def post(self, request, pk):
        copy = clone_question(self.question)
        messages.success(request, _("The question has been cloned. This is the copy."))
        return redirect(ConsentQuestion.snippet_viewset.get_url_name("edit"), copy.pk)


class EmailAlertsView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """The addresses told about every withdrawal, with a test email to check them before
    saving."""

    access_kind = "gdpr.statement"
    template_name = "gdpr/admin/email_alerts.html"
    form_class = EmailAlertsForm
    page_title = _("Email alerts")
    header_icon = "mail"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": GdprSettings.load()}

    def form_valid(self, form):
        if "send_test" in self.request.POST:
            addresses = split_addresses(form.cleaned_data["notification_addresses"])
            for address in addresses:
                send_email(address, "gdpr.emailsubject.test_alert", "gdpr.email_test_alert")
            if addresses:
                messages.success(
                    self.request,
                    _("A test email has been sent to %(addresses)s.")
                    % {"addresses": "; ".join(addresses)},
                )
            else:
                messages.warning(self.request, _("There are no addresses to send to."))
            # Nothing is saved until Save: staff check the addresses first.
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(self.request, _("The email alert addresses have been saved."))
        return redirect("gdpr_email_alerts")


class WithheldSettingsView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """The number of days someone shown a new statement has to agree or withdraw before
    their consent is recorded as withheld."""

    access_kind = "gdpr.statement"

    template_name = "gdpr/admin/withheld_settings.html"
    form_class = WithheldSettingsForm
    page_title = _("Withheld consent")
    header_icon = "time"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": GdprSettings.load()}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The number of days has been saved."))
        return redirect("gdpr_withheld_settings")
