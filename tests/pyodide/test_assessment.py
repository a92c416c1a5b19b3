"""Real Pyodide (Python 3.14 in WebAssembly) under Node assesses as CPython does: programs,
funds, fees, deadlines, planner, categories (the assessment suite runs there too:
test_engine_suite.py)."""

import json
from datetime import date
from pathlib import Path

from engine import assess
from tests.assessment.helpers import clb, job, profile

ROOT = Path(__file__).resolve().parents[2]


def test_pyodide_assesses_like_cpython():
    from tests.harness.pyodide import run_python

    profiles = [json.loads(p.read_text())["profile"] for p in sorted((ROOT / "docs/contract/examples").glob("*.json"))]
    profiles += [
        profile(ita_received_on="2026-11-01", children_accompanying=2, settlement_funds=1000,
                spouse={"canadian_citizen_or_pr": False, "accompanying": True, "language": clb(5)}),
        profile(work_history=[job(date(2023, 1, 1), None, country="canada", noc="72106", hours_per_week=22.5)],
                first_language=clb(5, 4, 4, 5), certificate_of_qualification=True),
    ]
    code = (
        "import json\n"
        "from engine import assess\n"
        f"profiles = json.loads({json.dumps(json.dumps(profiles))})\n"
        "for p in profiles:\n"
        "    print(json.dumps(assess(p), sort_keys=True))\n"  # one JSON document per line
    )
    inside = [json.loads(line) for line in run_python(code).strip().splitlines()[-len(profiles):]]
    assert inside == [json.loads(json.dumps(assess(p), sort_keys=True)) for p in profiles]
