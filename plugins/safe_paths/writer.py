"""Pelican's writer, refusing to write outside the output folder or twice to one file."""

from __future__ import annotations

import os
import stat

from pelican.writers import Writer

from truongweb import pelican_compat
from truongweb.paths import resolve_inside
from truongweb.plugins.vietnamese.messages import display_path


class WriteConflictError(ValueError):
    """Two things write the same output file; ``str()`` is the Vietnamese message."""


def describe(what) -> str:
    """Who writes a file, for users: the content file, or the template."""
    if isinstance(what, str):
        return what
    source = getattr(what, "source_path", None)
    if source:
        return display_path(source)
    name = getattr(what, "name", None)
    return f"trang tạo từ mẫu {name}" if name else "một trang do hệ thống tạo"


class SafeWriter(Writer):
    """Pelican's Writer, except that every file it writes must lie inside the
    output folder (real paths compared by components, where Pelican compares
    string prefixes) and no file is written twice in one build: Pelican lets
    content with its own ``save_as`` replace another page silently, and this
    project gives every article and page one (``fast_urls``)."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.written_by: dict[str, str] = {}
        self._writing: str = describe(None)
        self._real_root = os.path.realpath(self.output_path)
        # Folders (real paths inside the output folder, none of them a link)
        # a checked page was found in: a page in one of them, or in a new
        # folder below one, needs an lstat of the new parts only, not a
        # realpath of every component (~0.4 ms a page, twice a page).
        self._real_folders: set[str] = {self._real_root}

    def _inside(self, name) -> str:
        real = self._in_known_folder(name)
        if real is None:
            real = os.fspath(resolve_inside(self.output_path, name,
                                            source=f"{self._writing}: trang “{name}”"))
        self._real_folders.add(os.path.dirname(real))
        return real

    def _in_known_folder(self, name) -> str | None:
        """The real path of ``name`` as resolve_inside gives it, when the name
        is plain (no ``..``, ``.``, ``//``), lies in or below a folder checked
        before, and no part below that folder is a symbolic link; else None
        (then resolve_inside decides)."""
        text = os.fspath(name).lstrip("/" + os.sep)  # a leading / is the output folder
        candidate = os.path.join(self._real_root, text)
        if not text or os.path.normpath(candidate) != candidate:
            return None
        folder, new_parts = os.path.dirname(candidate), [os.path.basename(candidate)]
        while folder not in self._real_folders:
            if len(folder) <= len(self._real_root):
                return None
            folder, part = os.path.split(folder)
            new_parts.append(part)
        for part in reversed(new_parts):
            folder = os.path.join(folder, part)
            try:
                if stat.S_ISLNK(os.lstat(folder).st_mode):
                    return None
            except FileNotFoundError:
                break  # nothing exists below a missing part: no link either
            except OSError:
                return None
        return candidate

    def write_file(self, name, template, context, *args, **kwargs):
        self._writing = describe(kwargs.get("article") or kwargs.get("page") or template)
        if name:
            self._inside(name)  # before Pelican creates its folders
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        self._writing = f"nguồn tin {path}"
        if path:
            self._inside(path)
        return super().write_feed(elements, context, path, *args, **kwargs)

    def claim(self, filename, what) -> None:
        """Record that ``what`` (a content object, template or description)
        writes ``filename``; raise WriteConflictError if something already did."""
        self._claim_real(os.path.realpath(filename), what)

    def _claim_real(self, path, what) -> None:
        writer = describe(what)
        first = self.written_by.get(path)
        if first is not None:
            page = os.path.relpath(path, self._real_root)
            raise WriteConflictError(
                f"Hai nội dung cùng ghi vào trang {page}: {first} và {writer}; "
                "trang ghi trước sẽ bị mất. Hãy đổi tiêu đề hoặc slug của nội dung "
                "trùng địa chỉ (hoặc xóa khóa save_as, url)."
            )
        self.written_by[path] = writer

    # Every page, paginated page and feed is opened through Writer._open_w.
    @pelican_compat.overrides("pelican.writers.Writer._open_w")
    def _open_w(self, filename, encoding, override=False):
        self._claim_real(self._inside(os.path.relpath(filename, self.output_path)), self._writing)
        return super()._open_w(filename, encoding, override=override)
