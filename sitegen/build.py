"""The build: content and templates in, a complete static site out, swapped in atomically.

Stages (docs/architecture.md): strings → content → Markdown (each edition: English, French) →
twins compared → runtime → datasets → each edition's pages, search index, feed, manifest, 404 →
sitemap → links checked → offline files → swap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from . import atomic, datasets, site_files
from .content import Page, load_pages
from .linkcheck import check_site
from .editions import DEFAULT, EDITIONS, Edition
from .offline import PAGE_GROUPS, edition_groups, group_for, group_of, write_manifest, write_offline
from .paths import CONTENT, DATA, ENGINE, LOCALES, STATIC, TEMPLATES
from .rendering import Link, check_links, render_page
from .rounds import FEED_PATH, write_rounds_feed
from .runtime import file_sizes, write_runtime, write_stdlib
from .shortcodes import Shortcodes
from .strings import load_strings
from .templating import make_env, render
from .twins import check_figures, check_headings, check_pairs
from .urls import Urls

# Pages rendered from a template alone: (template, output route). Owned by other parts of the
# project, they are rendered when their template exists.
OPTIONAL_PAGES = [("calculator.html", "calculator/"), ("noc.html", "noc/")]


def build_site(out_dir: Path, *, base_url: str = "/", dev: bool = False, as_of: dt.date | None = None) -> None:
    """Build the whole site into `out_dir`; on any error `out_dir` is left as it was.

    `as_of` is the date whose rules the guide shows (default: today).
    """
    Builder(base_url=base_url, dev=dev, as_of=as_of).build(Path(out_dir))


class Builder:
    """One configured build; kept alive by `serve` so unchanged pages are not re-rendered."""

    def __init__(self, *, base_url: str = "/", dev: bool = False, as_of: dt.date | None = None,
                 content: Path = CONTENT, templates: Path = TEMPLATES, locales: Path = LOCALES):
        # Other folders let tests build broken inputs; content/ and locales/ hold one folder per edition.
        self.content, self.templates, self.locales = content, templates, locales
        self.urls = Urls(base_url)
        self.dev = dev
        self.as_of = as_of
        self._rendered: dict[Path, tuple[str, Page]] = {}  # path -> (input fingerprint, page)
        # Per edition, kept while its strings are unchanged: Jinja then reuses compiled templates.
        self._envs: dict[str, tuple[dict, object]] = {}

    def build(self, out_dir: Path) -> None:
        with atomic.staging(out_dir, background_cleanup=self.dev) as tmp:
            self._build_into(tmp)

    def _env(self, edition: Edition):
        strings = load_strings(self.locales / edition.lang)
        cached = self._envs.get(edition.lang)
        if cached and cached[0] == strings:
            return cached[1]
        env = make_env(strings, self.urls.for_edition(edition), self.dev, self.templates, edition)
        datasets.register(env)
        self._envs[edition.lang] = (strings, env)
        return env

    def _build_into(self, out: Path) -> None:
        as_of = self.as_of or dt.date.today()
        envs = {edition.lang: self._env(edition) for edition in EDITIONS}
        has_page = {route: (self.templates / name).exists() for name, route in OPTIONAL_PAGES}
        views = [EditionView(edition, envs[edition.lang], self.urls.for_edition(edition)) for edition in EDITIONS]
        pages = {view.lang: load_pages(self.content / view.lang) for view in views}
        check_pairs(pages)  # before rendering: a missing twin is named as such, not as a broken link
        for view in views:
            env = view.env
            shortcodes = Shortcodes(env, as_of)
            shortcodes.install()
            env.globals.update(has_page=has_page, editions=views)
            pages[view.lang] = self._render_pages(pages[view.lang], env, as_of, shortcodes.blocks)
        check_figures(pages, envs[DEFAULT.lang])  # after: a broken shortcode is named as such
        check_headings(pages)

        _copy_static(out)
        runtime = write_stdlib(out, write_runtime(out))
        datasets.write(out, as_of)
        shared = dict(runtime=runtime, runtime_config=runtime_config(runtime, out, self.urls.url),
                      offline_offer_bytes=runtime_download(out), **_profile_model(as_of))
        routes: dict[str, list[str]] = {}
        for view in views:
            view.env.globals.update(shared, page_groups=page_groups(view.edition), edition_groups=edition_groups(view.edition),
                                    guide_pages=pages[view.lang])
            routes[view.lang] = self._write_edition(out, view, pages[view.lang])

        site_files.write_sitemap(out, routes, views)
        site_files.write_nojekyll(out)
        write_offline(out, self.urls.base, self.dev)
        check_site(out, self.urls.base)

    def _write_edition(self, out: Path, view: "EditionView", pages: list[Page]) -> list[str]:
        """One edition's pages, search index, feed and manifest; returns its routes (English names)."""
        env, edition, urls = view.env, view.edition, view.urls
        root = out / edition.prefix
        # The rounds feed links to the page that shows the rounds figure.
        draws = next((page.route for page in pages if 'class="rounds-figure"' in page.html), "guide/")
        write_rounds_feed(root, env.globals["t"], datasets.rounds_data(), env.globals["fmt"], lang=edition.lang,
                          feed_url=urls.full_url(FEED_PATH), page_url=urls.full_url(draws))

        def page(route: str, template: str, **context) -> None:
            target = out / edition.path(route)
            write(target / "index.html" if route.endswith("/") or not route else target,
                  render(env, template, {"route": route, **context}))

        routes = ["", "guide/"]
        page("", "index.html")
        page("guide/", "guide_index.html")
        for i, guide_page in enumerate(pages):
            routes.append(guide_page.route)
            page(guide_page.route, "page.html", page=guide_page, step=i + 1,
                 previous=pages[i - 1] if i > 0 else None, next=pages[i + 1] if i + 1 < len(pages) else None)
        for name, route in OPTIONAL_PAGES:
            if (self.templates / name).exists():
                routes.append(route)
                page(route, name)
        routes.append("search/")
        page("search/", "search.html")
        page("404.html", "404.html")

        site_files.write_search_index(root, pages, urls.url, edition.lang)
        write_manifest(root, env.globals["t"], edition, relative_root="../" if edition.prefix else "./")
        return routes

    def _render_pages(self, pages: list[Page], env, as_of: dt.date, blocks: dict) -> list[Page]:
        """Markdown → HTML, reusing the last result for a page whose inputs did not change."""
        shared = _inputs_stamp(as_of, self.urls.base, self.templates, self.locales)
        links: list[Link] = []
        result = []
        for page in pages:
            fingerprint = hashlib.sha256(f"{shared}\n{page.path.read_text(encoding='utf-8')}".encode()).hexdigest()
            cached = self._rendered.get(page.path)
            if cached and cached[0] == fingerprint:
                page, page_links = cached[1]
            else:
                page_links = []
                render_page(page, env, page_links, blocks)
                self._rendered[page.path] = (fingerprint, (page, page_links))
            links.extend(page_links)
            result.append(page)
        check_links(links, result)
        return result


