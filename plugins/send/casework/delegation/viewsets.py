"""Work groups in the Wagtail admin (behind "send.manage_delegation"): the SEND team or an
administrator sets up each team, its members (who see its tray and pick up) and its managers
(who may also re-assign, and counter-sign for the members)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import PROFESSIONAL, VERIFIED

from ...models import WorkGroup


class WorkGroupForm(WagtailAdminModelForm):
    """Members and managers are chosen among verified professionals."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        professionals = (
            get_user_model()
            .objects.filter(is_active=True, kind=PROFESSIONAL, verification_state=VERIFIED)
            .order_by("first_name", "last_name")
        )
        for name in ("members", "managers"):
            self.fields[name].queryset = professionals


class WorkGroupViewSet(ModelViewSet):
    model = WorkGroup
    icon = "group"
    menu_label = _("Work groups")
    menu_name = "work_groups"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "organisation"]
    search_fields = ["name", "organisation"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("organisation"),
            FieldPanel(
                "members",
                widget=forms.CheckboxSelectMultiple,
                help_text=_("They see the group's tasks and pick them up."),
            ),
            FieldPanel(
                "managers",
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "They may also re-assign the group's tasks and counter-sign for its members."
                ),
            ),
        ],
        base_form_class=WorkGroupForm,
    )


work_groups = WorkGroupViewSet("send_work_groups")
