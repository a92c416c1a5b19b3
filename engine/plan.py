"""What would raise the score: variants of the profile, each scored by the engine's CRS code.

No rule is repeated here. The planner only knows which answers a person can change and in
which direction; every gain is the difference between two totals computed by the engine, so
a band that is worth nothing (a capped factor, a rule no longer in force) simply shows no gain.

Language results are varied as CLB/NCLC levels: a variant replaces the test's scores by the
levels the engine found for them, with one or more abilities raised.
"""

import copy
from datetime import date

from . import assess_profile, crs, fields, language, rules
from . import profile as profiles
from .errors import ProfileError
from .experience import with_work_years
from .language import ABILITIES

LEVELS = "language.levels"
LEVEL_TESTS = {"english": "clb", "french": "nclc"}  # results entered directly as levels
OTHER = {"english": "french", "french": "english"}
TOP_COMBINATIONS = 10
# Changes that need the person in Canada (or a province's choice): a person abroad acts first
# on the others (`from_abroad`), which the page lists first.
NEEDS_CANADA = {"provincial_nomination", "canadian_work_years", "canadian_education", "spouse.canadian_work_years",
                "certificate_of_qualification", "sibling_in_canada", "job_offer"}


def plan(profile: dict) -> dict:
    """Changes that raise the CRS score, ranked by points gained, and the best pairs of them.

    Each suggestion carries `changes` (dotted field path -> new value) so that anyone can
    rebuild the variant and score it: `gain` is its total minus `before` (the profile's total,
    or for an ECA the total without the credential counted). With a job list, the years of
    work are counted from it (engine.experience).
    """
    profile = with_work_years(profile)[0]
    contract, ours = assess_profile.split(profile)
    scorer = Scorer(contract)
    base = scorer.base
    as_of = date.fromisoformat(base["as_of"])
    answers = assess_profile.normalise(ours, profile, as_of)

    singles = []
    for make in (_language_steps, _second_language_steps, _work_steps, _education_steps,
                 _yes_no_steps, _spouse_steps):
        singles.extend(make(contract, base, scorer, as_of))
    singles = [s for s in singles if s is not None and s["gain"] > 0]
    singles.sort(key=_rank)
    for s in singles:
        s["from_abroad"] = s["code"] not in NEEDS_CANADA

    # Pairs combine the best step of each kind of change (ranked by gain, a lower step of the
    # same kind would rank below it). A nomination outweighs any other change, so pairs are
    # made of the other changes.
    best_of_kind = {}
    for s in singles:
        best_of_kind.setdefault(s["code"], s)
    pairable = [s for code, s in best_of_kind.items() if code != "provincial_nomination"]
    pairs = []
    for i, a in enumerate(pairable):
        for b in pairable[i + 1:]:
            if not _combinable(a["changes"], b["changes"]):
                continue
            changes = {**a["changes"], **b["changes"]}
            total = scorer.total(changes)
            # A pair is worth showing only if it beats each of its parts on its own.
            if total is not None and total > max(a["total"], b["total"]):
                pairs.append({"ids": [a["id"], b["id"]], "changes": changes,
                              "before": base["total"], "total": total,
                              "gain": total - base["total"]})
    pairs.sort(key=lambda p: (-p["gain"], p["ids"]))

    return {
        "as_of": as_of.isoformat(),
        "total": base["total"],
        "suggestions": singles,
        "combinations": pairs[:TOP_COMBINATIONS],
        "waiting": _waiting(contract, base, scorer),
        "eca": _eca(contract, base, scorer, answers),
        "variants_scored": scorer.count,
    }


# The answers whose changes are parsed again as language results (the others are checked
# by the field model, as engine.profile.parse checks them).
_LANGUAGE_SLOTS = tuple(f.path for f in fields.FIELDS if f.type == "language")


