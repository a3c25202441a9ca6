"""Helpers for messages shown to users (pure, no Pelican import)."""

import difflib
import errno
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


# What the system says in English for a failed file or network operation,
# in Vietnamese (errno -> phrase); permission depends on what was attempted.
_OS_REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EEXIST: "tệp hoặc thư mục này đã có",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "đường dẫn có liên kết tượng trưng vòng quanh",
    errno.EMFILE: "đang mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "đang mở quá nhiều tệp cùng lúc",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EADDRINUSE: "cổng này đang được chương trình khác dùng",
    errno.EADDRNOTAVAIL: "máy này không có địa chỉ đó",
}


def os_error_reason(error: OSError, action: str = "đọc") -> str:
    """Why ``error`` happened, in Vietnamese, for a message such as "Không
    đọc được tệp x.yml (không có tệp hoặc thư mục này)"; ``action`` is what
    was attempted ("đọc", "ghi", "đọc hoặc ghi") for a permission error. Use
    it instead of ``error.strerror``, which is the system's English text."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"không có quyền {action}"
    reason = _OS_REASONS.get(error.errno)
    if reason:
        return reason
    if error.errno:  # rare: the code's name lets someone look it up
        return f"lỗi hệ thống {errno.errorcode.get(error.errno, error.errno)}"
    return str(error) or "lỗi hệ thống không rõ"
