"""Every row of every CRS points table, checked through `engine.crs_score`.

The expected values are typed here from the team fact sheet (express-entry-rules.md §1-§4),
independently of engine/data/crs.toml: a wrong value in the data fails these tests.
"""

import pytest

from engine import crs_score

from .helpers import ACCOMPANYING, clb, nclc, profile, with_spouse

# §1a: age -> (with spouse, without spouse)
AGE = {17: (0, 0), 18: (90, 99), 19: (95, 105), 30: (95, 105), 31: (90, 99), 32: (85, 94),
       33: (80, 88), 34: (75, 83), 35: (70, 77), 36: (65, 72), 37: (60, 66), 38: (55, 61),
       39: (50, 55), 40: (45, 50), 41: (35, 39), 42: (25, 28), 43: (15, 17), 44: (5, 6), 45: (0, 0)}
AGE.update({age: (100, 110) for age in range(20, 30)})
AGE.update({age: (0, 0) for age in (0, 1, 16)})
AGE.update({age: (0, 0) for age in (46, 60, 99, 120)})

# §1b
EDUCATION = {"less_than_secondary": (0, 0), "secondary": (28, 30), "one_year": (84, 90),
             "two_year": (91, 98), "bachelors": (112, 120), "two_or_more": (119, 128),
             "masters": (126, 135), "doctoral": (140, 150)}
# §1c, per ability
FIRST_LANGUAGE = {0: (0, 0), 1: (0, 0), 2: (0, 0), 3: (0, 0), 4: (6, 6), 5: (6, 6), 6: (8, 9),
                  7: (16, 17), 8: (22, 23), 9: (29, 31), 10: (32, 34), 11: (32, 34), 12: (32, 34)}
# §1d, per ability (before the 22 / 24 cap)
SECOND_LANGUAGE = {0: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 6, 10: 6, 12: 6}
# §1e
CANADIAN_WORK = {0: (0, 0), 1: (35, 40), 2: (46, 53), 3: (56, 64), 4: (63, 72), 5: (70, 80),
                 6: (70, 80), 60: (70, 80)}
# §2
SPOUSE_EDUCATION = {"less_than_secondary": 0, "secondary": 2, "one_year": 6, "two_year": 7,
                    "bachelors": 8, "two_or_more": 9, "masters": 10, "doctoral": 10}
SPOUSE_LANGUAGE = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 5, 10: 5, 12: 5}
SPOUSE_CANADIAN_WORK = {0: 0, 1: 5, 2: 7, 3: 8, 4: 9, 5: 10, 9: 10, 60: 10}


def factors(p):
    return crs_score(p)["factors"]


@pytest.mark.parametrize("age", sorted(AGE))
def test_age(age):
    single, married = AGE[age][1], AGE[age][0]
    assert factors(profile(age=age))["age"] == single
    assert factors(with_spouse(age=age))["age"] == married


@pytest.mark.parametrize("education", sorted(EDUCATION))
def test_education(education):
    assert factors(profile(education=education))["education"] == EDUCATION[education][1]
    assert factors(with_spouse(education=education))["education"] == EDUCATION[education][0]


@pytest.mark.parametrize("level", sorted(FIRST_LANGUAGE))
def test_first_language_per_ability(level):
    married, single = FIRST_LANGUAGE[level]
    assert factors(profile(first_language=clb(level)))["first_language"] == 4 * single
    assert factors(with_spouse(first_language=clb(level)))["first_language"] == 4 * married
    # one ability at `level`, the three others at CLB 4 (6 points each in both columns)
    mixed = clb(4, reading=level)
    assert factors(profile(first_language=mixed))["first_language"] == 18 + single


@pytest.mark.parametrize("level", sorted(SECOND_LANGUAGE))
def test_second_language_per_ability(level):
    expected = SECOND_LANGUAGE[level]
    single = factors(profile(second_language=nclc(level)))["second_language"]
    married = factors(with_spouse(second_language=nclc(level)))["second_language"]
    assert single == min(4 * expected, 24)
    assert married == min(4 * expected, 22)
    one = factors(profile(second_language=nclc(0, speaking=level)))["second_language"]
    assert one == expected


