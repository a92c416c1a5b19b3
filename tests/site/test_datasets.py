"""The build's datasets stage: the files the browser loads (sitegen.datasets.write)."""
from __future__ import annotations

import json
from pathlib import Path

from sitegen import datasets

ROOT = Path(__file__).resolve().parents[2]


def test_browser_files_split_the_index_without_losing_a_title(tmp_path):
    files = datasets.write(tmp_path)
    assert sorted(files) == ["data/noc-categories.json", "data/noc-examples.json",
                             "data/noc-index.json", "data/rounds.json"]
    index = json.loads((tmp_path / "data/noc-index.json").read_text())["groups"]
    rest = json.loads((tmp_path / "data/noc-examples.json").read_text())["examples"]
    source = json.loads((ROOT / "data/noc2021.json").read_text())["unit_groups"]
    assert len(index) == len(rest) == len(source) == 516
    for (code, title, teer, shown), more, group in zip(index, rest, source):
        assert (code, title, teer) == (group["code"], group["title"], group["teer"])
        assert shown + more == group["examples"]
    # The first file is what the page waits for: keep it small.
    assert (tmp_path / "data/noc-index.json").stat().st_size < 200_000


def test_categories_file_lists_codes_in_force_on_the_build_date(tmp_path):
    import datetime as dt

    data = datasets.noc_categories(dt.date(2026, 11, 25))
    assert data["codes"]["31301"] == ["healthcare"]
    assert "63200" not in data["codes"]  # cooks left the trades list in 2026
    assert data["codes"]["31102"] == ["healthcare", "physicians"]
    assert data["categories"]["physicians"]["in_canada"] is True
    assert "french" not in data["categories"]  # no occupation list
    assert datasets.noc_categories(dt.date(2025, 6, 1))["codes"]["63200"] == ["trades"]
