"""engine.fields, the one model of the profile: the schemas are written from it, the page's form
reads it, and its choices come from the rules data."""

import json
import sys
from datetime import date

import pytest

from engine import fields, rules

from .helpers import ROOT

SCHEMAS = {"contract": ROOT / "docs" / "contract" / "profile.schema.json",
           "assessment": ROOT / "docs" / "profile.schema.json"}


@pytest.mark.parametrize("part", sorted(SCHEMAS))
def test_the_committed_schemas_are_the_model_s(part):
    # Regenerate with: python -m engine schema [--contract] > the file
    written = json.dumps(fields.json_schema(part), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMAS[part].read_text(encoding="utf-8") == written


def test_the_contract_schema_is_part_of_the_full_one():
    contract, full = fields.json_schema("contract"), fields.json_schema("assessment")
    assert set(contract["properties"]) < set(full["properties"])
    assert {k: full["properties"][k] for k in contract["properties"] if k != "spouse"} == {
        k: v for k, v in contract["properties"].items() if k != "spouse"}
    assert contract["$defs"].items() <= full["$defs"].items()


def test_choices_come_from_the_rules_data():
    assert fields.choices("education") == tuple(r.key for r in rules.history("crs.education").rows)
    assert fields.choices("education")[0] == "less_than_secondary"  # lowest first: the planner climbs it
    assert fields.choices("canadian_education") == ("none", "one_or_two_year", "three_year_or_more")
    assert fields.choices("job_offer") == ("none", "teer_00", "other")
    assert fields.choices("test") == ("ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada", "clb", "nclc")
    assert fields.choices("teer") == (0, 1, 2, 3, 4, 5)


@pytest.mark.parametrize(("accompanying", "citizen", "counts"), [
    (True, False, True), (True, True, False), (False, False, False), (False, True, False)])
def test_a_spouse_counts_only_when_coming_and_not_a_citizen_or_pr(accompanying, citizen, counts):
    values = {"spouse": {}, "spouse.accompanying": accompanying, "spouse.canadian_citizen_or_pr": citizen}
    assert fields.holds("spouse_counts", values) is counts
    assert fields.holds("spouse_given", values) is True
    assert fields.holds("spouse_counts", {"spouse": None}) is False


def test_every_field_the_conditions_name_is_in_the_model():
    def named(condition):
        if "all" in condition:
            return {path for part in condition["all"] for path in named(part)}
        return {condition["field"]}
    for condition in fields.CONDITIONS.values():
        assert named(condition) <= set(fields.BY_PATH)
    assert {f.applies for f in fields.FIELDS if f.applies} <= set(fields.CONDITIONS)


def test_the_page_s_model_has_the_score_bounds_of_each_test():
    model = fields.model(date(2026, 11, 25))
    scales = {t["key"]: t["scales"] for t in model["tests"]}
    assert scales["ielts_general"]["reading"] == {"min": 0, "max": 9, "step": 0.5}
    assert scales["celpip_general"]["speaking"] == {"min": 0, "max": 12, "step": 1}
    assert scales["pte_core"]["listening"] == {"min": 10, "max": 90, "step": 1}
    assert scales["tef_canada"]["writing"] == {"min": 0, "max": 699, "step": 1}
    assert scales["tcf_canada"]["reading"] == {"min": 100, "max": 699, "step": 1}
    assert scales["tcf_canada"]["speaking"] == {"min": 0, "max": 20, "step": 1}
    assert scales["clb"]["reading"] == scales["nclc"]["writing"] == {"min": 0, "max": 12, "step": 1}
    levels = {t["key"]: (t["official_language"], t["levels"]) for t in model["tests"]}
    assert levels["clb"] == ("english", True) and levels["tef_canada"] == ("french", False)
    # Before PTE Core was accepted, the form does not offer it.
    assert "pte_core" not in {t["key"] for t in fields.model(date(2023, 1, 1))["tests"]}


def test_the_page_s_model_is_json_and_names_every_field():
    model = fields.model(date(2026, 11, 25))
    assert json.loads(json.dumps(model)) == model
    paths = [f["path"] for f in model["fields"]]
    assert paths == [f.path for f in fields.FIELDS] and len(set(paths)) == len(paths)
    age = model["fields"][paths.index("age")]
    assert age == {"path": "age", "type": "integer", "part": "contract", "required": True, "min": 0, "max": 120}
    assert model["choices"]["education"] == list(fields.choices("education"))


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocesses in Pyodide")
def test_the_command_line_prints_the_schemas():
    import subprocess

    for part, flag in (("contract", ["--contract"]), ("assessment", [])):
        proc = subprocess.run([sys.executable, "-m", "engine", "schema", *flag], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0 and json.loads(proc.stdout) == fields.json_schema(part)
