"""Guide page bodies: Jinja shortcodes first, then Markdown, then links to other pages checked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .content import Page
from .errors import BuildError
from .templating import template_frame

# Classes rather than names: Markdown looks names up among installed packages' entry points,
# which costs more than rendering a page.
EXTENSIONS = (TableExtension, AdmonitionExtension, AttrListExtension, SaneListExtension, SmartyExtension)
MD_LINK = re.compile(r"^(?P<slug>[a-z0-9-]+)\.md(?:#(?P<anchor>[\w-]+))?$")


class Link:
    """A link written in Markdown to another guide page (`slug.md#anchor`), checked after all pages render."""

    def __init__(self, page: Page, slug: str, anchor: str | None, href: str):
        self.page, self.slug, self.anchor, self.href = page, slug, anchor, href

    @property
    def line(self) -> int:
        return _source_line(self.page, self.href)


def _source_line(page: Page, needle: str) -> int:
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if needle in line:
            return number
    return page.body_line


class _GuideLinks(Treeprocessor):
    """Rewrites `other-page.md#part` links to the built page's URL and records them for checking."""

    def __init__(self, md, page: Page, url, links: list[Link]):
        super().__init__(md)
        self.page, self.url, self.links = page, url, links

    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            match = MD_LINK.match(href)
            if match:
                self.links.append(Link(self.page, match["slug"], match["anchor"], href))
                target = self.url(f"guide/{match['slug']}/")
                a.set("href", target + (f"#{match['anchor']}" if match["anchor"] else ""))
            elif href.endswith(".md") or ".md#" in href:
                raise BuildError.at(self.page.where, _source_line(self.page, href),
                                    f"link {href!r}: write links to other pages as 'page-name.md' or 'page-name.md#part'")


class _TableBoxes(Treeprocessor):
    """Puts each Markdown table in its own sideways-scrolling box, so a wide table never widens
    the page on a phone. The box can take the keyboard focus (to scroll it with the arrow keys)
    and is named by the heading above it. Rules tables get the same box from their template."""

    def run(self, root: etree.Element) -> None:
        heading = None
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag in ("h2", "h3", "h4") and child.get("id"):
                    heading = child.get("id")
                if child.tag != "table":
                    continue
                box = etree.Element("div", {"class": "table-scroll", "role": "region", "tabindex": "0"})
                if heading:
                    box.set("aria-labelledby", heading)
                parent.remove(child)
                box.append(child)
                parent.insert(index, box)


class _Blocks(Extension, Preprocessor):
    """Puts the HTML that shortcodes left behind tokens into Markdown's raw-HTML stash."""

    def __init__(self, blocks: dict[str, str]):
        Extension.__init__(self)
        self.blocks = blocks

    def extendMarkdown(self, md) -> None:
        self.md = md
        md.preprocessors.register(self, "rules_blocks", 25)  # after whitespace normalizing (30)

    def run(self, lines: list[str]) -> list[str]:
        return [self.md.htmlStash.store(self.blocks[line.strip()]) if line.strip() in self.blocks else line
                for line in lines]


class _LinkExtension(Extension):
    def __init__(self, page: Page, url, links: list[Link]):
        super().__init__()
        self.page, self.url, self.links = page, url, links

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_GuideLinks(md, self.page, self.url, self.links), "guide_links", 5)
        md.treeprocessors.register(_TableBoxes(md), "table_boxes", 4)  # after the headings get ids


def render_page(page: Page, env: jinja2.Environment, links: list[Link], blocks: dict[str, str]) -> None:
    """Fill `page.html`, `page.toc`, `page.text` and `page.ids`; a failure names the file and line.

    `blocks` holds the HTML that shortcodes left behind tokens in the Markdown.
    """
    name = env.loader.loaders[1].add(page.path, page.body_line, page.body)
    try:
        source = env.get_template(name).render(page=page)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError.at(page.where, exc.lineno or 1, exc.message) from None
    except Exception as exc:  # noqa: BLE001 - a shortcode failure must name the line that called it
        _, line = template_frame(exc, page.path)
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        raise BuildError.at(page.where, line, message) from None
    md = markdown.Markdown(
        extensions=[*(make() for make in EXTENSIONS), TocExtension(toc_depth="2-3"),
                    _LinkExtension(page, env.globals["url"], links), _Blocks(blocks)],
        output_format="html",
    )
    page.html = md.convert(source)
    for token in blocks:
        if token in page.html:
            raise BuildError.at(page.where, page.body_line,
                                "a rules_table(...) or block(...) shortcode must stand alone on its own line")
    page.toc = _keep_no_break_spaces(md.toc_tokens)
    collected = _collect(page.html)
    page.text = " ".join(" ".join(collected.parts).split())
    page.ids = collected.ids


def check_links(links: list[Link], pages: list[Page]) -> None:
    """Every `page.md#anchor` link must name an existing page and heading."""
    by_slug = {p.slug: p for p in pages}
    for link in links:
        target = by_slug.get(link.slug)
        if target is None:
            raise BuildError.at(link.page.where, link.line, f"link to a page that does not exist: {link.href}")
        if link.anchor and link.anchor not in target.ids:
            raise BuildError.at(link.page.where, link.line,
                                f"link to a heading that does not exist: {link.href} (see {target.where})")


class _Collector(HTMLParser):
    """Plain text and element ids of an HTML fragment (a chart's labels are not text to search)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.ids: set[str] = set()
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        self.in_svg += tag == "svg"
        value = dict(attrs).get("id")
        if value:
            self.ids.add(value)

    def handle_endtag(self, tag):
        self.in_svg -= tag == "svg" and self.in_svg > 0

    def handle_data(self, data):
        if not self.in_svg:
            self.parts.append(data)


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def _keep_no_break_spaces(tokens: list) -> list:
    """Table-of-contents names from the headings' own HTML, tags removed: Markdown's names fold
    every space, and French keeps a no-break space before ":" and "?" ("FEER : ...")."""
    for token in tokens:
        token["name"] = re.sub(r" {2,}", " ", re.sub(r"<[^>]*>", "", token["html"])).strip()
        _keep_no_break_spaces(token["children"])
    return tokens

