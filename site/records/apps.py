from django.utils.translation import gettext_lazy as _

from portal import plugins


class RecordsConfig(plugins.PortalAppConfig):
    name = "records"
    verbose_name = _("Children's records")
    default_auto_field = "django.db.models.BigAutoField"
    api_router = "records.api.router"

    def ready(self):
        from portal import access

        from .access import KIND, ChildRecordRule

        access.register(KIND, ChildRecordRule())
