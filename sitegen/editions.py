"""The site's editions: one per official language, each a complete site of the same pages.

English is at the site's root, as it always was; French lives under `fr/`. An edition has its
own content tree (`content/<lang>/`), catalogue (`locales/<lang>/`), locale (the BCP 47 tag of
`<html lang>`, of `hreflang` and of every number, amount and date) and the words of its own
addresses (`/fr/calculateur/`). Templates and pages keep naming the English route
(`url('calculator/')`): the edition's `path()` turns it into its own address.

Files that both editions use (styles, scripts, Python, the rounds data) are not an edition's:
they stay at the root, listed in SHARED. Everything else an edition writes (pages, search
index, feed, NOC titles, manifest) is under its prefix, so a French page never links to an
English file by accident: the link check finds the file missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .paths import CONTENT, LOCALES

# Paths (prefixes) of the files both editions share, relative to the site root.
SHARED = ("static/", "pyodide/", "engine-", "python-stdlib-", "data/rounds.json", "data/noc-categories.json",
          "sitemap.xml", "sw.js", ".nojekyll")


@dataclass(frozen=True)
class Edition:
    lang: str  # folder name under content/ and locales/, and the `lang` of data files ("en", "fr")
    locale: str  # BCP 47 tag: <html lang>, hreflang, Intl in the page, Babel in the build
    prefix: str  # the edition's folder under the site root ("" or "fr/")
    routes: dict = field(default_factory=dict)  # English route -> the edition's own words

    @property
    def content(self):
        return CONTENT / self.lang

    @property
    def locales(self):
        return LOCALES / self.lang

    @property
    def babel_locale(self) -> str:
        return self.locale.replace("-", "_")

    def path(self, path: str) -> str:
        """Where `path` (an English route or file, relative to the site root) is in this edition."""
        path = path.lstrip("/")
        if shared(path):
            return path
        for english, own in self.routes.items():
            if path == english or path.startswith(english):
                path = own + path[len(english):]
                break
        return self.prefix + path

    def route_of(self, path: str) -> str:
        """The English route of one of this edition's paths (the inverse of `path`)."""
        rest = path.removeprefix(self.prefix)
        for english, own in self.routes.items():
            if rest == own or rest.startswith(own):
                return english + rest[len(own):]
        return rest


def shared(path: str) -> bool:
    return path.startswith(SHARED)


ENGLISH = Edition("en", "en-CA", "")
FRENCH = Edition("fr", "fr-CA", "fr/", {"calculator/": "calculateur/", "search/": "recherche/"})
EDITIONS = (ENGLISH, FRENCH)
DEFAULT = ENGLISH


def edition_of(path: str) -> Edition:
    """The edition a site file belongs to (the default for the root's own and for shared files)."""
    for edition in EDITIONS:
        if edition.prefix and path.startswith(edition.prefix):
            return edition
    return DEFAULT