def test_second_language_cap_binds_only_with_spouse():
    assert factors(profile(second_language=nclc(9)))["second_language"] == 24
    assert factors(with_spouse(second_language=nclc(9)))["second_language"] == 22
    # 6 + 6 + 6 + 3 = 21 stays under the cap
    assert factors(with_spouse(second_language=nclc(9, speaking=7)))["second_language"] == 21


@pytest.mark.parametrize("years", sorted(CANADIAN_WORK))
def test_canadian_work(years):
    assert factors(profile(canadian_work_years=years))["canadian_work"] == CANADIAN_WORK[years][1]
    assert factors(with_spouse(canadian_work_years=years))["canadian_work"] == CANADIAN_WORK[years][0]


@pytest.mark.parametrize("education", sorted(SPOUSE_EDUCATION))
def test_spouse_education(education):
    assert factors(with_spouse(spouse={"education": education}))["spouse_education"] == SPOUSE_EDUCATION[education]


@pytest.mark.parametrize("level", sorted(SPOUSE_LANGUAGE))
def test_spouse_language_per_ability(level):
    assert factors(with_spouse(spouse={"language": clb(level)}))["spouse_language"] == 4 * SPOUSE_LANGUAGE[level]
    one = factors(with_spouse(spouse={"language": nclc(0, writing=level)}))["spouse_language"]
    assert one == SPOUSE_LANGUAGE[level]


@pytest.mark.parametrize("years", sorted(SPOUSE_CANADIAN_WORK))
def test_spouse_canadian_work(years):
    got = factors(with_spouse(spouse={"canadian_work_years": years}))["spouse_canadian_work"]
    assert got == SPOUSE_CANADIAN_WORK[years]


def test_spouse_section_reaches_40():
    result = crs_score(with_spouse(spouse={"education": "doctoral", "language": clb(10), "canadian_work_years": 5}))
    assert result["sections"]["spouse"] == 40


# §3a: education -> (CLB 7+, CLB 9+, Canadian work 1 year, Canadian work 2+ years)
TRANSFER_EDUCATION = {
    "less_than_secondary": (0, 0, 0, 0), "secondary": (0, 0, 0, 0),
    "one_year": (13, 25, 13, 25), "two_year": (13, 25, 13, 25), "bachelors": (13, 25, 13, 25),
    "two_or_more": (25, 50, 25, 50), "masters": (25, 50, 25, 50), "doctoral": (25, 50, 25, 50),
}
# §3b: foreign work years -> (CLB 7+, CLB 9+, Canadian work 1 year, Canadian work 2+ years)
TRANSFER_FOREIGN = {0: (0, 0, 0, 0), 1: (13, 25, 13, 25), 2: (13, 25, 13, 25),
                    3: (25, 50, 25, 50), 4: (25, 50, 25, 50), 10: (25, 50, 25, 50)}


@pytest.mark.parametrize("education", sorted(TRANSFER_EDUCATION))
def test_education_transferability(education):
    clb7, clb9, cdn1, cdn2 = TRANSFER_EDUCATION[education]
    f = lambda **kw: factors(profile(education=education, **kw))  # noqa: E731
    assert f(first_language=clb(6))["education_language"] == 0
    assert f(first_language=clb(10, speaking=6))["education_language"] == 0  # one ability under 7
    assert f(first_language=clb(7))["education_language"] == clb7
    assert f(first_language=clb(10, writing=8))["education_language"] == clb7  # one under 9
    assert f(first_language=clb(9))["education_language"] == clb9
    assert f(first_language=clb(12))["education_language"] == clb9
    assert f(first_language=None)["education_language"] == 0
    assert f(canadian_work_years=0)["education_canadian_work"] == 0
    assert f(canadian_work_years=1)["education_canadian_work"] == cdn1
    assert f(canadian_work_years=2)["education_canadian_work"] == cdn2
    assert f(canadian_work_years=5)["education_canadian_work"] == cdn2


