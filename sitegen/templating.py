"""The Jinja2 environment shared by layouts and Markdown shortcodes."""

from __future__ import annotations

import json
import traceback
from pathlib import Path

import jinja2
from markupsafe import Markup

from .errors import BuildError
from .editions import Edition
from .filters import Formatter, source_host
from .paths import ROOT, TEMPLATES, rel
from .strings import Strings
from .urls import Urls

CACHE = ROOT / ".cache" / "jinja"

# form-action is not covered by default-src: without it a form could send to another site.
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; form-action 'self'"
# The calculator's worker (a <meta> policy does not reach it): served with this header by the
# service worker (sitegen/sw.js). Pyodide's runtime script and standard library are read from memory.
WORKER_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; connect-src 'self' blob:; "
              "object-src 'none'; base-uri 'self'")
WORKER_SCRIPT = "static/js/calculator/worker.js"
# livereload injects an inline script that opens a websocket back to the dev server.
DEV_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; "
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'self'; form-action 'self'"
)


class BodyLoader(jinja2.BaseLoader):
    """Markdown page bodies as templates named "content/<file>", so their compiled code is cached
    like any template's. The front matter becomes blank lines: Jinja's line numbers are the file's."""

    PREFIX = "content/"

    def __init__(self):
        self.sources: dict[str, tuple[str, Path]] = {}

    def add(self, path: Path, first_line: int, body: str) -> str:
        name = f"{self.PREFIX}{path.parent.name}/{path.name}"  # content/<lang>/<file>
        self.sources[name] = ("\n" * (first_line - 1) + body, path)
        return name

    def get_source(self, environment, template):
        if template not in self.sources:
            raise jinja2.TemplateNotFound(template)
        source, path = self.sources[template]
        return source, str(path), lambda: self.sources.get(template, (None,))[0] == source


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """One cache file per template name, whatever folder it came from (tests build copies):
    the cache stays small, and the stored source checksum still rejects a stale entry."""

    def get_cache_key(self, name, filename=None):
        return super().get_cache_key(name)


def make_env(strings: dict[str, str], urls: Urls, dev: bool, folder: Path = TEMPLATES,
             edition: Edition | None = None) -> jinja2.Environment:
    """One edition's environment: its words (`t`), its addresses (`url`), its formats (filters)."""
    edition = edition or urls.edition
    CACHE.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder), BodyLoader()]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        # Compiling templates is most of a build's time; the cache is keyed by each source's hash.
        bytecode_cache=_BytecodeCache(str(CACHE)),
    )
    env.globals.update(
        t=Strings(strings, edition.lang),
        edition=edition,
        url=urls.url,
        asset=urls.asset,
        base_url=urls.base,
        dev=dev,
        csp=Markup(DEV_CSP if dev else CSP),  # fixed text, no escaping needed
    )
    fmt = Formatter(edition.locale, strings)
    env.globals["fmt"] = fmt
    env.filters.update(fmt.filters(), source_host=source_host)
    return env


# The catalogue files (or parts of them) whose words a page's scripts show, besides site.*:
# by default the file named like the template (search.html would get search.*).
SCRIPT_CATALOGUES = {
    # The calculator words the engine's answers, and names the rules rows they cite.
    "calculator.html": ("calculator", "assessment", "notices", "errors", "plan", "categories", "french_routes", "rounds", "noc", "sources",
                        "rules.crs", "rules.language.tests", "rules.programs.fsw_grid_maxima",
                        "rules.programs.fsw_education", "rules.programs.fsw_adaptability", "rules.fees",
                        "rules.funds.settlement.notes", "rules.deadlines.periods.notes",
                        "rules.categories.selection.notes", "rules.french_routes", "planner", "rules.documents",
                        "rules.planning.money.notes"),
    "noc.html": ("noc", "rounds"),
}


def page_strings(strings: dict, template: str) -> dict:
    """The words a page's scripts may need (embedded as JSON in #i18n): site.*, edition.* and
    the page's catalogue files (SCRIPT_CATALOGUES)."""
    name = Path(template).name
    files = ("site", "edition", *SCRIPT_CATALOGUES.get(name, (Path(template).stem,)))
    prefixes = tuple(f"{file}." for file in files)
    return {key: value for key, value in strings.items() if key.startswith(prefixes)}


def script_json(value) -> Markup:
    """JSON safe inside <script type="application/json"> (no "</script>" can close it)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    """Render a template; any failure becomes `template:line: message`."""
    folder = Path(env.loader.loaders[0].searchpath[0])
    context = {**context, "i18n_json": script_json(page_strings(env.globals["t"].strings, name))}
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError.at(rel(exc.filename or folder / name), exc.lineno, exc.message) from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError.at(rel(folder / name), 1, f"template not found: {exc.name}") from None
    except BuildError:
        raise
    except Exception as exc:  # noqa: BLE001 - every template failure must name its file and line
        where, line = template_frame(exc, folder / name)
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        raise BuildError.at(where, line, message) from None


def template_frame(exc: BaseException, fallback: Path) -> tuple[str, int]:
    """The innermost template file and line in a traceback (Jinja rewrites frames to them)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".md")) or frame.filename == "<template>":
            return rel(Path(frame.filename)), frame.lineno or 1
    return rel(fallback), 1
