"""The engine answers in codes and values, never in sentences: every string that crs_score,
assess, plan and categories return (keys included) is a code, a date, a NOC code or a URL, and
every code the page words has its words in locales/en/. The one exception is the contract's
`message` of each warning: an English message for developers, written from the code's template
(engine.notices), which the page never shows."""

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings

import engine
from tests.engine.strategies import profiles
from tests.harness.words import assert_check_worded, catalogue

from .helpers import clb, job, profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {p.stem: json.loads(p.read_text())["profile"] for p in sorted((ROOT / "docs/contract/examples").glob("*.json"))}
ROUNDS = json.loads((ROOT / "data/rounds.json").read_text(encoding="utf-8"))
ENTRY_POINTS = {"crs_score": engine.crs_score, "assess": engine.assess, "plan": engine.plan,
                "categories": engine.categories, "french_routes": engine.french_routes,
                "rounds": lambda p: engine.rounds(p, ROUNDS),
                "timeline": engine.timeline, "documents": engine.documents, "money": engine.money}
# No spaces: identifiers, dotted codes, dates, URLs. A sentence always has a space.
CODE = re.compile(r"[A-Za-z0-9_.:/?#=&%+~-]*")
# Where the contract puts a developer's message: `message` of a warning, in a result or in the
# CRS result that assess holds.
DEVELOPER_MESSAGE = re.compile(r"\$(\.crs)?\.warnings\[\d+\]\.message")

SPOUSE = {"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_year",
          "language": clb(5, taken_on="2023-01-01"), "canadian_work_years": 1, "studied_in_canada_2_years": None}
VARIED = {
    **EXAMPLES,
    "fsw-eligible": profile(),
    "everything-unanswered": {"as_of": "2026-11-25", "age": 30, "education": "bachelors", "first_language": clb(9)},
    "no-language": profile(first_language=None),
    "expired-test-and-eca": profile(first_language=clb(9, taken_on="2023-01-01"), eca_issued_on="2020-01-01"),
    "spouse-and-children": profile(spouse={k: v for k, v in SPOUSE.items() if v is not None},
                                   children_accompanying=2, children_not_accompanying=1),
    "quebec-short-of-funds": profile(plans_to_live_in_quebec=True, settlement_funds=100),
    "job-offer-from-the-reported-change": profile(as_of="2026-11-03", job_offer="other", authorized_to_work_in_canada=...,
                                                  settlement_funds=10),
    "job-offer-before-it": profile(as_of="2026-11-02", job_offer="teer_00", job_offer_noc="72200",
                                   certificate_of_qualification=True),
    "trade-worker": profile(work_history=[job(date(2022, 1, 1), date(2025, 6, 30), noc="72200", country="canada")],
                            job_offer="other", job_offer_noc="72201"),
    "job-without-code": profile(work_history=[job(date(2023, 1, 1), None, noc=None, teer=2, country="canada")]),
    "medical-exam-due": profile(ita_received_on="2026-11-01"),
    "spouse-without-education": profile(spouse={"canadian_citizen_or_pr": False, "accompanying": True}),
    "all-dates": profile(ita_received_on="2026-10-01", profile_submitted_on="2025-01-01", medical_exam_on="2025-05-01",
                         medical_instructions_on="2026-11-01", biometrics_instructions_on="2026-11-20"),
    "healthcare-worker": profile(work_history=[job(date(2023, 1, 1), None, noc="31301", country="canada")]),
    "french-speaker": profile(second_language={"test": "nclc", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}),
    "before-the-program-rules": profile(as_of="2016-06-01", eca_issued_on=..., work_history=...),
    "before-fees-and-funds": profile(as_of="2023-01-01", eca_issued_on=..., work_history=...),
}


# Deadlines worded by their id (a task), not by the answer that starts them.
TASKS = {"medical_exam_before_applying"}


