from django.utils.translation import gettext_lazy as _

from portal import plugins


class SendConfig(plugins.PluginConfig):
    """SEND forms and casework: the form builder, people, forms on the portal."""

    name = "plugins.send"
    label = "send"
    slug = "send"
    verbose_name = _("SEND")
    urls = "plugins.send.urls"
    texts = "plugins.send.texts.TEXTS"
    text_areas = {"send": "SEND"}
    demo = "plugins.send.demo.loader.load_demo"
    exports = "plugins.send.people.exports.export_user"
    api_router = "plugins.send.api.router"
    tiles = (
        # Children's SEND information: every user of it keeps two-step verification on.
        plugins.TileSpec(
            key="send",
            title_key="send.tile.title",
            description_key="send.tile.description",
            url_name="send:home",
            audience=plugins.BOTH,
            requires_two_factor=True,
        ),
        plugins.TileSpec(
            key="send_tasks",
            title_key="send.tasks.tile.title",
            description_key="send.tasks.tile.description",
            url_name="send:tasks",
            audience=plugins.PROFESSIONAL,
            requires_two_factor=True,
            status="plugins.send.casework.delegation.tiles.waiting_status",
        ),
    )
    services = (
        plugins.ServiceSpec(
            name="children_of_user", func="plugins.send.people.services.children_of_user"
        ),
        plugins.ServiceSpec(name="check_upload", func="plugins.send.filling.uploads.check_upload"),
    )
    jobs = (
        plugins.JobSpec(
            name="purge_drafts", func="plugins.send.filling.jobs.purge_drafts", schedule_type="D"
        ),
        plugins.JobSpec(
            name="send_case_reminders",
            func="plugins.send.casework.involvements.reminders.send_case_reminders",
            schedule_type="D",
        ),
        plugins.JobSpec(
            name="remind_overdue_actions",
            func="plugins.send.casework.actions.jobs.remind_overdue_actions",
            schedule_type="D",
        ),
        plugins.JobSpec(
            name="remind_delegated_tasks",
            func="plugins.send.casework.delegation.jobs.remind_delegated_tasks",
            schedule_type="D",
        ),
        plugins.JobSpec(
            name="send_annual_review_forms",
            func="plugins.send.casework.delegation.jobs.send_annual_review_forms",
            schedule_type="D",
        ),
        # Deletes prints of many forms, and their ZIPs, after PORTAL_PRINT_JOB_KEEP_DAYS.
        plugins.JobSpec(
            name="purge_print_jobs",
            func="plugins.send.printing.batch.purge_expired",
            schedule_type="D",
        ),
        # Invitations to a child's case not accepted within PORTAL_CASE_INVITATION_DAYS.
        plugins.JobSpec(
            name="expire_case_invitations",
            func="plugins.send.casework.invitations.services.expire_overdue",
            schedule_type="D",
        ),
    )

    def ready(self):
        super().ready()
        from django.core import checks

        from portal import events

        from .access import register_rules
        from .casework import alerts
        from .casework.actions.receivers import on_form_submitted
        from .casework.actions.tiles import actions_tile
        from .casework.case.messages import register_with_messaging
        from .casework.case.services import shared_forms_tile
        from .casework.case.tiles import register_tile
        from .casework.documents.tiles import documents_tile
        from .casework.process.checks import check_process_definitions
        from .casework.review import link_matched_person

        register_rules()
        # The dashboard's tiles of SEND itself; other features add theirs the same way.
        register_tile(actions_tile)
        register_tile(documents_tile)
        register_tile(shared_forms_tile)
        # Messages about a child and their dashboard tile, only with messaging installed.
        register_with_messaging()
        # Case changes announced to trigger alerts, and the conditions of scheduled alerts.
        alerts.connect()
        checks.register(check_process_definitions)
        events.form_submitted.connect(on_form_submitted, dispatch_uid="send_actions_completed")
        events.person_matched.connect(link_matched_person, dispatch_uid="send_person_matched")
