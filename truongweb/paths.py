"""Safe file-system operations (pure, no Pelican import).

The build reads only inside the content folder and writes only inside the
output and cache folders; it deletes only output folders. Every path that
content names, and every file found in the content folder, goes through
:func:`resolve_inside`; :func:`check_links_inside` refuses symbolic links
that lead out of a folder before anything walks it.
"""

import os
import shutil
import sys
from pathlib import Path

from truongweb.plugins.vietnamese.messages import display_path


class UnsafePathError(ValueError):
    pass


class OutsideFolderError(UnsafePathError):
    """A path leads outside the folder it must stay in; ``str()`` is the
    Vietnamese message for the user."""

    def __init__(self, message, path, target):
        super().__init__(message)
        self.path = path
        self.target = target


def is_inside(root, path) -> bool:
    """Whether the real path ``path`` is ``root`` or lies beneath it (both
    already resolved); compared by components, so ``output-2`` is not inside
    ``output``."""
    return os.path.commonpath([root, path]) == os.fspath(root)


def resolve_inside(root, path, *, base=None, source="", root_shown=None) -> Path:
    """The real path of ``path`` (symbolic links followed) when it lies inside
    ``root``; otherwise raise :class:`OutsideFolderError`.

    ``path`` is relative to ``base`` (default: ``root``); a leading ``/``
    makes it relative to ``root``, as Pelican reads ``{static}/...``. The
    message names ``source`` (who names the path, e.g. ``content/a.md: khóa
    "image"``) and the folder as ``root_shown``.
    """
    root = Path(os.path.realpath(root))
    text = os.fspath(path)
    start = root if base is None or text.startswith(("/", os.sep)) else Path(base)
    target = Path(os.path.realpath(os.path.join(start, text.lstrip("/" + os.sep))))
    if not is_inside(root, target):
        folder = root_shown or f"{display_path(root)}/"
        where = f"{source}: " if source else ""
        raise OutsideFolderError(
            f"{where}đường dẫn “{text}” dẫn ra ngoài thư mục {folder} (tới {display_path(target)}). "
            f"Chỉ được dùng tệp nằm trong thư mục {folder}; hãy chép tệp vào đó rồi "
            "dẫn tới bản chép.",
            text, target,
        )
    return target


def check_links_inside(root, root_shown=None) -> None:
    """Raise :class:`OutsideFolderError` for the first symbolic link under
    ``root`` that points outside it, is broken, or points to a folder that
    contains it (a loop); links that stay inside are fine. Nothing is
    followed: the walk itself never leaves ``root``."""
    root = Path(os.path.realpath(root))
    folder = root_shown or f"{display_path(root)}/"
    pending = [root]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                _check_link(root, Path(entry.path), folder)
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))


def _check_link(root: Path, link: Path, folder: str) -> None:
    target = Path(os.path.realpath(link))
    shown = f"{display_path(link.parent)}/{link.name}"  # the link itself, not its target
    pointer = os.readlink(link)
    if not is_inside(root, target):
        raise OutsideFolderError(
            f"{shown}: liên kết tượng trưng (symbolic link) trỏ ra ngoài thư mục {folder} "
            f"(tới {display_path(target)}). Trang web chỉ được đăng tệp nằm trong {folder}: hãy xóa "
            "liên kết và chép tệp cần đăng vào thư mục nội dung.",
            pointer, target,
        )
    if not target.exists():
        raise OutsideFolderError(
            f"{shown}: liên kết tượng trưng (symbolic link) hỏng: tệp “{pointer}” không tồn tại. "
            "Hãy xóa liên kết hoặc chép tệp vào đúng chỗ.",
            pointer, target,
        )
    if target.is_dir() and is_inside(target, link.parent.resolve()):
        raise OutsideFolderError(
            f"{shown}: liên kết tượng trưng (symbolic link) trỏ tới thư mục chứa chính nó "
            f"({display_path(target)}), tạo thành vòng lặp. Hãy xóa liên kết.",
            pointer, target,
        )


def safe_remove_tree(target, protected=None):
    """Remove ``target`` unless it is the file-system root, the home folder, the
    project root, or contains or lies inside a protected folder (the content)."""
    path = Path(target).resolve()
    site = site_root()
    if protected is None:
        protected = (site / "content",)
    forbidden = {Path(path.anchor), Path.home().resolve(), site}
    if path in forbidden:
        raise UnsafePathError(f"Từ chối xóa thư mục {path}: đây không phải thư mục kết quả.")
    for guarded in protected:
        guarded = Path(guarded).resolve()
        if path == guarded or guarded.is_relative_to(path) or path.is_relative_to(guarded):
            raise UnsafePathError(
                f"Từ chối xóa thư mục {path}: nó chứa hoặc nằm trong thư mục nội dung {guarded}."
            )
    if path.is_dir():
        shutil.rmtree(path)
    return path


def site_root() -> Path:
    """The site being built: the folder ``truongweb`` runs in (it holds
    ``pelicanconf.py`` and ``content/``), as for ``mkdocs`` or ``pelican``."""
    return Path.cwd().resolve()
