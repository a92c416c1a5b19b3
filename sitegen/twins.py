"""Each guide page exists in every edition, as twins that show the same figures.

A page is written once per language (content/en/<id>.md, content/fr/<id>.md). The build stops,
naming the page, when one edition lacks a page, when the twins disagree on their place in the
path or on what they load, or when their figures differ: the shortcodes that produce figures
(tables, values, dates, budgets, charts) must be the same in both, with the same arguments. The
words around them are each language's, and so are a shortcode's wording arguments
(`row_heading=`, `labels=`), which a translation translates. Their sections are the same too:
the same h2 and h3 headings, in the same order, with the same anchors, so that a section
written in one edition has its twin in the other and a "#section" link lands in both.
"""

from __future__ import annotations

from collections import Counter

import jinja2
from jinja2 import nodes

from .content import Page
from .errors import BuildError
from .paths import rel

# Keyword arguments that word a figure rather than choose it.
WORDING = {"row_heading", "labels"}
# Calls that link rather than show a figure.
NOT_FIGURES = {"url", "asset"}
SAME = ("order", "styles", "scripts")


def check_pairs(editions: dict[str, list[Page]]) -> None:
    """`editions`: {lang: pages}. Raises BuildError at the first page without its twin, or whose
    twin takes another place in the path or loads other files."""
    for page, lang, twin in _pairs(editions):
        if twin is None:
            raise BuildError.at(page.where, 1, f"no {lang} edition of this page: write "
                                               f"{rel(page.path.parent.parent / lang / page.path.name)}")
        for key in SAME:
            if getattr(page, key) != getattr(twin, key):
                raise BuildError.at(twin.where, 1, f"'{key}' is {getattr(twin, key)!r}, but {page.where} has {getattr(page, key)!r}")


def check_figures(editions: dict[str, list[Page]], env: jinja2.Environment) -> None:
    """Raises BuildError at the first twin whose figure shortcodes are not its page's."""
    for page, _, twin in _pairs(editions):
        _compare(page, twin, env)


def check_headings(editions: dict[str, list[Page]]) -> None:
    """Raises BuildError at the first twin whose sections (h2 and h3: level and anchor, in
    order) are not its page's. Call after rendering (it reads `page.toc`)."""
    for page, _, twin in _pairs(editions):
        mine, theirs = sections(page), sections(twin)
        if mine == theirs:
            continue
        at = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
        if at < len(theirs):
            level, anchor = theirs[at]
            raise BuildError.at(twin.where, twin.body_line, f"section h{level} #{anchor} is not where {page.where} "
                                                            f"has {_describe(mine, at)} (write the same sections in "
                                                            f"both, with the same anchors: {{: #id }})")
        raise BuildError.at(twin.where, twin.body_line, f"a section of {page.where} is missing here: {_describe(mine, at)}")


def sections(page: Page) -> list[tuple[int, str]]:
    """The page's h2 and h3 headings as (level, anchor), in reading order."""
    found = []

    def walk(tokens):
        for token in tokens:
            found.append((token["level"], token["id"]))
            walk(token["children"])
    walk(page.toc)
    return found


def _describe(headings: list[tuple[int, str]], at: int) -> str:
    return f"h{headings[at][0]} #{headings[at][1]}" if at < len(headings) else "no section"


def _pairs(editions: dict[str, list[Page]]):
    """(page of the first edition, another edition, its twin or None), and the other editions'
    pages that the first lacks, as (page, first edition, None)."""
    (first, pages), *others = editions.items()
    by_slug = {page.slug: page for page in pages}
    for lang, other_pages in others:
        theirs = {page.slug: page for page in other_pages}
        for slug in sorted(theirs.keys() - by_slug.keys()):
            yield theirs[slug], first, None
        for slug, page in by_slug.items():
            yield page, lang, theirs.get(slug)


def _compare(page: Page, twin: Page, env) -> None:
    # Compared as a whole, not in order: a sentence may place its figures differently.
    mine, theirs = figures(page, env), figures(twin, env)
    extra = Counter(text for text, _ in theirs) - Counter(text for text, _ in mine)
    missing = Counter(text for text, _ in mine) - Counter(text for text, _ in theirs)
    if extra:
        line = next(line for text, line in theirs if text in extra)
        raise BuildError.at(twin.where, line, f"a figure that {page.where} does not show: {_source(twin, line)} "
                                              f"(write the same shortcodes in both, with the same arguments)")
    if missing:
        line = next(line for text, line in mine if text in missing)
        raise BuildError.at(twin.where, twin.body_line, f"a figure of {page.where}:{line} is missing here: "
                                                        f"{_source(page, line)}")


def _source(page: Page, line: int) -> str:
    """The shortcode text on a line of the page (the first one, for a line with several)."""
    text = page.body.splitlines()[line - page.body_line].strip()
    start = text.find("{")
    end = text.find("}}", start)
    return text[start:end + 2] if start != -1 and end != -1 else text


def figures(page: Page, env) -> list[tuple[str, int]]:
    """The page's figure expressions, as canonical text with the line they start on: every
    expression printed, looped over, tested or assigned, its wording arguments left out."""
    try:
        tree = env.parse("\n" * (page.body_line - 1) + page.body)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError.at(page.where, exc.lineno or 1, exc.message) from None
    found = []
    for node in tree.find_all((nodes.Output, nodes.For, nodes.If, nodes.Assign)):
        if isinstance(node, nodes.Output):
            expressions = [n for n in node.nodes if not isinstance(n, nodes.TemplateData)]
        elif isinstance(node, nodes.For):
            expressions = [node.iter]
        elif isinstance(node, nodes.If):
            expressions = [node.test]
        else:
            expressions = [node.node]
        for expression in expressions:
            if _is_link(expression):
                continue
            found.append((_canonical(expression), expression.lineno))
    return found


def _is_link(expression) -> bool:
    return isinstance(expression, nodes.Call) and isinstance(expression.node, nodes.Name) and expression.node.name in NOT_FIGURES


def _canonical(node) -> str:
    """A node's structure without line numbers (the twins' lines differ) nor wording arguments."""
    if isinstance(node, nodes.Keyword) and node.key in WORDING:
        return ""
    if isinstance(node, nodes.Node):
        fields = ", ".join(f"{name}={_canonical(getattr(node, name, None))}" for name in node.fields)
        return f"{type(node).__name__}({fields})"
    if isinstance(node, list):
        return "[" + ", ".join(filter(None, (_canonical(n) for n in node))) + "]"
    return repr(node)
