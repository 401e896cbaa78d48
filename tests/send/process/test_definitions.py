"""The process definitions are data: each file is checked on load, and a broken one is
reported naming the file and the field."""

import json

import pytest

from plugins.send.casework.process import checks, registry
from plugins.send.casework.process.schema import (
    JURISDICTIONS,
    ProcessDefinitionError,
    load_definition,
)
from plugins.send.casework.process.texts import TEXT_KEYS, TEXTS
from plugins.send.models.settings import Jurisdiction


def test_england_and_wales_each_ship_their_processes():
    assert [p.code for p in registry.definitions_for("england")] == [
        "england_annual_review",
        "england_ehc_needs_assessment",
    ]
    assert [p.code for p in registry.definitions_for("wales")] == [
        "wales_aln_idp",
        "wales_idp_review",
    ]


def test_the_setting_offers_exactly_the_jurisdictions_the_definitions_use():
    assert set(Jurisdiction.values) == set(JURISDICTIONS)


def test_the_ehc_needs_assessment_stages_are_in_statutory_order():
    process = registry.definition("england_ehc_needs_assessment")
    assert [stage.code for stage in process.stages] == [
        "request",
        "assessment_decision",
        "assessment",
        "plan_decision",
        "draft_plan",
        "final_plan",
    ]
    # Every deadline names where in the law it comes from.
    assert all(rule.source for s in process.stages if s.deadline for rule in s.deadline.rules)


def test_every_word_of_every_process_is_a_text_with_english_and_welsh():
    used = set().union(*(p.text_keys() for p in registry.definitions().values()))
    assert used <= TEXT_KEYS
    assert all(text.en.strip() and text.cy.strip() and text.en != text.cy for text in TEXTS)


def test_wales_speaks_of_individual_development_plans():
    texts = {text.key: text for text in TEXTS}
    idp = texts[registry.definition("wales_aln_idp").stages[-1].label]
    assert (idp.en, idp.cy) == ("Individual development plan", "Cynllun datblygu unigol")


def _write(tmp_path, data, name="broken.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def _valid():
    return json.loads(registry.DEFINITIONS_DIR.joinpath("wales_aln_idp.json").read_text())


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda d: d.pop("stages"), "(top level).stages", "is required"),
        (lambda d: d.update(jurisdiction="scotland"), "jurisdiction", "must be one of"),
        (
            lambda d: d["stages"][1].update(done_when="decided"),
            "stages[1].done_when",
            "'decided' is not one of the process's dates",
        ),
        (
            lambda d: d["stages"][1].update(label="send.process.nowhere"),
            "stages[1].label",
            "is not declared",
        ),
        (
            lambda d: d["stages"][1]["deadline"]["rules"][0].update(days=3),
            "stages[1].deadline.rules[0]",
            "exactly one of",
        ),
        (
            lambda d: d["stages"][1]["deadline"]["rules"][0].update(weeks=0),
            "stages[1].deadline.rules[0].weeks",
            "whole number",
        ),
        (
            lambda d: (
                d["stages"][1]["deadline"]["rules"][0].update(
                    weeks=None, fixed_day={"month": 2, "day": 30}
                )
                or d["stages"][1]["deadline"]["rules"][0].pop("weeks")
            ),
            "stages[1].deadline.rules[0].fixed_day",
            "not a day of the year",
        ),
        (
            lambda d: d["stages"].append(dict(d["stages"][0])),
            "stages[3].code",
            "used twice",
        ),
        (lambda d: d.update(colour="red"), "(top level).colour", "not a known field"),
    ],
)
def test_a_broken_definition_names_the_file_and_the_field(tmp_path, change, field, problem):
    data = _valid()
    change(data)
    with pytest.raises(ProcessDefinitionError) as raised:
        load_definition(_write(tmp_path, data), TEXT_KEYS)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"broken.json: {field}: ")
    assert problem in str(raised.value)


def test_a_file_that_is_not_json_is_reported(tmp_path):
    with pytest.raises(ProcessDefinitionError, match=r"broken.json: \(file\): is not valid JSON"):
        load_definition(_write(tmp_path, "{stages: ["), TEXT_KEYS)


def test_start_up_reports_a_broken_definition(tmp_path, monkeypatch):
    data = _valid()
    data["stages"][0]["done_when"] = "nothing"
    _write(tmp_path, data, "wales_aln_idp.json")
    monkeypatch.setattr(registry, "DEFINITIONS_DIR", tmp_path)
    registry.definitions.cache_clear()
    try:
        errors = checks.check_process_definitions()
    finally:
        monkeypatch.undo()
        registry.definitions.cache_clear()
    assert [error.id for error in errors] == ["send.E101"]
    assert "wales_aln_idp.json: stages[0].done_when" in errors[0].msg
    assert checks.check_process_definitions() == []


@pytest.mark.django_db
def test_a_new_portal_follows_england_until_the_council_chooses_wales():
    from plugins.send.models import SendSettings

    assert registry.council_jurisdiction() == "england"
    settings = SendSettings.load()
    settings.jurisdiction = Jurisdiction.WALES
    settings.save()
    assert registry.council_jurisdiction() == "wales"
