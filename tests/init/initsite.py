"""Helpers of the init tests: run the installed ``truongweb`` command."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

IDENTITY = {
    "--name": "Trường Tiểu học Kim Đồng",
    "--level": "tieu-hoc",
    "--parent": "Ủy ban nhân dân xã Kim Đồng",
    "--address": "Thôn 3, xã Kim Đồng, tỉnh Cao Bằng",
    "--phone": "0206 3852 123",
    "--email": "thkimdong@caobang.edu.vn",
    "--principal": "Nguyễn Thị Hoa",
    "--site-url": "https://thkimdong.caobang.edu.vn",
}


def truongweb_command():
    """The console script of the environment running the tests."""
    beside = Path(sys.executable).with_name("truongweb")
    found = str(beside) if beside.exists() else shutil.which("truongweb")
    return [found] if found else [sys.executable, "-m", "truongweb"]


def run(*args, cwd=None, input=None, env=None):
    environment = dict(os.environ, **(env or {}))
    environment.pop("SITEURL", None)
    return subprocess.run([*truongweb_command(), *args], cwd=cwd, input=input, capture_output=True,
                          text=True, env=environment, timeout=600)


def init(folder, **changes):
    """``truongweb init folder`` with every identity flag (``changes``:
    flag without dashes, underscores for dashes -> value; None drops it)."""
    flags = dict(IDENTITY)
    for key, value in changes.items():
        flag = "--" + key.replace("_", "-")
        if value is None:
            flags.pop(flag, None)
        else:
            flags[flag] = value
    args = [str(folder)]
    for flag, value in flags.items():
        args += [flag, value]
    return run("init", *args)


def files_of(folder):
    """Every file under ``folder`` (relative paths) -> its bytes."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".git" not in p.relative_to(folder).parts}
