"""engine.documents on a table of families: each expected item is there, for its person, with
what it depends on and the day it would expire."""

import pytest

from engine import ProfileError, documents, money

from .helpers import clb

AS_OF = "2026-12-06"


def family(**changes) -> dict:
    profile = {"as_of": AS_OF, "age": 34, "date_of_birth": "1992-05-01", "education": "masters",
               "first_language": clb(9, taken_on="2025-03-01"), "second_language": None, "spouse": None,
               "settlement_funds": 30000}
    profile.update(changes)
    return profile


SPOUSE = {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
          "language": clb(7, taken_on="2026-01-10")}
TWO_JOBS = [{"noc": "21232", "country": "abroad", "start": "2018-01-01", "end": "2022-12-31"},
            {"noc": "21231", "country": "canada", "start": "2023-02-01"}]
STAYS = [{"country": "IN", "start": "2010-01-01", "end": "2022-12-31"},
         {"country": "AE", "start": "2023-01-01", "end": "2023-05-31"},  # 5 months: no certificate
         {"country": "PH", "person": "spouse", "start": "2015-01-01", "end": "2023-01-15"},
         {"country": "US", "start": "2024-01-01"}]  # still there


def keys(result) -> set:
    return {(i["document"], i["person"], i["job"], i["country"]) for i in result["items"]}


FAMILIES = {
    "single": (family(), {("passport", "principal", None, None), ("language_result", "principal", None, None),
                          ("eca", "principal", None, None), ("proof_of_funds", "principal", None, None),
                          ("medical_exam", "principal", None, None), ("biometrics", "principal", None, None)}),
    "couple_abroad_two_jobs_two_countries": (
        family(spouse=SPOUSE, work_history=TWO_JOBS, countries_lived=STAYS),
        {("passport", "spouse", None, None), ("language_result", "spouse", None, None), ("eca", "spouse", None, None),
         ("employer_letter", "principal", 0, None), ("pay_proof", "principal", 0, None),
         ("employer_letter", "principal", 1, None), ("pay_proof", "principal", 1, None),
         ("police_certificate", "principal", None, "IN"), ("police_certificate", "principal", None, "US"),
         ("police_certificate", "spouse", None, "PH"), ("marriage_certificate", "principal", None, None),
         ("medical_exam", "spouse", None, None), ("biometrics", "spouse", None, None)}),
    "children_over_and_under_18": (
        family(spouse=SPOUSE, children_accompanying=2, children_not_accompanying=1, children_18_or_older=1),
        {("birth_certificate", "child-1", None, None), ("birth_certificate", "child-3", None, None),
         ("police_certificate", "child-1", None, None), ("medical_exam", "child-3", None, None),
         ("biometrics", "child-1", None, None)}),
}


@pytest.mark.parametrize("name", FAMILIES)
def test_each_family_gets_its_documents(name):
    profile, expected = FAMILIES[name]
    found = keys(documents(profile))
    assert expected <= found, expected - found


def test_what_a_family_does_not_need_is_not_listed():
    single = keys(documents(family()))
    assert not any(doc in ("marriage_certificate", "birth_certificate", "employer_letter", "police_certificate")
                   for doc, *_ in single)
    couple = keys(documents(FAMILIES["couple_abroad_two_jobs_two_countries"][0]))
    assert ("police_certificate", "principal", None, "AE") not in couple  # under 6 months
    children = keys(documents(FAMILIES["children_over_and_under_18"][0]))
    assert ("police_certificate", "child-2", None, None) not in children  # under 18


def item(result, document, person, **where):
    return next(i for i in result["items"] if i["document"] == document and i["person"] == person
                and all(i[k] == v for k, v in where.items()))