@pytest.mark.parametrize("years", sorted(TRANSFER_FOREIGN))
def test_foreign_work_transferability(years):
    clb7, clb9, cdn1, cdn2 = TRANSFER_FOREIGN[years]
    f = lambda **kw: factors(profile(foreign_work_years=years, **kw))  # noqa: E731
    assert f(first_language=clb(6, reading=10))["foreign_work_language"] == 0
    assert f(first_language=clb(8, reading=7))["foreign_work_language"] == clb7
    assert f(first_language=clb(9))["foreign_work_language"] == clb9
    assert f(canadian_work_years=0)["foreign_work_canadian_work"] == 0
    assert f(canadian_work_years=1)["foreign_work_canadian_work"] == cdn1
    assert f(canadian_work_years=3)["foreign_work_canadian_work"] == cdn2


@pytest.mark.parametrize(("first", "expected"), [
    (clb(4), 0), (clb(10, speaking=4), 0), (clb(5), 25), (clb(6, listening=10), 25),
    (clb(7), 50), (clb(12, reading=7), 50), (None, 0),
])
def test_certificate_of_qualification(first, expected):
    assert factors(profile(certificate_of_qualification=True, first_language=first))["certificate_of_qualification"] == expected
    assert factors(profile(certificate_of_qualification=False, first_language=first))["certificate_of_qualification"] == 0


def test_transferability_group_caps():
    # §3a cap: doctoral + CLB 9 (50) + 2 years in Canada (50) -> 50
    result = crs_score(profile(education="doctoral", first_language=clb(9), canadian_work_years=2))
    assert (result["factors"]["education_language"], result["factors"]["education_canadian_work"]) == (50, 50)
    assert result["sections"]["transferability"] == 50
    # §3b cap: 3+ years abroad + CLB 9 (50) + 2 years in Canada (50) -> 50
    result = crs_score(profile(foreign_work_years=3, first_language=clb(9), canadian_work_years=2))
    assert (result["factors"]["foreign_work_language"], result["factors"]["foreign_work_canadian_work"]) == (50, 50)
    assert result["sections"]["transferability"] == 50  # secondary school earns no education combination


def test_transferability_total_cap():
    # education 50 + foreign work 50 + certificate 50 -> 100
    result = crs_score(profile(education="masters", first_language=clb(9), foreign_work_years=3,
                               certificate_of_qualification=True))
    assert result["sections"]["transferability"] == 100


# §4 additional points, by the day they applied
@pytest.mark.parametrize(("as_of", "nomination"), [("2015-01-01", 600), ("2020-06-01", 600), ("2026-11-25", 600)])
def test_provincial_nomination(as_of, nomination):
    assert factors(profile(as_of=as_of, provincial_nomination=True))["provincial_nomination"] == nomination
    assert factors(profile(as_of=as_of, provincial_nomination=False))["provincial_nomination"] == 0


@pytest.mark.parametrize(("as_of", "teer_00", "other"), [
    ("2015-01-01", 600, 600), ("2016-11-18", 600, 600), ("2016-11-19", 200, 50),
    ("2020-01-01", 200, 50), ("2025-03-24", 200, 50), ("2025-03-25", 0, 0), ("2026-11-25", 0, 0),
])
def test_job_offer_by_date(as_of, teer_00, other):
    assert factors(profile(as_of=as_of, job_offer="teer_00"))["job_offer"] == teer_00
    assert factors(profile(as_of=as_of, job_offer="other"))["job_offer"] == other
    assert factors(profile(as_of=as_of, job_offer="none"))["job_offer"] == 0


@pytest.mark.parametrize(("as_of", "short", "long"), [
    ("2015-06-01", 0, 0), ("2016-11-18", 0, 0), ("2016-11-19", 15, 30), ("2026-11-02", 15, 30),
])
def test_canadian_education_by_date(as_of, short, long):
    assert factors(profile(as_of=as_of, canadian_education="one_or_two_year"))["canadian_education"] == short
    assert factors(profile(as_of=as_of, canadian_education="three_year_or_more"))["canadian_education"] == long
    assert factors(profile(as_of=as_of, canadian_education="none"))["canadian_education"] == 0


@pytest.mark.parametrize(("as_of", "sibling"), [("2015-06-01", 0), ("2017-06-05", 0), ("2017-06-06", 15), ("2026-11-02", 15)])
def test_sibling_by_date(as_of, sibling):
    assert factors(profile(as_of=as_of, sibling_in_canada=True))["sibling"] == sibling
    assert factors(profile(as_of=as_of, sibling_in_canada=False))["sibling"] == 0


