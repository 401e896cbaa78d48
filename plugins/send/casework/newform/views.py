"""New form from the chronology, in the Wagtail admin: one address per child record, which
asks in turn for the form definition, the earlier answers of questions inherited multiple
times, then shows the whole form on one page. Every rule is in ``services``; these views ask
it. Staff need the "decide" action of "send.submission" (to view and to decide on forms)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core import audit
from portal import access

from ...builder.schema import FormSchema
from . import services
from .forms import (
    ADD_ITEM,
    CONTINUE,
    REMOVE_ITEM,
    ChooseEarlierAnswers,
    ChooseFormDefinition,
    NewFormPage,
)

TEMPLATES = "send/admin/newform/"


class NewFormView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, View):
    """Choose a form (``?form=``), then the earlier answers to bring in (``&chosen=1``), then
    fill in and save the form (POST to the same address)."""

    access_kind = "send.submission"
    access_action = "decide"
    header_icon = "doc-full"
    page_title = _("New form from the chronology")

    @cached_property
    def source(self):
        """The child's latest approved form: the new form's person and its answers. A child
        record that is unknown, or that has no approved form this user may see, is 404."""
        source = services.latest_approved(self.request.user, self.kwargs["child_record_id"])
        if source is None:
            raise Http404
        return source

    def get_page_subtitle(self):
        return self.source.person.full_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def render(self, template, status=200, **context):
        context = {
            **self.get_context_data(),
            "source": self.source,
            "source_decided": services.decided_words(self.source.decided_at),
            **context,
        }
        return TemplateResponse(self.request, TEMPLATES + template, context, status=status)

    def steps_before_the_form(self):
        """The response asking for the form definition or the earlier answers, or what the
        form starts from: ``(definition, schema, inheritance)``."""
        query = self.request.GET
        choose = ChooseFormDefinition(query if "form" in query else None)
        if not choose.is_valid():
            return self.render("choose.html", form=choose)
        definition = choose.cleaned_data["form"]
        schema = FormSchema(definition.live_version.schema)
        questions = services.multiple_questions(schema)
        earlier = services.earlier_answers(
            self.request.user, self.kwargs["child_record_id"], schema
        )
        chosen = {}
        if earlier:
            chooser = ChooseEarlierAnswers(questions, earlier, query if "chosen" in query else None)
            if not chooser.is_valid():
                return self.render(
                    "earlier.html", form=chooser, definition=definition, schema=schema
                )
            chosen = chooser.chosen_answers()
        return definition, schema, services.inherit(schema, self.source, chosen)

    def get(self, request, child_record_id):
        found = self.steps_before_the_form()
        if not isinstance(found, tuple):
            return found
        definition, schema, inheritance = found
        # Showing the form shows the answers of the child's approved form.
        audit.record(request.user, "submission.opened", self.source, request=request)
        return self.form_page(definition, schema, NewFormPage(schema, inheritance))

    def post(self, request, child_record_id):
        found = self.steps_before_the_form()
        if not isinstance(found, tuple):
            return found
        definition, schema, inheritance = found
        page = NewFormPage(schema, inheritance, request.POST)
        if not page.is_valid():
            if page.repeat_pressed is None:
                messages.error(
                    request, _("The form could not be saved: correct the answers below.")
                )
            return self.form_page(definition, schema, page)
        if page.unchanged() and request.POST.get("action") != CONTINUE:
            return self.form_page(definition, schema, page, confirm=True)
        submission = services.create_from_chronology(
            request.user, definition, inheritance, page.answers(), page.repeat_counts, request
        )
        messages.success(
            request,
            _("Form %(reference)s has been saved, approved and added to the child's chronology.")
            % {"reference": submission.reference},
        )
        return redirect("send_submission", submission.pk)

    def form_page(self, definition, schema, page, confirm=False):
        return self.render(
            "form.html",
            definition=definition,
            schema=schema,
            page=page,
            panels=page.panels(),
            errors=page.errors,
            confirm=confirm,
            add_item=ADD_ITEM,
            remove_item=REMOVE_ITEM,
            continue_action=CONTINUE,
        )


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        access.route(
            path(
                "send/chronology/<int:child_record_id>/new-form/",
                NewFormView.as_view(),
                name="send_chronology_new_form",
            ),
            child_record_id="records.child_record",
        )
    ]
