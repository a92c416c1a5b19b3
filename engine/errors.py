"""The one exception the engine lets escape for bad input.

A ProfileError names the field, a `code` saying what is wrong and its `params` (bounds,
choices...), so that the page words it in the person's language (locales/<lang>/errors.toml).
Its message, for the command line and for developers, is English: "<field>: <what is allowed>,
got <value>", written from MESSAGES below.
"""

_NOT_GIVEN = object()

# code -> the English message for developers, filled from the error's params.
MESSAGES = {
    "number": "must be a number from {min} to {max}",
    "number_step": "must be a number from {min} to {max} in steps of {step}",
    "whole_number": "must be a whole number from {min} to {max}",
    "boolean": "must be true or false",
    "choice": "must be one of {options}",
    "date": "must be a real date written YYYY-MM-DD",
    "date_min": "must be on or after {min}",
    "date_max": "must be on or before {max}",
    "object": "must be an object",
    "required": "is required",
    "unknown_field": "is not a known field (allowed: {allowed})",
    "before_express_entry": "must be on or after {min} (the start of Express Entry)",
    "second_without_first": "must be null when first_language is null",
    "same_official_language": "must be a test of the other official language (first_language is {first})",
    "taken_after_as_of": "must be on or before as_of ({max})",
    "test_not_accepted": "{test} results count only for tests taken on or after {since}, got a test taken on {taken_on}",
    "test_without_chart": "{test} has no equivalency chart, got a test taken on {taken_on}",
    "score": "{test} scores are whole numbers from {min} to {max}",
    "score_step": "{test} scores run from {min} to {max} in steps of {step}",
    "score_on_chart": "{test} scores are whole numbers from {min} to {max} on the chart for tests taken on {taken_on}",
    "score_step_on_chart": "{test} scores run from {min} to {max} in steps of {step} on the chart for tests taken on {taken_on}",
    "jobs": "must be a list of jobs",
    "too_many_jobs": "must hold at most {max} jobs, got {count}",
    "noc_or_teer": "give the NOC 2021 code or the TEER of this job",
    "teer_of_noc": "must match the TEER of NOC {noc}, which is {teer}",
    "noc": "must be a 5-digit NOC 2021 code such as \"21232\"",
    "noc_unknown": "must be the code of a NOC 2021 unit group",
    "hours": "must be a number above 0 and at most {max}",
    "rate": "must be a number above 0 and at most {max} (units of the currency for one Canadian dollar)",
    "currency": "must be a 3-letter ISO 4217 currency code such as \"INR\"",
    "date_of_birth_age": "gives age {born_age} on as_of, but age is {age}",
    "stays": "must be a list of stays",
    "too_many_stays": "must hold at most {max} stays, got {count}",
}


class ProfileError(ValueError):
    """A profile field holds a value the rules do not allow.

    `field` is the dotted path of the field (e.g. "first_language.reading"), `code` a key of
    MESSAGES and `params` the values its words need (JSON: numbers, strings, lists).
    `got`, when given, is the value refused, shown at the end of the message.
    """

    def __init__(self, field: str, code: str, params: dict | None = None, got=_NOT_GIVEN):
        self.field = field
        self.code = code
        self.params = dict(params or {})
        self.got = got
        shown = {k: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in self.params.items()}
        self.detail = MESSAGES[code].format(**shown) + ("" if got is _NOT_GIVEN else f", got {show(got)}")
        super().__init__(f"{field}: {self.detail}")

    def __reduce__(self):  # picklable with its code and params
        return (type(self), (self.field, self.code, self.params, self.got))


def show(value) -> str:
    """Render a value the way the person wrote it in JSON, kept short."""
    if value is None:
        text = "null"
    elif value is True or value is False:
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value + '"'
    elif isinstance(value, dict):
        text = "an object"
    elif isinstance(value, (list, tuple)):
        text = "a list"
    else:
        try:
            text = repr(value)
        except Exception:  # a hostile __repr__ must not escape as another error
            text = "an unreadable value"
    return text if len(text) <= 60 else text[:57] + "..."
