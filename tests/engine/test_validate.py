"""engine.validate: the field validators other entry points build on."""

import math
from datetime import date, datetime

import pytest

from engine import ProfileError
from engine.errors import show
from engine.validate import (optional, require_bool, require_date, require_enum, require_int, require_number,
                             require_object)


def refused(check, *args):
    with pytest.raises(ProfileError) as caught:
        check("a.b", *args)
    assert caught.value.field == "a.b" and str(caught.value).startswith("a.b: ")
    return str(caught.value)


def test_require_int():
    assert require_int("x", 3, 0, 5) == 3 and require_int("x", 3.0, 0, 5) == 3
    assert type(require_int("x", 3.0, 0, 5)) is int
    for bad in (True, False, 3.5, -1, 6, math.nan, math.inf, "3", None, [3]):
        assert "whole number from 0 to 5" in refused(require_int, bad, 0, 5)


def test_require_number_with_step():
    assert require_number("x", 7.5, 0, 9, 0.5) == 7.5 and require_number("x", 7.0, 0, 9, 0.5) == 7
    for bad in (7.25, 9.5, -0.5, True, math.nan, -math.inf, "7"):
        assert "in steps of 0.5" in refused(require_number, bad, 0, 9, 0.5)
    assert require_number("x", 0.1, 0, 1) == 0.1


def test_require_bool_and_enum():
    assert require_bool("x", False) is False
    for bad in (0, 1, "true", None):
        refused(require_bool, bad)
    assert require_enum("x", "b", ("a", "b")) == "b"
    for bad in ("c", None, ["a"], {"a": 1}, 1):
        assert "one of a, b" in refused(require_enum, bad, ("a", "b"))


def test_require_date():
    assert require_date("x", "2024-02-29") == date(2024, 2, 29)
    assert require_date("x", date(2024, 1, 1)) == date(2024, 1, 1)
    for bad in ("2023-02-29", "2024-2-1", "20240201", "2024-W05-1", " 2024-02-01", datetime(2024, 1, 1), 2024, None):
        refused(require_date, bad)
    assert "on or after 2020-01-01" in refused(require_date, "2019-12-31", date(2020, 1, 1))
    assert "on or before 2020-01-01" in refused(require_date, "2020-01-02", None, date(2020, 1, 1))


def test_require_object():
    assert require_object("a.b", {"k": 1}, required=("k",), allowed=("k", "j")) == {"k": 1}
    assert refused(require_object, [], ) == "a.b: must be an object, got a list"
    with pytest.raises(ProfileError, match=r"^a.b.k: is required$"):
        require_object("a.b", {}, required=("k",))
    with pytest.raises(ProfileError, match=r"^a.b.z: is not a known field \(allowed: k, j\)$"):
        require_object("a.b", {"k": 1, "z": 2}, allowed=("k", "j"))


def test_optional():
    assert optional({}, "s", "n", 7, require_int, 0, 9) == 7
    assert optional({"n": 3}, "s", "n", 7, require_int, 0, 9) == 3
    assert optional({"n": None}, "s", "n", 7, require_int, 0, 9, nullable=True) is None
    with pytest.raises(ProfileError, match=r"^s.n: "):
        optional({"n": None}, "s", "n", 7, require_int, 0, 9)


def test_show_writes_json_and_stays_short():
    assert [show(v) for v in (None, True, "x", [1], {"a": 1}, 2.5)] == ["null", "true", '"x"', "a list", "an object", "2.5"]
    assert len(show("y" * 500)) == 60
