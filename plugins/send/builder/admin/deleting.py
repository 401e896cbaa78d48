"""The form builder's delete view, which asks the builder's rules before deleting. Who may
use the SEND admin at all is a rule in plugins.send.access, asked through portal.access."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from wagtail.admin.views import generic


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
