"""Every row of every language equivalency chart, checked through `engine.crs_score`.

The charts are typed here from the fact sheet (express-entry-rules.md §5) in its own column
order (reading, writing, listening, speaking), independently of engine/data/language.toml.
"""

import pytest

from engine import ProfileError, crs_score

from .helpers import levels, profile

RWLS = ("reading", "writing", "listening", "speaking")

# §5b IELTS General Training: minimum band per level (R, W, L, S)
IELTS_MIN = {10: (8.0, 7.5, 8.5, 7.5), 9: (7.0, 7.0, 8.0, 7.0), 8: (6.5, 6.5, 7.5, 6.5),
             7: (6.0, 6.0, 6.0, 6.0), 6: (5.0, 5.5, 5.5, 5.5), 5: (4.0, 5.0, 5.0, 5.0),
             4: (3.5, 4.0, 4.5, 4.0)}
# §5c PTE Core: ranges (R, W, L, S)
PTE = {10: ((88, 90), (90, 90), (89, 90), (89, 90)), 9: ((78, 87), (88, 89), (82, 88), (84, 88)),
       8: ((69, 77), (79, 87), (71, 81), (76, 83)), 7: ((60, 68), (69, 78), (60, 70), (68, 75)),
       6: ((51, 59), (60, 68), (50, 59), (59, 67)), 5: ((42, 50), (51, 59), (39, 49), (51, 58)),
       4: ((33, 41), (41, 50), (28, 38), (42, 50)), 3: ((24, 32), (32, 40), (18, 27), (34, 41))}
# §5d TEF Canada, tests taken from 2023-12-11 (R, W, L, S)
TEF_2023 = {10: ((546, 699), (558, 699), (546, 699), (556, 699)),
            9: ((503, 545), (512, 557), (503, 545), (518, 555)),
            8: ((462, 502), (472, 511), (462, 502), (494, 517)),
            7: ((434, 461), (428, 471), (434, 461), (456, 493)),
            6: ((393, 433), (379, 427), (393, 433), (422, 455)),
            5: ((352, 392), (330, 378), (352, 392), (387, 421)),
            4: ((306, 351), (268, 329), (306, 351), (328, 386))}
# TEF Canada, tests taken 2019-10-01 to 2023-12-10: one range for all four abilities
TEF_2019 = {level: (r,) * 4 for level, r in {10: (566, 699), 9: (533, 565), 8: (500, 532), 7: (450, 499),
                                             6: (400, 449), 5: (350, 399), 4: (300, 349)}.items()}
# TEF, tests taken before 2019-10-01 (R, W, L, S)
TEF_OLD = {10: ((263, 300), (393, 450), (316, 360), (393, 450)),
           9: ((248, 262), (371, 392), (298, 315), (371, 392)),
           8: ((233, 247), (349, 370), (280, 297), (349, 370)),
           7: ((207, 232), (310, 348), (249, 279), (310, 348)),
           6: ((181, 206), (271, 309), (217, 248), (271, 309)),
           5: ((151, 180), (226, 270), (181, 216), (226, 270)),
           4: ((121, 150), (181, 225), (145, 180), (181, 225))}
# §5e TCF Canada (R, W, L, S)
TCF = {10: ((549, 699), (16, 20), (549, 699), (16, 20)), 9: ((524, 548), (14, 15), (523, 548), (14, 15)),
       8: ((499, 523), (12, 13), (503, 522), (12, 13)), 7: ((453, 498), (10, 11), (458, 502), (10, 11)),
       6: ((406, 452), (7, 9), (398, 457), (7, 9)), 5: ((375, 405), (6, 6), (369, 397), (6, 6)),
       4: ((342, 374), (4, 5), (331, 368), (4, 5))}
# lowest score each test reports (R, W, L, S)
LOWEST = {"pte_core": (10,) * 4, "tcf_canada": (100, 0, 100, 0)}

