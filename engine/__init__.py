"""Express Entry rules engine: pure standard library, runs on CPython and in Pyodide."""

from .errors import ProfileError

__all__ = ["ProfileError"]
