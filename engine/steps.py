"""`steps(assessed, verdicts)`: the next steps for this person, in the order to take them.

Each step is a code, the guide page that explains it (`page`, a page id of content/<lang>/)
and its values; the page words it. The order is this person's: an expired language result
first (nothing counts without it), then the answers that would settle the best-fit round,
then the profile (or, below every cut-off, the score), the test's end of validity, funds,
documents. `assessed` is engine.assess's answer, `verdicts` engine.rounds' for the same profile.
"""


def steps(assessed: dict, verdicts: list) -> list:
    found = []
    dated = {d["field"]: d for d in assessed["deadlines"]}
    for w in assessed["warnings"]:
        if w["code"] == "language_result_expired":
            found.append({"code": "retake_test", "page": "language-tests", "field": w["field"],
                          "expired_on": w["expired_on"]})
    best = verdicts[0] if verdicts else None
    if best and best["eligible"] == "unknown" and best["missing"]:
        found.append({"code": "answer", "page": None, "round": best["type"],
                      "margin": best["margin"], "fields": best["missing"]})
    open_ = [v for v in verdicts if v["eligible"] == "yes"]
    cleared = [v for v in open_ if v["margin"] >= 0]
    if cleared:
        found.append({"code": "create_profile", "page": "profile-and-crs", "round": cleared[0]["type"],
                      "margin": cleared[0]["margin"]})
    elif open_:
        found.append({"code": "raise_score", "page": "improve-your-score", "round": open_[0]["type"],
                      "gap": -open_[0]["margin"]})
    elif not any(v["eligible"] == "unknown" for v in verdicts):
        found.append({"code": "no_round", "page": "eligibility"})
    for field, d in dated.items():
        if field.endswith("taken_on") and not d["expired"]:
            found.append({"code": "test_expires", "page": "language-tests", "field": field,
                          "last_valid_day": d["until"]})
    funds = assessed["funds"]
    if not funds["exempt"] and funds["met"] is not True:
        found.append({"code": "funds" if funds["met"] is False else "funds_unanswered", "page": "proof-of-funds",
                      "required": funds["required"], "held": funds["held"], "shortfall": funds["shortfall"]})
    found.append({"code": "documents", "page": "documents"})
    return found
