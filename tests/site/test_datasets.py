"""The build's datasets stage: the files the browser loads (sitegen.datasets.write)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen import datasets

ROOT = Path(__file__).resolve().parents[2]


def test_browser_files_are_shared_or_the_edition_s(tmp_path):
    files = datasets.write(tmp_path)
    assert sorted(files) == ["data/noc-categories.json", "data/noc-examples.json", "data/noc-index.json",
                             "data/rounds.json", "fr/data/noc-examples.json", "fr/data/noc-index.json"]


@pytest.mark.parametrize("folder, source", [("data", "noc2021.json"), ("fr/data", "noc2021.fr.json")])
def test_browser_files_split_the_index_without_losing_a_title(tmp_path, folder, source):
    datasets.write(tmp_path)
    index = json.loads((tmp_path / folder / "noc-index.json").read_text())["groups"]
    rest = json.loads((tmp_path / folder / "noc-examples.json").read_text())["examples"]
    groups = json.loads((ROOT / "data" / source).read_text())["unit_groups"]
    assert len(index) == len(rest) == len(groups) == 516
    for (code, title, teer, shown), more, group in zip(index, rest, groups):
        assert (code, title, teer) == (group["code"], group["title"], group["teer"])
        assert shown + more == group["examples"]
    # The first file is what the page waits for: keep it small.
    assert (tmp_path / folder / "noc-index.json").stat().st_size < 200_000


def test_both_editions_name_the_same_unit_groups():
    english, french = ([(g["code"], g["teer"]) for g in datasets.noc_data(lang)["unit_groups"]] for lang in ("en", "fr"))
    assert english == french
    titles = {g["code"]: g["title"] for g in datasets.noc_data("fr")["unit_groups"]}
    assert titles["63200"] == "Cuisiniers/cuisinières" and titles["21232"].startswith("Développeurs/développeuses")


def test_categories_file_lists_codes_in_force_on_the_build_date(tmp_path):
    import datetime as dt

    data = datasets.noc_categories(dt.date(2026, 11, 25))
    assert data["codes"]["31301"] == ["healthcare"]
    assert "63200" not in data["codes"]  # cooks left the trades list in 2026
    assert data["codes"]["31102"] == ["healthcare", "physicians"]
    assert data["categories"]["physicians"]["in_canada"] is True
    assert "french" not in data["categories"]  # no occupation list
    assert datasets.noc_categories(dt.date(2025, 6, 1))["codes"]["63200"] == ["trades"]
