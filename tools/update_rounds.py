"""Regenerate data/rounds.json from IRCC's rounds-of-invitations feeds (English and French).

    python tools/update_rounds.py            # from the copies in data/upstream/ircc/
    python tools/update_rounds.py --fetch    # from IRCC's feeds; saves them in data/upstream/ircc/
    python tools/update_rounds.py --feed FILE_OR_URL [--feed-fr FILE_OR_URL] [--out data/rounds.json]

The feeds (canada.ca, content/dam/ircc/documents/json/ee_rounds_123_en.json and _fr.json) store
numbers as text with thousands separators and the tie-breaking time as hand-typed free text. This
script turns them into typed, checked records, adds the rounds of the secondary copy that the
feed does not have yet (data/upstream/ircc/rounds-438-447-secondary.json, marked as such), and
validates the result against data/schema/rounds.schema.json.

A feed that is malformed, empty or partial (fewer rounds, or older, than the data it would
replace; a French feed that lacks rounds of the English one) is refused: the script says why and
leaves the last good data as it was (exit status 2). A new kind of round is accepted under the
type "other", shown by its feed name, with a warning to add it to ROUND_TYPES and the catalogue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "rounds.json"
SCHEMA = ROOT / "data" / "schema" / "rounds.schema.json"
UPSTREAM = ROOT / "data" / "upstream" / "ircc"
FEED_EN = UPSTREAM / "ee_rounds_123_en.json"
FEED_FR = UPSTREAM / "ee_rounds_123_fr.json"
SECONDARY = UPSTREAM / "rounds-438-447-secondary.json"
FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
FEED_FR_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_fr.json"
OTHER = "other"
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


def round_type(name: str, where: str, warnings: list | None = None) -> str:
    for pattern, key in ROUND_TYPES:
        if re.search(pattern, name.strip(), re.IGNORECASE):
            return key
    if warnings is None:
        raise FeedError(f"{where}: unknown kind of round {name!r}; add it to ROUND_TYPES")
    warnings.append(f"{where}: new kind of round {name!r}, kept as {OTHER!r} under its feed name; "
                    "add it to ROUND_TYPES in tools/update_rounds.py and to locales/*/rounds.toml")
    return OTHER


def programs(text: str, where: str) -> list[str]:
    found = [key for name, key in PROGRAMS if name.lower() in text.lower()]
    if not found:
        raise FeedError(f"{where}: no known program in {text!r}; add it to PROGRAMS")
    return found


def convert_round(raw: dict, warnings: list | None = None) -> dict:
    if not isinstance(raw, dict):
        raise FeedError(f"feed: a round is {type(raw).__name__}, not an object")
    number = str(raw.get("drawNumber", "")).strip()
    if not number:
        raise FeedError("feed: a round has no drawNumber")
    where = f"round {number}"
    missing = [key for key in ("drawDate", "drawName", "drawText2", "drawSize", "drawCRS") if not isinstance(raw.get(key), str)]
    if missing:
        raise FeedError(f"{where}: missing {', '.join(missing)}")
    text = " ".join(raw.get("drawCutOff", "").split())
    try:
        date = dt.date.fromisoformat(raw["drawDate"].strip()).isoformat()
    except ValueError:
        raise FeedError(f"{where}: drawDate {raw['drawDate']!r} is not a date") from None
    parsed = tie_break(text) if text else None
    # Rounds are dated in Ottawa time and tie-breaking times are UTC, so the latter may fall on
    # the next calendar day (round 139); anything later is a typo worth stopping for.
    if parsed and dt.date.fromisoformat(parsed[:10]) > dt.date.fromisoformat(date) + ONE_DAY:
        raise FeedError(f"{where}: tie-breaking time {text!r} is after the round ({date})")
    return {
        "number": number,
        "date": date,
        "type": round_type(raw["drawName"], where, warnings),
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


def feed_rounds(feed, which: str) -> list:
    """The feed's list of rounds; an empty or misshapen feed is refused."""
    rounds = feed.get("rounds") if isinstance(feed, dict) else None
    if not isinstance(rounds, list) or not rounds:
        raise FeedError(f"{which} feed: no 'rounds' list, or an empty one")
    return rounds


