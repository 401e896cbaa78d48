"""One involvement in the admin: its page (key dates, exceptions, portal sharing and
information requested), opening one for a child found by a search that works without
JavaScript, changing its caseworker, stage, dates and exceptions, closing and reopening it.
Every rule is in ``services``; these views ask it."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from core import audit
from core.texts import raw_text
from records.links import record_links
from records.models import ChildRecord

from .. import services, statutory
from .base import AreaPage, InvolvementPage
from .forms import ChangeForm, CloseForm, DatesForm, ExceptionForm, InvolvementForm, SearchForm

RESULTS = 20


class InvolvementView(InvolvementPage, TemplateView):
    template_name = "send/admin/involvements/detail.html"
    page_title = _("Involvement")

    def get(self, request, *args, **kwargs):
        audit.record(request.user, "involvement.viewed", self.involvement, request=request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        involvement = self.involvement
        process = statutory.definition_of(involvement.process)
        labels = {}
        if process:
            labels = {field.code: raw_text(field.label) for field in process.dates}
            labels.update((r.code, raw_text(r.label)) for r in process.exceptions)
        return {
            **super().get_context_data(**kwargs),
            "process_label": statutory.process_label(involvement.process),
            "stage_label": statutory.stage_label(involvement.process, involvement.stage),
            "timeline": statutory.case_timeline(involvement),
            "dates": [(labels.get(row.code, row.code), row) for row in involvement.dates.all()],
            "exceptions": [
                (labels.get(row.reason, row.reason), row) for row in involvement.exceptions.all()
            ],
            "sharing": involvement.sharing.exclude(state="removed").select_related("user"),
            "requests": involvement.information_requests.select_related("user", "person", "form"),
            # Other apps' screens about the child (its messages, ...), through records.links.
            "record_links": record_links(self.request, involvement.child_record),
        }


class CreateView(AreaPage, FormView):
    """Find the child (by name or council id), then say which process starts for them."""

    template_name = "send/admin/involvements/create.html"
    form_class = InvolvementForm
    page_title = _("New involvement")

    @cached_property
    def child_record(self):
        pk = self.request.GET.get("child") or self.request.POST.get("child")
        if not pk or not pk.isdigit():
            return None
        return get_object_or_404(ChildRecord, pk=pk)

    def children_found(self):
        search = SearchForm(self.request.GET)
        query = search.data.get("q", "").strip()
        if not query:
            return search, None
        names = Q()
        for word in query.split():
            names &= Q(forename__icontains=word) | Q(surname__icontains=word)
        return search, ChildRecord.objects.filter(names | Q(council_id__iexact=query))[:RESULTS]

    def get_context_data(self, **kwargs):
        search, found = self.children_found()
        return {
            **super().get_context_data(**kwargs),
            "child_record": self.child_record,
            "hidden": {"child": self.child_record.pk} if self.child_record else {},
            "search": search,
            "found": found,
        }

    def post(self, request, *args, **kwargs):
        if self.child_record is None:
            return redirect("send_involvement_create")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            involvement = services.open_involvement(
                self.child_record,
                data["process"],
                self.request.user,
                stage=data["stage"],
                caseworker=data["caseworker"],
                request=self.request,
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Involvement opened."))
        return redirect("send_involvement", involvement.pk)


class ChangeView(InvolvementPage, TemplateView):
    """The caseworker and stage, the key dates (clear one to remove it) and a new exception."""

    template_name = "send/admin/involvements/edit.html"
    page_title = _("Change involvement")

    @cached_property
    def process(self):
        process = statutory.definition_of(self.involvement.process)
        if process is None:
            raise Http404("The involvement's process has no definition.")
        return process

    def forms(self, data=None):
        involvement, process = self.involvement, self.process
        return {
            "form": ChangeForm(
                data,
                initial={"stage": involvement.stage, "caseworker": involvement.caseworker},
                prefix="involvement",
                process=process,
            ),
            "dates": DatesForm(
                data,
                initial=statutory.recorded_dates(involvement, process),
                prefix="dates",
                process=process,
            ),
            "exception": ExceptionForm(
                data,
                prefix="exception",
                empty_permitted=True,
                use_required_attribute=False,
                process=process,
            ),
        }

    def get_context_data(self, **kwargs):
        return {**self.forms(), **super().get_context_data(**kwargs), **kwargs}

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST)
        if not all(form.is_valid() for form in forms.values()):
            return self.render_to_response(self.get_context_data(**forms))
        try:
            self.save(forms)
        except services.NotAllowed as refused:
            forms["form"].add_error(None, refused.reason)
            return self.render_to_response(self.get_context_data(**forms))
        messages.success(request, _("Involvement changed."))
        return redirect("send_involvement", self.involvement.pk)

    @transaction.atomic
    def save(self, forms):
        involvement, user, request = self.involvement, self.request.user, self.request
        data = forms["form"].cleaned_data
        if (data["stage"], data["caseworker"]) != (involvement.stage, involvement.caseworker):
            services.change(
                involvement,
                user,
                caseworker=data["caseworker"],
                stage=data["stage"],
                request=request,
            )
        recorded = statutory.recorded_dates(involvement, self.process)
        for code, date in forms["dates"].cleaned_data.items():
            if recorded.get(code) != date:
                services.record_date(involvement, code, date, user, request)
        if forms["exception"].has_changed():
            services.record_exception(
                involvement, user, request=request, **forms["exception"].cleaned_data
            )


class StatusView(InvolvementPage, FormView):
    """Close an open involvement with the reason, or reopen a closed one."""

    template_name = "send/admin/involvements/status.html"
    form_class = CloseForm

    def get_page_title(self):
        return _("Close involvement") if self.involvement.is_open else _("Reopen involvement")

    def get_initial(self):
        return {"closed_on": timezone.localdate()}

    def post(self, request, *args, **kwargs):
        if self.involvement.is_open:
            return super().post(request, *args, **kwargs)
        try:
            services.reopen(self.involvement, request.user, request)
        except services.NotAllowed as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("Involvement reopened."))
        return redirect("send_involvement", self.involvement.pk)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.close(
                self.involvement, self.request.user, data["reason"], data["closed_on"], self.request
            )
        except services.NotAllowed as refused:
            form.add_error(None, refused.reason)
            return self.form_invalid(form)
        messages.success(self.request, _("Involvement closed."))
        return redirect("send_involvement", self.involvement.pk)
