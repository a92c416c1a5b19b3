"""The Python half of the calculator's worker: JSON in, JSON out, around the engine.

The build ships this file inside the engine zip as `bridge.py`; the worker imports it once
Pyodide has started. The standard-library trace (sitegen/stdlib.py) imports it the same way,
so the cut standard library holds what it needs. Only engine.ProfileError is an answer about
the input; anything else is a bug, reported as such instead of killing the worker.
"""

import json

import engine
from engine.experience import work_years
from engine.rounds import judge
from engine.steps import steps


def answer(compute, text):
    try:
        return json.dumps({"ok": True, "value": compute(json.loads(text))}, default=str)
    except engine.ProfileError as error:
        return json.dumps({"ok": False, "field": error.field, "code": error.code, "params": error.params})
    except ImportError as error:
        # A module the cut standard library lacks: the worker starts again with the full one.
        return json.dumps({"ok": False, "field": None, "code": None, "missing_module": error.name or str(error),
                           "bug": type(error).__name__ + ": " + str(error)})
    except Exception as error:
        return json.dumps({"ok": False, "field": None, "code": None, "bug": type(error).__name__ + ": " + str(error)})


def score(text):
    """The CRS score; with a job list, the engine counts its years of work from the jobs (said here)."""
    def compute(profile):
        return {**engine.crs_score(profile), "work_years": work_years(profile)}
    return answer(compute, text)


ROUNDS = None  # data/rounds.json, once the worker has fetched it (use_rounds)


def use_rounds(text):
    """The rounds of invitations the round verdicts compare with (the site's data/rounds.json)."""
    global ROUNDS
    ROUNDS = json.loads(text)


def details(text):
    """What takes longer than the score: programs, funds, fees, dates, the planner, categories,
    the round verdicts (null until the rounds have arrived), the routes for French speakers; and
    the planning views: the score over time, the documents, money in the person's currency."""
    def compute(profile):
        assessed, categorised = engine.assess(profile), engine.categories(profile)
        rounds = None
        if ROUNDS is not None:
            nomination = bool(profile.get("provincial_nomination", False))
            rounds = judge(assessed, categorised, nomination, ROUNDS)
        return {"assess": assessed, "plan": engine.plan(profile), "categories": categorised, "rounds": rounds,
                "steps": steps(assessed, rounds or []), "french_routes": engine.french_routes(profile),
                "planning": {"timeline": engine.timeline(profile), "documents": engine.documents(profile),
                             "money": engine.money(profile)}}
    return answer(compute, text)


# Read the CRS tables now: they are then part of a saved snapshot and the first score is instant.
engine.crs_score({"age": 30, "education": "bachelors", "first_language": None})
