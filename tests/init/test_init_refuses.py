"""``init`` refuses a folder that is not empty and never overwrites a file."""

import os

import pytest

from initsite import files_of, init
from truongweb import scaffold
from initsite import IDENTITY

IDENTITY_KEYS = {"name": IDENTITY["--name"], "level": IDENTITY["--level"], "parent": IDENTITY["--parent"],
                 "address": IDENTITY["--address"], "phone": IDENTITY["--phone"],
                 "email": IDENTITY["--email"], "principal": IDENTITY["--principal"],
                 "site_url": IDENTITY["--site-url"]}


def test_non_empty_folder_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("của nhà trường", encoding="utf-8")
    (folder / "pelicanconf.py").write_text("SCHOOL = {}\n", encoding="utf-8")
    before = files_of(folder)
    created = init(folder)
    assert created.returncode == 1
    assert "không trống" in created.stderr and "Traceback" not in created.stderr
    assert files_of(folder) == before


def test_second_init_changes_nothing(tmp_path):
    folder = tmp_path / "site"
    assert init(folder).returncode == 0
    before = files_of(folder)
    stamps = {p: os.stat(folder / p).st_mtime_ns for p in before}
    again = init(folder, name="Trường Tiểu học Khác")
    assert again.returncode == 1
    assert files_of(folder) == before
    assert {p: os.stat(folder / p).st_mtime_ns for p in before} == stamps


def test_a_file_in_the_way_is_never_replaced(tmp_path, monkeypatch):
    """Even when a file appears after the emptiness check (another program,
    a second init at the same time), it is kept and init stops."""
    folder = tmp_path / "site"
    folder.mkdir()
    planned = scaffold.plan_site

    def plan_then_race(*args, **kwargs):
        plan = planned(*args, **kwargs)
        (folder / "README.md").write_text("bản của nhà trường", encoding="utf-8")
        return plan

    monkeypatch.setattr(scaffold, "plan_site", plan_then_race)
    with pytest.raises(scaffold.ScaffoldError, match="không ghi đè"):
        scaffold.create_site(folder, IDENTITY_KEYS)
    assert (folder / "README.md").read_text(encoding="utf-8") == "bản của nhà trường"


def test_a_file_named_like_the_folder_is_refused(tmp_path):
    target = tmp_path / "site"
    target.write_text("x", encoding="utf-8")
    created = init(target)
    assert created.returncode == 1
    assert target.read_text(encoding="utf-8") == "x"
