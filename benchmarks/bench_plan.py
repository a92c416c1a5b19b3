"""Print how long engine.plan takes for a full plan, in CPython and inside Pyodide (Node).

    python benchmarks/bench_plan.py [--runs N]

Target (issue 7): under 50 ms for a plan of at least 200 variants in Pyodide. Figures are
printed, never asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.two_pythons import in_both  # noqa: E402

# Profiles with many variants: a spouse without a test, a weak first language, no second one.
PROFILES = {
    "married, IELTS, spouse untested": {
        "as_of": "2026-11-25", "age": 36, "education": "bachelors",
        "first_language": {"test": "ielts_general", "listening": 6.5, "reading": 6, "writing": 6,
                           "speaking": 6.5},
        "canadian_work_years": 0, "foreign_work_years": 1,
        "spouse": {"canadian_citizen_or_pr": False, "accompanying": True,
                   "education": "secondary", "language": None, "canadian_work_years": 0},
    },
    "single, CLB 7": {
        "as_of": "2026-11-25", "age": 29, "education": "two_year",
        "first_language": {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
        "canadian_work_years": 1, "foreign_work_years": 0,
    },
}

# The same code runs in CPython and inside Pyodide: warm up once (imports, rule tables), then
# time `runs` full plans per profile, and `runs` batches of 240 variants through the planner's
# scorer (every first-language level 5-10 in each ability x every education level x 5).
MEASURE = """
import engine
from engine.plan import Scorer

def measure(profiles, runs):
    out = {}
    for name, profile in profiles.items():
        variants = engine.plan(profile)["variants_scored"]
        out[name] = [variants, *timed(lambda: engine.plan(profile), runs)]
    profile = next(iter(profiles.values()))
    batch = [{"first_language.test": "clb", **{f"first_language.{a}": level for a in abilities},
              "education": education, "canadian_work_years": years}
             for level in range(5, 11)
             for abilities in (("reading",), ("listening", "reading", "writing", "speaking"))
             for education in ("secondary", "two_year", "bachelors", "masters")
             for years in range(5)]
    def score_batch():
        scorer = Scorer(profile)
        for changes in batch:
            scorer.total(changes)
    out[f"{len(batch)} variants, scored only"] = [len(batch), *timed(score_batch, runs)]
    return out
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"engine.plan, {args.runs} runs per profile after one warm-up run (target: < 50 ms "
          "for >= 200 variants in Pyodide)")
    for where, figures in in_both(MEASURE, PROFILES, args.runs):
        for name, (variants, median, best) in figures.items():
            print(f"  {where:<18} {name:<34} {variants:>4} variants  median {median:6.1f} ms"
                  f"  best {best:6.1f} ms  ({median / variants * 1000:.0f} us per variant)")


if __name__ == "__main__":
    main()
