"""Express Entry rules engine: pure standard library, runs on CPython and in Pyodide.

Entry points follow docs/contract/: `crs_score(profile)` returns the CRS breakdown;
`ProfileError` (a ValueError naming the field) is the only exception bad input raises.
"""

from .crs import crs_score
from .errors import ProfileError

__all__ = ["ProfileError", "crs_score"]
