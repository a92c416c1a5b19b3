"""engine.french_routes: the routes for French speakers and which fit a profile. Expected values
are written from the sources named in engine/data/french_routes.toml, never read from it."""
from __future__ import annotations

import pytest

from engine import ProfileError, french_routes
from tests.assessment.helpers import clb, profile


def nclc(*levels, **extra):
    return {**clb(*levels, **extra), "test": "nclc"}


def routes(**changes) -> dict:
    return {r["key"]: r for r in french_routes(profile(**changes))["routes"]}


def check(route, code):
    found = [c for c in route["checks"] if c["code"] == code]
    assert len(found) == 1, route
    return found[0]


def test_all_four_routes_are_there_with_what_they_lead_to():
    found = routes()
    assert {k: r["leads_to"] for k, r in found.items()} == {
        "ontario_french_skilled_worker": "permanent_residence",
        "francophone_community_pilot": "permanent_residence",
        "francophone_mobility": "work_permit",  # a work permit, not permanent residence
        "quebec_skilled_workers": "quebec_selection",
    }
    for route in found.values():
        assert route["source"].startswith("https://") and route["reviewed"] and route["changes"]


def test_ontario_wants_nclc_7_french_clb_6_english_a_degree_and_fsw_or_cec():
    # English CLB 9 first, French NCLC 7 second, a bachelor's degree, FSW-eligible.
    ontario = routes(second_language=nclc(7))["ontario_french_skilled_worker"]
    assert ontario["fits"] == "fits"
    assert check(ontario, "french")["required"] == 7 and check(ontario, "english")["required"] == 6
    assert check(ontario, "education")["required"] == "bachelors"


@pytest.mark.parametrize("changes, failing", [
    ({"second_language": nclc(6, 7, 7, 7)}, "french"),                       # one ability at NCLC 6
    ({"first_language": clb(5), "second_language": nclc(7)}, "english"),     # English CLB 5
    ({"education": "two_year", "second_language": nclc(7)}, "education"),      # no degree
    ({"second_language": None}, "french"),                                    # no French test
])
def test_ontario_does_not_fit_when_one_requirement_is_missed(changes, failing):
    ontario = routes(**changes)["ontario_french_skilled_worker"]
    assert ontario["fits"] == "does_not_fit"
    assert check(ontario, failing)["met"] is False


def test_ontario_needs_a_federal_program_and_says_so():
    # Five years of work abroad, FSW-eligible: met. With no work at all, neither FSW nor CEC.
    assert check(routes(second_language=nclc(7))["ontario_french_skilled_worker"], "fsw_or_cec")["met"] is True
    none = routes(second_language=nclc(7), work_history=[], foreign_work_years=0)["ontario_french_skilled_worker"]
    assert check(none, "fsw_or_cec")["met"] is False and none["fits"] == "does_not_fit"


def test_the_community_pilot_needs_nclc_5_everywhere_and_an_offer_the_calculator_cannot_know():
    pilot = routes(second_language=nclc(5))["francophone_community_pilot"]
    assert pilot["fits"] == "may_fit"  # the designated employer's offer stays unknown
    assert check(pilot, "french")["met"] is True and check(pilot, "job_offer")["met"] is None
    assert routes(second_language=nclc(5, 5, 4, 5))["francophone_community_pilot"]["fits"] == "does_not_fit"


def test_francophone_mobility_reads_only_speaking_and_listening():
    # Writing and reading at NCLC 3 do not matter; speaking at 4 does.
    oral = routes(second_language=nclc(5, 3, 3, 5))["francophone_mobility"]
    assert oral["fits"] == "may_fit" and check(oral, "french")["abilities"] == "oral"
    assert routes(second_language=nclc(5, 9, 9, 4))["francophone_mobility"]["fits"] == "does_not_fit"


def test_quebec_is_shown_but_never_judged():
    quebec = routes(second_language=nclc(10))["quebec_skilled_workers"]
    assert quebec["fits"] == "may_fit" and check(quebec, "quebec_points")["met"] is None


def test_french_as_first_language_counts_the_same():
    # A francophone who tested French first and English second.
    found = routes(first_language=nclc(8), second_language=clb(6))
    assert found["ontario_french_skilled_worker"]["fits"] in ("fits", "does_not_fit")
    assert check(found["ontario_french_skilled_worker"], "french")["met"] is True
    assert check(found["ontario_french_skilled_worker"], "english")["met"] is True


def test_routes_not_yet_in_force_are_not_listed():
    # The community pilot started in January 2025; Quebec's PSTQ on 19 November 2024.
    early = {r["key"] for r in french_routes(profile(as_of="2024-06-01"))["routes"]}
    assert "francophone_community_pilot" not in early and "quebec_skilled_workers" not in early
    assert "ontario_french_skilled_worker" in early


def test_bad_input_is_one_clear_error():
    with pytest.raises(ProfileError) as error:
        french_routes(profile(second_language=nclc(13)))
    assert error.value.field.startswith("second_language")
