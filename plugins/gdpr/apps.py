from django.utils.translation import gettext_lazy as _

from portal import plugins


class GdprConfig(plugins.PluginConfig):
    """GDPR consent: statements, agreement at registration and sign-in, history, withdrawal,
    administration and subject access exports."""

    name = "plugins.gdpr"
    label = "gdpr"
    slug = "gdpr"
    verbose_name = _("GDPR")
    urls = "plugins.gdpr.urls"
    texts = "plugins.gdpr.texts.TEXTS"
    text_areas = {"gdpr": "GDPR"}
    jobs = (
        plugins.JobSpec(
            name="publish_statements",
            func="plugins.gdpr.jobs.publish_statements",
            schedule_type="I",
            minutes=1,
        ),
        plugins.JobSpec(
            name="record_withheld_consent",
            func="plugins.gdpr.jobs.record_withheld_consent",
            schedule_type="D",
        ),
    )
    services = (
        plugins.ServiceSpec(
            name="registration_consent", func="plugins.gdpr.consent_step.registration_consent"
        ),
        # Someone who withdrew consent may register again with the same address.
        plugins.ServiceSpec(
            name="may_register_again", func="plugins.gdpr.consent_step.may_register_again"
        ),
    )
    account_links = (
        plugins.AccountLink("consent_history", "gdpr.account.history_link", "gdpr:history"),
        plugins.AccountLink("withdraw_consent", "gdpr.account.withdraw_link", "gdpr:withdraw"),
    )
    gates = ("plugins.gdpr.gates.consent_gate",)
    exports = "plugins.gdpr.exports.export_user"
    demo = "plugins.gdpr.demo.load_demo"

    def ready(self):
        super().ready()
        from core import cache

        from . import guards, services, signals
        from .access import register_rules

        guards.connect()
        signals.connect()
        cache.register_area(
            services.CACHE_AREA,
            _("Consent statement in force"),
            services.build_current_statement_id,
            per_language=False,
        )
        register_rules()
