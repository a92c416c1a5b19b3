"""Regenerate data/noc2021.json and data/noc2021.fr.json, the NOC finder's indexes (English and
French), from Statistics Canada's NOC 2021 files.

    python tools/build_noc_index.py [STRUCTURE.csv ELEMENTS.csv] [--out data/noc2021.json]
    python tools/build_noc_index.py --lang fr [FRENCH.json] [--out data/noc2021.fr.json]

STRUCTURE.csv is "noc_2021_version_1.0_-_classification_structure.csv" and ELEMENTS.csv is
"noc_2021_version_1.0_-_elements.csv" (Open Government Portal dataset
1feee3b5-8068-4dbb-b361-180875837593). The index keeps only what the finder shows and searches:
each unit group's code, title, TEER and example job titles (the illustrative ones first).
Without arguments it reads the copies kept in data/upstream/statcan/ (see data/upstream/README.md).

The French index (CNP 2021, for the French edition) is made from `cnp_2021_fr_unit_groups.json`,
the French titles and example titles of the same 516 unit groups; codes and TEER are the
English index's, so both editions name the same groups. The French file has no list of
illustrative examples: the finder shows the shortest example titles first (the general ones,
e.g. "Cuisinier/cuisinière" before "Cuisinier/cuisinière de camp de bûcherons"), as many as
the English group shows, up to the eight the finder shows (its first file stays small).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "noc2021.json"
UPSTREAM = ROOT / "data" / "upstream" / "statcan"
DEFAULT_STRUCTURE = UPSTREAM / "noc_2021_version_1.0_-_classification_structure.csv"
DEFAULT_ELEMENTS = UPSTREAM / "noc_2021_version_1.0_-_elements.csv"
DEFAULT_FRENCH = UPSTREAM / "cnp_2021_fr_unit_groups.json"
DEFAULT_OUT_FR = ROOT / "data" / "noc2021.fr.json"

ABOUT = {
    "classification": "National Occupational Classification (NOC) 2021 Version 1.0",
    "publisher": "Statistics Canada",
    "source": "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593",
    "licence": "Open Government Licence – Canada",
    "licence_url": "https://open.canada.ca/en/open-government-licence-canada",
}

# The same, as Statistics Canada and the Open Government Portal write it in French.
ABOUT_FR = {
    "classification": "Classification nationale des professions (CNP) 2021 version 1.0",
    "publisher": "Statistique Canada",
    "source": "https://ouvert.canada.ca/data/fr/dataset/1feee3b5-8068-4dbb-b361-180875837593",
    "licence": "Licence du gouvernement ouvert – Canada",
    "licence_url": "https://ouvert.canada.ca/fr/licence-du-gouvernement-ouvert-canada",
}

FRENCH_SHOWN = 8

CODE = "Code - NOC 2021 V1.0"
UNIT_GROUP_LEVEL = "5"
ILLUSTRATIVE = "Illustrative example(s)"
ALL_EXAMPLES = "All examples"


class NocError(ValueError):
    """The files are not shaped as NOC 2021 Version 1.0 is."""


def clean(text: str) -> str:
    """Trim the files' trailing spaces and turn no-break spaces into plain ones."""
    return " ".join(text.replace("\u00a0", " ").split())


def read_rows(path: Path, required: set[str]) -> list[dict]:
    # utf-8-sig drops the byte-order mark; newline="" lets csv handle the CRLF endings.
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise NocError(f"{path.name}: missing column(s) {', '.join(sorted(missing))}")
        return list(reader)


def build(structure: Path, elements: Path) -> dict:
    groups: dict[str, dict] = {}
    for row in read_rows(structure, {"Level", CODE, "Class title"}):
        if row["Level"].strip() != UNIT_GROUP_LEVEL:
            continue
        code = row[CODE].strip()  # text: leading zeros matter
        if not re.fullmatch(r"\d{5}", code) or code in groups:
            raise NocError(f"{structure.name}: bad or repeated unit group code {code!r}")
        groups[code] = {"code": code, "title": clean(row["Class title"]),
                        # The TEER category is the code's second digit (NOC 2021 design).
                        "teer": int(code[1]), "shown": 0, "examples": []}

    illustrative: dict[str, list[str]] = {code: [] for code in groups}
    every: dict[str, list[str]] = {code: [] for code in groups}
    for row in read_rows(elements, {CODE, "Element Type Label English",
                                    "Element Description English"}):
        code = row[CODE].strip()
        kind = row["Element Type Label English"].strip()
        if kind not in (ILLUSTRATIVE, ALL_EXAMPLES):
            continue
        if code not in groups:
            raise NocError(f"{elements.name}: example for unknown unit group {code!r}")
        (illustrative if kind == ILLUSTRATIVE else every)[code].append(clean(
            row["Element Description English"]))

    for code, group in groups.items():
        shown = illustrative[code]
        if not every[code] or any(title not in every[code] for title in shown):
            raise NocError(f"unit group {code}: illustrative examples missing from all examples")
        group["shown"] = len(shown)
        group["examples"] = shown + [t for t in every[code] if t not in set(shown)]
    return {**ABOUT, "unit_groups": list(groups.values())}


def build_french(english: dict, french: Path) -> dict:
    """The French index: the English groups' codes, TEER and order, with CNP titles and examples."""
    try:
        groups = json.loads(french.read_text(encoding="utf-8"))["unit_groups"]
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise NocError(f"{french.name}: not a file of French unit groups ({exc})") from None
    codes = [g["code"] for g in english["unit_groups"]]
    if sorted(groups) != sorted(codes):
        missing = sorted(set(codes) ^ set(groups))
        raise NocError(f"{french.name}: its unit groups differ from NOC 2021's ({', '.join(missing[:5])})")
    out = []
    for group in english["unit_groups"]:
        entry = groups[group["code"]]
        examples = list(dict.fromkeys(clean(e) for e in entry.get("examples", []) if clean(e)))
        title = clean(entry.get("title", ""))
        if not title or not examples:
            raise NocError(f"{french.name}: unit group {group['code']} lacks a title or examples")
        shown = sorted(examples, key=len)[:max(1, min(group["shown"], FRENCH_SHOWN, len(examples)))]
        out.append({"code": group["code"], "title": title, "teer": group["teer"], "shown": len(shown),
                    "examples": shown + [e for e in examples if e not in set(shown)]})
    return {**ABOUT_FR, "unit_groups": out}


def write_json(data: dict, out: Path) -> None:
    """One unit group per line: lean to ship, readable in a diff."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = "\n".join(f" {dump(k)}:{dump(v)}," for k, v in data.items() if k != "unit_groups")
    body = ",\n".join(f"  {dump(g)}" for g in data["unit_groups"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("{\n" + head + '\n "unit_groups":[\n' + body + "\n ]\n}\n",
                   encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="*",
                        help="English: the classification structure CSV and the elements CSV; French: the "
                             "French unit groups JSON (default: the copies in data/upstream/)")
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.lang == "fr":
            (french,) = args.files or [DEFAULT_FRENCH]
            data = build_french(build(DEFAULT_STRUCTURE, DEFAULT_ELEMENTS), french)
        else:
            structure, elements = args.files or [DEFAULT_STRUCTURE, DEFAULT_ELEMENTS]
            data = build(structure, elements)
        args.out = args.out or (DEFAULT_OUT_FR if args.lang == "fr" else DEFAULT_OUT)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_json(data, args.out)
    examples = sum(len(g["examples"]) for g in data["unit_groups"])
    print(f"{args.out}: {len(data['unit_groups'])} unit groups, {examples} example titles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
