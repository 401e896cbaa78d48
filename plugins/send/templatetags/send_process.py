"""{% status_diagram stages %}: the linear status diagram of a child's case, from a timeline
computed by ``plugins.send.casework.process.deadlines.timeline``. Every word of a stage comes
from the portal texts, so England and Wales each show their own vocabulary."""

from django import template

from core.texts import text

register = template.Library()


def _step(stage):
    definition = stage.stage
    return {
        "state": stage.state,
        "is_done": stage.is_done,
        "is_current": stage.is_current,
        "label": text(definition.label),
        "extra_information": text(definition.extra_information),
        "done_on": stage.done_on,
        "due": stage.due,
        "due_label": text(definition.deadline.label) if definition.deadline else "",
        "days_left": stage.days_left,
        "days_overdue": stage.days_overdue,
        "exception": text(stage.exception.label) if stage.exception else "",
        "exception_detail": stage.exception_detail,
    }


@register.inclusion_tag("send/process/status_diagram.html")
def status_diagram(stages):
    """An ordered list of the stages: done ones ticked, the current one highlighted and
    announced (aria-current="step") with its due date and "Extra information"."""
    return {"steps": [_step(stage) for stage in stages]}
