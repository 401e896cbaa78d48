"""A system check that loads every process definition, so a broken file is reported at
start-up (naming the file and field) rather than on the first dashboard that needs it."""

from django.core import checks

from .registry import definitions
from .schema import ProcessDefinitionError


def check_process_definitions(app_configs=None, **kwargs):
    try:
        definitions()
    except ProcessDefinitionError as error:
        definitions.cache_clear()
        return [checks.Error(str(error), obj=str(error.path), id="send.E101")]
    return []
