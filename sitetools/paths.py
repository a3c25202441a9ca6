"""Safe file-system operations: the build deletes only inside output folders."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class UnsafePathError(ValueError):
    pass


def safe_remove_tree(target, protected=(ROOT / "content",)):
    """Remove ``target`` unless it is the file-system root, the home folder, the
    project root, or contains or lies inside a protected folder (the content)."""
    path = Path(target).resolve()
    forbidden = {Path(path.anchor), Path.home().resolve(), ROOT}
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
