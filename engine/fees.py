"""Government fees for the family's application, plus third-party costs as estimates.

Who pays what: the principal applicant and an accompanying spouse or partner (who is not a
citizen or permanent resident) each pay the processing fee and the right of permanent
residence fee; each accompanying dependent child pays the child processing fee only;
biometrics are charged per person up to a family maximum.
"""

from datetime import date

from . import rules

GOVERNMENT = "fees.government"
ESTIMATES = "fees.estimates"


def assess_fees(*, spouse_applies: bool, children: int, as_of: date) -> dict:
    table = rules.table(GOVERNMENT, as_of)
    history = rules.history(GOVERNMENT)
    adults = 1 + (1 if spouse_applies else 0)
    lines, missing = [], []

    def add(key, count):
        if count == 0:
            return
        try:
            row = table.row_for(key)
        except LookupError:
            missing.append(key)
            lines.append({"id": key, "count": count, "amount": None, "subtotal": None})
            return
        lines.append(_line(row, key, count, row.values["amount"] * count, history))

    add("processing_principal", 1)
    add("processing_spouse", adults - 1)
    add("processing_child", children)
    add("rprf", adults)
    _add_biometrics(table, history, adults + children, lines, missing)

    known = [line["subtotal"] for line in lines if line["subtotal"] is not None]
    result = {
        "lines": lines,
        "total": sum(known) if not missing else None,
        "total_known": sum(known),
        "complete": not missing,
        "currency": "CAD",
        "source": history.source,
        **history.dates(),
        "estimates": _estimates(as_of),
    }
    if missing:
        result["missing"] = missing  # fees not on file for as_of: the page sends to the official list
    # The total is as sure as its least sure line: "unconfirmed" over "secondary" over none.
    statuses = {line.get("status") for line in lines}
    for status in ("unconfirmed", "secondary"):
        if status in statuses:
            result["status"] = status
            break
    return result


def _add_biometrics(table, history, people, lines, missing):
    try:
        each = table.row_for("biometrics_person")
        cap = table.row_for("biometrics_family_max")
    except LookupError:
        missing.append("biometrics")
        lines.append({"id": "biometrics", "count": people, "amount": None, "subtotal": None})
        return
    subtotal = min(each.values["amount"] * people, cap.values["amount"])
    line = _line(each, "biometrics", people, subtotal, history)
    line["family_max"] = cap.values["amount"]
    if cap.status and "status" not in line:
        line["status"] = cap.status
    lines.append(line)


def _line(row, key, count, subtotal, history) -> dict:
    line = {
        "id": key,
        "amount": row.values["amount"],
        "count": count,
        "subtotal": subtotal,
        "effective_from": row.effective_from.isoformat(),
        "source": row.source,
        **history.dates(),
    }
    if row.status:
        line["status"] = row.status
    if row.note:
        line["note"] = row.note
    return line


def _estimates(as_of: date) -> dict:
    """Costs paid to others: ranges, never added to the government total."""
    history = rules.history(ESTIMATES)
    items = []
    for row in rules.table(ESTIMATES, as_of).rows:
        item = {
            "id": row.key,
            "low": row.values["low"],
            "high": row.values["high"],
            "source": row.source,
            **history.dates(),
            "status": row.status or "estimate",
        }
        if row.note:
            item["note"] = row.note
        items.append(item)
    return {"items": items, "estimate": True}