# French points: (weak or no English, CLB 5+ in all four English abilities), by date
FRENCH_BY_DATE = [("2017-06-05", 0, 0), ("2017-06-06", 15, 30), ("2020-10-26", 15, 30),
                  ("2020-10-27", 25, 50), ("2026-11-02", 25, 50)]


@pytest.mark.parametrize(("as_of", "weak", "strong"), FRENCH_BY_DATE)
def test_french_points_by_date(as_of, weak, strong):
    def french(first, second):
        return factors(profile(as_of=as_of, first_language=first, second_language=second))["french"]

    assert french(nclc(7), None) == weak
    assert french(nclc(7), clb(4)) == weak
    assert french(nclc(12), clb(5, reading=4)) == weak
    assert french(nclc(7), clb(5)) == strong
    assert french(clb(5), nclc(7)) == strong  # French as the second language counts the same
    assert french(clb(10), nclc(7)) == strong
    assert french(nclc(6, listening=12), clb(10)) == 0  # one French ability under NCLC 7
    assert french(clb(10), nclc(6)) == 0
    assert french(clb(10), None) == 0


def test_additional_section_capped_at_600():
    result = crs_score(profile(provincial_nomination=True, canadian_education="three_year_or_more",
                               sibling_in_canada=True, first_language=nclc(7), second_language=clb(5)))
    assert sum(result["factors"][f] for f in ("provincial_nomination", "canadian_education", "french", "sibling")) == 695
    assert result["sections"]["additional"] == 600


def test_core_caps_match_the_table_maxima():
    best = dict(age=25, education="doctoral", first_language=clb(10), second_language=nclc(10), canadian_work_years=5)
    assert crs_score(profile(**best))["sections"]["core"] == 500
    assert crs_score(with_spouse(**best))["sections"]["core"] == 460


@pytest.mark.parametrize("spouse", [
    dict(ACCOMPANYING, canadian_citizen_or_pr=True),
    dict(ACCOMPANYING, accompanying=False),
    dict(canadian_citizen_or_pr=True, accompanying=False),
])
def test_spouse_who_does_not_count_scores_as_single(spouse):
    spouse = dict(spouse, education="doctoral", language=clb(10), canadian_work_years=5)
    result = crs_score(profile(age=35, education="bachelors", spouse=spouse))
    single = crs_score(profile(age=35, education="bachelors"))
    assert result["factors"] == single["factors"]
    assert result["factors"]["age"] == 77 and result["sections"]["spouse"] == 0


def test_a_factor_with_no_row_in_force_scores_nothing():
    # Canadian study earned points from 2016-11-19, French and a sibling from 2017-06-06: the
    # data holds no rows before, and the factor scores nothing on those days.
    before = crs_score(profile(as_of="2016-06-01", canadian_education="three_year_or_more", sibling_in_canada=True,
                               first_language=nclc(9), second_language=clb(5)))
    lines = {line["factor"]: line for line in before["lines"]}
    for factor in ("canadian_education", "sibling", "french"):
        assert before["factors"][factor] == 0 and lines[factor]["rows"] == [], factor
    after = crs_score(profile(as_of="2020-11-02", canadian_education="three_year_or_more", sibling_in_canada=True,
                              first_language=nclc(9), second_language=clb(5)))
    assert (after["factors"]["canadian_education"], after["factors"]["sibling"], after["factors"]["french"]) == (30, 15, 50)


def test_the_factors_are_the_tables_of_crs_toml_that_name_a_section():
    from engine import crs

    names = [f.name for f in crs.factors()]
    assert names == ["age", "education", "first_language", "second_language", "canadian_work",
                     "spouse_education", "spouse_language", "spouse_canadian_work", "education_language",
                     "education_canadian_work", "foreign_work_language", "foreign_work_canadian_work",
                     "certificate_of_qualification", "provincial_nomination", "canadian_education", "french",
                     "sibling", "job_offer"]
    assert all(f.input in crs.INPUTS and f.column_input in (None, *crs.INPUTS) for f in crs.factors())
    assert crs.groups() == {"education_group": ("education_language", "education_canadian_work"),
                            "foreign_work_group": ("foreign_work_language", "foreign_work_canadian_work"),
                            "certificate_group": ("certificate_of_qualification",)}
