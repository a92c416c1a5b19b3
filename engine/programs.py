"""Eligibility for the three federal Express Entry programs, and the FSW 67-point grid.

Every requirement is met (True), not met (False) or unknown (None: an answer is missing).
A program is eligible only when every requirement is met; it is not eligible as soon as one
is not met; otherwise `eligible` is None and `reasons` says which answers would settle it.
Each requirement is a `check` code with its `params` (what is needed, what the profile has);
the page words it from locales/<lang>/assessment.toml. Notes are codes too.

Work time (data: programs.work_time): each job counts its weekly hours (full-time when not
given), jobs held at the same time add up, and no week counts for more than full time. A
year of experience is the data's hours per year; a month is a twelfth of it. A window of
N years ends on `as_of` and starts the day after `as_of` minus N years (see deadlines.py
for month ends and 29 February). Hours are exact fractions, so boundaries are exact.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from . import rules
from .deadlines import add_period, valid_until
from .fields import ABILITIES
from .language import result_expires

ONE_DAY = timedelta(days=1)
# The profile field a person would change to raise each line of the FSW grid.
GRID_FIELDS = {
    "language": "first_language",
    "education": "education",
    "experience": "work_history",
    "age": "age",
    "arranged_employment": "job_offer",
    "adaptability": "relative_in_canada",
}
# The rules tables each program needs; a date before any of them starts has no verdict.
COMMON = ("programs.work_time", "programs.skilled_teer")
TABLES = {
    "fswp": COMMON + ("programs.fswp_requirements", "programs.fsw_grid_maxima", "programs.fsw_first_language",
                      "programs.fsw_second_language", "programs.fsw_education", "programs.fsw_experience",
                      "programs.fsw_age", "programs.fsw_arranged_employment", "programs.fsw_adaptability",
                      "programs.fsw_adaptability_conditions"),
    "fstp": COMMON + ("programs.fstp_requirements", "programs.fstp_trades"),
    "cec": COMMON + ("programs.cec_requirements", "programs.cec_language"),
}


@dataclass(frozen=True)
class Facts:
    """What the programs look at, from the checked profile and the CRS result."""

    as_of: date
    age: int
    education: str
    canadian_education: str
    canadian_work_years: int
    foreign_work_years: int
    certificate_of_qualification: bool
    job_offer: bool
    sibling_in_canada: bool
    first_clb: dict | None  # ability -> level, None without a test
    first_taken_on: date | None
    second_clb: dict | None
    spouse_accompanies: bool  # a spouse who comes along and is not a citizen or PR
    spouse_clb: dict | None
    spouse_canadian_work_years: int
    answers: object  # assess_profile.AssessAnswers


def _value(table_id: str, key: str, as_of: date):
    return rules.table(table_id, as_of).lookup(key)


class _Program:
    """Collects the requirements of one program; `rule(name)` reads its requirements table."""

    def __init__(self, key: str, as_of: date):
        self.key = key
        self.as_of = as_of
        self.requirements = []
        self.notes = []
        self.table_id = f"programs.{key}_requirements"
        self.table = rules.history(self.table_id)

    def rule(self, name: str):
        return _value(self.table_id, name, self.as_of)

    def check(self, id_, met, field, check, **params):
        """Record requirement `id_`: met (True / False / None), the field to answer or change,
        and what to say about it (`check`, a code, with its `params`)."""
        self.requirements.append({"id": id_, "met": met, "field": field, "check": check, "params": params})

    def result(self, **extra) -> dict:
        met = [r["met"] for r in self.requirements]
        eligible = False if False in met else None if None in met else True
        reasons = [
            {"code": f"{self.key}.{r['id']}", "field": r["field"], "check": r["check"], "params": r["params"]}
            for r in self.requirements
            if r["met"] is not True
        ]
        return {
            "eligible": eligible,
            "reasons": reasons,
            "requirements": self.requirements,
            "notes": self.notes,
            "source": self.table.source,
            **self.table.dates(),
            **extra,
        }


# --- work time ---------------------------------------------------------------------------


def _hours_per_month(as_of: date) -> Fraction:
    return Fraction(_value("programs.work_time", "hours_per_year", as_of)) / 12


def _window_start(as_of: date, years: int) -> date:
    return add_period(as_of, years=-years) + ONE_DAY


def credited_hours(jobs, since: date, until: date) -> Fraction:
    """Full-time-equivalent hours of `jobs` between `since` and `until` (both included)."""
    full_time = Fraction(_value("programs.work_time", "full_time_hours_per_week", until))
    changes = {}  # day -> change of the weekly hours worked from that day on
    for job in jobs:
        start, end = max(job.start, since), min(job.end or until, until)
        if start <= end:
            weekly = full_time if job.hours_per_week is None else Fraction(job.hours_per_week)
            changes[start] = changes.get(start, 0) + weekly
            changes[end + ONE_DAY] = changes.get(end + ONE_DAY, 0) - weekly
    # One sweep over the days the hours change: jobs at the same time add up to full time at most.
    total, weekly, previous = Fraction(0), 0, None
    for day in sorted(changes):
        if previous is not None and weekly:
            total += (day - previous).days * min(weekly, full_time)
        weekly += changes[day]
        previous = day
    return total / 7


def continuous_runs(jobs) -> list:
    """Jobs grouped into runs of one occupation (same NOC) with no day off between them."""
    runs, open_runs = [], {}  # open_runs: NOC -> (its run, the run's last day or None if ongoing)
    for job in sorted(jobs, key=lambda j: j.start):
        if job.noc is None:
            runs.append([job])  # without a code it cannot be joined to another job
            continue
        run, last = open_runs.get(job.noc, (None, None))
        if run is not None and (last is None or job.start <= last + ONE_DAY):
            run.append(job)
        else:
            run = [job]
            runs.append(run)
        ends = [j.end for j in run]
        open_runs[job.noc] = (run, None if None in ends else max(ends))
    return runs


def months(hours: Fraction, as_of: date) -> float:
    """Hours as months, rounded down to a tenth (never rounds up to a threshold)."""
    return int(hours / _hours_per_month(as_of) * 10) / 10


def _skilled(job, as_of: date) -> bool:
    return bool(rules.table("programs.skilled_teer", as_of).lookup(str(job.teer)))


def skilled_teers(as_of: date) -> list:
    """The skilled TEER categories, e.g. ["0", "1", "2", "3"]."""
    return [row.key for row in rules.table("programs.skilled_teer", as_of).rows if row.values["skilled"]]


# --- shared requirements -----------------------------------------------------------------


def rules_missing(key: str, as_of: date):
    """A program result saying no verdict is possible, if its rules are not on file for `as_of`."""
    missing = [tid for tid in TABLES[key] if not rules.table(tid, as_of).rows]
    if not missing:
        return None
    program = _Program(key, as_of)
    first = max(min(r.effective_from for r in rules.history(tid).rows) for tid in missing)
    program.check("rules_on_file", None, "as_of", "rules_not_on_file",
                  program=key, starts=first.isoformat(), as_of=as_of.isoformat())
    return program.result()


def _begin(key: str, facts: Facts):
    """(program, months of experience it needs, in a window of how many years): every program
    starts with its rules for the date and the Quebec question."""
    program = _Program(key, facts.as_of)
    _quebec(program, facts)
    return program, program.rule("experience_months"), program.rule("experience_window_years")


def _quebec(program: _Program, facts: Facts):
    plans = facts.answers.plans_to_live_in_quebec
    met = None if plans is None else not plans
    check = {None: "quebec_unanswered", False: "quebec_lives_in_quebec", True: "quebec_outside"}[met]
    program.check("outside_quebec", met, "plans_to_live_in_quebec", check, program=program.key)


def _language_valid(program: _Program, facts: Facts) -> bool:
    """Records a failed requirement and returns False when there is no valid first-language test."""
    if facts.first_clb is None:
        program.check("language", False, "first_language", "language_none", program=program.key)
        return False
    if facts.first_taken_on is not None:
        until = result_expires(facts.first_taken_on, facts.as_of)
        if facts.as_of > until:
            program.check("language", False, "first_language.taken_on", "language_expired",
                          program=program.key, expired_on=(until + ONE_DAY).isoformat(),
                          last_valid_day=until.isoformat())
            return False
    return True


def _funds(program: _Program, funds: dict):
    if funds.get("required") is None:
        program.check("funds", None, "as_of", "funds_not_on_file", as_of=program.as_of.isoformat())
        return
    met, need, size = funds["met"], funds["required"], funds["family_size"]
    if met is True:
        if funds["exempt"]:
            program.check("funds", True, "settlement_funds", "funds_exempt", required=need)
        else:
            program.check("funds", True, "settlement_funds", "funds_covered", required=need)
    elif funds["held"] is None:
        program.check("funds", None, "settlement_funds", "funds_unanswered",
                      program=program.key, required=need, family_size=size)
    elif met is None:
        program.check("funds", None, "authorized_to_work_in_canada", "funds_may_be_exempt",
                      required=need, shortfall=funds["shortfall"])
    else:
        program.check("funds", False, "settlement_funds", "funds_short", program=program.key,
                      required=need, family_size=size, held=funds["held"], shortfall=funds["shortfall"])


# --- Federal Skilled Worker Program ------------------------------------------------------


def fswp(facts: Facts, funds: dict) -> dict:
    as_of = facts.as_of
    program, need_months, window = _begin("fswp", facts)
    jobs = facts.answers.work_history
    if jobs is None:
        program.check("experience", None, "work_history", "fswp_experience_unanswered",
                      needed_months=need_months, window_years=window)
    else:
        since = _window_start(as_of, window)
        skilled = [j for j in jobs if _skilled(j, as_of)]
        best = max((credited_hours(run, since, as_of) for run in continuous_runs(skilled)), default=Fraction(0))
        have = months(best, as_of)
        met = best >= need_months * _hours_per_month(as_of)
        program.check("experience", met, "work_history", "fswp_experience", needed_months=need_months,
                      teers=skilled_teers(as_of), window_years=window, months=have)
        if not met and any(j.noc is None for j in skilled):
            program.notes.append("fswp_same_noc")

    minimum = program.rule("first_language_clb")
    if _language_valid(program, facts):
        below = {a: facts.first_clb[a] for a in ABILITIES if facts.first_clb[a] < minimum}
        program.check("language", not below, "first_language",
                      "fswp_language_low" if below else "fswp_language_met", needed_clb=minimum, below=below)

    _fsw_education(program, facts)
    grid = fsw_grid(facts)
    pass_mark = program.rule("pass_mark")
    score = {"total": grid["total"], "max": grid["max"], "pass_mark": pass_mark}
    if grid["total"] >= pass_mark:
        program.check("grid", True, None, "fswp_grid_passed", **score)
    elif grid["possible"] >= pass_mark:
        program.check("grid", None, grid["unanswered"][0], "fswp_grid_unanswered", **score,
                      unanswered=grid["unanswered"], gain=grid["possible"] - grid["total"])
    else:
        weakest = max(grid["lines"], key=lambda x: x["max"] - x["points"])
        program.check("grid", False, GRID_FIELDS[weakest["factor"]], "fswp_grid_failed", **score,
                      weakest=weakest["factor"], weakest_points=weakest["points"], weakest_max=weakest["max"])
    _funds(program, funds)
    program.notes.append("fswp_not_checked")
    return program.result(grid=grid)


def _fsw_education(program: _Program, facts: Facts):
    if facts.education == "less_than_secondary":
        program.check("education", False, "education", "fswp_education_none")
        return
    if facts.canadian_education != "none":
        program.check("education", True, "canadian_education", "fswp_education_canadian")
        return
    issued = facts.answers.dates.get("eca_issued_on")
    if issued is None:
        program.check("education", None, "eca_issued_on", "fswp_eca_unanswered")
        return
    until = valid_until("eca", issued, facts.as_of)
    if until is None:
        program.check("education", None, "eca_issued_on", "fswp_eca_rule_missing", as_of=facts.as_of.isoformat())
    elif facts.as_of > until:
        program.check("education", False, "eca_issued_on", "fswp_eca_expired",
                      expired_on=(until + ONE_DAY).isoformat(), last_valid_day=until.isoformat())
    else:
        program.check("education", True, "eca_issued_on", "fswp_eca_valid", valid_until=until.isoformat())


def fsw_grid(facts: Facts) -> dict:
    """The 100-point selection grid, line by line, with what unanswered questions could add."""
    as_of = facts.as_of
    maxima = {row.key: row.values["points"] for row in rules.table("programs.fsw_grid_maxima", as_of).rows}
    points = lambda table, x: rules.table(f"programs.{table}", as_of).lookup(x)  # noqa: E731
    lines = []

    def line(factor, got, **params):
        """One line of the grid: its points (capped), and what they were counted from."""
        lines.append({"factor": factor, "points": min(got, maxima[factor]), "max": maxima[factor], "params": params})

    first = sum(points("fsw_first_language", facts.first_clb[a]) for a in ABILITIES) if facts.first_clb else 0
    second = points("fsw_second_language", min(facts.second_clb.values())) if facts.second_clb else None
    line("language", first + (second or 0), first=first, second=second)
    line("education", points("fsw_education", facts.education), row=facts.education)

    jobs = facts.answers.work_history
    window = None  # the years counted are the profile's own when it has no work history
    if jobs is None:
        years = facts.canadian_work_years + facts.foreign_work_years
    else:
        window = _value("programs.fswp_requirements", "experience_window_years", as_of)
        hours = credited_hours([j for j in jobs if _skilled(j, as_of)], _window_start(as_of, window), as_of)
        years = int(hours / (_hours_per_month(as_of) * 12))
    top = max(row.max for row in rules.table("programs.fsw_experience", as_of).rows)
    line("experience", points("fsw_experience", min(years, top)), years=years, window_years=window)
    line("age", points("fsw_age", facts.age), age=facts.age)
    line("arranged_employment", points("fsw_arranged_employment", "yes" if facts.job_offer else "no"),
         job_offer=facts.job_offer)

    earned, open_ = _adaptability(facts)
    adapt = rules.table("programs.fsw_adaptability", as_of)
    got = sum(adapt.lookup(key) for key in earned)
    line("adaptability", got, elements=earned)
    total = sum(x["points"] for x in lines)
    gain = min(maxima["adaptability"], got + sum(adapt.lookup(k) for k, _ in open_)) - min(got, maxima["adaptability"])
    return {
        "lines": lines,
        "total": total,
        "max": sum(maxima.values()),
        "pass_mark": _value("programs.fswp_requirements", "pass_mark", as_of),
        "possible": total + gain,
        "unanswered": [field for _, field in open_],
        "source": rules.history("programs.fsw_grid_maxima").source,
    }


def _adaptability(facts: Facts):
    """(elements earned, [(element, unanswered field)]) of the adaptability factor."""
    as_of, a = facts.as_of, facts.answers
    earned, open_ = [], []
    months = _value("programs.fsw_adaptability_conditions", "canadian_work_months", as_of)
    if facts.spouse_accompanies:
        spouse_clb = _value("programs.fsw_adaptability_conditions", "spouse_language_clb", as_of)
        if facts.spouse_clb and min(facts.spouse_clb.values()) >= spouse_clb:
            earned.append("spouse_language")
        if a.spouse_studied_in_canada_2_years:
            earned.append("spouse_study")
        elif a.spouse_studied_in_canada_2_years is None:
            open_.append(("spouse_study", "spouse.studied_in_canada_2_years"))
        # One year of full-time work in Canada in any occupation; the CRS's skilled years imply it.
        worked = a.spouse_worked_in_canada_one_year
        if worked is None and facts.spouse_canadian_work_years * 12 >= months:
            worked = True
        if worked:
            earned.append("spouse_work")
        elif worked is None:
            open_.append(("spouse_work", "spouse.worked_in_canada_one_year"))
    if a.studied_in_canada_2_years:
        earned.append("your_study")
    elif a.studied_in_canada_2_years is None:
        open_.append(("your_study", "studied_in_canada_2_years"))
    if a.work_history is None:
        worked = facts.canadian_work_years * 12 >= months
    else:
        canadian = [j for j in a.work_history if _counts_in_canada(j, as_of)]
        first = min((j.start for j in canadian), default=as_of)
        worked = credited_hours(canadian, first, as_of) >= months * _hours_per_month(as_of)
    if worked:
        earned.append("your_work")
    if facts.job_offer:
        earned.append("arranged_employment")
    if a.relative_in_canada or facts.sibling_in_canada:
        earned.append("relative")
    elif a.relative_in_canada is None:
        open_.append(("relative", "relative_in_canada"))
    return earned, open_


# --- Federal Skilled Trades Program ------------------------------------------------------


def trade(noc: str, as_of: date):
    """The row of the longest NOC prefix in the trades table that matches `noc`, or None."""
    rows = [r for r in rules.table("programs.fstp_trades", as_of).rows if noc.startswith(r.key)]
    return max(rows, key=lambda r: len(r.key)) if rows else None


def _trade_teers(as_of: date) -> set:
    """TEERs (second digit of the code) of the eligible trades: a job without a NOC code in
    another TEER cannot be a trade."""
    return {r.key[1] for r in rules.table("programs.fstp_trades", as_of).rows if r.values["eligible"]}


def fstp(facts: Facts, funds: dict) -> dict:
    as_of = facts.as_of
    program, need_months, window = _begin("fstp", facts)
    jobs = facts.answers.work_history
    qualifying_noc = None  # the trade in which the experience is enough
    need = {"needed_months": need_months, "window_years": window}
    if jobs is None:
        program.check("experience", None, "work_history", "fstp_experience_unanswered", **need)
    else:
        since = _window_start(as_of, window)
        trades = {}
        for job in jobs:
            row = trade(job.noc, as_of) if job.noc else None
            if row is not None and row.values["eligible"]:
                trades.setdefault(job.noc, []).append(job)
        best_noc = max(trades, key=lambda n: credited_hours(trades[n], since, as_of), default=None)
        hours = credited_hours(trades[best_noc], since, as_of) if best_noc else Fraction(0)
        have = months(hours, as_of)
        if hours >= need_months * _hours_per_month(as_of):
            qualifying_noc = best_noc
            program.check("experience", True, "work_history", "fstp_experience_met", **need, months=have, noc=best_noc)
        elif any(j.noc is None and str(j.teer) in _trade_teers(as_of) for j in jobs):
            unknown = next(j for j in jobs if j.noc is None and str(j.teer) in _trade_teers(as_of))
            program.check("experience", None, f"{unknown.path}.noc", "fstp_experience_need_noc", **need)
        else:
            program.check("experience", False, "work_history",
                          "fstp_experience_short" if best_noc else "fstp_experience_no_trade",
                          **need, months=have, noc=best_noc)
    if any(r.status for r in rules.table("programs.fstp_trades", as_of).rows):
        program.notes.append("fstp_trades_unconfirmed")

    if _language_valid(program, facts):
        needed = {a: program.rule(f"clb_{a}") for a in ABILITIES}
        below = {a: facts.first_clb[a] for a in ABILITIES if facts.first_clb[a] < needed[a]}
        program.check("language", not below, "first_language",
                      "fstp_language_low" if below else "fstp_language_met", needed=needed, below=below)

    _offer_or_certificate(program, facts, qualifying_noc)
    _funds(program, funds)
    program.notes.append("fstp_not_checked")
    return program.result()


def _offer_or_certificate(program: _Program, facts: Facts, qualifying_noc):
    """A certificate of qualification, or a job offer in the trade (by its NOC code, if given)."""
    offer_noc = facts.answers.job_offer_noc
    if facts.certificate_of_qualification:
        program.check("offer_or_certificate", True, "certificate_of_qualification", "fstp_certificate")
        program.notes.append("fstp_certificate_assumed")
    elif not facts.job_offer:
        program.check("offer_or_certificate", False, "job_offer", "fstp_offer_or_certificate_missing")
    elif offer_noc is None:
        program.check("offer_or_certificate", True, "job_offer", "fstp_offer")
        program.notes.append("fstp_offer_assumed")
    else:
        row = trade(offer_noc, program.as_of)
        in_trade = row is not None and row.values["eligible"] and qualifying_noc in (None, offer_noc)
        # Your trade when the experience names one, else any eligible trade.
        check = ("fstp_offer_in_trade" if in_trade else "fstp_offer_not_in_trade") if qualifying_noc else (
            "fstp_offer_in_a_trade" if in_trade else "fstp_offer_not_in_a_trade")
        program.check("offer_or_certificate", in_trade, "job_offer_noc", check, noc=offer_noc, trade_noc=qualifying_noc)


# --- Canadian Experience Class -----------------------------------------------------------


def could_have_months(whole_years: int, needed_months: int) -> bool:
    """Whether `whole_years` of work (a CRS answer: completed years) can hold `needed_months`:
    0 years means less than 12 months."""
    return (whole_years + 1) * 12 > needed_months


def _counts_in_canada(job, as_of: date) -> bool:
    """Skilled work in Canada that is neither self-employment nor work while a full-time student."""
    return job.country == "canada" and _skilled(job, as_of) and not job.self_employed and not job.while_studying


def cec(facts: Facts) -> dict:
    as_of = facts.as_of
    program, need_months, window = _begin("cec", facts)
    need_hours = need_months * _hours_per_month(as_of)
    by_teer = {row.key: row.values["clb"] for row in rules.table("programs.cec_language", as_of).rows}
    need = {"needed_months": need_months, "teers": skilled_teers(as_of), "window_years": window}
    jobs = facts.answers.work_history
    language_ok = _language_valid(program, facts)
    program.notes.append("cec_not_checked")

    if jobs is None:
        if could_have_months(facts.canadian_work_years, need_months):
            program.check("experience", None, "work_history", "cec_experience_unanswered", **need)
        else:
            # Fewer whole years of skilled Canadian work (the CRS answer, over 10 years) than the
            # months CEC needs in its shorter window: no job list can change that.
            program.check("experience", False, "canadian_work_years", "cec_no_canadian_work", **need,
                          years=facts.canadian_work_years)
        if language_ok:
            _cec_language(program, facts, min(by_teer.values()), by_teer)
        return program.result()

    since = _window_start(as_of, window)
    counted = [j for j in jobs if _counts_in_canada(j, as_of)]
    hours = credited_hours(counted, since, as_of)
    have = months(hours, as_of)
    met = hours >= need_hours
    program.check("experience", met, "work_history", "cec_experience", **need, months=have)
    if not language_ok:
        return program.result()
    # The language level depends on the TEER of the work: find the lowest level at which the
    # work of the TEERs it allows adds up to the required time.
    levels = sorted(set(by_teer.values()))
    enough_at = next(
        (level for level in levels
         if credited_hours([j for j in counted if by_teer[str(j.teer)] <= level], since, as_of) >= need_hours),
        None,
    )
    if enough_at is None:  # not enough work whatever the level: judge by the TEERs worked
        enough_at = max((by_teer[str(j.teer)] for j in counted), default=min(levels))
    _cec_language(program, facts, enough_at, by_teer)
    return program.result()


def _cec_language(program: _Program, facts: Facts, needed: int, by_teer: dict):
    lowest = min(facts.first_clb.values())
    teers = [t for t, level in sorted(by_teer.items()) if level == needed]
    program.check("language", lowest >= needed, "first_language", "cec_language",
                  needed_clb=needed, teers=teers, lowest_clb=lowest)
