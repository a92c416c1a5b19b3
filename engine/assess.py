"""`assess(profile)`: the CRS score plus program eligibility, proof of funds, fees and deadlines."""

from . import assess_profile, crs
from . import profile as profiles
from .deadlines import deadlines
from .experience import with_work_years
from .fees import assess_fees
from .funds import assess_funds
from .notices import warning
from .programs import Facts, cec, fstp, fswp, rules_missing


def assess(profile) -> dict:
    """The full assessment of a profile (docs/profile.md); raises ProfileError on bad input. With a
    job list, the CRS's years of work are counted from it (engine.experience)."""
    profile = with_work_years(profile)[0]
    contract, ours = assess_profile.split(profile)
    checked = profiles.parse(contract)
    score = crs.score(checked)
    as_of = checked.as_of
    answers = assess_profile.normalise(ours, profile, as_of)
    facts = _facts(checked, answers)

    # Everyone counts for funds: a spouse even if not coming or a citizen, every child.
    family_size = (1 + (checked.spouse is not None)
                   + answers.children_accompanying + answers.children_not_accompanying)
    funds = assess_funds(
        family_size=family_size,
        held=answers.settlement_funds,
        job_offer=facts.job_offer,
        authorized=answers.authorized_to_work_in_canada,
        as_of=as_of,
    )
    warnings = list(score.get("warnings", [])) + funds.pop("warnings")
    checks = {"fswp": lambda: fswp(facts, funds), "fstp": lambda: fstp(facts, funds), "cec": lambda: cec(facts)}
    programs = {key: rules_missing(key, as_of) or run() for key, run in checks.items()}
    dated = deadlines(answers.dates, as_of)
    warned = {w["field"] for w in warnings}  # the CRS part already warns of expired tests
    warnings += [warning("expired", d["field"], until=d["until"]) for d in dated if d["expired"] and d["field"] not in warned]
    return {
        "as_of": as_of.isoformat(),
        "crs": score,
        "programs": programs,
        "eligible_programs": [key for key, result in programs.items() if result["eligible"]],
        "funds": funds,
        "fees": assess_fees(
            spouse_applies=facts.spouse_accompanies,
            children=answers.children_accompanying,
            as_of=as_of,
        ),
        "deadlines": dated,
        "warnings": warnings,
    }


def _facts(p: profiles.Profile, answers) -> Facts:
    # The first result as given (an expired one fails the language requirement by name); the
    # others as they count on as_of.
    valid = p.current()
    spouse = valid.spouse if p.with_spouse else None
    first = p.first_language
    second = valid.second_language if valid.first_language is first else None
    return Facts(
        as_of=p.as_of,
        age=p.age,
        education=p.education,
        canadian_education=p.canadian_education,
        canadian_work_years=p.canadian_work_years,
        foreign_work_years=p.foreign_work_years,
        certificate_of_qualification=p.certificate_of_qualification,
        job_offer=p.job_offer != "none",
        sibling_in_canada=p.sibling_in_canada,
        first_clb=dict(first.levels) if first else None,
        first_taken_on=first.taken_on if first and first.taken_on_given else None,
        second_clb=dict(second.levels) if second else None,
        spouse_accompanies=spouse is not None,
        spouse_clb=dict(spouse.language.levels) if spouse and spouse.language else None,
        spouse_canadian_work_years=spouse.canadian_work_years if spouse else 0,
        answers=answers,
    )


def render(result: dict) -> str:
    """A compact plain-text view of an `assess` result for the command line (`assess --text`):
    codes and values, as in the JSON (the words are the page's, in locales/)."""
    crs_result = result["crs"]
    out = [f"as_of {result['as_of']}",
           f"crs {crs_result['total']} " + " ".join(f"{k}={v}" for k, v in crs_result["sections"].items())]
    verdict = {True: "eligible", False: "not_eligible", None: "unknown"}
    for key, program in result["programs"].items():
        out.append(f"{key} {verdict[program['eligible']]}")
        out += [f"  - {r['code']} [{r['field']}] {r['check']}{_values(r['params'])}" for r in program["reasons"]]
        grid = program.get("grid")
        if grid:
            out.append(f"  grid {grid['total']}/{grid['max']} pass_mark={grid['pass_mark']}")
            out += [f"    {line['factor']} {line['points']}/{line['max']}{_values(line['params'])}" for line in grid["lines"]]
        out += [f"  note {note}" for note in program["notes"]]
    funds = result["funds"]
    out.append("funds" + _values({k: funds[k] for k in ("family_size", "required", "held", "shortfall", "exempt", "met")}))
    fees = result["fees"]
    out += [f"fee {line['id']} {line['count']} x {line['amount']} = {line['subtotal']}" for line in fees["lines"]]
    out.append(f"fees total={fees['total']} complete={fees['complete']}")
    out += [f"deadline {d['field']}" + _values({k: d[k] for k in ("from", "until", "expired", "days_left")})
            for d in result["deadlines"]]
    out += [f"warning {w['code']} [{w['field']}]" for w in result["warnings"]]
    return "\n".join(out) + "\n"


def _values(params: dict) -> str:
    return "".join(f" {k}={v}" for k, v in params.items())
