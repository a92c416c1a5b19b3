"""The rules as data: dated tables read from engine/data/*.toml.

A table id is "<file stem>.<table key>" (e.g. "crs.age"). `table(id, as_of)` gives the
rows in force on that day; `history(id)` every row of every period (for the guide).
Files are parsed once and cached; they are read relative to this package, so the
engine works the same from a source tree, a wheel or a zip unpacked in Pyodide.
The data holds no words: a table's title, its column headings, its row labels and notes are
in locales/<lang>/rules/<stem>.toml, looked up by table id and `Row.id` (a note by its key).

Each table says when its figures were last seen at the source (`figures_seen`: the date of the
copy actually read, or "unknown" when no such date was recorded) and when a person last reviewed
it (`reviewed`); the guide shows both. Each row names its columns (`with_spouse = 100`), dates itself (`effective_from`, and an inclusive
`effective_to` when it ended) and may cite its own `source`, carry a `status` ("unconfirmed",
"secondary") and a `note` key. A table's `defaults` give the value of a column a row leaves out.
The loader refuses a row of the wrong shape, a column that mixes sorts of values, and two rows
that match the same value on the same day. A value that no row matches on a day has no rule
that day (a factor not yet in force scores nothing): callers say what that means.

Table kinds:
- "bands": a row matches a number x when min <= x <= max.
- "keyed": a row matches when its `key` equals x (a string, whole number or boolean); with no
  columns, the table is a list of keys (e.g. the occupations of a category).
- "ranges": each row is a level (its `key`, e.g. a CLB level) and each column holds the
  inclusive [low, high] score range of that level for one ability; `lookup(score, ability)`
  returns the level. Such tables also say the lowest score the test reports (`lowest`,
  one per column) and its `step`.
A table may also carry `column_min` (one number per column): the columns are then bands
of a second quantity, and `column_for(y)` names the column that y falls in.
`in_force_since(ids, day)` gives the start of the period in which those tables did not change,
so callers can cache work per period rather than per day.
"""

import bisect
import functools
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources

KINDS = ("bands", "keyed", "ranges")
_STANDARD_KEYS = {"kind", "columns", "source", "figures_seen", "reviewed", "rows", "column_min", "defaults"}
UNKNOWN = "unknown"  # the value of `figures_seen` when the date of the copy read was not recorded
_WORDS = ("title", "column_labels", "label")  # kept in the locale catalogue, never in the data


class RulesDataError(Exception):
    """A data file breaks the format above (a bug in the project, never in the input)."""


class UnknownTableError(LookupError):
    """No table has that id."""


@dataclass(frozen=True)
class Row:
    values: dict
    effective_from: date
    effective_to: date | None = None
    source: str = ""
    key: object = None
    min: float | None = None
    max: float | None = None
    status: str | None = None  # e.g. "unconfirmed": the date or value awaits an official source
    note: str | None = None  # the key of its note in the catalogue (rules.<table>.notes.<key>)

    @property
    def id(self) -> str:
        """The row's name in the catalogue: its key ("true"/"false" for booleans), or its band
        "<min>-<max>" ("<min>" when min = max)."""
        if self.min is not None:
            low, high = _plain(self.min), _plain(self.max)
            return str(low) if low == high else f"{low}-{high}"
        if isinstance(self.key, bool):
            return "true" if self.key else "false"
        return str(self.key)

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def matches(self, x) -> bool:
        if self.key is not None:
            return type(x) is type(self.key) and x == self.key
        return self.min <= x <= self.max


def _plain(x):
    return int(x) if isinstance(x, float) and x.is_integer() else x