def french_names(feed_fr) -> dict[str, str]:
    """{round number: its name in the French feed}."""
    names = {}
    for raw in feed_rounds(feed_fr, "French"):
        number = str(raw.get("drawNumber", "")).strip() if isinstance(raw, dict) else ""
        name = raw.get("drawName") if isinstance(raw, dict) else None
        if not number or not isinstance(name, str) or not name.strip():
            raise FeedError(f"French feed: a round without drawNumber or drawName ({str(raw)[:80]})")
        names[number] = " ".join(name.split())
    return names


def secondary_rounds(copy: dict, known: set[str], warnings: list) -> list[dict]:
    """The rounds of the secondary copy that the feed lacks, marked as coming from it."""
    found = []
    for raw in copy["rounds"]:
        number = str(raw["number"])
        if number in known:
            continue
        where = f"round {number} (secondary copy)"
        found.append({
            "number": number,
            "date": dt.date.fromisoformat(raw["date"]).isoformat(),
            "type": round_type(raw["name_en"], where, warnings),
            "name": " ".join(raw["name_en"].split()),
            "name_fr": " ".join(raw["name_fr"].split()),
            "programs": None,  # not in the copy
            "invitations": int(raw["invited"]),
            "min_crs": int(raw["lowest_crs"]),
            "tie_break": None,  # not in the copy
            "source": "secondary",
        })
    return found


def secondary_pool(copy: dict) -> dict:
    bands = []
    for key, value in copy["pool"]["bands"].items():
        low, high = (int(n) for n in key.split("-"))
        bands.append({"min": low, "max": high, "count": int(value)})
    if sum(b["count"] for b in bands) != copy["pool"]["total"]:
        raise FeedError("secondary copy: the pool's bands do not add up to its total")
    return {"as_of": copy["pool"]["as_of"], "published_with_round": None,
            "total": copy["pool"]["total"], "bands": bands, "source": "secondary"}


def convert(feed: dict, feed_fr: dict | None = None, secondary: dict | None = None,
            warnings: list | None = None) -> dict:
    """The data file's content from the feeds; raises FeedError on anything not understood."""
    warnings = [] if warnings is None else warnings
    raw_rounds = feed_rounds(feed, "English")
    rounds = [convert_round(r, warnings) for r in raw_rounds]
    numbers = [r["number"] for r in rounds]
    if len(set(numbers)) != len(numbers):
        raise FeedError("feed: a round number appears twice")
    names_fr = {}
    if feed_fr is not None:
        names_fr = french_names(feed_fr)
        lacking = [n for n in numbers if n not in names_fr]
        if lacking:
            raise FeedError(f"French feed: partial, it lacks round(s) {', '.join(lacking[:10])}")
    if secondary is not None:
        names_fr = {**{str(r["number"]): " ".join(r["name_fr"].split()) for r in secondary["rounds"]}, **names_fr}
    for i, r in enumerate(rounds):
        if r["number"] in names_fr:  # beside the English name
            fields = list(r.items())
            at = [k for k, _ in fields].index("name") + 1
            rounds[i] = dict(fields[:at] + [("name_fr", names_fr[r["number"]])] + fields[at:])
    # The pool distribution is published with each round; the newest non-empty one is current.
    with_pool = [r for r in raw_rounds if count(r.get(POOL_TOTAL, "0"), "pool total") > 0]
    if not with_pool:
        raise FeedError("feed: no round has the pool's score distribution")
    pool = convert_pool(max(with_pool, key=lambda r: r["drawDate"]))
    data = {
        "source": FEED_URL,
        "page": PAGE_URL,
        "publisher": "Immigration, Refugees and Citizenship Canada",
    }
    if secondary is not None:
        extra = secondary_rounds(secondary, set(numbers), warnings)
        if extra or secondary["pool"]["as_of"] > pool["as_of"]:
            data["secondary_copy"] = {"copied_on": secondary["copied_on"], "about": secondary["what"]}
        rounds += extra
        if secondary["pool"]["as_of"] > pool["as_of"]:
            pool = secondary_pool(secondary)
    rounds.sort(key=lambda r: (r["date"], r["number"]), reverse=True)
    data.update(latest_round_date=rounds[0]["date"], rounds=rounds, pool=pool)
    return data


