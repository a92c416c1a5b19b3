"""How long engine.assess takes: the contract examples and profiles with long work histories.
Prints figures; asserts nothing. Run: python benchmarks/bench_assess.py [--pyodide]
(--pyodide runs the same measurements inside Pyodide under Node, via the test harness)."""

import json
import sys
import timeit
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine import assess  # noqa: E402


def long_history(jobs: int) -> dict:
    """A profile with `jobs` consecutive part-time jobs in Canada over the last 10 years."""
    start, step = date(2016, 12, 1), timedelta(days=3650 // jobs)
    history = [
        {"noc": "21232", "country": "canada", "start": (start + i * step).isoformat(),
         "end": (start + (i + 1) * step - timedelta(days=1)).isoformat(), "hours_per_week": 25}
        for i in range(jobs)
    ]
    example = json.loads((ROOT / "docs/contract/examples/married-accompanying.json").read_text())
    return {**example["profile"], "as_of": "2026-11-25", "work_history": history, "settlement_funds": 30000,
            "plans_to_live_in_quebec": False, "eca_issued_on": "2024-01-01", "ita_received_on": "2026-11-01"}


def per_call(profile: dict, number: int = 200) -> float:
    assess(profile)  # warm the rules caches
    return min(timeit.repeat(lambda: assess(profile), number=number, repeat=3)) / number


def main():
    print(f"Python {sys.version.split()[0]}")
    for path in sorted((ROOT / "docs/contract/examples").glob("*.json")):
        profile = json.loads(path.read_text())["profile"]
        print(f"{path.stem:45} {per_call(profile) * 1000:7.3f} ms per assess()")
    for jobs in (1, 10, 50):
        print(f"{'work history of ' + str(jobs) + ' jobs':45} {per_call(long_history(jobs), 50) * 1000:7.3f} ms per assess()")


if __name__ == "__main__":
    if "--pyodide" in sys.argv:
        from tests.harness.pyodide import run_python

        print(run_python("import runpy; runpy.run_path('/project/benchmarks/bench_assess.py', run_name='__main__')"), end="")
    else:
        main()
