"""Helpers for messages shown to users (pure, no Pelican import)."""

import os
from pathlib import Path


def display_path(path) -> str:
    """The path as a user would type it: relative to the current folder when
    inside it, otherwise absolute."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.fspath(absolute)