def validate(data: dict) -> None:
    """Against data/schema/rounds.schema.json (jsonschema is one of the test tools)."""
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "top level"
        raise FeedError(f"schema: {where}: {error.message}")


def check_not_partial(data: dict, last_good: dict | None) -> None:
    """The new data must hold every round IRCC's feed gave before, and be as recent."""
    if not last_good:
        return
    new = {r["number"] for r in data["rounds"]}
    lost = [r["number"] for r in last_good["rounds"] if r.get("source") != "secondary" and r["number"] not in new]
    if lost:
        raise FeedError(f"feed: partial, {len(lost)} round(s) it had before are missing ({', '.join(lost[:10])})")
    if data["latest_round_date"] < last_good["latest_round_date"]:
        raise FeedError(f"feed: partial, its newest round ({data['latest_round_date']}) is older than "
                        f"the current data's ({last_good['latest_round_date']})")


def read_feed(where: str) -> bytes:
    """A feed's bytes, from a file or an http(s) URL."""
    if re.match(r"https?://", where):
        request = urllib.request.Request(where, headers={"User-Agent": "express-entry-guide rounds updater"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()
    return Path(where).read_bytes()


def parse(data: bytes, which: str):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"{which} feed: not JSON ({exc})") from None


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
    parser.add_argument("--fetch", action="store_true",
                        help="read IRCC's own feeds and, when they pass, keep them in data/upstream/ircc/")
    parser.add_argument("--feed", help="the English feed: a file or an http(s) URL (default: data/upstream copy)")
    parser.add_argument("--feed-fr", help="the French feed: a file or an http(s) URL (default: data/upstream copy, if any)")
    parser.add_argument("--secondary", default=str(SECONDARY),
                        help="the secondary copy whose rounds fill in what the feed lacks ('none' for none)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--save-feeds", type=Path, default=None,
                        help="a folder where feeds that passed are kept (default with --fetch: data/upstream/ircc)")
    args = parser.parse_args(argv)
    feed_en = args.feed or (FEED_URL if args.fetch else str(FEED_EN))
    feed_fr = args.feed_fr or (FEED_FR_URL if args.fetch else (str(FEED_FR) if FEED_FR.exists() else None))
    save = args.save_feeds or (UPSTREAM if args.fetch else None)
    last_good = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else None
    warnings: list[str] = []
    try:
        try:
            raw_en = read_feed(feed_en)
            raw_fr = read_feed(feed_fr) if feed_fr else None
        except OSError as exc:
            raise FeedError(f"could not read the feed: {exc}") from None
        secondary = None if args.secondary == "none" else json.loads(Path(args.secondary).read_text(encoding="utf-8"))
        data = convert(parse(raw_en, "English"), parse(raw_fr, "French") if raw_fr is not None else None,
                       secondary, warnings)
        validate(data)
        check_not_partial(data, last_good)
    except (ValueError, KeyError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if last_good:
            print(f"kept the last good data: {args.out} (rounds to {last_good['latest_round_date']})", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    before = args.out.read_bytes() if args.out.exists() else None
    write_json(data, args.out)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / FEED_EN.name).write_bytes(raw_en)
        if raw_fr is not None:
            (save / FEED_FR.name).write_bytes(raw_fr)
    state = "unchanged" if before == args.out.read_bytes() else "updated"
    print(f"{args.out}: {state}, {len(data['rounds'])} rounds to {data['latest_round_date']}, "
          f"pool of {data['pool']['total']:,} as of {data['pool']['as_of']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
