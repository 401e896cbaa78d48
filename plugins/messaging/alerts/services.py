"""The rules of managing alerts that the admin views ask: activating (only a saved alert),
deactivating, and setting a scheduled alert's next run (which anchors its repeats)."""

from django.utils.translation import gettext_lazy as _

from .models import ScheduledAlert, TriggerAlert


class NotAllowed(Exception):
    """A change the rules refuse, with the reason shown to staff."""


def activate(alert):
    """A new alert is activated only after it is saved (the guide's rule)."""
    if alert.pk is None:
        raise NotAllowed(_("Save the alert before activating it."))
    alert.active = True
    alert.save(update_fields=["active"])
    return alert


def deactivate(alert):
    alert.active = False
    alert.save(update_fields=["active"])
    return alert


def set_next_run(alert, when):
    """Staff set the next run: repeats are counted from it from now on."""
    alert.next_run_at = when
    alert.scheduled_from = when


def template_in_use(template):
    """Whether an alert sends ``template`` (it cannot be deleted then)."""
    return (
        TriggerAlert.objects.filter(template=template).exists()
        or ScheduledAlert.objects.filter(template=template).exists()
    )
