"""Express Entry rules engine: pure standard library, runs on CPython and in Pyodide.

Entry points follow docs/contract/: `crs_score(profile)` returns the CRS breakdown;
`assess(profile)` adds program eligibility, proof of funds, fees and deadlines;
`ProfileError` (a ValueError naming the field) is the only exception bad input raises.
"""

from .assess import assess
from .crs import crs_score
from .errors import ProfileError

__all__ = ["ProfileError", "assess", "crs_score"]
