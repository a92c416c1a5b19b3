"""Regenerate data/noc-duties.json and data/noc-duties.fr.json: each NOC 2021 unit group's lead
statement and main duties, for the calculator's job letters (one small file per occupation is
written from them by the build, loaded only for the jobs a person enters).

    python tools/build_noc_duties.py

English: the unit group's definition (the lead statement) from the classification structure and
its "Main duties" elements, in StatCan's order, sub-headings kept (a row that does not end with
";", "." or ":" heads the duties under it). French: the definitions from
`cnp_2021_fr_classes.csv` and the duties from `cnp_2021_fr_main_duties.csv`, whose rows were
paired with the English ones by fuzzy matching (data/upstream/README.md): their order is not
reliable, so the French duties are kept without sub-headings and sorted alphabetically, and
the page says so. The sentence that opens each list ("This group performs some or all of the
following duties:") is left out: the page has its own heading.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "data" / "upstream" / "statcan"
OUT = {"en": ROOT / "data" / "noc-duties.json", "fr": ROOT / "data" / "noc-duties.fr.json"}
ABOUT = {
    "en": {"classification": "National Occupational Classification (NOC) 2021 Version 1.0", "publisher": "Statistics Canada",
           "licence": "Open Government Licence – Canada", "ordered": True},
    "fr": {"classification": "Classification nationale des professions (CNP) 2021 version 1.0", "publisher": "Statistique Canada",
           "licence": "Licence du gouvernement ouvert – Canada", "ordered": False},
}


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _is_item(text: str) -> bool:
    return text.endswith((";", ".", ":"))


def english() -> dict:
    with open(UPSTREAM / "noc_2021_version_1.0_-_classification_structure.csv", encoding="utf-8-sig", newline="") as f:
        leads = {r["Code - NOC 2021 V1.0"]: _clean(r["Class definition"]) for r in csv.DictReader(f) if r["Level"] == "5"}
    duties: dict = {code: [] for code in leads}
    with open(UPSTREAM / "noc_2021_version_1.0_-_elements.csv", encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["Element Type Label English"] == "Main duties":
                text = _clean(r["Element Description English"])
                if text and not text.startswith("This group performs"):
                    duties[r["Code - NOC 2021 V1.0"]].append(text)
    return {code: {"lead": leads[code], "duties": duties[code]} for code in sorted(leads)}


def french(codes) -> dict:
    with open(UPSTREAM / "cnp_2021_fr_classes.csv", encoding="utf-8-sig", newline="") as f:
        leads = {r["code"]: _clean(r["description_french"]) for r in csv.DictReader(f) if r["code"] in codes}
    duties: dict = {code: [] for code in codes}
    with open(UPSTREAM / "cnp_2021_fr_main_duties.csv", encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            text = _clean(r["name_french"])
            # Only the duties themselves: no sub-heading (their pairing is unreliable), no opening sentence.
            if r["noc_code"] in duties and _is_item(text) and not text.endswith(":"):
                duties[r["noc_code"]].append(text)
    return {code: {"lead": leads[code], "duties": sorted(duties[code], key=str.casefold)} for code in sorted(codes)}


def build() -> dict:
    groups = english()
    return {"en": {**ABOUT["en"], "groups": groups}, "fr": {**ABOUT["fr"], "groups": french(set(groups))}}


def main() -> None:
    for lang, data in build().items():
        OUT[lang].write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{OUT[lang].relative_to(ROOT)}: {len(data['groups'])} unit groups")


if __name__ == "__main__":
    main()
