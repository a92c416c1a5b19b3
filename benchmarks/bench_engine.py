"""Benchmark: CRS profiles scored per second, in CPython and inside Pyodide under Node.

Run from the project root: `python benchmarks/bench_engine.py [--profiles N] [--no-pyodide]`.
Prints figures only; nothing here asserts a speed.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDUCATION = ["less_than_secondary", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters", "doctoral"]
ABILITIES = ("listening", "reading", "writing", "speaking")


def _result(rng, english: bool, tef: bool = True):
    french = ["nclc", "tef_canada", "tcf_canada"] if tef else ["nclc", "tcf_canada"]
    kind = rng.choice(["clb", "ielts_general", "celpip_general"] if english else french)
    if kind in ("clb", "nclc"):
        return {"test": kind, **{a: rng.randint(3, 12) for a in ABILITIES}}
    if kind == "ielts_general":
        return {"test": kind, **{a: rng.randint(8, 18) / 2 for a in ABILITIES}}
    if kind == "celpip_general":
        return {"test": kind, **{a: rng.randint(3, 12) for a in ABILITIES}}
    if kind == "tef_canada":
        return {"test": kind, "taken_on": "2025-06-01", **{a: rng.randint(250, 699) for a in ABILITIES}}  # current scale
    return {"test": kind, "listening": rng.randint(300, 699), "reading": rng.randint(300, 699),
            "writing": rng.randint(3, 20), "speaking": rng.randint(3, 20)}


def make_profiles(count: int, *, same_day: bool, seed: int = 1) -> list:
    """Varied valid profiles, as a planner would produce them (one day) or a pool would (many days)."""
    rng = random.Random(seed)
    profiles = []
    for _ in range(count):
        english_first = rng.random() < 0.8
        spouse = None
        if rng.random() < 0.4:
            spouse = {"canadian_citizen_or_pr": rng.random() < 0.1, "accompanying": rng.random() < 0.9,
                      "education": rng.choice(EDUCATION), "language": _result(rng, True) if rng.random() < 0.7 else None,
                      "canadian_work_years": rng.randint(0, 5)}
        profiles.append({
            "as_of": "2026-11-02" if same_day else f"{rng.randint(2016, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "age": rng.randint(18, 50),
            "education": rng.choice(EDUCATION),
            "canadian_education": rng.choice(["none", "one_or_two_year", "three_year_or_more"]),
            # TEF Canada only on one day: its scale depends on the test day
            "first_language": _result(rng, english_first, same_day),
            "second_language": _result(rng, not english_first, same_day) if rng.random() < 0.3 else None,
            "canadian_work_years": rng.randint(0, 6),
            "foreign_work_years": rng.randint(0, 6),
            "certificate_of_qualification": rng.random() < 0.1,
            "provincial_nomination": rng.random() < 0.05,
            "job_offer": rng.choice(["none", "none", "teer_00", "other"]),
            "sibling_in_canada": rng.random() < 0.1,
            "spouse": spouse,
        })
    return profiles


def measure(count: int = 20_000, rounds: int = 5) -> dict:
    """Profiles per second (best of `rounds`) for one-day and many-day batches; first-call time.

    Both wall-clock and CPU-time rates are given: on a shared machine the CPU-time rate is the
    fairer figure for the engine itself.
    """
    started = time.perf_counter()
    from engine import crs_score

    crs_score(make_profiles(1, same_day=True)[0])
    figures = {"first_call_ms": round((time.perf_counter() - started) * 1000, 1)}
    for label, same_day in (("one_day", True), ("many_days", False)):
        profiles = make_profiles(count, same_day=same_day)
        for p in profiles[:2000]:  # warm the per-period caches the way a session would
            crs_score(p)
        wall = cpu = 0.0
        for _ in range(rounds):
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            for p in profiles:
                crs_score(p)
            wall = max(wall, count / (time.perf_counter() - start_wall))
            cpu = max(cpu, count / max(time.process_time() - start_cpu, 1e-9))
        figures[f"{label}_per_second_wall"] = round(wall)
        figures[f"{label}_per_second_cpu"] = round(cpu)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=20_000)
    parser.add_argument("--no-pyodide", action="store_true", help="skip the Pyodide run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    cores = os.cpu_count()
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.1f} (figures drop when the cores are busy)")
    cpython = measure(args.profiles)
    print(f"CPython {sys.version.split()[0]}: {json.dumps(cpython)}")
    if not args.no_pyodide:
        from tests.harness.pyodide import run_python

        code = (
            "import json, sys\n"
            "from benchmarks.bench_engine import measure\n"
            f"print(sys.version.split()[0], json.dumps(measure({args.profiles})))\n"
        )
        version, figures = run_python(code).strip().splitlines()[-1].split(" ", 1)
        print(f"Pyodide (Python {version}, Node): {figures}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