# (test, taken_on, chart): taken_on None means "not given" (the as_of day is used)
CHARTS = [
    ("pte_core", None, PTE),
    ("tef_canada", None, TEF_2023),
    ("tef_canada", "2023-12-11", TEF_2023),
    ("tef_canada", "2023-12-10", TEF_2019),
    ("tef_canada", "2019-10-01", TEF_2019),
    ("tef_canada", "2019-09-30", TEF_OLD),
    ("tef_canada", "2015-01-01", TEF_OLD),
    ("tcf_canada", None, TCF),
    ("tcf_canada", "2019-05-01", TCF),
]


def first_levels(result, as_of="2026-11-02"):
    return crs_score(profile(as_of=as_of, first_language=result))["clb"]["first"]


def one_ability(test, ability, score, chart, taken_on=None):
    """A result with `score` in one ability and the chart's top score in the others."""
    result = {"test": test, **{a: chart[max(chart)][i][1] for i, a in enumerate(RWLS)}, ability: score}
    if taken_on:
        result["taken_on"] = taken_on
    return result


def _cases():
    for test, taken_on, chart in CHARTS:
        for level, ranges in chart.items():
            for ability, (low, high) in zip(RWLS, ranges):
                yield pytest.param(test, taken_on, chart, level, ability, low, high,
                                   id=f"{test}-{taken_on or 'as_of'}-{level}-{ability}")


@pytest.mark.parametrize(("test", "taken_on", "chart", "level", "ability", "low", "high"), list(_cases()))
def test_chart_range(test, taken_on, chart, level, ability, low, high):
    bottom = min(chart)
    for score in (low, (low + high) // 2, high):
        got = first_levels(one_ability(test, ability, score, chart, taken_on))
        assert got[ability] == level, (score, got)
    below = first_levels(one_ability(test, ability, low - 1, chart, taken_on))
    # the score just under a range belongs to the next lower level, or is level 0 below the chart
    assert below[ability] == (level - 1 if level > bottom else 0)


@pytest.mark.parametrize("level", sorted(IELTS_MIN))
def test_ielts_minimum_bands(level):
    for ability, band in zip(RWLS, IELTS_MIN[level]):
        assert first_levels(levels("ielts_general", 9, **{ability: band}))[ability] == level
        under = first_levels(levels("ielts_general", 9, **{ability: band - 0.5}))[ability]
        assert under == (level - 1 if level > 4 else 0)


def test_ielts_top_and_bottom():
    assert first_levels(levels("ielts_general", 9)) == dict.fromkeys(RWLS, 10)
    assert first_levels(levels("ielts_general", 9.0)) == dict.fromkeys(RWLS, 10)
    assert first_levels(levels("ielts_general", 0)) == dict.fromkeys(RWLS, 0)
    # the fact sheet's own examples
    assert first_levels(levels("ielts_general", 9, listening=7.0))["listening"] == 7
    assert first_levels(levels("ielts_general", 9, reading=7.5))["reading"] == 9
    assert first_levels(levels("ielts_general", 9, reading=5.5))["reading"] == 6


@pytest.mark.parametrize(("score", "level"), [(0, 0), (3, 0), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10), (11, 10), (12, 10)])
def test_celpip(score, level):
    assert first_levels(levels("celpip_general", score)) == dict.fromkeys(RWLS, level)


@pytest.mark.parametrize("test", ["clb", "nclc"])
def test_levels_given_directly(test):
    for level in range(13):
        result = crs_score(profile(first_language=levels(test, level)))
        assert result["clb"]["first"] == dict.fromkeys(RWLS, level)


