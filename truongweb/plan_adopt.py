"""``python -m truongweb.plan_adopt FILE_OR_URL [--content DIR] [--force]``
= ``truongweb plan adopt``: a school takes the district's plan file
into ``content/plans/`` unchanged, so its id and topic codes match the other
schools' and the district's roll-up can put them side by side.

The file is checked with the plan loader first (``plan_evidence.plans``);
a file that is not a valid plan is refused with its Vietnamese message.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit


from truongweb.plugins.plan_evidence.plans import PlanError, load_plan, load_plans
from truongweb.plugins.vietnamese.messages import os_error_reason

__all__ = ["AdoptError", "adopt_plan", "main"]

MAX_BYTES = 1_000_000


class AdoptError(ValueError):
    """``str()`` is the Vietnamese message."""


def _download(url: str) -> bytes:
    import httpx

    try:
        with httpx.Client(follow_redirects=True, max_redirects=5, timeout=20, trust_env=False) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise AdoptError(f"{url}: máy chủ trả về lỗi HTTP {response.status_code}.")
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BYTES:
                        raise AdoptError(f"{url}: tệp quá lớn cho một kế hoạch (tối đa 1 MB).")
                return data
    except httpx.HTTPError as exc:
        raise AdoptError(f"{url}: không tải được tệp ({type(exc).__name__}).") from None


def adopt_plan(source: str, content: str | Path = "content", force: bool = False) -> Path:
    """Copy the plan at ``source`` (a path or an http(s) URL) to
    ``content/plans/<id>.yml``; return the written path."""
    scheme = urlsplit(source).scheme
    if scheme in ("http", "https"):
        data, name = _download(source), source
    elif scheme and len(scheme) > 1:
        raise AdoptError(f"{source}: chỉ nhận đường dẫn tệp hoặc địa chỉ http/https.")
    else:
        try:
            data, name = Path(source).read_bytes(), source
        except OSError as exc:
            raise AdoptError(f"{source}: không đọc được tệp ({os_error_reason(exc)}).") from None
        if len(data) > MAX_BYTES:
            raise AdoptError(f"{source}: tệp quá lớn cho một kế hoạch (tối đa 1 MB).")
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "plan.yml"
        probe.write_bytes(data)
        try:
            plan = load_plan(probe)
        except PlanError as error:
            raise AdoptError(str(error).replace(str(probe), name)) from None
    plans_dir = Path(content) / "plans"
    target = plans_dir / f"{plan.id}.yml"
    for other in load_plans(plans_dir):
        if other.id == plan.id and Path(other.source_path).resolve() != target.resolve():
            raise AdoptError(f"{other.source_path}: đã có kế hoạch mã '{plan.id}'; hãy xóa tệp đó trước.")
    if target.exists() and target.read_bytes() != data and not force:
        raise AdoptError(f"{target}: đã có tệp kế hoạch khác cùng mã; thêm --force để thay bằng tệp mới.")
    plans_dir.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def main(argv=None) -> int:
    """``python -m truongweb.plan_adopt`` is ``truongweb plan adopt`` (:mod:`truongweb.commands`)."""
    from truongweb.cli import main as truongweb

    return truongweb(['plan', 'adopt', *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
