"""Who may use the SEND admin: "send.build_forms" for the form builder (question bank, form
definitions, import/export, previews, blank copies) and "send.view_submission" for the forms
sent to the council. Also the delete view that asks the builder's rules first."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from wagtail.admin.views import generic

from core.admin_permissions import OnePermissionPolicy, PermissionRequired, has_permission

BUILD_FORMS = "send.build_forms"
VIEW_SUBMISSIONS = "send.view_submission"


def may_build_forms(user):
    return has_permission(user, BUILD_FORMS)


def may_view_submissions(user):
    return has_permission(user, VIEW_SUBMISSIONS)


class FormBuilderPermissionPolicy(OnePermissionPolicy):
    permission = BUILD_FORMS


class BuildFormsRequired(PermissionRequired):
    required_permission = BUILD_FORMS


class ViewSubmissionsRequired(PermissionRequired):
    """Refuse anyone who may not see the forms sent to the council."""

    required_permission = VIEW_SUBMISSIONS


class GuardedDeleteView(generic.DeleteView):
    """Wagtail's delete confirmation, refused (with the reason) when ``guard(object)``
    raises a ValidationError, on GET and on POST alike."""

    guard = None

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refusal() or super().post(request, *args, **kwargs)

    def _refusal(self):
        try:
            self.guard(self.object)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.index_url_name)
        return None
