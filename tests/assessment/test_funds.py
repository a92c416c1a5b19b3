"""Proof of settlement funds, row by row, with the fact sheet's §7 tables typed in here."""

import pytest

from engine import assess

from .helpers import profile

# family size -> amount; "each additional member" last. From the fact sheet §7.
TABLES = {
    "2023": ("2023-04-25", "2024-05-27", [13757, 17127, 21055, 25564, 28994, 32700, 36407], 3706),
    "2024": ("2024-05-28", "2025-07-06", [14690, 18288, 22483, 27297, 30690, 34917, 38875], 3958),
    "2025": ("2025-07-07", None, [15263, 19001, 23360, 28362, 32168, 36280, 40392], 4112),
}
CASES = [
    (day, size, amounts[size - 1] if size <= 7 else amounts[6] + (size - 7) * extra)
    for start, end, amounts, extra in TABLES.values()
    for day in (start, end or "2026-11-25")
    for size in range(1, 11)
]


def family(size):
    """Profile changes giving a family of `size`: a spouse and children (half not coming)."""
    if size == 1:
        return {}
    children = size - 2
    return {
        "spouse": {"canadian_citizen_or_pr": False, "accompanying": True},
        "children_accompanying": children // 2,
        "children_not_accompanying": children - children // 2,
    }


@pytest.mark.parametrize("as_of, size, amount", CASES)
def test_required_amount_row_by_row(as_of, size, amount):
    funds = assess(profile(as_of=as_of, eca_issued_on=..., **family(size)))["funds"]
    assert (funds["family_size"], funds["required"]) == (size, amount)


@pytest.mark.parametrize("as_of, amount", [
    ("2024-05-27", 13757), ("2024-05-28", 14690), ("2025-07-06", 14690), ("2025-07-07", 15263)])
def test_table_changes_on_its_effective_date(as_of, amount):
    funds = assess(profile(as_of=as_of))["funds"]
    assert funds["required"] == amount
    assert funds["source"].startswith("https://www.canada.ca/")


def test_family_size_counts_a_spouse_who_stays_behind_or_is_a_citizen():
    for spouse in ({"canadian_citizen_or_pr": True, "accompanying": False},
                   {"canadian_citizen_or_pr": False, "accompanying": False}):
        assert assess(profile(spouse=spouse))["funds"]["family_size"] == 2


def test_family_size_counts_children_not_coming():
    assert assess(profile(children_not_accompanying=3))["funds"]["family_size"] == 4


def test_shortfall_just_met_and_just_short():
    enough = assess(profile(settlement_funds=15263))
    assert (enough["funds"]["shortfall"], enough["funds"]["met"]) == (0, True)
    assert enough["programs"]["fswp"]["eligible"] is True
    short = assess(profile(settlement_funds=15262))
    assert (short["funds"]["shortfall"], short["funds"]["met"]) == (1, False)
    assert short["programs"]["fswp"]["eligible"] is False
    reason = [r for r in short["programs"]["fswp"]["reasons"] if r["code"] == "fswp.funds"][0]
    assert reason["field"] == "settlement_funds" and reason["check"] == "funds_short"
    assert (reason["params"]["required"], reason["params"]["shortfall"]) == (15263, 1)


def test_funds_not_answered():
    result = assess(profile(settlement_funds=...))
    assert result["funds"]["met"] is None and result["funds"]["shortfall"] is None
    assert result["programs"]["fswp"]["eligible"] is None


@pytest.mark.parametrize("offer, authorized, exempt", [
    ("other", True, True),
    ("teer_00", True, True),
    ("other", False, False),
    ("none", True, False),
    ("other", ..., None),
    ("none", ..., False),
])
def test_exemption_needs_authorization_and_a_job_offer(offer, authorized, exempt):
    result = assess(profile(job_offer=offer, authorized_to_work_in_canada=authorized, settlement_funds=0))
    assert result["funds"]["exempt"] is exempt
    assert result["funds"]["met"] is (True if exempt else None if exempt is None else False)


def test_cec_never_needs_funds():
    result = assess(profile(settlement_funds=0))
    assert result["funds"]["needed_for"] == ["fswp", "fstp"]
    assert result["funds"]["not_needed_for"] == ["cec"]
    assert not [r for r in result["programs"]["cec"]["requirements"] if r["id"] == "funds"]


def test_no_table_before_the_first_on_file():
    funds = assess(profile(as_of="2023-04-24", eca_issued_on=...))["funds"]
    assert funds["required"] is None and funds["met"] is None


def test_old_table_warns_that_it_may_be_outdated():
    # The 2025 table (from 2025-07-07) is more than 12 months old on 2026-11-25.
    codes = [w["code"] for w in assess(profile())["warnings"]]
    assert "funds_table_may_be_outdated" in codes
    codes = [w["code"] for w in assess(profile(as_of="2026-07-06"))["warnings"]]
    assert "funds_table_may_be_outdated" not in codes
