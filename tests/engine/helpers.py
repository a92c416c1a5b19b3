"""Profile builders and example loading shared by the engine tests (no project data is read here
except the contract's examples: expected values are written in the tests themselves)."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "contract" / "examples").glob("*.json"))
SCHEMA = ROOT / "docs" / "contract" / "profile.schema.json"
ABILITIES = ("listening", "reading", "writing", "speaking")
AS_OF = "2026-11-02"  # a day under the current tables and before the 2026-11-03 notice
ACCOMPANYING = {"canadian_citizen_or_pr": False, "accompanying": True}


def levels(test, score, **overrides):
    """A language result: `score` for all four abilities, then `overrides` (abilities or taken_on)."""
    result = {"test": test, **{ability: score for ability in ABILITIES}}
    result.update(overrides)
    return result


def clb(score, **overrides):
    return levels("clb", score, **overrides)


def nclc(score, **overrides):
    return levels("nclc", score, **overrides)


def profile(**overrides):
    """A complete single applicant earning little, with `overrides` applied."""
    base = {
        "as_of": AS_OF,
        "age": 30,
        "education": "secondary",
        "canadian_education": "none",
        "first_language": clb(6),
        "second_language": None,
        "canadian_work_years": 0,
        "foreign_work_years": 0,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "job_offer": "none",
        "sibling_in_canada": False,
        "spouse": None,
    }
    base.update(overrides)
    return base


def with_spouse(**overrides):
    """An applicant with an accompanying spouse who is not a citizen or PR."""
    spouse = dict(ACCOMPANYING, education="secondary", language=None, canadian_work_years=0)
    spouse.update(overrides.pop("spouse", {}))
    return profile(spouse=spouse, **overrides)


def load_examples():
    return [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in EXAMPLES]
