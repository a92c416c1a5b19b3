"""The contract's examples, and every profile the engine accepts, satisfy profile.schema.json
(CPython only: jsonschema is not installed inside Pyodide)."""

import json
import sys

import pytest
from hypothesis import given, settings

from engine import ProfileError, crs_score

from .helpers import SCHEMA, load_examples
from .strategies import profiles
from .test_fuzz import malformed

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="jsonschema runs on CPython only")
jsonschema = pytest.importorskip("jsonschema")

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")),
                                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(VALIDATOR.schema)


@pytest.mark.parametrize(("name", "example"), load_examples(), ids=[n for n, _ in load_examples()])
def test_examples_match_the_schema(name, example):
    VALIDATOR.validate(example["profile"])


@settings(max_examples=300, deadline=None)
@given(profiles())
def test_generated_profiles_match_the_schema(p):
    VALIDATOR.validate(p)


def test_whatever_the_engine_accepts_matches_the_schema():
    import random

    rng = random.Random(7)
    bases = [example["profile"] for _, example in load_examples()]
    accepted = 0
    for _ in range(3000):
        p = malformed(rng, bases)
        try:
            crs_score(p)
        except ProfileError:
            continue
        accepted += 1
        errors = list(VALIDATOR.iter_errors(p))
        assert not errors, (p, [e.message for e in errors])
    assert accepted > 100