@dataclass(frozen=True)
class Table:
    id: str
    kind: str
    columns: tuple
    source: str
    figures_seen: date | None  # None: the date of the copy read is unknown (never guessed)
    reviewed: date
    rows: tuple
    column_min: tuple | None = None
    attrs: dict = field(default_factory=dict)  # any other table-level keys (e.g. lowest, step)

    def dates(self) -> dict:
        """When the figures were last seen at the source (None: unknown) and when a person last
        reviewed the table, as ISO dates: what every answer that cites the table carries."""
        return {"figures_seen": self.figures_seen.isoformat() if self.figures_seen else None,
                "reviewed": self.reviewed.isoformat()}

    def column_name(self, column=None) -> str:
        """`column` checked against the table's columns; may be omitted when there is one."""
        if column is None:
            if len(self.columns) != 1:
                raise LookupError(f"{self.id}: name one of the columns {list(self.columns)}")
            return self.columns[0]
        if column not in self.columns:
            raise LookupError(f"{self.id}: no column {column!r} (columns: {list(self.columns)})")
        return column

    def row_for(self, x, column=None) -> Row:
        """The row matching x (for "ranges": the level whose range in `column` holds x)."""
        if self.kind == "ranges":
            name = self.column_name(column)
            for row in self.rows:
                low, high = row.values[name]
                if low <= x <= high:
                    return row
        else:
            for row in self.rows:
                try:
                    if row.matches(x):
                        return row
                except TypeError:  # a band compared with a non-number: no row matches
                    break
        raise LookupError(f"{self.id}: no row in force matches {x!r}")

    def lookup(self, x, column=None):
        """The value for x in `column` (may be omitted for one-column tables).

        For a "ranges" table the result is the matching row's key (the level).
        Raises LookupError when no row in force matches.
        """
        row = self.row_for(x, column)
        if self.kind == "ranges":
            return row.key
        return row.values[self.column_name(column)]

    def column_for(self, y) -> str:
        """The column whose `column_min` band holds y (the last with column_min <= y)."""
        if self.column_min is None:
            raise LookupError(f"{self.id}: has no column_min")
        chosen = None
        for name, low in zip(self.columns, self.column_min):
            if y >= low:
                chosen = name
        if chosen is None:
            raise LookupError(f"{self.id}: {y!r} is below every column")
        return chosen


def _as_date(as_of) -> date:
    if type(as_of) is date:
        return as_of
    if isinstance(as_of, str):
        return date.fromisoformat(as_of)
    raise TypeError(f"as_of must be a datetime.date, got {as_of!r}")


def _data_file(stem: str):
    return resources.files(__package__).joinpath("data").joinpath(f"{stem}.toml")


@functools.cache
def _stems() -> tuple:
    folder = resources.files(__package__).joinpath("data")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@functools.cache
def _load(stem: str) -> dict:
    """Every table of one data file, all rows, checked for shape."""
    return load_text(stem, _data_file(stem).read_text(encoding="utf-8"))


def load_text(stem: str, text: str) -> dict:
    """The tables of a data file's text, checked: {table key: Table} (tests feed it broken files)."""
    where = f"engine/data/{stem}.toml"
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesDataError(f"{where}: {exc}") from None
    return {key: _build(f"{stem}.{key}", spec, where) for key, spec in raw.items()}


# What a row may hold besides its columns.
_ROW_KEYS = {"key", "min", "max", "effective_from", "effective_to", "source", "status", "note"}


def _build(table_id: str, spec: dict, where: str) -> Table:
    def fail(message):
        raise RulesDataError(f"{where} [{table_id}]: {message}")

    if not isinstance(spec, dict):
        fail("must be a table")
    for word in _WORDS:
        if word in spec:
            fail(f"{word!r} is a word: it goes in locales/en/rules/{where.rsplit('/', 1)[-1]}, not the data")
    kind = spec.get("kind")
    if kind not in KINDS:
        fail(f"kind must be one of {KINDS}, got {kind!r}")
    columns = tuple(spec.get("columns", ()))
    if not columns and kind != "keyed":  # a keyed table without columns is a list of keys
        fail("needs columns")
    source = spec.get("source")
    if not source:
        fail("needs a source URL")
    figures_seen, reviewed = spec.get("figures_seen"), spec.get("reviewed")
    if type(reviewed) is not date:
        fail("needs `reviewed`, the date a person last reviewed the table")
    if figures_seen != UNKNOWN and (type(figures_seen) is not date or figures_seen > reviewed):
        fail(f"needs `figures_seen`, the date of the copy of the source read (on or before `reviewed`), or {UNKNOWN!r}")
    column_min = spec.get("column_min")
    if column_min is not None and len(column_min) != len(columns):
        fail("column_min needs one number per column")
    defaults = spec.get("defaults", {})
    if set(defaults) - set(columns):
        fail(f"defaults for columns it does not have: {sorted(set(defaults) - set(columns))}")
    rows = []
    for number, raw in enumerate(spec.get("rows", ()), 1):
        rows.append(_row(raw, kind, columns, defaults, source, lambda m, n=number: fail(f"row {n}: {m}")))
    if not rows:
        fail("has no rows")
    _check_types(rows, columns, fail)
    _check_overlaps(rows, kind, fail)
    return Table(
        id=table_id,
        kind=kind,
        columns=columns,
        source=source,
        figures_seen=None if figures_seen == UNKNOWN else figures_seen,
        reviewed=reviewed,
        rows=tuple(rows),
        column_min=tuple(column_min) if column_min is not None else None,
        attrs={k: v for k, v in spec.items() if k not in _STANDARD_KEYS},
    )


