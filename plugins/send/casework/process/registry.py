"""The shipped process definitions, loaded once from ``definitions/*.json`` and checked on
load (a broken file stops start-up through the system check in ``checks.py``)."""

from functools import cache
from pathlib import Path

from .schema import ProcessDefinitionError, load_definition
from .texts import TEXT_KEYS

DEFINITIONS_DIR = Path(__file__).parent / "definitions"


@cache
def definitions():
    """Every process definition by code, in file-name order."""
    loaded = {}
    for path in sorted(DEFINITIONS_DIR.glob("*.json")):
        process = load_definition(path, TEXT_KEYS)
        if process.code in loaded:
            raise ProcessDefinitionError(path, "code", f"{process.code!r} is used by another file")
        loaded[process.code] = process
    return loaded


def definition(code):
    """One process definition; KeyError for a code no file declares."""
    return definitions()[code]


def definitions_for(jurisdiction):
    """The processes of one jurisdiction (England: EHC needs assessment and annual review;
    Wales: ALN decision and IDP, IDP review)."""
    return [process for process in definitions().values() if process.jurisdiction == jurisdiction]


def council_jurisdiction():
    """The jurisdiction the council chose in SEND settings (England unless set to Wales)."""
    from plugins.send.models import SendSettings

    return SendSettings.load().jurisdiction
