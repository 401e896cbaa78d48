from django.utils.translation import gettext_lazy as _

from portal import plugins


class MatchingConfig(plugins.PluginConfig):
    """Matching portal people to the council's child records: candidates from the register
    ranked by a Fellegi–Sunter model, with a per-field explanation."""

    name = "plugins.matching"
    label = "matching"
    slug = "matching"
    verbose_name = _("Matching")
    text_areas = {"matching": "Matching"}
    services = (plugins.ServiceSpec(name="match", func="plugins.matching.services.match"),)
    exports = "plugins.matching.exports.export_user"
    demo = "plugins.matching.demo.load_demo"
    api_router = "plugins.matching.api.router"

    def ready(self):
        super().ready()
        from portal import access, events

        from .access import KIND, MatchRequestRule
        from .queue import on_form_submitted, on_matching_requested
        from .services import queue_key_refresh

        access.register(KIND, MatchRequestRule())
        events.form_submitted.connect(on_form_submitted, dispatch_uid="matching.queue_entry")
        events.matching_requested.connect(
            on_matching_requested, dispatch_uid="matching.queue_resubmitted"
        )

        events.child_records_changed.connect(
            queue_key_refresh, dispatch_uid="matching.queue_key_refresh"
        )