class Scorer:
    """Scores variants of one profile; `changes` maps dotted paths to new values.

    The profile is parsed once; a variant replaces only the changed parts of the parsed
    profile (language results are parsed again from their changed JSON), then crs.score
    totals it. This gives the total crs_score gives for apply_changes(profile, changes)
    (the tests check it) at a fraction of the cost of parsing every variant.
    """

    def __init__(self, contract: dict):
        self._contract = contract
        self.parsed = profiles.parse(contract)
        self.base = crs.score(self.parsed)
        self.count = 0
        self._languages = {}

    def total(self, changes: dict) -> int | None:
        """The variant's total, or None if the variant is not a possible profile (an answer
        pushed past what the engine accepts, e.g. more years than the form allows)."""
        self.count += 1
        try:
            return crs.score(self._variant(changes))["total"]
        except ProfileError:
            return None

    def _variant(self, changes: dict) -> profiles.Profile:
        top, spouse = {}, {}
        by_slot = {}
        for path, value in changes.items():
            field = fields.BY_PATH.get(path)
            if field is not None and field.part == "contract" and field.type not in ("language", "object"):
                (spouse if path.startswith("spouse.") else top)[field.name] = fields.check(path, value)
            else:
                slot = _slot(path)
                if slot is None:
                    raise ValueError(f"the planner cannot vary {path!r}")  # a bug in this module
                by_slot.setdefault(slot, {})[path] = value
        for slot, slot_changes in by_slot.items():
            result = self._language(slot, slot_changes)
            (spouse if slot.startswith("spouse.") else top)[slot.rpartition(".")[2]] = result
        if spouse:
            top["spouse"] = _replace(self.parsed.spouse, spouse)
        return _replace(self.parsed, top)

    def _language(self, slot: str, slot_changes: dict):
        """The parsed language result of `slot` after its changes (kept: pairs reuse them)."""
        key = repr(sorted(slot_changes.items()))
        if key not in self._languages:
            value = _dig(apply_changes(self._contract, slot_changes), slot)
            self._languages[key] = language.parse(slot, value, self.parsed.as_of)
        return self._languages[key]


def _replace(frozen, values: dict):
    """dataclasses.replace without re-running __init__: the values are checked already, and
    this is the planner's innermost loop."""
    new = copy.copy(frozen)
    for name, value in values.items():
        object.__setattr__(new, name, value)
    return new


def _slot(path: str) -> str | None:
    for slot in _LANGUAGE_SLOTS:
        if path == slot or path.startswith(slot + "."):
            return slot
    return None


def _dig(obj: dict, path: str):
    for key in path.split("."):
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def apply_changes(profile: dict, changes: dict) -> dict:
    """A copy of `profile` with each dotted path set (objects on the way are copied)."""
    out = dict(profile)
    for path, value in changes.items():
        *parents, leaf = path.split(".")
        node = out
        for key in parents:
            node[key] = dict(node.get(key) or {})
            node = node[key]
        node[leaf] = value
    return out


def _suggestion(code: str, changes: dict, scorer: Scorer, base: dict, **detail) -> dict | None:
    """One change: `code` says what kind (the page words it), `id` which one exactly."""
    total = scorer.total(changes)
    if total is None:
        return None
    target = detail.get("level_to", detail.get("value_to"))
    return {"id": code if target is None else f"{code}={target}", "code": code,
            "changes": changes, "before": base["total"], "total": total,
            "gain": total - base["total"], **detail}


def _rank(s: dict):
    return (-s["gain"], s["id"])


def _combinable(a: dict, b: dict) -> bool:
    """Two changes can be made together when they never set one field to different values
    and neither is part of the other (raising reading alone vs all four abilities)."""
    if any(a[k] != b[k] for k in a.keys() & b.keys()):
        return False
    return not (a.items() <= b.items() or b.items() <= a.items())


def _highest_level(test: str, as_of: date) -> int:
    return rules.table(LEVELS, as_of).lookup(test, "highest")


def _as_levels(slot: str, result: language.LanguageResult) -> dict:
    """The changes that restate a language result as levels (CLB or NCLC) without changing it."""
    test = LEVEL_TESTS[result.official_language]
    return {f"{slot}.test": test, **{f"{slot}.{a}": result.levels[a] for a in ABILITIES}}


def _level_steps(slot: str, code: str, restate: dict, levels: dict, highest: int,
                 scorer: Scorer, base: dict) -> list:
    """Each level, per ability and for all four at once, at which the total goes up."""
    steps = []
    for ability in ABILITIES:
        previous = base["total"]
        for level in range(levels[ability] + 1, highest + 1):
            s = _suggestion(f"{code}.{ability}", {**restate, f"{slot}.{ability}": level}, scorer,
                            base, ability=ability, level_from=levels[ability], level_to=level)
            if s is not None and s["total"] > previous:
                steps.append(s)
                previous = s["total"]
    lowest = min(levels.values())
    previous = base["total"]
    for level in range(lowest + 1, highest + 1):
        raised = {f"{slot}.{a}": max(levels[a], level) for a in ABILITIES}
        if sum(1 for a in ABILITIES if levels[a] < level) < 2:
            continue  # one ability raised alone is already a suggestion above
        s = _suggestion(f"{code}.all", {**restate, **raised}, scorer, base,
                        ability="all", level_from=lowest, level_to=level)
        if s is not None and s["total"] > previous:
            steps.append(s)
            previous = s["total"]
    return steps