def test_expiry_dates_and_flags_against_the_time_to_apply():
    result = documents(family(first_language=clb(9, taken_on="2025-01-20"), eca_issued_on="2022-01-10",
                              ita_received_on="2026-11-20", medical_exam_on="2026-11-25"))
    assert result["window"] == {"from": "2026-11-20", "until": "2027-01-19", "assumed": False}
    language = item(result, "language_result", "principal")
    assert (language["valid_until"], language["flag"]) == ("2027-01-20", None)  # 2 years: past the 60 days
    eca = item(result, "eca", "principal")
    assert (eca["valid_until"], eca["flag"]) == ("2027-01-10", "expires_in_window")  # 5 years
    medical = item(result, "medical_exam", "principal")
    assert (medical["valid_until"], medical["flag"]) == ("2027-11-25", None)  # 12 months
    # start by: the end of the time to apply less the usual lead time; already past, it says so
    assert (eca["start_by"], eca["start_late"]) == ("2026-11-10", True)  # 10 weeks before 2027-01-19
    assert (medical["start_by"], medical["start_late"]) == ("2026-12-29", False)  # 3 weeks before
    expired = documents(family(first_language=clb(9, taken_on="2024-11-01")))
    assert item(expired, "language_result", "principal")["flag"] == "expired"


def test_police_certificates_name_the_country_and_link_ircc():
    result = documents(FAMILIES["couple_abroad_two_jobs_two_countries"][0])
    india = item(result, "police_certificate", "principal", country="IN")
    assert india["page"].endswith("/police-certificates/how/india.html") and india["translate"] is True
    assert india["flag"] is None
    usa = item(result, "police_certificate", "principal", country="US")
    assert (usa["flag"], usa["months"]) == ("issued_within", 6)  # the country lived in now
    letter = item(result, "employer_letter", "principal", job=1)
    assert (letter["noc"], letter["job_country"]) == ("21231", "canada")


def test_a_stay_before_18_does_not_count():
    young = family(age=20, date_of_birth="2006-03-01", countries_lived=[{"country": "FR", "start": "2020-01-01", "end": "2024-06-30"}])
    assert ("police_certificate", "principal", None, "FR") not in keys(documents(young))  # 4 months after 18
    older = family(age=20, date_of_birth="2006-03-01", countries_lived=[{"country": "FR", "start": "2020-01-01", "end": "2024-09-30"}])
    assert ("police_certificate", "principal", None, "FR") in keys(documents(older))


@pytest.mark.parametrize("changes, field, code", [
    ({"countries_lived": [{"country": "IN", "start": "2020-01-01", "end": "2019-01-01"}]}, "countries_lived.0.end", "date_min"),
    ({"countries_lived": [{"country": "XX", "start": "2020-01-01"}]}, "countries_lived.0.country", "choice"),
    ({"countries_lived": "India"}, "countries_lived", "stays"),
    ({"date_of_birth": "1992-12-31"}, "date_of_birth", "date_of_birth_age"),
])
def test_bad_input_is_one_error_naming_the_field(changes, field, code):
    with pytest.raises(ProfileError) as error:
        documents(family(**changes))
    assert (error.value.field, error.value.code) == (field, code)


def test_money_in_the_persons_currency_with_a_margin():
    result = money(family(currency="inr", currency_rate=60))
    assert (result["given"], result["currency"], result["margin_percent"], result["average_months"]) == (True, "INR", 10, 6)
    funds = next(line for line in result["lines"] if line["id"] == "funds_required")
    assert funds["local"] == funds["cad"] * 60 and funds["local_with_margin"] == round(funds["cad"] * 60 * 1.1)
    assert any(line["id"] == "fees_total" for line in result["lines"])
    assert money(family())["given"] is False


@pytest.mark.parametrize("rate, code", [(0, "rate"), (-2, "rate"), ("61", "number"), (2_000_000, "number")])
def test_a_rate_of_zero_or_below_is_refused_naming_it(rate, code):
    with pytest.raises(ProfileError) as error:
        money(family(currency="INR", currency_rate=rate))
    assert (error.value.field, error.value.code) == ("currency_rate", code)


def test_a_currency_that_is_not_three_letters_is_refused():
    with pytest.raises(ProfileError) as error:
        money(family(currency="RS1", currency_rate=60))
    assert (error.value.field, error.value.code) == ("currency", "currency")
