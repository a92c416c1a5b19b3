"""The page's total is the engine's: profiles typed into the form in real Chromium score
exactly what `engine.crs_score` gives for the same profile in CPython."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import engine
from tests.browser.calculator_page import fill_profile, open_calculator, shown_score

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "docs" / "contract" / "examples").glob("*.json"))

# Test scores as people type them (not CLB levels), each test at least once, with and
# without a spouse, French first and second.
TYPED = {
    "ielts-single-foreign-work": {
        "as_of": "2026-11-02", "age": 29, "education": "masters",
        "first_language": {"test": "ielts_general", "listening": 8.5, "reading": 7.5, "writing": 7, "speaking": 6.5},
        "foreign_work_years": 3,
    },
    "pte-with-celpip-spouse": {
        "as_of": "2026-11-02", "age": 35, "education": "two_or_more", "canadian_work_years": 1,
        "first_language": {"test": "pte_core", "listening": 84, "reading": 80, "writing": 88, "speaking": 76},
        "spouse": {
            "canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
            "language": {"test": "celpip_general", "listening": 9, "reading": 8, "writing": 7, "speaking": 10},
            "canadian_work_years": 2,
        },
    },
    "tef-first-ielts-second-sibling": {
        "as_of": "2026-11-02", "age": 31, "education": "bachelors", "canadian_education": "three_year_or_more",
        "first_language": {"test": "tef_canada", "listening": 520, "reading": 480, "writing": 460, "speaking": 500,
                           "taken_on": "2025-06-01"},
        "second_language": {"test": "ielts_general", "listening": 6, "reading": 5.5, "writing": 6, "speaking": 6},
        "canadian_work_years": 2, "sibling_in_canada": True,
    },
    "tcf-first-spouse-is-pr": {
        "as_of": "2026-11-02", "age": 40, "education": "secondary", "certificate_of_qualification": True,
        "first_language": {"test": "tcf_canada", "listening": 510, "reading": 460, "writing": 12, "speaking": 14},
        "second_language": {"test": "clb", "listening": 5, "reading": 5, "writing": 5, "speaking": 5},
        "canadian_work_years": 3, "provincial_nomination": True,
        "spouse": {"canadian_citizen_or_pr": True, "accompanying": True},
    },
    "spouse-not-accompanying": {
        "as_of": "2026-11-02", "age": 27, "education": "bachelors", "canadian_work_years": 1,
        "first_language": {"test": "celpip_general", "listening": 9, "reading": 9, "writing": 8, "speaking": 9},
        "spouse": {"canadian_citizen_or_pr": False, "accompanying": False},
    },
}


def expected_score(profile: dict) -> dict:
    result = engine.crs_score(profile)
    return {"total": result["total"], "sections": result["sections"]}


def assert_matches(page, profile: dict, name: str) -> None:
    shown = shown_score(page)
    expected = expected_score(profile)
    assert shown["total"] == expected["total"], f"{name}: page shows {shown}, engine gives {expected}"
    for section, points in expected["sections"].items():
        # The page leaves out a section that cannot score for the profile (it is then 0).
        assert shown["sections"].get(section, 0) == points, f"{name}: {section} {shown} vs {expected}"


def test_contract_examples_score_as_in_cpython(page, site_server):
    open_calculator(page, site_server)
    assert EXAMPLES, "no contract examples found"
    for path in EXAMPLES:
        profile = json.loads(path.read_text(encoding="utf-8"))["profile"]
        fill_profile(page, profile)
        assert_matches(page, profile, path.stem)


@pytest.mark.parametrize("name", sorted(TYPED))
def test_typed_test_scores_score_as_in_cpython(page, site_server, name):
    open_calculator(page, site_server)
    fill_profile(page, TYPED[name])
    assert_matches(page, TYPED[name], name)


def test_score_follows_each_change(page, site_server):
    """Live update: changing one answer changes the total, with no button to press."""
    profile = TYPED["ielts-single-foreign-work"]
    open_calculator(page, site_server)
    fill_profile(page, profile)
    assert_matches(page, profile, "before")
    page.fill('[name="age"]', "38")
    assert_matches(page, {**profile, "age": 38}, "after the age changed")
    page.set_checked('[name="sibling_in_canada"]', True)
    assert_matches(page, {**profile, "age": 38, "sibling_in_canada": True}, "after the sibling")


def test_under_a_sub_path_too(subpath_page, subpath_server):
    """On a GitHub project page (/repo-name/) the worker, Pyodide and the engine zip load."""
    open_calculator(subpath_page, subpath_server)
    for name in ("pte-with-celpip-spouse", "tef-first-ielts-second-sibling"):
        fill_profile(subpath_page, TYPED[name])
        assert_matches(subpath_page, TYPED[name], name)