class EditionView:
    """What a template knows of an edition, its own or the other one (the language switch,
    hreflang): its language, its addresses, and its words (for the one line of the other
    language that a page shows, such as the switch's label)."""

    def __init__(self, edition: Edition, env, urls: Urls):
        self.edition, self.env, self.urls = edition, env, urls
        self.lang, self.locale = edition.lang, edition.locale
        self.url, self.full_url = urls.url, urls.full_url
        self.t = env.globals["t"]


def page_groups(edition: Edition) -> dict:
    """What each page keeps offline beyond its edition's guide (register-sw.js reads <html>)."""
    return {route: group_for(edition, group) for route, group in PAGE_GROUPS.items()}


def runtime_config(runtime: dict, out: Path, url) -> dict:
    """What the calculator's worker needs beyond the Pyodide folder and the engine zip (boot.js)."""
    return {
        "stdlib": url(runtime["stdlib"]),
        "rounds": url("data/rounds.json"),  # what the round verdicts compare with
        "stdlibFull": url(runtime["stdlib_full"]),
        "stdlibFullSizes": file_sizes(out / runtime["stdlib_full"]),
        "lockInfo": runtime["lock_info"],
        "pyodideVersion": runtime["pyodide_version"],
        "downloads": {url(name): sizes for name, sizes in runtime["downloads"].items()},
    }


def runtime_download(out: Path) -> int:
    """Bytes (gzipped) of the files the service worker keeps for an offline calculator."""
    files = [p for p in out.rglob("*") if p.is_file() and group_of(p.relative_to(out).as_posix()) == "runtime"]
    return sum(file_sizes(p)[1] for p in files)


def _profile_model(as_of: dt.date) -> dict:
    """The field model the calculator's form is drawn from (and ships to its script)."""
    from engine import fields

    model = fields.model(as_of)
    by_path = {f["path"]: f for f in model["fields"]}
    return {"profile_model": model, "profile_field": by_path.__getitem__}


def _inputs_stamp(as_of: dt.date, base: str, templates: Path, locales: Path) -> str:
    """What every page body depends on besides its own file: rules, datasets, partials, strings."""
    watched = [*ENGINE.rglob("*.py"), *ENGINE.rglob("*.toml"), *DATA.glob("*.json"),
               *(templates / "partials").glob("*"), *locales.rglob("*.toml")]
    stamps = sorted(f"{p}:{p.stat().st_mtime_ns}" for p in watched if p.is_file())
    optional = [name for name, _ in OPTIONAL_PAGES if (templates / name).exists()]  # pages link to them
    return f"{as_of}|{base}|{optional}|" + "|".join(stamps)


def _copy_static(out: Path) -> None:
    if STATIC.is_dir():
        shutil.copytree(STATIC, out / "static", dirs_exist_ok=True, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    # A hard link costs nothing; every build writes a new tree, so the site never edits a source.
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
