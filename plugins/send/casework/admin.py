"""The caseworker's decision pages in the Wagtail admin ("Process and send message"): approve,
reject or request more information on a submitted form, each starting from the council's
message in the submitter's language, which the caseworker may change before sending; the
confirmation page; and sending the child to matching. Every rule is in ``review``; these
views ask it. Each page needs the "decide" action of "send.submission"."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from portal import access

from ..council.admin import SubmissionPage
from ..models.submissions import Review
from . import deleting, review
from .buttons import decision_buttons

YES_NO = [("yes", _("Yes")), ("no", _("No"))]

PAGE_TITLES = {
    review.APPROVE: _("Approve"),
    review.REJECT: _("Reject"),
    review.MORE_INFORMATION: _("Request more information"),
}
BUTTONS = {
    review.APPROVE: _("Approve and send message"),
    review.REJECT: _("Reject and send message"),
    review.MORE_INFORMATION: _("Request more information and send message"),
}
CONFIRMATIONS = {
    Review.APPROVED: _("Form approved. The applicant has been notified."),
    Review.REJECTED: _("Form rejected. The form submitter has been notified."),
    Review.MORE_INFORMATION: _("More information requested. The form submitter has been notified."),
}


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the form submitter"),
        help_text=_("Sent in the submitter's language. Change it as needed before sending."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        if decision == review.APPROVE:
            self.fields["share"] = forms.ChoiceField(
                label=_(
                    "Share this form with the other people authenticated on this child's case?"
                ),
                choices=YES_NO,
                widget=forms.RadioSelect,
            )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you deleting this form?"),
        help_text=_("Kept in the audit log with the form's reference."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionView(SubmissionPage, FormView):
    """One "Process and send message" page; ``decision`` is one of ``review.DECISIONS``."""

    access_action = "decide"
    template_name = "send/admin/casework/decide.html"
    form_class = DecisionForm
    decision = ""

    def get_page_title(self):
        return PAGE_TITLES[self.decision]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {
                "url": reverse("send_submission", args=[self.submission.pk]),
                "label": self.submission.reference,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def refusal(self):
        return review.refusal(self.submission, self.decision)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "decision": self.decision}

    def get_initial(self):
        return {
            "message": review.default_message(self.submission, self.decision, self.request.user)
        }

    def post(self, request, *args, **kwargs):
        if self.refusal:
            messages.error(request, self.refusal)
            return redirect("send_submission", self.submission.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        submission, user, message = self.submission, self.request.user, form.cleaned_data["message"]
        try:
            if self.decision == review.APPROVE:
                share = form.cleaned_data["share"] == "yes"
                review.approve(submission, user, message, share, request=self.request)
            elif self.decision == review.REJECT:
                review.reject(submission, user, message, request=self.request)
            else:
                review.request_more_information(submission, user, message, request=self.request)
        except review.NotAllowed as refused:
            # Someone else decided between this page loading and being sent.
            messages.error(self.request, refused.reason)
            return redirect("send_submission", submission.pk)
        return redirect("send_submission_decided", submission.pk)

    def get_context_data(self, **kwargs):
        submission = self.submission
        return {
            **super().get_context_data(**kwargs),
            "submission": submission,
            "form_title": self.schema.title,
            "refusal": self.refusal,
            # Approval waits for the child to be matched: offer it here too.
            "matching": decision_buttons(submission, self.request.user)["matching"],
            "recipient": submission.created_by,
            "language": submission.created_by.get_preferred_language_display(),
            "button": BUTTONS[self.decision],
            "cancel_url": reverse("send_submission", args=[submission.pk]),
        }


class DecidedView(SubmissionPage, TemplateView):
    """The confirmation after a decision, with the form's name and reference."""

    access_action = "decide"
    template_name = "send/admin/casework/decided.html"
    page_title = _("Message sent")

    def get_context_data(self, **kwargs):
        submission = self.submission
        return {
            **super().get_context_data(**kwargs),
            "submission": submission,
            "form_title": self.schema.title,
            "confirmation": CONFIRMATIONS.get(submission.review_state, ""),
            "detail_url": reverse("send_submission", args=[submission.pk]),
            "list_url": reverse("send_submissions"),
        }


class MatchingView(SubmissionPage, View):
    """Send the form's child to the ``match`` service (with no matching plugin installed,
    they are accepted as a new child record)."""

    access_action = "decide"

    def post(self, request, pk):
        try:
            submission = review.resubmit_to_matching(self.submission, request.user, request)
        except review.NotAllowed as refused:
            messages.error(request, refused.reason)
        else:
            if submission.person.child_record_id:
                messages.success(request, _("The child is linked to a child record."))
            else:
                messages.success(request, _("The child has been sent to matching."))
        return redirect("send_submission", pk)


class DeleteView(SubmissionPage, FormView):
    """Delete a submitted form: the page names the form, its reference and child and says
    what goes with it; the reason given is kept in the audit log."""

    access_action = "delete"
    template_name = "send/admin/casework/delete.html"
    form_class = DeleteForm
    page_title = _("Delete form")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_submissions"), "label": _("Submitted forms")},
            {
                "url": reverse("send_submission", args=[self.submission.pk]),
                "label": self.submission.reference,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        try:
            deleted = deleting.delete_submission(
                self.submission, self.request.user, form.cleaned_data["reason"], self.request
            )
        except review.NotAllowed as refused:
            messages.error(self.request, refused.reason)
            return redirect("send_submission", self.submission.pk)
        messages.success(
            self.request,
            _("Form deleted: %(form)s, reference %(reference)s, for %(child)s.")
            % {
                "form": self.schema.title,
                "reference": deleted.reference,
                "child": deleted.person.full_name,
            },
        )
        return redirect("send_submissions")

    def get_context_data(self, **kwargs):
        submission = self.submission
        return {
            **super().get_context_data(**kwargs),
            "submission": submission,
            "form_title": self.schema.title,
            "files": submission.files.count(),
            "cancel_url": reverse("send_submission", args=[submission.pk]),
        }


def admin_urls():
    """For the ``register_admin_urls`` hook."""
    base = "send/submissions/<int:pk>/"
    pages = [
        ("approve/", review.APPROVE, "send_submission_approve"),
        ("reject/", review.REJECT, "send_submission_reject"),
        ("more-information/", review.MORE_INFORMATION, "send_submission_more_information"),
    ]
    return [
        *(
            access.route(
                path(base + suffix, DecisionView.as_view(decision=decision), name=name),
                pk="send.submission",
            )
            for suffix, decision, name in pages
        ),
        access.route(
            path(base + "decided/", DecidedView.as_view(), name="send_submission_decided"),
            pk="send.submission",
        ),
        access.route(
            path(base + "matching/", MatchingView.as_view(), name="send_submission_matching"),
            pk="send.submission",
        ),
        access.route(
            path(base + "delete/", DeleteView.as_view(), name="send_submission_delete"),
            pk="send.submission",
        ),
    ]