@pytest.mark.parametrize(("test", "bad"), [
    ("ielts_general", 9.5), ("ielts_general", -0.5), ("ielts_general", 6.25), ("ielts_general", 6.1),
    ("celpip_general", 13), ("celpip_general", -1), ("celpip_general", 7.5),
    ("pte_core", 9), ("pte_core", 91), ("pte_core", 50.5),
    ("tef_canada", 700), ("tef_canada", -1), ("tef_canada", 400.5),
    ("tcf_canada", 99), ("tcf_canada", 700),
    ("clb", 13), ("clb", -1), ("clb", 7.5), ("nclc", 13),
    ("clb", True), ("clb", False), ("clb", None), ("clb", "7"), ("clb", [7]), ("clb", {"level": 7}),
    ("ielts_general", float("nan")), ("ielts_general", float("inf")), ("pte_core", 10**100),
])
def test_scores_that_cannot_exist_are_refused(test, bad):
    valid = {"ielts_general": 6, "celpip_general": 6, "pte_core": 60, "tef_canada": 450, "tcf_canada": 450,
             "clb": 6, "nclc": 6}[test]
    result = levels(test, valid, writing=10, speaking=10) if test == "tcf_canada" else levels(test, valid)
    with pytest.raises(ProfileError) as caught:
        crs_score(profile(first_language={**result, "listening": bad}))
    assert caught.value.field == "first_language.listening"
    assert str(caught.value).startswith("first_language.listening: ")


@pytest.mark.parametrize(("ability", "bad", "good"), [("writing", 21, 20), ("speaking", 21, 20), ("reading", 99, 100), ("listening", 99, 100)])
def test_tcf_scales_differ_by_ability(ability, bad, good):
    base = {"reading": 450, "listening": 450, "writing": 10, "speaking": 10}
    ok = first_levels({"test": "tcf_canada", **base, ability: good})
    assert ok[ability] in (0, 10)
    with pytest.raises(ProfileError) as caught:
        first_levels({"test": "tcf_canada", **base, ability: bad})
    assert caught.value.field == f"first_language.{ability}"


def test_tef_scale_follows_the_day_of_the_test():
    # 450 in writing: the top of the pre-2019-10-01 scale, 450 reads NCLC 7 after it
    old = levels("tef_canada", 300, writing=450, listening=360, speaking=450, taken_on="2019-09-30")
    assert first_levels(old) == dict.fromkeys(RWLS, 10)
    with pytest.raises(ProfileError, match="first_language.reading"):
        first_levels(levels("tef_canada", 301, taken_on="2019-09-30"))
    assert first_levels(levels("tef_canada", 450, taken_on="2019-10-01")) == dict.fromkeys(RWLS, 7)
    assert first_levels(levels("tef_canada", 450, taken_on="2023-12-11")) == {
        "reading": 7, "writing": 7, "listening": 7, "speaking": 6}


def test_taken_on_defaults_to_as_of():
    # the same score read on the chart of as_of's day
    assert first_levels(levels("tef_canada", 540), as_of="2023-12-10")["reading"] == 9
    assert first_levels(levels("tef_canada", 540), as_of="2023-12-11")["reading"] == 9
    assert first_levels(levels("tef_canada", 560), as_of="2023-12-10")["reading"] == 9
    assert first_levels(levels("tef_canada", 560), as_of="2023-12-11")["reading"] == 10


def test_pte_core_counts_from_2024_01_30():
    assert first_levels(levels("pte_core", 60, taken_on="2024-01-30")) == {
        "reading": 7, "writing": 6, "listening": 7, "speaking": 6}
    with pytest.raises(ProfileError) as caught:
        first_levels(levels("pte_core", 60, taken_on="2024-01-29"))
    assert caught.value.field == "first_language.taken_on" and "2024-01-30" in str(caught.value)
    with pytest.raises(ProfileError) as caught:
        first_levels(levels("pte_core", 60), as_of="2023-06-01")
    assert caught.value.field == "first_language.test"


def test_a_test_cannot_be_taken_after_as_of():
    with pytest.raises(ProfileError) as caught:
        first_levels(levels("ielts_general", 7, taken_on="2026-11-03"))
    assert caught.value.field == "first_language.taken_on"


def test_charts_are_reported_per_test_in_the_result():
    result = crs_score(profile(first_language=levels("celpip_general", 9), second_language=levels("tcf_canada", 500, writing=12, speaking=12)))
    assert result["clb"] == {"first": dict.fromkeys(RWLS, 9), "second": {"reading": 8, "writing": 8, "listening": 7, "speaking": 8}, "spouse": None}
