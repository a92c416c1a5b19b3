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


def join(path: str, key) -> str:
    """The path of `key` inside the object at `path`."""
    return f"{path}.{key}" if path else str(key)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def require_number(path, value, lo, hi, step=None):
    """A finite number in [lo, hi]; with `step`, (value - lo) must be a whole multiple of it.

    Returns an int when the value is whole, else the float.
    """
    allowed = f"a number from {lo} to {hi}" + (f" in steps of {step}" if step is not None else "")
    if not _is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
        raise ProfileError(path, f"must be {allowed}, got {show(value)}")
    if not lo <= value <= hi:
        raise ProfileError(path, f"must be {allowed}, got {show(value)}")
    if step is not None and ((value - lo) / step) % 1 != 0:
        raise ProfileError(path, f"must be {allowed}, got {show(value)}")
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
        raise ProfileError(path, f"must be a whole number from {lo} to {hi}, got {show(value)}")
    return int(value)


def require_bool(path, value) -> bool:
    if value is not True and value is not False:
        raise ProfileError(path, f"must be true or false, got {show(value)}")
    return value


def require_enum(path, value, allowed) -> str:
    """One of the strings in `allowed` (any iterable of str, order kept in the message)."""
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(allowed)
        raise ProfileError(path, f"must be one of {choices}, got {show(value)}")
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
        raise ProfileError(path, f"must be a real date written YYYY-MM-DD, got {show(value)}")
    if lo is not None and day < lo:
        raise ProfileError(path, f"must be on or after {lo.isoformat()}, got {show(value)}")
    if hi is not None and day > hi:
        raise ProfileError(path, f"must be on or before {hi.isoformat()}, got {show(value)}")
    return day


def require_object(path, value, *, required=(), allowed=None) -> dict:
    """A JSON object holding every key of `required`; with `allowed`, no other keys."""
    if not isinstance(value, dict):
        raise ProfileError(path or "profile", f"must be an object, got {show(value)}")
    for key in required:
        if key not in value:
            raise ProfileError(join(path, key), "is required")
    if allowed is not None:
        for key in value:
            if key not in allowed:
                where = join(path, key) if isinstance(key, str) else (path or "profile")
                raise ProfileError(where, f"is not a known field (allowed: {', '.join(allowed)})")
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
