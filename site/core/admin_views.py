from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal import access

from . import cache

CACHE_PERMISSION = "core.clear_portal_cache"


class CacheRule(access.PermissionRule):
    """The portal's cache: seeing what is cached and clearing it are one permission."""

    permission = CACHE_PERMISSION


class CacheView(access.AccessRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the portal has cached, and a button that clears it."""

    access_kind = "core.cache"
    template_name = "core/admin/cache.html"
    page_title = _("Cache")
    header_icon = "resubmit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = cache.entries()
        return context

    def post(self, request):
        cache.clear()
        messages.success(request, _("The portal cache has been cleared."))
        return redirect("portal_cache")
