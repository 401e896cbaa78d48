from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import cache

CACHE_PERMISSION = "core.clear_portal_cache"


class CacheView(WagtailAdminTemplateMixin, TemplateView):
    """What the portal has cached, and a button that clears it."""

    template_name = "core/admin/cache.html"
    page_title = _("Cache")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CACHE_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = cache.entries()
        return context

    def post(self, request):
        cache.clear()
        messages.success(request, _("The portal cache has been cleared."))
        return redirect("portal_cache")
