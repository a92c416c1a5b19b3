"""Where the project's inputs live (the repository root is the parent of this package)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"  # one folder per edition: content/en/, content/fr/
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
LOCALES = ROOT / "locales"  # one catalogue per edition: locales/en/, locales/fr/
ENGINE = ROOT / "engine"
DATA = ROOT / "data"


def rel(path: Path) -> str:
    """A path as shown in error messages: relative to the repository when it can be."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
