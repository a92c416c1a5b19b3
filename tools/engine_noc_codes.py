"""Write engine/data/classification/noc2021.toml, the NOC 2021 unit group codes the engine
accepts for a job, from data/noc2021.json (itself made by tools/build_noc_index.py).

    python tools/engine_noc_codes.py [--check]

The engine ships only the 516 codes (about 4 KB), not the finder's titles and examples.
`--check` exits 1 when the committed file differs from what this script writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "data" / "noc2021.json"
OUT = ROOT / "engine" / "data" / "classification" / "noc2021.toml"
PER_LINE = 10


def render(index: dict) -> str:
    codes = sorted(group["code"] for group in index["unit_groups"])
    lines = [", ".join(f'"{code}"' for code in codes[i:i + PER_LINE]) for i in range(0, len(codes), PER_LINE)]
    return (
        "# The unit groups of the National Occupational Classification (NOC) 2021 Version 1.0: the\n"
        "# codes a job's NOC may be (engine.fields). Written by tools/engine_noc_codes.py from\n"
        "# data/noc2021.json; do not edit by hand. Contains information from NOC 2021 Version 1.0,\n"
        "# Statistics Canada, licensed under the Open Government Licence - Canada.\n"
        f'classification = "{index["classification"]}"\n'
        f'source = "{index["source"]}"\n'
        "unit_groups = [\n" + "".join(f"  {line},\n" for line in lines) + "]\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args(argv)
    text = render(json.loads(INDEX.read_text(encoding="utf-8")))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)}: {'up to date' if same else 'differs: run tools/engine_noc_codes.py'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"{OUT.relative_to(ROOT)}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
