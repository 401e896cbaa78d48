from django.utils.translation import gettext_lazy as _

from portal import plugins


class AccountsConfig(plugins.PortalAppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"
    texts = "accounts.texts.TEXTS"
    text_areas = {"account": "Account"}
    exports = "accounts.exports.export_user"

    def ready(self):
        from .access import register_rules

        register_rules()
