"""The actions to complete of an involvement, for its admin page (included from
``send/admin/actions/_involvement.html``)."""

from django import template

from ..casework.actions.admin import involvement_actions

register = template.Library()

register.simple_tag(involvement_actions)
