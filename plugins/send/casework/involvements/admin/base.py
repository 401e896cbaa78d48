"""What every involvement screen shares: the permission check before anything is looked up,
the involvement found through the access rule (a foreign or unknown id gives 404), and the
breadcrumbs Home › Involvements › the child."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal import access

from ....models import Involvement

KIND = "send.involvement"


class AreaPage(access.AccessRequiredMixin, WagtailAdminTemplateMixin):
    """A page of the involvements area ("send.manage_involvement")."""

    access_kind = KIND
    access_action = "change"
    header_icon = "folder-open-inverse"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_involvements"), "label": _("Involvements")},
            {"url": "", "label": self.get_page_title()},
        ]


class InvolvementPage(AreaPage):
    """A page about one involvement: ``pk`` in the URL."""

    @cached_property
    def involvement(self):
        queryset = Involvement.objects.select_related("child_record", "caseworker")
        return access.get_or_404(self.request.user, KIND, queryset, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.involvement.child_record.full_name

    @property
    def detail_url(self):
        return reverse("send_involvement", args=[self.involvement.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("send_involvements"), "label": _("Involvements")},
            {"url": self.detail_url, "label": self.involvement.child_record.full_name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "involvement": self.involvement,
            "cancel_url": self.detail_url,
        }
