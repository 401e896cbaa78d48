from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Children's records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import access

        from .access import KIND, ChildRecordRule

        access.register(KIND, ChildRecordRule())
