"""Federal Skilled Trades Program and Canadian Experience Class minimums, each just met and
just missed (fact sheet §5f, §6b, §6c; expected values typed in from it)."""

from datetime import date, timedelta

import pytest

from engine import assess

from .helpers import AS_OF, FULL_YEAR, clb, job, profile, requirement

DAY = timedelta(days=1)
TWO_YEARS = 2 * FULL_YEAR + DAY  # 728 days = 3,120 hours full-time
WELDER = "72106"


def met(program, id_, **changes):
    return requirement(assess(profile(**changes)), program, id_)["met"]


def trade_profile(**changes):
    base = {"work_history": [job(date(2022, 1, 1), date(2022, 1, 1) + TWO_YEARS, noc=WELDER)],
            "first_language": clb(5, 4, 4, 5), "certificate_of_qualification": True}
    return profile(**{**base, **changes})


# --- FSTP --------------------------------------------------------------------------------

def test_a_qualified_trade_worker_is_eligible():
    result = assess(trade_profile())["programs"]["fstp"]
    assert (result["eligible"], result["reasons"]) == (True, [])
    # The NOC 2021 trade groups are IRCC's own wording (fact sheet §16 item 4): no caveat.
    assert "fstp_trades_unconfirmed" not in result["notes"]


def test_two_years_in_one_trade_just_met_and_missed():
    start = date(2022, 1, 1)
    assert requirement(assess(trade_profile(work_history=[job(start, start + TWO_YEARS - DAY, noc=WELDER)])),
                       "fstp", "experience")["met"] is False
    two_trades = [job(start, start + FULL_YEAR, noc=WELDER), job(start + FULL_YEAR + DAY, start + TWO_YEARS, noc="72300")]
    assert requirement(assess(trade_profile(work_history=two_trades)), "fstp", "experience")["met"] is False


def test_trade_years_need_not_be_continuous():
    start = date(2022, 1, 1)
    gap = [job(start, start + FULL_YEAR, noc=WELDER), job(start + FULL_YEAR + 10 * DAY, start + TWO_YEARS + 10 * DAY, noc=WELDER)]
    assert requirement(assess(trade_profile(work_history=gap)), "fstp", "experience")["met"] is True


def test_trade_work_must_fall_in_the_last_5_years():
    first_day = date(2021, 11, 26)
    assert requirement(assess(trade_profile(work_history=[job(first_day, first_day + TWO_YEARS, noc=WELDER)])),
                       "fstp", "experience")["met"] is True
    early = first_day - DAY
    assert requirement(assess(trade_profile(work_history=[job(early, early + TWO_YEARS, noc=WELDER)])),
                       "fstp", "experience")["met"] is False


@pytest.mark.parametrize("noc, trade", [
    ("72106", True), ("73100", True), ("82021", True), ("83100", True), ("92100", True),
    ("93100", True), ("63200", True), ("63202", True), ("62200", True),
    ("72600", False),  # sub-major group 726 excluded
    ("93200", False),  # sub-major group 932 excluded
    ("63100", False), ("62201", False), ("21232", False), ("74100", False),
])
def test_trade_groups(noc, trade):
    start = date(2022, 1, 1)
    result = assess(trade_profile(work_history=[job(start, start + TWO_YEARS, noc=noc)]))
    assert requirement(result, "fstp", "experience")["met"] is trade


def test_job_without_a_code_leaves_the_trade_unknown():
    start = date(2022, 1, 1)
    unknown = {"teer": 2, "country": "abroad", "start": start.isoformat(), "end": (start + TWO_YEARS).isoformat()}
    check = requirement(assess(trade_profile(work_history=[unknown])), "fstp", "experience")
    assert check["met"] is None and check["field"] == "work_history.0.noc"
    # A TEER 1 job cannot be a trade, code or not.
    check = requirement(assess(trade_profile(work_history=[{**unknown, "teer": 1}])), "fstp", "experience")
    assert check["met"] is False


@pytest.mark.parametrize("levels, ok", [
    ((5, 4, 4, 5), True), ((4, 4, 4, 5), False), ((5, 4, 4, 4), False),
    ((5, 3, 4, 5), False), ((5, 4, 3, 5), False), ((10, 10, 10, 10), True),
])
def test_fstp_language_5_5_4_4(levels, ok):
    # clb(listening, reading, writing, speaking)
    assert requirement(assess(trade_profile(first_language=clb(*levels))), "fstp", "language")["met"] is ok


@pytest.mark.parametrize("offer, certificate, ok", [
    ("none", True, True), ("other", False, True), ("none", False, False)])
def test_job_offer_or_certificate(offer, certificate, ok):
    result = assess(trade_profile(job_offer=offer, certificate_of_qualification=certificate))
    assert requirement(result, "fstp", "offer_or_certificate")["met"] is ok


@pytest.mark.parametrize("offer_noc, history, ok", [
    (WELDER, True, True),
    ("72300", True, False),  # a plumber's offer for a welder's experience
    ("21232", True, False),  # not a trade
    ("72300", False, True),  # no experience given: any eligible trade will do for this check
    ("21232", False, False),
])
def test_job_offer_must_be_in_the_trade(offer_noc, history, ok):
    changes = {"job_offer": "other", "job_offer_noc": offer_noc, "certificate_of_qualification": False}
    if not history:
        changes["work_history"] = ...
    check = requirement(assess(trade_profile(**changes)), "fstp", "offer_or_certificate")
    assert check["met"] is ok and check["field"] == "job_offer_noc"