def _row(raw: dict, kind: str, columns: tuple, defaults: dict, source: str, fail) -> Row:
    if "label" in raw:
        fail("'label' is a word: it goes in the locale catalogue, not the data")
    if "values" in raw:
        fail(f"name each column ({', '.join(columns)}) instead of a list of values")
    unknown = set(raw) - _ROW_KEYS - set(columns)
    if unknown:
        fail(f"unknown fields {sorted(unknown)} (columns: {list(columns)})")
    missing = [c for c in columns if c not in raw and c not in defaults]
    if missing:
        fail(f"needs {missing}")
    values = {c: raw.get(c, defaults.get(c)) for c in columns}
    start, end = raw.get("effective_from"), raw.get("effective_to")
    if type(start) is not date or (end is not None and (type(end) is not date or end < start)):
        fail("needs effective_from (a date) and an optional effective_to on or after it")
    if kind == "bands":
        if "min" not in raw or "max" not in raw or raw["min"] > raw["max"]:
            fail("a band needs min <= max")
    elif "key" not in raw:
        fail(f"a {kind} row needs a key")
    if kind == "ranges" and not all(isinstance(v, list) and len(v) == 2 and v[0] <= v[1] for v in values.values()):
        fail("each value of a ranges row must be [low, high]")
    return Row(
        values=values,
        effective_from=start,
        effective_to=end,
        source=raw.get("source", source),
        key=raw.get("key"),
        min=raw.get("min"),
        max=raw.get("max"),
        status=raw.get("status"),
        note=raw.get("note"),
    )


def _sort(value) -> str:
    """The sort of value a column holds: numbers (whole or not) are one sort, booleans another."""
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, (int, float)) else type(value).__name__


def _check_types(rows, columns, fail) -> None:
    for column in columns:
        sorts = {_sort(row.values[column]) for row in rows}
        if len(sorts) > 1:
            fail(f"column {column!r} mixes {' and '.join(sorted(sorts))} values")


def _check_overlaps(rows, kind, fail) -> None:
    """No two rows that match the same value may be in force on the same day."""
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if kind == "bands":
                same = a.min <= b.max and b.min <= a.max
            else:
                same = type(a.key) is type(b.key) and a.key == b.key
            a_end, b_end = a.effective_to or date.max, b.effective_to or date.max
            if same and a.effective_from <= b_end and b.effective_from <= a_end:
                fail(f"rows {a.id} ({a.effective_from}) and {b.id} ({b.effective_from}) are in force on the same days")


def tables_of(stem: str) -> list:
    """The table ids of one data file, in the file's order."""
    return [f"{stem}.{key}" for key in _load(stem)]


def table_ids() -> list:
    """Every table id of every data file, sorted."""
    return sorted(tid for stem in _stems() for tid in (f"{stem}.{key}" for key in _load(stem)))


def history(table_id: str) -> Table:
    """The table with the rows of every period (for showing how a rule changed)."""
    stem, _, key = table_id.partition(".")
    if stem not in _stems() or key not in _load(stem):
        raise UnknownTableError(f"unknown rules table {table_id!r}; known tables: {', '.join(table_ids())}")
    return _load(stem)[key]


@functools.lru_cache(maxsize=4096)
def _table_on(table_id: str, day: date) -> Table:
    full = history(table_id)
    rows = tuple(row for row in full.rows if row.in_force(day))
    return Table(**{**full.__dict__, "rows": rows})


@functools.lru_cache(maxsize=256)
def _changes(table_ids: tuple) -> tuple:
    """Every day on which a row of these tables starts or stops being in force, sorted."""
    days = set()
    for table_id in table_ids:
        for row in history(table_id).rows:
            days.add(row.effective_from)
            if row.effective_to is not None:
                days.add(row.effective_to + timedelta(days=1))
    return tuple(sorted(days))


def in_force_since(table_ids: tuple, as_of) -> date:
    """The first day of the period containing `as_of` during which none of these tables changed.

    The tables in force on `as_of` are exactly those in force on the returned day, so callers
    can cache work per period instead of per day.
    """
    day = _as_date(as_of)
    changes = _changes(tuple(table_ids))
    i = bisect.bisect_right(changes, day)
    return changes[i - 1] if i else date.min


def table(table_id: str, as_of) -> Table:
    """The table with only the rows in force on `as_of` (a date, or "YYYY-MM-DD")."""
    return _table_on(table_id, _as_date(as_of))
