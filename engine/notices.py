"""The warnings that come with a result (the contract's `warnings`): each is a code, the profile
field it is about, the values its words need and an English `message` for developers, written
from the code's template below like a ProfileError's ("<field>: <what happened>").

The page never shows `message`: it words the code from locales/<lang>/notices.toml, filled from
the values. Notices of the rules data (engine/data/notices.toml) are warnings too, by row key.
"""

# code -> the English message for developers, filled from the warning's values.
TEMPLATES = {
    # found while reading the profile
    "language_result_expired": "the test was taken on {taken_on}: its result counts {years} years and stopped counting on {expired_on}, so it scores nothing on {as_of}",
    "spouse_education_missing": "not given: the spouse or partner's education earns no points",
    # notices of the rules data (engine/data/notices.toml), by row key
    "job_offer_not_scored": "a job offer earns no CRS points since {since}",
    "job_offer_see_high_wage": "a job offer earns no CRS points since {since} under the published tables; "
                               "a change reported from {from} may give points in high-wage occupations",
    "high_wage_change_unconfirmed": "a CRS change reported from {since} (points for high-wage occupations) is not "
                                    "confirmed: the tables published before it are used",
    # found by the assessment
    "funds_table_may_be_outdated": "the settlement funds amounts on file date from {effective_from} and may be out of date",
    "expired": "expired; the last valid day was {until}",
}


def warning(code: str, field: str, **values) -> dict:
    """{"code", "field", ...values, "message"}: one warning of a result."""
    return {"code": code, "field": field, **values, "message": f"{field}: " + TEMPLATES[code].format(**values)}
