"""The rounds data as of the snapshot this project was committed with: IRCC's feed to round #437
plus the secondary copy's #438-#447. Built from data/upstream/ with the feed cut at #437, so it
stays the same after the scheduled build has replaced the feed copy with a newer feed (whose
rounds then come from IRCC itself): tests of the secondary copy's handling use it."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from tools import update_rounds

LAST_FEED_ROUND = 437


@cache
def snapshot_rounds() -> dict:
    feed = json.loads(Path(update_rounds.FEED_EN).read_text(encoding="utf-8-sig"))
    feed["rounds"] = [r for r in feed["rounds"] if int("".join(c for c in r["drawNumber"] if c.isdigit())) <= LAST_FEED_ROUND]
    secondary = json.loads(Path(update_rounds.SECONDARY).read_text(encoding="utf-8"))
    return update_rounds.convert(feed, None, secondary)
