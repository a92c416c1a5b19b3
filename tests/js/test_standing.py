"""The calculator's pool estimate (static/js/calculator/standing.js), run under Node. The round
verdicts and cut-offs are engine.rounds' (tests/assessment/test_rounds.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.harness.node import run_module

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = json.loads((ROOT / "data" / "rounds.json").read_text())


STANDING = """
import { pathToFileURL } from "node:url";
const [module, data, totals] = process.argv.slice(1);
const { poolAbove } = await import(pathToFileURL(module).href);
const rounds = JSON.parse(data);
console.log(JSON.stringify(JSON.parse(totals).map((t) => ({ pool: poolAbove(t, rounds.pool) }))));
"""


@pytest.fixture(scope="module")
def standings():
    module = ROOT / "static" / "js" / "calculator" / "standing.js"
    totals = [300, 455, 523, 1200]
    return dict(zip(totals, json.loads(run_module(STANDING, module, json.dumps(ROUNDS), json.dumps(totals)))))


def test_pool_estimate_adds_whole_bands_and_a_share_of_the_own_band(standings):
    bands = ROUNDS["pool"]["bands"]
    # 455 sits in 451-460: every band from 461 up, plus 5 of the band's 10 points.
    own = next(b for b in bands if b["min"] == 451)
    above = sum(b["count"] for b in bands if b["min"] > 455) + round(own["count"] * 5 / 10)
    assert standings[455]["pool"]["above"] == above
    assert standings[1200]["pool"]["above"] == 0
    # 300 is the top of the 0-300 band: exactly the candidates of every other band are above.
    lowest = next(b for b in bands if b["min"] == 0)
    assert standings[300]["pool"]["above"] == ROUNDS["pool"]["total"] - lowest["count"]
    assert standings[300]["pool"]["estimated"] is False
