"""Helpers for messages shown to users (pure, no Pelican import)."""

import os
from pathlib import Path

# The folder a school's site lives in (the content folder's parent), set at
# the start of a build: messages name files as ``content/articles/x.md``
# whichever folder the build was started from.
_SITE_FOLDER: Path | None = None
_CONTENT_FOLDER: Path | None = None


def set_site_folder(content) -> None:
    """Messages name files relative to the parent of ``content`` (PATH)."""
    global _SITE_FOLDER, _CONTENT_FOLDER
    _CONTENT_FOLDER = Path(content).resolve() if content is not None else None
    _SITE_FOLDER = _CONTENT_FOLDER.parent if _CONTENT_FOLDER is not None else None


def display_content_path(relative) -> str:
    """A path Pelican gives relative to the content folder, as display_path."""
    if _CONTENT_FOLDER is None or Path(relative).is_absolute():
        return display_path(relative)
    return display_path(_CONTENT_FOLDER / relative)


def display_path(path) -> str:
    """The path as a user would type it: relative to the site folder (or else
    the current folder) when inside it, otherwise absolute."""
    absolute = Path(path).resolve()
    for base in (_SITE_FOLDER, Path.cwd()):
        if base is None:
            continue
        try:
            return absolute.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return os.fspath(absolute)
