"""Regenerate data/noc2021.json, the NOC finder's index, from Statistics Canada's NOC 2021 files.

    python tools/build_noc_index.py [STRUCTURE.csv ELEMENTS.csv] [--out data/noc2021.json]

STRUCTURE.csv is "noc_2021_version_1.0_-_classification_structure.csv" and ELEMENTS.csv is
"noc_2021_version_1.0_-_elements.csv" (Open Government Portal dataset
1feee3b5-8068-4dbb-b361-180875837593). The index keeps only what the finder shows and searches:
each unit group's code, title, TEER and example job titles (the illustrative ones first).
Without arguments it reads the copies kept in data/upstream/statcan/ (see data/upstream/README.md).
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

ABOUT = {
    "classification": "National Occupational Classification (NOC) 2021 Version 1.0",
    "publisher": "Statistics Canada",
    "source": "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593",
    "licence": "Open Government Licence – Canada",
    "licence_url": "https://open.canada.ca/en/open-government-licence-canada",
}

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
    parser.add_argument("structure", type=Path, nargs="?", default=DEFAULT_STRUCTURE,
                        help="the classification structure CSV (default: the copy in data/upstream/)")
    parser.add_argument("elements", type=Path, nargs="?", default=DEFAULT_ELEMENTS,
                        help="the elements CSV (default: the copy in data/upstream/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        data = build(args.structure, args.elements)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_json(data, args.out)
    examples = sum(len(g["examples"]) for g in data["unit_groups"])
    print(f"{args.out}: {len(data['unit_groups'])} unit groups, {examples} example titles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
