"""The datasets stage: rounds of invitations and the NOC 2021 finder index (see data/README.md).

`register(env)` gives templates what they show from the data (the rounds figure of
sitegen/rounds.py, the latest rounds, the NOC licence attribution); `write(out_dir)` puts the
files the browser loads under `data/` in the site:

- `data/rounds.json`: the rounds and the pool distribution, as committed;
- `data/noc-index.json`: code, title, TEER and StatCan's illustrative examples of each unit
  group, the finder's first load; `fr/data/noc-index.json`: the same in French (CNP 2021);
- `data/noc-examples.json`: every other example job title, in the same order, loaded after
  (`fr/data/noc-examples.json` in French, with `english`: each group's English title and example
  titles, since many people know their job by its English name: "software engineer" finds 21231);
- `data/noc-duties/<code>.json`: one unit group's lead statement and main duties, for the
  calculator's job letters, loaded only for the jobs a person enters (`fr/data/noc-duties/` in
  French, from data/noc-duties.fr.json: its duties in no particular order);
- `data/noc-categories.json`: for each NOC code, the category-based selection categories in
  force on the build date that list it (from engine/data/categories.toml).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

from engine import rules

from . import rounds as rounds_view
from .editions import EDITIONS, Edition
from .paths import DATA

ROUNDS = DATA / "rounds.json"
OUT = "data"


@cache
def rounds_data() -> dict:
    return json.loads(ROUNDS.read_text(encoding="utf-8"))


@cache
def noc_data(lang: str = "en") -> dict:
    """The NOC 2021 index in one language: data/noc2021.json, data/noc2021.<lang>.json."""
    name = "noc2021.json" if lang == "en" else f"noc2021.{lang}.json"
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def register(env) -> None:
    lang = env.globals["edition"].lang
    env.globals.update(
        rounds=rounds_data(),
        rounds_figure=lambda: rounds_view.rounds_figure(env.globals["t"], rounds_data(), env.globals["fmt"],
                                                        env.globals["url"], lang),
        noc_about={k: v for k, v in noc_data(lang).items() if k != "unit_groups"},
    )


def noc_duties(lang: str = "en") -> dict:
    """Each unit group's lead statement and main duties in one language (data/noc-duties*.json)."""
    name = "noc-duties.json" if lang == "en" else f"noc-duties.{lang}.json"
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def write(out_dir: Path, as_of: dt.date | None = None, editions: tuple[Edition, ...] = EDITIONS) -> list[str]:
    """Write the browser's data files; returns their paths relative to `out_dir`."""
    files = {
        f"{OUT}/rounds.json": rounds_data(),
        f"{OUT}/noc-categories.json": noc_categories(as_of or dt.date.today()),
    }
    for edition in editions:
        groups = noc_data(edition.lang)["unit_groups"]
        files[edition.path(f"{OUT}/noc-index.json")] = {
            "groups": [[g["code"], g["title"], g["teer"], g["examples"][:g["shown"]]] for g in groups]}
        files[edition.path(f"{OUT}/noc-examples.json")] = {"examples": [g["examples"][g["shown"]:] for g in groups]}
        duties = noc_duties(edition.lang)
        about = {k: v for k, v in duties.items() if k != "groups"}
        for code, group in duties["groups"].items():
            files[edition.path(f"{OUT}/noc-duties/{code}.json")] = {**about, **group}
        if edition.lang != "en":
            files[edition.path(f"{OUT}/noc-examples.json")]["english"] = english_titles(groups)
    for name, data in files.items():
        target = Path(out_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return list(files)


def english_titles(groups: list[dict]) -> list[list[str]]:
    """For each unit group of another edition's index (same codes, same order), its English title
    and example titles that the edition's own titles do not already hold (case aside)."""
    english = {g["code"]: g for g in noc_data("en")["unit_groups"]}
    out = []
    for group in groups:
        own = {title.casefold() for title in [group["title"], *group["examples"]]}
        other = english[group["code"]]
        out.append([title for title in dict.fromkeys([other["title"], *other["examples"]]) if title.casefold() not in own])
    return out


def noc_categories(as_of: dt.date) -> dict:
    """{"as_of", "categories": {key: {months, within_months, in_canada, ...}}, "codes": {code: [key]}}."""
    found: dict = {"as_of": as_of.isoformat(), "categories": {}, "codes": {}}
    for row in rules.table("categories.selection", as_of).rows:
        need = row.values
        if not need["occupations"]:
            continue
        found["categories"][row.key] = {
            "months": need["experience_months"],
            "within_months": need["within_months"],
            "continuous": need["continuous"],
            "in_canada": need["canadian_experience"],
            "caf_job_offer": need["caf_job_offer"],
        }
        for listed in rules.table(need["occupations"], as_of).rows:
            found["codes"].setdefault(listed.key, []).append(row.key)
    return found
