"""`assess(profile)`: the CRS score plus program eligibility, proof of funds, fees and deadlines."""

from . import assess_profile, crs
from . import profile as profiles
from .deadlines import deadlines
from .fees import assess_fees
from .funds import assess_funds
from .programs import Facts, cec, fstp, fswp, rules_missing


def assess(profile) -> dict:
    """The full assessment of a profile (docs/profile.md); raises ProfileError on bad input."""
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
    warnings += [
        {"code": "expired", "field": d["field"], "message": d["message"]}
        for d in dated
        if d["expired"] and d["field"] not in warned
    ]
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
    spouse = p.spouse if p.with_spouse else None
    first = p.first_language
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
        second_clb=dict(p.second_language.levels) if p.second_language else None,
        spouse_accompanies=spouse is not None,
        spouse_clb=dict(spouse.language.levels) if spouse and spouse.language else None,
        spouse_canadian_work_years=spouse.canadian_work_years if spouse else 0,
        answers=answers,
    )


def render(result: dict) -> str:
    """A plain-text summary of an `assess` result, for the command line (`assess --text`)."""
    out = [f"Assessment on {result['as_of']}"]
    crs_result = result["crs"]
    sections = ", ".join(f"{k} {v}" for k, v in crs_result["sections"].items())
    out += [f"CRS score: {crs_result['total']} ({sections})", "", "Programs"]
    verdict = {True: "eligible", False: "not eligible", None: "not enough information"}
    for program in result["programs"].values():
        out.append(f"  {program['name']}: {verdict[program['eligible']]}")
        out += [f"    - {reason['message']} [{reason['field']}]" for reason in program["reasons"]]
        grid = program.get("grid")
        if grid:
            out.append(f"    Selection grid: {grid['total']} of {grid['max']} (pass mark {grid['pass_mark']})")
            out += [f"      {line['label']:58} {line['points']:>3} / {line['max']:<3} {line['detail']}"
                    for line in grid["lines"]]
        out += [f"    Note: {note}" for note in program["notes"]]

    funds = result["funds"]
    out += ["", "Proof of funds (" + ", ".join(k.upper() for k in funds["needed_for"]) + ")"]
    if funds["required"] is None:
        out.append(f"  {funds['message']}")
    else:
        held = "not answered" if funds["held"] is None else f"{funds['held']:,} CAD"
        out.append(f"  {funds['required']:,} CAD for a family of {funds['family_size']} "
                   f"(amounts in force from {funds['effective_from']}); your funds: {held}"
                   + ("" if funds["shortfall"] is None else f", short by {funds['shortfall']:,} CAD"))
        out.append(f"  {funds['exempt_reason']}")
    out.append(f"  Source: {funds['source']} (checked {funds['checked']})")

    fees = result["fees"]
    out += ["", "Government fees (CAD)"]
    for line in fees["lines"]:
        amount = "not on file" if line["amount"] is None else f"{line['count']} x {line['amount']} = {line['subtotal']}"
        flag = f" [{line['status']}]" if line.get("status") else ""
        out.append(f"  {line['label']}: {amount}{flag}")
    total = "incomplete" if fees["total"] is None else f"{fees['total']:,}"
    out += [f"  Total: {total}", f"  Source: {fees['source']} (checked {fees['checked']})",
            "  Estimates of costs paid to others (not in the total):"]
    out += [f"    {item['label']}: {item['low']}-{item['high']} CAD [{item['status']}]"
            for item in fees["estimates"]["items"]]

    out += ["", "Deadlines"]
    out += [f"  {d['message']}" + (f" [{d['status']}]" if d.get("status") else "") for d in result["deadlines"]]
    if not result["deadlines"]:
        out.append("  (no dates given)")
    if result["warnings"]:
        out += ["", "Warnings"] + [f"  - {w['message']}" for w in result["warnings"]]
    return "\n".join(out) + "\n"
