from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"
    texts = "accounts.texts.TEXTS"
    exports = "accounts.exports.export_user"

    def ready(self):
        from .access import register_rules

        register_rules()
