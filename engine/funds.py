"""Proof of settlement funds: the amount for a family size, exemptions and the shortfall.

Family size counts the applicant, a spouse or partner and every dependent child (the
spouse's too), whether or not they come along and even if they are citizens or permanent
residents. Beyond the largest family in the table, each extra member adds a fixed amount.
"""

from datetime import date

from . import rules
from .deadlines import add_months
from .notices import warning

SETTLEMENT = "funds.settlement"
EXTRA = "funds.additional_member"
REQUIRED_FOR = "funds.required_for"


class FundsUnavailable(LookupError):
    """No funds table is on file for the date."""


def required_amount(family_size: int, as_of: date):
    """(amount, row used) for `family_size` under the table in force on `as_of`."""
    table = rules.table(SETTLEMENT, as_of)
    if not table.rows:
        raise FundsUnavailable(f"no settlement-funds table on file for {as_of.isoformat()}")
    largest = max(row.max for row in table.rows)
    if family_size <= largest:
        row = table.row_for(family_size)
        return row.values["amount"], row
    row = table.row_for(largest)
    extra = rules.table(EXTRA, as_of).lookup("each")
    return row.values["amount"] + (family_size - largest) * extra, row


def assess_funds(*, family_size: int, held, job_offer: bool, authorized, as_of: date) -> dict:
    """The funds part of the assessment.

    `held` (CAD) and `authorized` (to work in Canada) may be None when not answered.
    FSWP and FSTP candidates are exempt when authorized to work in Canada with a valid job
    offer; the programs that never ask for funds (CEC) are listed in `not_needed_for`.
    """
    needs = rules.table(REQUIRED_FOR, as_of)
    result = {
        "family_size": family_size,
        "needed_for": [row.key for row in needs.rows if row.values["required"]],
        "not_needed_for": [row.key for row in needs.rows if not row.values["required"]],
        "held": held,
        "source": rules.history(SETTLEMENT).source,
        **rules.history(SETTLEMENT).dates(),
        "warnings": [],
    }
    try:
        amount, row = required_amount(family_size, as_of)
    except FundsUnavailable:
        result.update(required=None, shortfall=None, exempt=None, exempt_code=None, met=None, effective_from=None)
        return result
    result["required"] = amount
    result["effective_from"] = row.effective_from.isoformat()
    if row.status:
        result["status"] = row.status
    if row.note:
        result["note"] = row.note

    # Whether the job-offer exemption applies, and why (`exempt_code`, which the page words).
    if not job_offer:
        exempt, why = False, "no_job_offer"
    elif authorized is None:
        exempt, why = None, "authorization_unanswered"
    elif authorized:
        exempt, why = True, "authorized_with_offer"
    else:
        exempt, why = False, "not_authorized"
    result["exempt"] = exempt
    result["exempt_code"] = why

    result["shortfall"] = None if held is None else max(0, amount - held)
    if exempt:
        result["met"] = True
    elif held is None:
        result["met"] = None
    elif held >= amount:
        result["met"] = True
    else:  # short of funds: unmet, unless an unanswered exemption might still apply
        result["met"] = False if exempt is False else None

    review = rules.history(SETTLEMENT).attrs.get("review_after_months")
    if review is not None and as_of >= add_months(row.effective_from, review):
        result["warnings"].append(warning("funds_table_may_be_outdated", "settlement_funds",
                                          effective_from=row.effective_from.isoformat()))
    return result
