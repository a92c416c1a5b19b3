"""Throw 12,000 malformed profiles (seeded, reproducible) at crs_score: every one must give a
result or a single ProfileError naming a field; no other exception may escape."""

import copy
import json
import math
import random

from engine import ProfileError, crs_score

from .helpers import load_examples

JUNK = [None, True, False, 0, -1, 1, 7, 2.5, -0.0, 1e308, -1e308, math.nan, math.inf, -math.inf,
        10**30, "", "x", "2026-02-30", "2026-11-02", "clb", "masters", "none", "true", "7",
        # the calendar's edges (issue 14 item 4: year 9999 crashed the date arithmetic)
        "0001-01-01", "1899-12-31", "2014-12-31", "2099-12-31", "2100-01-01", "9999-06-01", "9999-12-31",
        [], [1, 2], {}, {"test": "clb"}, {"a": {"b": [None]}}, "\u0000", "é" * 300]
LANGUAGE_KEYS = ["test", "listening", "reading", "writing", "speaking", "taken_on", "extra"]
TOP_KEYS = ["as_of", "age", "education", "canadian_education", "first_language", "second_language",
            "canadian_work_years", "foreign_work_years", "certificate_of_qualification",
            "provincial_nomination", "job_offer", "sibling_in_canada", "spouse", "other"]
SPOUSE_KEYS = ["canadian_citizen_or_pr", "accompanying", "education", "language", "canadian_work_years"]
CASES = 12_000


def _mutate_object(rng, obj, keys):
    action = rng.randrange(4)
    key = rng.choice(keys)
    if action == 0:
        obj.pop(key, None)
    elif action == 1:
        obj[key] = copy.deepcopy(rng.choice(JUNK))
    elif action == 2 and isinstance(obj.get(key), (int, float)) and not isinstance(obj.get(key), bool):
        obj[key] = obj[key] + rng.choice([-1, 1, 0.5, -0.5, 0.25, 100, 10**6])
    else:
        obj[rng.choice(["zzz", key.upper(), key + " "])] = rng.choice(JUNK)


def malformed(rng, bases):
    if rng.random() < 0.03:
        return copy.deepcopy(rng.choice(JUNK))
    p = copy.deepcopy(rng.choice(bases))
    for _ in range(rng.randint(1, 3)):
        target = rng.random()
        if target < 0.5:
            _mutate_object(rng, p, TOP_KEYS)
        elif target < 0.8:
            which = rng.choice(["first_language", "second_language"])
            if isinstance(p.get(which), dict):
                _mutate_object(rng, p[which], LANGUAGE_KEYS)
            else:
                p[which] = {"test": rng.choice(["clb", "nclc", "ielts_general", "tef_canada", "pte_core", "tcf_canada", "celpip_general"]),
                            **{a: rng.choice([0, 5, 7, 9, 10, 12, 50, 400, 699, 9.5]) for a in LANGUAGE_KEYS[1:5]}}
        else:
            if not isinstance(p.get("spouse"), dict):
                p["spouse"] = {"canadian_citizen_or_pr": False, "accompanying": True}
            if rng.random() < 0.3 and isinstance(p["spouse"].get("language"), dict):
                _mutate_object(rng, p["spouse"]["language"], LANGUAGE_KEYS)
            else:
                _mutate_object(rng, p["spouse"], SPOUSE_KEYS)
    return p


def test_malformed_profiles_give_a_result_or_one_profile_error():
    rng = random.Random(20261125)
    bases = [example["profile"] for _, example in load_examples()]
    outcomes = {"result": 0, "error": 0}
    fields = set()
    for _ in range(CASES):
        p = malformed(rng, bases)
        try:
            result = crs_score(p)
        except ProfileError as exc:
            assert exc.field and str(exc).startswith(exc.field + ": "), str(exc)
            fields.add(exc.field.split(".")[0])
            outcomes["error"] += 1
        else:
            assert result["total"] == sum(result["sections"].values())
            json.dumps(result, allow_nan=False)  # results are plain JSON
            outcomes["result"] += 1
    assert sum(outcomes.values()) == CASES >= 10_000
    # the mutations reach both outcomes and errors in every part of the profile
    assert outcomes["result"] > 500 and outcomes["error"] > 5_000
    assert {"profile", "as_of", "age", "first_language", "second_language", "spouse"} <= fields
