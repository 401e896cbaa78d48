"""The delegated tasks of an involvement, for its admin page (included from
``send/admin/delegation/_involvement.html``)."""

from django import template

from ..casework.delegation.admin import involvement_tasks

register = template.Library()

register.simple_tag(involvement_tasks)
