"""Small field validators shared by every engine entry point.

Each takes the dotted `path` of the field (used in the error message) and the raw
JSON value, and returns the value in its normalised form or raises ProfileError.
JSON `true`/`false` arrive as Python bools, which are ints too: they are refused
wherever a number is expected, as are NaN and infinities.
"""

import functools
import math
import re
from datetime import date

from .errors import ProfileError

_MISSING = object()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def join(path: str, key) -> str:
    """The path of `key` inside the object at `path`."""
    return f"{path}.{key}" if path else str(key)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def require_number(path, value, lo, hi, step=None):
    """A finite number in [lo, hi]; with `step`, (value - lo) must be a whole multiple of it.

    Returns an int when the value is whole, else the float.
    """
    if (
        not _is_number(value)
        or (isinstance(value, float) and not math.isfinite(value))
        or not lo <= value <= hi
        or (step is not None and ((value - lo) / step) % 1 != 0)
    ):
        if step is None:
            raise ProfileError(path, "number", {"min": lo, "max": hi}, got=value)
        raise ProfileError(path, "number_step", {"min": lo, "max": hi, "step": step}, got=value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def require_int(path, value, lo, hi) -> int:
    """A whole number in [lo, hi] (a JSON 3.0 counts as 3, as in JSON Schema)."""
    if type(value) is int and lo <= value <= hi:  # the common case, checked first
        return value
    if (
        not _is_number(value)
        or (isinstance(value, float) and not (math.isfinite(value) and value.is_integer()))
        or not lo <= value <= hi
    ):
        raise ProfileError(path, "whole_number", {"min": lo, "max": hi}, got=value)
    return int(value)


def require_bool(path, value) -> bool:
    if value is not True and value is not False:
        raise ProfileError(path, "boolean", got=value)
    return value


def require_enum(path, value, allowed) -> str:
    """One of the strings in `allowed` (any iterable of str, order kept in the error)."""
    if not isinstance(value, str) or value not in allowed:
        raise ProfileError(path, "choice", {"options": list(allowed)}, got=value)
    return value


@functools.lru_cache(maxsize=4096)
def _iso_date(text: str):
    """The date written YYYY-MM-DD, or None (cached: profiles repeat the same few dates)."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def require_date(path, value, lo: date | None = None, hi: date | None = None) -> date:
    """A calendar date written YYYY-MM-DD (a `datetime.date` is accepted from Python callers)."""
    if type(value) is date:  # not a datetime: a time of day means a caller mix-up
        day = value
    elif type(value) is str and (day := _iso_date(value)) is not None:
        pass
    else:
        raise ProfileError(path, "date", got=value)
    if lo is not None and day < lo:
        raise ProfileError(path, "date_min", {"min": lo.isoformat()}, got=value)
    if hi is not None and day > hi:
        raise ProfileError(path, "date_max", {"max": hi.isoformat()}, got=value)
    return day


def require_object(path, value, *, required=(), allowed=None) -> dict:
    """A JSON object holding every key of `required`; with `allowed`, no other keys."""
    if not isinstance(value, dict):
        raise ProfileError(path or "profile", "object", got=value)
    for key in required:
        if key not in value:
            raise ProfileError(join(path, key), "required")
    if allowed is not None:
        for key in value:
            if key not in allowed:
                where = join(path, key) if isinstance(key, str) else (path or "profile")
                raise ProfileError(where, "unknown_field", {"allowed": list(allowed)})
    return value


def optional(obj: dict, path: str, key: str, default, check, *args, nullable=False):
    """Validate obj[key] with `check(field_path, value, *args)`, or return `default` if absent.

    With `nullable`, a JSON null is returned as None instead of being refused.
    """
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        return default
    if value is None and nullable:
        return None
    return check(f"{path}.{key}" if path else key, value, *args)