def test_job_offer_without_a_code_is_assumed_in_the_trade():
    result = assess(trade_profile(job_offer="other", certificate_of_qualification=False))
    assert requirement(result, "fstp", "offer_or_certificate")["met"] is True
    assert "fstp_offer_assumed" in result["programs"]["fstp"]["notes"]


def test_fstp_needs_funds_and_excludes_quebec():
    assert requirement(assess(trade_profile(settlement_funds=15262)), "fstp", "funds")["met"] is False
    assert requirement(assess(trade_profile(plans_to_live_in_quebec=True)), "fstp", "outside_quebec")["met"] is False


# --- CEC ---------------------------------------------------------------------------------

def cec_profile(jobs, **changes):
    return profile(work_history=jobs, **changes)


def cec(jobs, **changes):
    return assess(cec_profile(jobs, **changes))["programs"]["cec"]


def canada(start, end, **kw):
    return job(start, end, country="canada", **kw)


START = date(2024, 6, 1)


def test_twelve_months_in_canada_just_met_and_missed():
    result = cec([canada(START, START + FULL_YEAR)])
    assert (result["eligible"], result["reasons"]) == (True, [])
    result = cec([canada(START, START + FULL_YEAR - DAY)])
    assert result["eligible"] is False
    reason = result["reasons"][0]
    assert reason["field"] == "work_history" and reason["check"] == "cec_experience"
    assert (reason["params"]["needed_months"], reason["params"]["months"]) == (12, 11.9)


def test_cec_work_must_fall_in_the_last_3_years():
    first_day = date(2023, 11, 26)
    assert cec([canada(first_day, first_day + FULL_YEAR)])["eligible"] is True
    assert cec([canada(first_day - DAY, first_day - DAY + FULL_YEAR)])["eligible"] is False


def test_work_abroad_self_employment_and_student_work_do_not_count():
    assert cec([job(START, START + FULL_YEAR)])["eligible"] is False
    assert cec([canada(START, START + FULL_YEAR, self_employed=True)])["eligible"] is False
    assert cec([canada(START, START + FULL_YEAR, while_studying=True)])["eligible"] is False
    assert cec([canada(START, START + FULL_YEAR, noc="44100")])["eligible"] is False


def test_part_time_in_canada():
    start = date(2024, 1, 1)  # 728 days at 15 hours a week = 1,560 hours
    assert cec([canada(start, start + TWO_YEARS, hours_per_week=15)])["eligible"] is True
    assert cec([canada(start, start + TWO_YEARS - DAY, hours_per_week=15)])["eligible"] is False


@pytest.mark.parametrize("noc, level, ok", [
    ("21232", 7, True), ("21232", 6, False),  # TEER 1 needs CLB 7
    ("00012", 7, True), ("00012", 6, False),  # TEER 0
    ("22310", 5, True), ("22310", 4, False),  # TEER 2 needs CLB 5
    ("33100", 5, True), ("33100", 4, False),  # TEER 3
])
def test_cec_language_depends_on_the_teer(noc, level, ok):
    result = cec([canada(START, START + FULL_YEAR, noc=noc)], first_language=clb(level))
    assert requirement({"programs": {"cec": result}}, "cec", "language")["met"] is ok
    assert result["eligible"] is ok


def test_mixed_teers_with_clb_6_count_only_teer_2_and_3_work():
    half = START + timedelta(days=181)
    jobs = [canada(START, half, noc="21232"), canada(half + DAY, START + FULL_YEAR, noc="22310")]
    result = cec(jobs, first_language=clb(6))
    assert result["eligible"] is False
    reason = [r for r in result["reasons"] if r["code"] == "cec.language"][0]
    assert reason["check"] == "cec_language"
    assert (reason["params"]["needed_clb"], reason["params"]["lowest_clb"]) == (7, 6)
    assert cec(jobs, first_language=clb(7))["eligible"] is True


def test_cec_without_work_history_is_unknown_and_never_asks_for_funds():
    result = cec(..., canadian_work_years=1)
    assert result["eligible"] is None
    assert [r["field"] for r in result["reasons"]] == ["work_history"]


def test_cec_without_work_history_and_no_year_in_canada_is_not_eligible():
    # 0 whole years of skilled work in Canada (the CRS answer) is under the 12 months CEC needs.
    result = cec(..., canadian_work_years=0)
    assert result["eligible"] is False
    [reason] = result["reasons"]
    assert (reason["field"], reason["check"]) == ("canadian_work_years", "cec_no_canadian_work")
    assert reason["params"]["years"] == 0 and reason["params"]["needed_months"] == 12


def test_cec_excludes_quebec():
    result = cec([canada(START, START + FULL_YEAR)], plans_to_live_in_quebec=True)
    assert result["eligible"] is False and result["reasons"][0]["field"] == "plans_to_live_in_quebec"
