"""Helpers for messages shown to users (pure, no Pelican import)."""

import difflib
import os
from pathlib import Path
from typing import Iterable

# How alike a word must be to a valid one to be suggested (difflib's ratio):
# "to-van" -> "to-ngu-van" is 0.75, "Thong bao" -> "Thông báo" 0.78.
SUGGESTION_CUTOFF = 0.6

# The folder a school's site lives in (the content folder's parent), set at
# the start of a build: messages name files as ``content/articles/x.md``
# whichever folder the build was started from.
_SITE_FOLDER: Path | None = None
_CONTENT_FOLDER: Path | None = None
_SITE_PREFIX = ""


def set_site_folder(content) -> None:
    """Messages name files relative to the parent of ``content`` (PATH)."""
    global _SITE_FOLDER, _CONTENT_FOLDER, _SITE_PREFIX
    _CONTENT_FOLDER = Path(content).resolve() if content is not None else None
    _SITE_FOLDER = _CONTENT_FOLDER.parent if _CONTENT_FOLDER is not None else None
    _SITE_PREFIX = os.path.join(_SITE_FOLDER, "") if _SITE_FOLDER is not None else ""


def display_content_path(relative) -> str:
    """A path Pelican gives relative to the content folder, as display_path."""
    if _CONTENT_FOLDER is None or Path(relative).is_absolute():
        return display_path(relative)
    return display_path(_CONTENT_FOLDER / relative)


def display_path(path) -> str:
    """The path as a user would type it: relative to the site folder (or else
    the current folder) when inside it, otherwise absolute."""
    text = os.fspath(path)
    if _SITE_FOLDER is not None and text.startswith(_SITE_PREFIX) and ".." not in text:
        # The usual case, for every article of a build: no system call.
        return text[len(_SITE_PREFIX):].replace(os.sep, "/")
    absolute = Path(path).resolve()
    for base in (_SITE_FOLDER, Path.cwd()):
        if base is None:
            continue
        try:
            return absolute.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return os.fspath(absolute)


def did_you_mean(word: str, choices: Iterable[str], quote: str = '"') -> str:
    """`` Có phải ý bạn là "x"?`` for the valid choice nearest to ``word``, or
    "" when none is close; ``quote`` matches the rest of the caller's message."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=SUGGESTION_CUTOFF)
    return f" Có phải ý bạn là {quote}{close[0]}{quote}?" if close else ""
