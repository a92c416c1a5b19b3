"""`documents(profile)`: every document the application needs, for this family.

Each item is codes and values: the document (`document`, a row of documents.lead_times), the
person it is for (`person`: "principal", "spouse", "child-1", ...), what it depends on (`job`:
the index of a job of `work_history`; `country`: an ISO code of `countries_lived`; `test`: a
language test; `field`: the answer it comes from), its usual lead time and the day to start it
so that it is there by the likely end of the time to apply (`start_by`; `start_late` when that
day has passed), the last day it stays
valid when that is known (`valid_until`), and a `flag` when it matters: "expired" (already),
"expires_in_window" (before the likely end of the time to apply), "issued_within" (the police
certificate of the country a person lives in must be issued within `months` before applying).
`translate` says a certified translation is needed when the document is not in English or French.

Who needs what comes from the rules already on file: police certificates and biometrics from
application.*, validity periods from deadlines.periods and language.result_validity, the time
to apply from deadlines.periods "ita_response", funds from engine.funds.
"""

from datetime import date, timedelta

from . import assess_profile, rules
from . import profile as profiles
from .deadlines import add_period, end_of, period, valid_until
from .funds import assess_funds
from .language import result_expires
from .programs import _skilled, _window_start

ONE_DAY = timedelta(days=1)
# Documents that come from a civil or police authority, often in its own language.
TRANSLATED = frozenset({"birth_certificate", "marriage_certificate", "police_certificate", "employer_letter", "pay_proof"})


def _rule(table_id: str, key: str, as_of: date):
    return rules.table(table_id, as_of).lookup(key, "number")


class _List:
    def __init__(self, as_of: date, window_end: date):
        self.as_of, self.window_end = as_of, window_end
        self.leads = rules.table("documents.lead_times", as_of)
        self.items = []

    def add(self, document, person, *, job=None, country=None, test=None, field=None, valid=None, flag=None, **values):
        weeks = self.leads.lookup(document, "weeks")
        start_by = self.window_end - timedelta(weeks=weeks)
        if valid is not None and flag is None:
            flag = "expired" if valid < self.as_of else "expires_in_window" if valid < self.window_end else None
        self.items.append({
            "document": document, "person": person, "job": job, "country": country, "test": test, "field": field,
            "lead_weeks": weeks, "start_by": start_by.isoformat(), "start_late": start_by < self.as_of,
            "valid_until": valid.isoformat() if valid else None, "flag": flag,
            "translate": document in TRANSLATED, **values,
        })


def _people(checked, answers) -> list:
    """(person code, known age or None, accompanying) of each member of the family."""
    people = [("principal", checked.age, True)]
    spouse = checked.spouse
    if spouse is not None and not spouse.canadian_citizen_or_pr:
        people.append(("spouse", None, spouse.accompanying))
    children = answers.children_accompanying + answers.children_not_accompanying
    for n in range(children):
        # The first `children_18_or_older` are the adults; which children come along is not asked one by one.
        people.append((f"child-{n + 1}", 18 if n < answers.children_18_or_older else None, n < answers.children_accompanying))
    return people


def _police(found: _List, answers, checked, people) -> None:
    as_of = found.as_of
    from_age = _rule("application.police_certificates", "from_age", as_of)
    stay_months = _rule("application.police_certificates", "stay_months", as_of)
    lookback = _window_start(as_of, _rule("application.police_certificates", "lookback_years", as_of))
    current_months = _rule("application.police_certificates", "current_country_months", as_of)
    pages = rules.table("documents.police_pages", as_of)
    address = pages.attrs["page_address"]
    born = answers.dates.get("date_of_birth")
    adult_from = {"principal": add_period(born, years=from_age) if born else add_period(as_of, years=from_age - checked.age),
                  "spouse": None}
    adults = {code for code, age, _ in people if code in ("principal", "spouse") and (age is None or age >= from_age)}
    seen = {}
    for stay in answers.countries_lived or ():
        if stay.person not in adults:
            continue
        start = max(filter(None, (stay.start, lookback, adult_from.get(stay.person))))
        end = stay.end or as_of
        if add_period(start, months=stay_months) > end + ONE_DAY:
            continue  # shorter than the rule's months in a row, as an adult, in the years that count
        key = (stay.person, stay.country)
        current = stay.end is None
        if key in seen:
            seen[key]["current"] = seen[key]["current"] or current
            continue
        seen[key] = {"person": stay.person, "country": stay.country, "index": stay.index, "current": current}
    for entry in seen.values():
        page = address.format(page=pages.lookup(entry["country"], "page"))
        extra = {"flag": "issued_within", "months": current_months} if entry["current"] else {}
        found.add("police_certificate", entry["person"], country=entry["country"],
                  field=f"countries_lived.{entry['index']}.country", page=page, **extra)
    for code, age, _ in people:
        if code.startswith("child-") and age is not None and age >= from_age:
            found.add("police_certificate", code, page=pages.source)  # their countries are not asked


