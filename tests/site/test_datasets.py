"""The build's datasets stage: the files the browser loads (sitegen.datasets.write)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen import datasets

ROOT = Path(__file__).resolve().parents[2]


def test_browser_files_are_shared_or_the_edition_s(tmp_path):
    files = datasets.write(tmp_path)
    duties = [f for f in files if "/noc-duties/" in f]
    assert sorted(set(files) - set(duties)) == ["data/noc-categories.json", "data/noc-examples.json", "data/noc-index.json",
                                                "data/rounds.json", "fr/data/noc-examples.json", "fr/data/noc-index.json"]
    assert len([f for f in duties if f.startswith("data/")]) == len([f for f in duties if f.startswith("fr/data/")]) == 516


def test_each_occupation_has_its_own_small_description_file(tmp_path):
    datasets.write(tmp_path)
    english = json.loads((tmp_path / "data/noc-duties/21232.json").read_text())
    french = json.loads((tmp_path / "fr/data/noc-duties/21232.json").read_text())
    assert english["lead"].startswith("Software developers and programmers") and english["ordered"] is True
    assert french["lead"].startswith("Les développeurs et les programmeurs") and french["ordered"] is False
    assert len(english["duties"]) == len(french["duties"]) == 7
    # French duties have no reliable order (data/upstream/README.md): shown sorted, no sub-heading.
    assert french["duties"] == sorted(french["duties"], key=str.casefold)
    assert all(d.endswith((";", ".")) for d in french["duties"])
    sizes = [p.stat().st_size for p in (tmp_path / "fr/data/noc-duties").iterdir()]
    assert max(sizes) < 8_000  # one occupation at a time: a few kilobytes


def test_the_duties_files_are_what_the_tool_makes_from_upstream():
    from tools import build_noc_duties

    made = build_noc_duties.build()
    for lang, path in build_noc_duties.OUT.items():
        assert json.loads(path.read_text(encoding="utf-8")) == made[lang]


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
