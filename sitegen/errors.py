"""The one error the build raises: a message that starts with `file:line:`."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A build failure, worded `file:line: message` so editors and people can jump to it."""

    @classmethod
    def at(cls, path: Path | str, line: int | None, message: str) -> "BuildError":
        return cls(f"{path}:{line or 1}: {message}")