def documents(profile) -> dict:
    """The family's documents (see the module's docstring); raises ProfileError on bad input."""
    contract, ours = assess_profile.split(profile)
    checked = profiles.parse(contract)
    as_of = checked.as_of
    answers = assess_profile.normalise(ours, profile, as_of)
    invited = answers.dates.get("ita_received_on")
    window = period("deadlines.periods", "ita_response", as_of)
    start = invited or as_of
    window_end = end_of(window, start) if window else start
    found = _List(as_of, window_end)
    people = _people(checked, answers)

    for code, _, _ in people:
        found.add("passport", code)
        found.add("photos", code)

    for path, result in (("first_language", checked.first_language), ("second_language", checked.second_language),
                         ("spouse.language", checked.spouse and checked.spouse.language)):
        if result is None:
            continue
        valid = result_expires(result.taken_on, as_of) if result.taken_on_given else None
        found.add("language_result", "spouse" if path.startswith("spouse") else "principal", test=result.test,
                  field=path, valid=valid)

    issued = answers.dates.get("eca_issued_on")
    if issued is not None or (checked.education not in ("less_than_secondary", "secondary") and checked.canadian_education == "none"):
        found.add("eca", "principal", field="eca_issued_on", valid=issued and valid_until("eca", issued, as_of))
    if checked.with_spouse and checked.spouse.education not in (None, "less_than_secondary"):
        found.add("eca", "spouse", field="spouse.education")

    since = _window_start(as_of, rules.table("programs.fswp_requirements", as_of).lookup("experience_window_years"))
    for job in answers.work_history or ():
        if _skilled(job, as_of) and (job.end is None or job.end >= since):
            found.add("employer_letter", "principal", job=job.index, field=job.path, country=None, job_country=job.country,
                      noc=job.noc)
            found.add("pay_proof", "principal", job=job.index, field=job.path, job_country=job.country)

    _police(found, answers, checked, people)

    if checked.spouse is not None:
        found.add("marriage_certificate", "principal", field="spouse")
    for code, _, _ in people:
        if code.startswith("child-"):
            found.add("birth_certificate", code, field="children_accompanying")

    family = 1 + (checked.spouse is not None) + answers.children_accompanying + answers.children_not_accompanying
    funds = assess_funds(family_size=family, held=answers.settlement_funds, job_offer=checked.job_offer != "none",
                         authorized=answers.authorized_to_work_in_canada, as_of=as_of)
    if not funds.get("exempt"):
        found.add("proof_of_funds", "principal", field="settlement_funds", required=funds.get("required"))

    exam = answers.dates.get("medical_exam_on")
    # Biometrics for a permanent residence application: only under the rules that ask for them.
    ages = {row.key: row.values["number"] for row in rules.table("application.biometrics", as_of).rows}
    biometrics_from, biometrics_to = ages.get("from_age"), ages.get("to_age")
    for code, age, accompanying in people:
        valid = valid_until("medical_exam", exam, as_of) if exam and code == "principal" else None
        found.add("medical_exam", code, field="medical_exam_on" if code == "principal" else None, valid=valid,
                  accompanying=accompanying)
        if biometrics_from is not None and (age is None or biometrics_from <= age <= biometrics_to):
            found.add("biometrics", code, ages=[biometrics_from, biometrics_to], age_known=age is not None)

    return {"as_of": as_of.isoformat(), "window": {"from": start.isoformat(), "until": window_end.isoformat(),
                                                   "assumed": invited is None},
            "items": found.items}
