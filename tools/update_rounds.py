"""Regenerate data/rounds.json from a copy of IRCC's rounds-of-invitations feed.

    python tools/update_rounds.py ee_rounds_123_en.json [--out data/rounds.json]

The feed (canada.ca, content/dam/ircc/documents/json/ee_rounds_123_en.json) stores numbers as
text with thousands separators and the tie-breaking time as hand-typed free text. This script
turns it into typed, checked records and fails loudly on anything it does not understand, so a
newer feed with a new kind of round cannot slip in unlabelled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "rounds.json"
FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
PAGE_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/submit-profile/rounds-invitations.html"
)

# Round name (drawName) -> round type. The first pattern that matches wins; a name matching none
# stops the update so that someone decides what a new kind of round is.
ROUND_TYPES = (
    (r"^(No Program Specified|General)$", "general"),
    (r"^Provincial Nominee Program$", "pnp"),
    (r"^Canadian Experience Class$", "cec"),
    (r"^Federal Skilled Worker$", "fsw"),
    (r"^Federal Skilled Trades$", "fst"),
    (r"^French[- ]language proficiency\b", "french"),
    (r"^Healthcare\b", "healthcare"),
    (r"^Trades? occupations\b", "trades"),
    (r"^STEM occupations\b", "stem"),
    (r"^Transport occupations\b", "transport"),
    (r"^Agriculture and agri-food occupations\b", "agriculture"),
    (r"^Education occupations\b", "education"),
    (r"^Physicians with Canadian work experience\b", "physicians"),
    (r"^Senior managers with Canadian work experience\b", "senior_managers"),
    (r"^Researchers with Canadian work experience\b", "researchers"),
    (r"^Skilled military recruits\b", "military"),
)

# Pool distribution fields (feed field mapping, rules fact sheet section 11): key -> CRS range.
# The fine 10-point bands replace their totals dd3 (451-500) and dd9 (401-450).
# Eligible programs (drawText2) are listed in prose; each program is found by its name.
PROGRAMS = (
    ("Federal Skilled Worker", "fsw"),
    ("Canadian Experience Class", "cec"),
    ("Federal Skilled Trades", "fst"),
    ("Provincial Nominee", "pnp"),
)

POOL_BANDS = (
    ("dd1", 601, 1200), ("dd2", 501, 600),
    ("dd4", 491, 500), ("dd5", 481, 490), ("dd6", 471, 480), ("dd7", 461, 470), ("dd8", 451, 460),
    ("dd10", 441, 450), ("dd11", 431, 440), ("dd12", 421, 430), ("dd13", 411, 420),
    ("dd14", 401, 410),
    ("dd15", 351, 400), ("dd16", 301, 350), ("dd17", 0, 300),
)
POOL_SUBTOTALS = {"dd3": ("dd4", "dd5", "dd6", "dd7", "dd8"),
                  "dd9": ("dd10", "dd11", "dd12", "dd13", "dd14")}
POOL_TOTAL = "dd18"

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
# "March 1, 2026 at 18:34:05 UTC", "July 3rd 2026 at 21:35:13 UTC", "May 21, 2026 at  12:14:09 UTC",
# "September 30, 2023 at 04:22:17 AM UTC", "June 3, 2024 15:11:33 UTC", ...
TIE_BREAK = re.compile(
    r"(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(?P<year>\d{4})\s*,?"
    r"\s*(?:at)?\s*(?P<h>\d{1,2}):(?P<m>\d{2}):(?P<s>\d{2})\s*(?P<ampm>AM|PM)?\s*(?:UTC)?",
    re.IGNORECASE,
)


ONE_DAY = dt.timedelta(days=1)


class FeedError(ValueError):
    """The feed has something this script does not understand."""


def count(text: str, where: str) -> int:
    """'27,332' -> 27332; anything else than digits and separators is an error."""
    if not re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", text.strip()):
        raise FeedError(f"{where}: expected a whole number, got {text!r}")
    return int(text.strip().replace(",", ""))


def long_date(text: str, where: str) -> str:
    """'August 16, 2026' -> '2026-08-16'."""
    m = re.fullmatch(r"\s*([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s*", text)
    if not m or m.group(1).lower() not in MONTHS:
        raise FeedError(f"{where}: expected a date like 'August 16, 2026', got {text!r}")
    return dt.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()


def tie_break(text: str) -> str | None:
    """Free-text tie-breaking time -> ISO 8601 UTC, or None when the text lacks a full date.

    The feed's times are UTC (a few entries omit the word). Some carry a stray AM/PM beside a
    24-hour time ("20:19:59 PM"); only a 12-hour time (hour 1-12) is shifted by it.
    """
    m = TIE_BREAK.fullmatch(text.strip())
    if not m or m.group("month").lower() not in MONTHS:
        return None
    hour = int(m.group("h"))
    ampm = (m.group("ampm") or "").upper()
    if ampm == "PM" and hour < 12:
        hour += 12
    elif ampm == "AM" and hour == 12:
        hour = 0
    when = dt.datetime(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")),
                       hour, int(m.group("m")), int(m.group("s")))
    return when.isoformat() + "Z"


def round_type(name: str, where: str) -> str:
    for pattern, key in ROUND_TYPES:
        if re.search(pattern, name.strip(), re.IGNORECASE):
            return key
    raise FeedError(f"{where}: unknown kind of round {name!r}; add it to ROUND_TYPES")


def programs(text: str, where: str) -> list[str]:
    found = [key for name, key in PROGRAMS if name.lower() in text.lower()]
    if not found:
        raise FeedError(f"{where}: no known program in {text!r}; add it to PROGRAMS")
    return found


def convert_round(raw: dict) -> dict:
    number = raw["drawNumber"].strip()
    where = f"round {number}"
    text = " ".join(raw.get("drawCutOff", "").split())
    date = dt.date.fromisoformat(raw["drawDate"].strip()).isoformat()
    parsed = tie_break(text) if text else None
    # Rounds are dated in Ottawa time and tie-breaking times are UTC, so the latter may fall on
    # the next calendar day (round 139); anything later is a typo worth stopping for.
    if parsed and dt.date.fromisoformat(parsed[:10]) > dt.date.fromisoformat(date) + ONE_DAY:
        raise FeedError(f"{where}: tie-breaking time {text!r} is after the round ({date})")
    return {
        "number": number,
        "date": date,
        "type": round_type(raw["drawName"], where),
        "name": " ".join(raw["drawName"].split()),
        "programs": programs(raw["drawText2"], where),
        "invitations": count(raw["drawSize"], f"{where} drawSize"),
        "min_crs": count(raw["drawCRS"], f"{where} drawCRS"),
        "tie_break": parsed,
        # The feed's words are kept only where they could not be read as a full date and time.
        **({"tie_break_text": text} if text and not parsed else {}),
    }


def convert_pool(raw: dict) -> dict:
    where = f"round {raw['drawNumber'].strip()} distribution"
    n = {k: count(v, f"{where} {k}") for k, v in raw.items() if re.fullmatch(r"dd\d+", k)}
    for total, parts in POOL_SUBTOTALS.items():
        if n[total] != sum(n[p] for p in parts):
            raise FeedError(f"{where}: {total} is not the sum of {', '.join(parts)}")
    bands = [{"min": lo, "max": hi, "count": n[key]} for key, lo, hi in POOL_BANDS]
    if n[POOL_TOTAL] != sum(b["count"] for b in bands):
        raise FeedError(f"{where}: {POOL_TOTAL} is not the sum of the bands")
    return {
        "as_of": long_date(raw["drawDistributionAsOn"], f"{where} drawDistributionAsOn"),
        "published_with_round": raw["drawNumber"].strip(),
        "total": n[POOL_TOTAL],
        "bands": bands,
    }


def convert(feed: dict) -> dict:
    raw_rounds = feed.get("rounds")
    if not isinstance(raw_rounds, list) or not raw_rounds:
        raise FeedError("feed: no 'rounds' list")
    rounds = [convert_round(r) for r in raw_rounds]
    rounds.sort(key=lambda r: (r["date"], r["number"]), reverse=True)
    numbers = [r["number"] for r in rounds]
    if len(set(numbers)) != len(numbers):
        raise FeedError("feed: a round number appears twice")
    # The pool distribution is published with each round; the newest non-empty one is current.
    with_pool = [r for r in raw_rounds if count(r.get(POOL_TOTAL, "0"), "pool total") > 0]
    latest = max(with_pool, key=lambda r: r["drawDate"])
    return {
        "source": FEED_URL,
        "page": PAGE_URL,
        "publisher": "Immigration, Refugees and Citizenship Canada",
        "latest_round_date": rounds[0]["date"],
        "rounds": rounds,
        "pool": convert_pool(latest),
    }


def write_json(data: dict, out: Path) -> None:
    """Compact JSON with one round per line: small to ship, and a feed update diffs by round."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = {k: v for k, v in data.items() if k != "rounds"}
    lines = [f" {dump(k)}:{dump(v)}," for k, v in head.items()]
    rounds = ",\n".join(f"  {dump(r)}" for r in data["rounds"])
    text = "{\n" + "\n".join(lines) + '\n "rounds":[\n' + rounds + "\n ]\n}\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed", type=Path, help="a copy of ee_rounds_123_en.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        data = convert(json.loads(args.feed.read_text(encoding="utf-8-sig")))
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_json(data, args.out)
    print(f"{args.out}: {len(data['rounds'])} rounds to {data['latest_round_date']}, "
          f"pool of {data['pool']['total']:,} as of {data['pool']['as_of']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
