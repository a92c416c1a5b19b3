"""Government fees row by row (fact sheet §8a, docs/sources-check.md item 4) and estimates."""

import pytest

from engine import assess

from .helpers import profile

SPOUSE = {"canadian_citizen_or_pr": False, "accompanying": True}
# id -> (fee from 2024-04-30, fee from 2026-04-30); every 2026 row was read only in copies of
# IRCC's fee list, all agreeing: "secondary" (currency review of 2026-12-06, §3 item 8).
FEES = {
    "processing_principal": (950, 990),
    "processing_spouse": (950, 990),
    "processing_child": (260, 270),
    "rprf": (575, 600),
}
BIOMETRICS = (85, 170)  # per person, family maximum (both periods)


def lines(result):
    return {line["id"]: line for line in result["fees"]["lines"]}


@pytest.mark.parametrize("as_of, period", [("2024-04-30", 0), ("2026-04-29", 0), ("2026-04-30", 1), ("2026-11-25", 1)])
def test_each_fee_row(as_of, period):
    result = assess(profile(as_of=as_of, eca_issued_on=..., spouse=SPOUSE, children_accompanying=2))
    found = lines(result)
    for key, values in FEES.items():
        assert found[key]["amount"] == values[period], key
        assert found[key].get("status") == ("secondary" if period else None), key
        assert found[key]["source"].startswith("https://")
    assert found["processing_child"]["count"] == 2
    assert found["processing_child"]["subtotal"] == 2 * FEES["processing_child"][period]
    assert found["rprf"]["count"] == 2  # principal and spouse; children pay none
    assert found["biometrics"]["subtotal"] == BIOMETRICS[1]


@pytest.mark.parametrize("as_of, total", [("2026-04-29", 950 + 575 + 85), ("2026-04-30", 990 + 600 + 85)])
def test_single_applicant_total(as_of, total):
    fees = assess(profile(as_of=as_of))["fees"]
    assert (fees["total"], fees["complete"], fees["currency"]) == (total, True, "CAD")


def test_couple_total_uses_the_biometrics_family_maximum():
    fees = assess(profile(spouse=SPOUSE))["fees"]
    assert fees["total"] == 2 * (990 + 600) + 170 == 3350


def test_family_with_two_children():
    fees = assess(profile(as_of="2025-06-01", spouse=SPOUSE, children_accompanying=2))["fees"]
    assert fees["total"] == 2 * (950 + 575) + 2 * 260 + 170


def test_only_people_who_come_along_pay():
    for spouse in ({"canadian_citizen_or_pr": True, "accompanying": True},
                   {"canadian_citizen_or_pr": False, "accompanying": False}):
        fees = assess(profile(spouse=spouse, children_not_accompanying=2))["fees"]
        assert fees["total"] == 990 + 600 + 85
        assert "processing_spouse" not in lines({"fees": fees})


def test_fees_not_on_file_make_the_total_incomplete():
    fees = assess(profile(as_of="2024-04-29", eca_issued_on=...))["fees"]
    assert fees["total"] is None and fees["complete"] is False
    assert fees["missing"] == ["processing_principal", "rprf", "biometrics"]
    assert fees["total_known"] == 0


def test_fees_from_copies_mark_the_result():
    assert assess(profile())["fees"]["status"] == "secondary"
    assert "status" not in assess(profile(as_of="2025-01-01"))["fees"]


def test_third_party_costs_are_separate_estimates():
    fees = assess(profile())["fees"]
    estimates = {item["id"]: item for item in fees["estimates"]["items"]}
    assert fees["estimates"]["estimate"] is True
    assert (estimates["medical_exam"]["low"], estimates["medical_exam"]["high"]) == (150, 450)
    assert (estimates["eca"]["low"], estimates["eca"]["high"]) == (250, 300)
    assert (estimates["language_test"]["low"], estimates["language_test"]["high"]) == (280, 450)
    assert all(item["status"] == "unconfirmed" and item["source"].startswith("https://") for item in estimates.values())
    assert fees["total"] == sum(line["subtotal"] for line in fees["lines"])  # estimates not added