def strings(value, path="$"):
    """Every string in a JSON value, keys included, with where it is."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.<key>", key
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{path}[{i}]")


def prose(answer) -> list:
    return [(where, text) for where, text in strings(answer)
            if not CODE.fullmatch(text) and not DEVELOPER_MESSAGE.fullmatch(where)]


def warnings_of(answer) -> list:
    if isinstance(answer, list) or "warnings" not in answer and "crs" not in answer:  # verdicts, plans: no warnings
        return []
    return answer.get("warnings", []) + (answer.get("crs") or {}).get("warnings", [])


@pytest.mark.parametrize("name", sorted(VARIED))
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_no_entry_point_answers_in_sentences(entry, name):
    assert prose(ENTRY_POINTS[entry](VARIED[name])) == []


@pytest.mark.parametrize("name", sorted(VARIED))
def test_every_warning_has_the_contracts_developer_message(name):
    from engine.notices import TEMPLATES

    for entry in ENTRY_POINTS.values():
        for w in warnings_of(entry(VARIED[name])):
            values = {k: v for k, v in w.items() if k not in ("code", "field", "message", "status")}
            assert w["message"] == f"{w['field']}: " + TEMPLATES[w["code"]].format(**values)


def test_the_profiles_above_meet_every_warning():
    from engine.notices import TEMPLATES

    met = {w["code"] for p in VARIED.values() for w in warnings_of(engine.assess(p))}
    assert met == set(TEMPLATES)


def test_every_notice_of_the_data_has_a_developer_message_and_the_page_never_shows_it():
    from engine import rules
    from engine.notices import TEMPLATES

    assert {row.key for row in rules.history("notices.notices").rows} <= set(TEMPLATES)
    notices = {k: v for k, v in catalogue().items() if k.startswith("notices.")}
    assert set(TEMPLATES) <= {k.removeprefix("notices.") for k in notices}  # each code has its words
    assert not [k for k, v in notices.items() if "{message}" in v]


@settings(max_examples=60, deadline=None)
@given(profiles())
def test_no_generated_profile_gets_a_sentence_back(p):
    for entry in ENTRY_POINTS.values():
        assert prose(entry(p)) == []


def test_the_check_finds_a_sentence():
    assert prose({"reasons": [{"message": "You have it."}]}) == [("$.reasons[0].message", "You have it.")]
    assert prose({"warnings": [{"code": "x", "note": "You have it."}]}) == [("$.warnings[0].note", "You have it.")]
    assert prose({"plan": {"warnings": [{"message": "a b"}]}}) == [("$.plan.warnings[0].message", "a b")]
    assert prose({"warnings": [{"message": "x: a b"}], "crs": {"warnings": [{"message": "y: c d"}]}}) == []
    assert prose({"a b": 1}) == [("$.<key>", "a b")]
    assert prose({"source": "https://www.canada.ca/x.html", "until": "2026-11-25", "noc": "21232"}) == []


# --- every code has its words ------------------------------------------------------------

def has(key: str) -> bool:
    return isinstance(catalogue().get(key), str) or any(k.startswith(key + ".") for k in catalogue())


@pytest.mark.parametrize("name", sorted(VARIED))
def test_every_code_of_an_answer_has_its_words(name):
    p = VARIED[name]
    crs, assessed, categories = engine.crs_score(p), engine.assess(p), engine.categories(p)
    keys = [f"notices.{w['code']}" for w in crs["warnings"] + assessed["warnings"]]
    keys += [f"rules.{line['table']}.factor" for line in crs["lines"]]
    keys += [f"rules.{line['table']}.rows.{row['row']}" for line in crs["lines"] for row in line["rows"]]
    for key, program in assessed["programs"].items():
        keys += [f"assessment.program.{key}", f"assessment.program_short.{key}"]
        keys += [f"assessment.note.{note}" for note in program["notes"]]
        for requirement in program["requirements"]:
            assert_check_worded(requirement)
        for line in program.get("grid", {}).get("lines", []):
            keys.append(f"rules.programs.fsw_grid_maxima.rows.{line['factor']}")
            keys += [f"rules.programs.fsw_adaptability.rows.{e}" for e in line["params"].get("elements", [])]
    if assessed["funds"]["exempt_code"]:
        keys.append(f"assessment.exempt.{assessed['funds']['exempt_code']}")
    keys += [f"rules.fees.government.rows.{line['id']}" for line in assessed["fees"]["lines"] if line["id"] != "biometrics"]
    keys += [f"rules.fees.estimates.rows.{item['id']}" for item in assessed["fees"]["estimates"]["items"]]
    keys += [f"rules.{d['table']}.notes.{d['note']}" for d in assessed["deadlines"] if d.get("note")]
    keys += [f"assessment.deadline.task.{d['id']}" if d["id"] in TASKS else f"assessment.deadline.what.{d['field']}"
             for d in assessed["deadlines"]]
    for c in categories["categories"]:
        keys += [f"rounds.type.{c['key']}", f"categories.{c['status']}"]
        keys += [f"categories.{condition['code']}" for condition in c["conditions"]]
        if c["note"]:
            keys.append(f"rules.categories.selection.notes.{c['note']}")
    for route in engine.french_routes(p)["routes"]:
        keys += [f"rules.french_routes.routes.rows.{route['key']}", f"french_routes.{route['fits']}",
                 f"french_routes.leads_to.{route['leads_to']}", f"rules.french_routes.routes.changes.{route['changes']}"]
        keys += [f"rules.french_routes.routes.notes.{route['note']}"] if route["note"] else []
        for c in route["checks"]:
            keys.append(f"french_routes.check.{c['code']}" + (f".{c['kind']}" if c["code"] == "job_offer" else ""))
            keys.append(f"french_routes.met.{str(c['met']).lower() if c['met'] is not None else 'null'}")
            if "abilities" in c:
                keys.append(f"french_routes.abilities.{c['abilities']}")
            if c["code"] == "education":
                keys.append(f"calculator.option.education.{c['required']}")
    missing = [key for key in keys if not has(key)]
    assert missing == []


def test_a_warning_for_each_expired_date_has_words():
    later = (date(2026, 11, 25) - timedelta(days=400)).isoformat()
    warnings = engine.assess(profile(ita_received_on=later))["warnings"]
    assert [w["code"] for w in warnings if w["field"] == "ita_received_on"] == ["expired"]
    assert has("notices.expired")


def test_every_code_of_the_planning_views_has_its_words():
    words = catalogue()
    couple = profile(spouse={k: v for k, v in SPOUSE.items() if v is not None}, children_accompanying=2,
                     children_18_or_older=1, date_of_birth="1996-01-10", eca_issued_on="2021-12-01",
                     profile_submitted_on="2026-01-10", first_language=clb(9, taken_on="2025-02-01"),
                     work_history=[job(date(2020, 1, 1), date(2027, 3, 31)), job(date(2026, 1, 5), None, country="canada")],
                     countries_lived=[{"country": "PH", "start": "2015-01-01"}], currency="PHP", currency_rate=41.2)
    points = engine.timeline(couple)["points"]
    codes = {c["code"] for p in points for c in p["changes"]}
    assert {"birthday", "language_expired", "eca_expired", "profile_expired", "job_ended", "canadian_work_year"} <= codes
    for change in (c for p in points for c in p["changes"]):
        key = f"planner.timeline.change.{change['code']}"
        assert key in words or f"{key}_true" in words and f"{key}_false" in words, key
    for decision in {p["decision"] for p in points} - {None}:
        assert f"planner.timeline.decision.{decision}" in words
    items = engine.documents(couple)["items"]
    assert {i["person"] for i in items} == {"principal", "spouse", "child-1", "child-2"}
    for item in items:
        assert f"rules.documents.lead_times.rows.{item['document']}" in words
        assert item["flag"] is None or f"planner.documents.flag.{item['flag']}" in words
        assert item["country"] is None or f"rules.documents.police_pages.rows.{item['country']}" in words
    for line in engine.money(couple)["lines"]:
        name = line["id"].removeprefix("fee_")
        assert (f"planner.money.{line['id']}" in words or f"rules.fees.government.rows.{name}" in words
                or name == "biometrics"), line["id"]
