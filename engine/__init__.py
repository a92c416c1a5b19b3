"""Express Entry rules engine: pure standard library, runs on CPython and in Pyodide.

Entry points follow docs/contract/: `crs_score(profile)` returns the CRS breakdown;
`assess(profile)` adds program eligibility, proof of funds, fees and deadlines;
`plan(profile)` lists the changes that would raise the score; `categories(profile)` the
category-based selection categories in force and whether the profile meets them;
`french_routes(profile)` the routes for French speakers beside Express Entry and which fit;
`rounds(profile, rounds_data)` whether the person can be invited in each kind of recent round;
`timeline(profile, until)` the score and programs on each date something changes;
`documents(profile)` the family's own list of documents; `money(profile)` funds and fees in
the person's own currency;
`ProfileError` (a ValueError naming the field, with a code and its params) is the only
exception bad input raises. Every answer is codes and values: the page words them from
locales/<lang>/. The profile's fields are described once, in engine.fields.
"""

from .assess import assess
from .categories import categories
from .crs import crs_score
from .errors import ProfileError
from .documents import documents
from .french_routes import french_routes
from .money import money
from .plan import plan
from .rounds import rounds
from .timeline import timeline

__all__ = ["ProfileError", "assess", "categories", "crs_score", "documents", "french_routes", "money", "plan", "rounds",
           "timeline"]