def _language_steps(contract, base, scorer, as_of) -> list:
    result = scorer.parsed.first_language
    if result is None:
        return []
    restate = _as_levels("first_language", result)
    highest = _highest_level(restate["first_language.test"], as_of)
    return _level_steps("first_language", "first_language", restate, result.levels, highest,
                        scorer, base)


def _second_language_steps(contract, base, scorer, as_of) -> list:
    first, second = scorer.parsed.first_language, scorer.parsed.second_language
    if first is None:
        return []
    if second is not None:
        restate = _as_levels("second_language", second)
        highest = _highest_level(restate["second_language.test"], as_of)
        return _level_steps("second_language", "second_language", restate, second.levels,
                            highest, scorer, base)
    # No second language yet: a result at each level in all four abilities.
    return _first_test_steps("second_language", LEVEL_TESTS[OTHER[first.official_language]],
                             scorer, base, as_of)


def _first_test_steps(field, test, scorer, base, as_of) -> list:
    """A first result in `test` at each level in all four abilities, kept where it adds points."""
    steps, previous = [], base["total"]
    for level in range(1, _highest_level(test, as_of) + 1):
        changes = {field: {"test": test, **{a: level for a in ABILITIES}}}
        s = _suggestion(field + ".new", changes, scorer, base, language=test, level_to=level)
        if s is not None and s["total"] > previous:
            steps.append(s)
            previous = s["total"]
    return steps


def _work_steps(contract, base, scorer, as_of) -> list:
    steps = []
    for field in ("canadian_work_years", "foreign_work_years"):
        years = contract.get(field, 0)
        steps.append(_suggestion(field, {field: years + 1}, scorer, base,
                                 value_from=years, value_to=years + 1))
    return steps


def _education_steps(contract, base, scorer, as_of) -> list:
    steps = []
    for field in ("education", "canadian_education"):
        ladder = fields.choices(field)  # lowest first
        current = contract.get(field, ladder[0])
        for value in ladder[ladder.index(current) + 1:]:
            steps.append(_suggestion(field, {field: value}, scorer, base,
                                     value_from=current, value_to=value))
    return steps


def _yes_no_steps(contract, base, scorer, as_of) -> list:
    return [_suggestion(field, {field: True}, scorer, base)
            for field in ("provincial_nomination", "certificate_of_qualification")
            if not contract.get(field, False)]


def _spouse_steps(contract, base, scorer, as_of) -> list:
    if not scorer.parsed.with_spouse:
        return []
    spouse = contract["spouse"]
    steps = []
    language = scorer.parsed.spouse.language
    if language is not None:
        restate = _as_levels("spouse.language", language)
        highest = _highest_level(restate["spouse.language.test"], as_of)
        steps += _level_steps("spouse.language", "spouse.language", restate, language.levels,
                              highest, scorer, base)
    else:
        # A first test for the spouse, in the principal applicant's first language.
        first = scorer.parsed.first_language
        test = LEVEL_TESTS[first.official_language if first else "english"]
        steps += _first_test_steps("spouse.language", test, scorer, base, as_of)
    years = spouse.get("canadian_work_years", 0)
    steps.append(_suggestion("spouse.canadian_work_years",
                             {"spouse.canadian_work_years": years + 1}, scorer, base,
                             value_from=years, value_to=years + 1))
    levels = fields.choices("education")
    current = spouse.get("education", levels[0])
    for value in levels[levels.index(current) + 1:]:
        steps.append(_suggestion("spouse.education", {"spouse.education": value}, scorer, base,
                                 value_from=current, value_to=value))
    return steps


def _waiting(contract, base, scorer) -> dict | None:
    """What a year's wait does through age alone (usually a loss once past the top band)."""
    age = contract["age"]
    total = scorer.total({"age": age + 1})
    if total is None:
        return None
    return {"id": "age", "code": "age", "changes": {"age": age + 1}, "before": base["total"],
            "total": total, "gain": total - base["total"], "value_from": age,
            "value_to": age + 1}


def _eca(contract, base, scorer, answers) -> dict | None:
    """Points that rest on the foreign credential being assessed (ECA), when none is recorded.

    Without an ECA a foreign credential earns no education points; `before` is the total with
    the credential left out and `gain` what the ECA brings back.
    """
    if answers.dates.get("eca_issued_on") or contract.get("canadian_education", "none") != "none":
        return None
    education, lowest = contract.get("education"), fields.choices("education")[0]
    if education in (None, lowest):
        return None
    without = {"education": lowest}
    before = scorer.total(without)
    if before is None or before >= base["total"]:
        return None
    return {"id": "eca", "code": "eca", "changes": {"education": education}, "before_changes": without,
            "before": before, "total": base["total"], "gain": base["total"] - before}
