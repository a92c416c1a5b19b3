"""Command line: `python -m engine crs PROFILE.json` (or `-` for standard input), `python -m engine clb ...`,
`python -m engine schema [--contract]` (the profile's JSON Schema, from the field model).

Results are JSON on standard output (exit 0); bad input prints `error: <message>` on
standard error and exits 2. A command that takes a profile is one line in PROFILE_COMMANDS.
"""

import argparse
import importlib
import json
import sys
from datetime import date

from . import fields
from .errors import ProfileError
from .fields import ABILITIES

# name -> (help text, "module:function" taking the profile dict and returning a JSON-able dict)
PROFILE_COMMANDS = {
    "crs": ("compute the Comprehensive Ranking System score", "engine.crs:crs_score"),
    "assess": ("CRS score, program eligibility, proof of funds, fees and deadlines", "engine.assess:assess"),
    "plan": ("changes that would raise the CRS score, ranked, and the best pairs", "engine.plan:plan"),
    "categories": ("category-based selection categories in force and whether they are met", "engine.categories:categories"),
}


class InputError(Exception):
    """The input could not be read as JSON at all."""


def _reject_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def read_json(source: str):
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: cannot read it ({exc.__class__.__name__}: {exc})") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:  # JSONDecodeError is a ValueError
        raise InputError(f"{source}: not valid JSON ({exc})") from None
    except RecursionError:
        raise InputError(f"{source}: nested too deeply") from None


def _number(text: str):
    """A score as typed on the command line; anything else is left for the validator to refuse."""
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return text
    return value


def _run_profile_command(target: str, args) -> dict:
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)(read_json(args.profile))


def _run_clb(args) -> dict:
    from . import language, validate

    as_of = validate.require_date("--as-of", args.as_of) if args.as_of else date.today()
    result = {"test": args.test}
    result.update({ability: _number(getattr(args, ability)) for ability in ABILITIES})
    if args.taken_on:
        result["taken_on"] = args.taken_on
    parsed = language.parse("", result, as_of)
    return {"test": parsed.test, "official_language": parsed.official_language, "levels": parsed.levels}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description="Express Entry rules engine.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, target) in PROFILE_COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("profile", metavar="PROFILE.json", help="profile file, or - for standard input")
        sub.set_defaults(run=lambda args, target=target: _run_profile_command(target, args))
        if name == "assess":
            sub.add_argument("--text", action="store_true", help="print a plain-text summary instead of JSON")

    clb = commands.add_parser("clb", help="convert test scores to CLB/NCLC levels", description="Convert test scores to CLB/NCLC levels.")
    clb.add_argument("--test", required=True, help=", ".join(fields.choices("test")))
    for ability in ABILITIES:
        clb.add_argument(f"--{ability}", required=True, metavar="SCORE")
    clb.add_argument("--taken-on", metavar="YYYY-MM-DD", help="day of the test (chooses the chart; default: --as-of)")
    clb.add_argument("--as-of", metavar="YYYY-MM-DD", help="day to apply the rules of (default: today)")
    clb.set_defaults(run=_run_clb)

    schema = commands.add_parser("schema", help="print the profile's JSON Schema (from the field model)",
                                 description="Print the profile's JSON Schema, written from engine.fields: "
                                             "docs/profile.schema.json, or with --contract docs/contract/profile.schema.json.")
    schema.add_argument("--contract", action="store_true", help="only the contract's fields")
    schema.set_defaults(run=lambda args: fields.json_schema("contract" if args.contract else "assessment"))
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = args.run(args)
    except (ProfileError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "text", False):
        from .assess import render

        sys.stdout.write(render(result))
        return 0
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
