"""`money(profile)`: the funds needed and the fees in the person's own currency too.

The person gives their currency (`currency`, an ISO 4217 code) and today's rate (`currency_rate`:
units of it for one Canadian dollar, as they read it; the page never asks another site). Each
amount is given in Canadian dollars, converted, and converted with the margin of
planning.money (rates move; IRCC counts in Canadian dollars on the day it looks), beside the
rule that bank letters give the average balance of the last months (planning.money
"average_months"). Without a currency and a rate the answer says so (`given` false).
"""

from . import rules
from .assess import assess


def _convert(cad, rate, margin: int) -> dict:
    if cad is None:
        return {"cad": None, "local": None, "local_with_margin": None}
    local = cad * rate
    return {"cad": cad, "local": round(local), "local_with_margin": round(local * (100 + margin) / 100)}


def money(profile) -> dict:
    """Funds and fees in CAD and in the person's currency; raises ProfileError on bad input."""
    result = assess(profile)  # checks every field, the currency and its rate included
    as_of = result["as_of"]
    table = rules.table("planning.money", as_of)
    margin, months = table.lookup("margin_percent", "value"), table.lookup("average_months", "value")
    currency, rate = profile.get("currency"), profile.get("currency_rate")
    answer = {"given": currency is not None and rate is not None, "currency": currency and currency.upper(),
              "rate": rate, "margin_percent": margin, "average_months": months,
              "source": table.source, **table.dates()}
    if not answer["given"]:
        return {**answer, "lines": []}
    funds, fees = result["funds"], result["fees"]
    lines = [{"id": "funds_required", **_convert(funds.get("required"), rate, margin)}]
    if funds.get("held") is not None:
        lines.append({"id": "funds_held", **_convert(funds["held"], rate, 0)})
    lines += [{"id": "fee_" + line["id"], "count": line["count"], **_convert(line["subtotal"], rate, margin)}
              for line in fees["lines"]]
    lines.append({"id": "fees_total", **_convert(fees["total"] if fees["total"] is not None else fees["total_known"], rate, margin),
                  "complete": fees["total"] is not None})
    return {**answer, "lines": lines, "funds_exempt": funds.get("exempt")}
