"""Print how long engine.timeline takes for a profile with 10 jobs over 24 months, in CPython
and inside Pyodide (Node); engine.documents and engine.money beside it (the report computes
the three with the details).

    python benchmarks/bench_timeline.py [--runs N]

Target (issue 23): under 50 ms in Pyodide, so the report stays instant. Figures are printed,
never asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.two_pythons import in_both  # noqa: E402

# A couple abroad: ten jobs back to back and overlapping, in and outside Canada, two of them
# still going on; a birthday, a test and an ECA that expire inside the 24 months.
JOBS = [{"noc": noc, "country": country, "start": start, **({"end": end} if end else {}), "hours_per_week": hours}
        for noc, country, start, end, hours in (
            ("21232", "abroad", "2016-02-01", "2017-05-31", 40), ("21232", "abroad", "2017-06-01", "2018-12-31", 40),
            ("21231", "abroad", "2019-01-15", "2020-03-31", 37.5), ("21231", "abroad", "2020-04-01", "2021-08-31", 30),
            ("21222", "abroad", "2021-09-01", "2022-06-30", 20), ("21223", "abroad", "2021-09-01", "2022-06-30", 15),
            ("21232", "canada", "2022-09-01", "2023-08-31", 30), ("21232", "canada", "2023-09-01", "2024-12-31", 35),
            ("21231", "canada", "2025-01-06", None, 30), ("41200", "canada", "2025-09-01", None, 8))]
PROFILE = {
    "as_of": "2026-12-06", "age": 33, "date_of_birth": "1993-04-02", "education": "masters",
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7, "taken_on": "2025-03-01"},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
               "language": {"test": "celpip_general", "listening": 8, "reading": 8, "writing": 8, "speaking": 8}},
    "work_history": JOBS, "eca_issued_on": "2022-03-01", "profile_submitted_on": "2026-06-01",
    "plans_to_live_in_quebec": False, "settlement_funds": 30000, "children_accompanying": 1,
    "countries_lived": [{"country": "IN", "start": "2010-01-01", "end": "2022-08-15"}, {"country": "AE", "start": "2022-08-20"}],
    "currency": "INR", "currency_rate": 61.5,
}

MEASURE = """
import engine

def measure(profile, runs):
    points = len(engine.timeline(profile)["points"])
    return {"timeline": [points, *timed(lambda: engine.timeline(profile), runs)],
            "documents": [len(engine.documents(profile)["items"]), *timed(lambda: engine.documents(profile), runs)],
            "money": [len(engine.money(profile)["lines"]), *timed(lambda: engine.money(profile), runs)]}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"engine.timeline / documents / money, a profile with {len(JOBS)} jobs over 24 months, {args.runs} runs "
          "after one warm-up run (target: timeline < 50 ms in Pyodide)")
    for where, figures in in_both(MEASURE, PROFILE, args.runs):
        for name, (count, median, best) in figures.items():
            print(f"  {where:<18} {name:<10} {count:>3} points/items/lines  median {median:6.1f} ms  best {best:6.1f} ms")


if __name__ == "__main__":
    main()
