"""Upgrades, tested: a school's site changes by installing a new package version.

The real thing, end to end (about half a minute with pip's cache): the
repository's package sources are built into a wheel, installed into a fresh
virtual environment outside the repository, a new site is created and built
with the installed ``truongweb``. A changed copy of the sources (new version,
a template change, a renamed setting) is built into a second wheel and
installed over the first; the site is built again. The change shows, the
site's ``content/`` is byte for byte what it was, the renamed setting still
works and the build names the old key and the new one. Plus unit tests of
the rename and identity logic (``site_settings.complete``).
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from truongweb.plugins.site_settings import complete

ROOT = Path(__file__).resolve().parent.parent
TEST_SITE = ROOT / "tests" / "data" / "site"
# What a wheel is built from (setup.py maps the three folders onto the package).
PACKAGE_SOURCES = ("pyproject.toml", "setup.py", "README.md", "requirements.txt",
                   "truongweb", "plugins", "theme")
FOOTER_MARK = "Bản thử nâng cấp truongweb"
NOTICE = "Website tạm dừng để bảo trì từ 20:00 đến 22:00 ngày 30/11/2026."
OLD_KEY, NEW_KEY = "DOWNTIME_NOTICE", "MAINTENANCE_NOTICE"


# -- unit tests of the rename and identity logic ------------------------------
def test_a_renamed_setting_moves_to_its_new_name_with_a_warning_naming_both():
    settings = {"OLD_NAME": "giá trị", "SCHOOL": {"name": "Trường A"}}
    warnings = complete(settings, renamed={"OLD_NAME": ("NEW_NAME", "0.2.0")})
    assert settings["NEW_NAME"] == "giá trị" and "OLD_NAME" not in settings
    assert len(warnings) == 1
    assert '"OLD_NAME"' in warnings[0] and '"NEW_NAME"' in warnings[0] and "0.2.0" in warnings[0]
    assert warnings[0].startswith("pelicanconf.py: ")


def test_a_site_without_the_old_name_gets_no_warning_and_keeps_the_new_value():
    settings = {"NEW_NAME": "mặc định", "SCHOOL": {"name": "Trường A"}}
    assert complete(settings, renamed={"OLD_NAME": ("NEW_NAME", "0.2.0")}) == []
    assert settings["NEW_NAME"] == "mặc định"


def test_the_old_value_wins_over_the_products_default_of_the_new_name():
    settings = {"OLD_NAME": "của trường", "NEW_NAME": "", "SCHOOL": {}}
    complete(settings, renamed={"OLD_NAME": ("NEW_NAME", "0.2.0")})
    assert settings["NEW_NAME"] == "của trường"


def test_identity_comes_from_school_unless_the_site_sets_it():
    school = {"name": "Trường THCS Thanh Bình", "short_name": "THCS Thanh Bình",
              "parent": "UBND xã Thanh Bình"}
    settings = {"SCHOOL": school, "SITENAME": "A Pelican Blog", "AUTHOR": None}
    complete(settings, renamed={})
    assert settings["SITENAME"] == school["name"]
    assert settings["SITESUBTITLE"] == school["parent"]
    assert settings["AUTHOR"] == school["short_name"]
    own = {"SCHOOL": school, "SITENAME": "Cổng thông tin riêng"}
    complete(own, renamed={})
    assert own["SITENAME"] == "Cổng thông tin riêng"
    without_short = {"SCHOOL": {"name": "Trường B"}}
    complete(without_short, renamed={})
    assert without_short["AUTHOR"] == "Trường B"


# -- the upgrade, end to end -------------------------------------------------
def run(command, cwd, env=None, timeout=600):
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=timeout)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


def copy_package_sources(destination: Path) -> Path:
    """The files of the package that git tracks, as a clean checkout has them."""
    listed = subprocess.run(["git", "ls-files", "-z", *PACKAGE_SOURCES], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for relative in filter(None, listed):
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    return destination


def build_wheel(sources: Path, dist: Path) -> Path:
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, sources], cwd=sources)
    version = re.search(r'__version__ = "([^"]+)"',
                        (sources / "truongweb" / "__init__.py").read_text(encoding="utf-8"))[1]
    wheels = list(dist.glob(f"truongweb-{version}-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: expected {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def next_version(version: str) -> str:
    major, minor, *_ = version.split(".")
    return f"{major}.{int(minor) + 1}.0"


def change_sources(sources: Path) -> str:
    """What a new release does: a new version, a visible template change, a
    setting renamed (its product default and every reader); returns the version."""
    init = sources / "truongweb" / "__init__.py"
    old_version = re.search(r'__version__ = "([^"]+)"', init.read_text(encoding="utf-8"))[1]
    version = next_version(old_version)
    replace_once(init, f'__version__ = "{old_version}"', f'__version__ = "{version}"')
    replace_once(sources / "theme" / "templates" / "partials" / "footer.html",
                 '<p class="site-footer__note">',
                 f'<p class="site-footer__release">{FOOTER_MARK}</p>\n    <p class="site-footer__note">')
    renamed = []
    for path in sorted(sources.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".yml"):
            text = path.read_text(encoding="utf-8")
            if OLD_KEY in text:
                path.write_text(text.replace(OLD_KEY, NEW_KEY), encoding="utf-8")
                renamed.append(path.relative_to(sources).as_posix())
    assert {"truongweb/settings.py", "theme/templates/base.html"} <= set(renamed), renamed
    replace_once(sources / "truongweb" / "settings.py", "RENAMED_SETTINGS = {}",
                 f'RENAMED_SETTINGS = {{"{OLD_KEY}": ("{NEW_KEY}", "{version}")}}')
    return version


def make_site(folder: Path, bin_dir: Path, env) -> None:
    """A new school's site in ``folder``, made with the installed package."""
    if (ROOT / "truongweb" / "commands" / "init.py").exists():
        run([bin_dir / "truongweb", "init", folder, "--name", "Trường THCS Nâng Cấp",
             "--level", "thcs", "--parent", "Ủy ban nhân dân xã Nâng Cấp",
             "--address", "Thôn 1, xã Nâng Cấp", "--phone", "0210 3000 000",
             "--email", "c2nangcap@example.edu.vn", "--principal", "Nguyễn Văn A",
             "--site-url", "https://thcsnangcap.example.edu.vn"], cwd=folder.parent, env=env)
    else:
        write_minimal_site(folder)
    # The school's own setting, under the name the first version knows.
    with open(folder / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(f"\n{OLD_KEY} = {NOTICE!r}\n")


def write_minimal_site(folder: Path) -> None:
    """What a school's site folder holds: its settings and content, no product code."""
    shutil.copytree(TEST_SITE, folder / "content")
    (folder / "pelicanconf.py").write_text('''"""Settings of Trường THCS Nâng Cấp."""

from truongweb.settings import defaults

globals().update(defaults())

SCHOOL = {
    "name": "Trường THCS Nâng Cấp",
    "short_name": "THCS Nâng Cấp",
    "parent": "Ủy ban nhân dân xã Nâng Cấp",
    "parent_url": "https://nangcap.example.gov.vn/",
    "address": "Thôn 1, xã Nâng Cấp",
    "phone": "0210 3000 000",
    "email": "c2nangcap@example.edu.vn",
    "responsible": "Nguyễn Văn A",
    "responsible_title": "Hiệu trưởng",
    "logo": "images/logo.svg",
    "level": "thcs",
    "site_url": "https://thcsnangcap.example.edu.vn",
}
''', encoding="utf-8")
    (folder / "publishconf.py").write_text(
        "from truongweb.settings import publish_settings\n\n"
        "globals().update(publish_settings(__file__))\n", encoding="utf-8")


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_upgrading_the_package_changes_the_site_and_nothing_in_content(tmp_path):
    outside = tmp_path / "upgrade"
    assert ROOT not in outside.resolve().parents
    first = build_wheel(copy_package_sources(outside / "src-1"), outside / "dist")
    changed = copy_package_sources(outside / "src-2")
    new_version = change_sources(changed)
    second = build_wheel(changed, outside / "dist")

    run([sys.executable, "-m", "venv", outside / "venv"], cwd=outside)
    bin_dir = outside / "venv" / "bin"
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "SITE_DEBUG", "PYTHONHOME")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONIOENCODING="utf-8")
    pip = [bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run([*pip, first], cwd=outside, env=env)  # its dependencies: requirements.txt's pins

    site = outside / "truong-thcs-nang-cap"
    site.mkdir()
    make_site(site, bin_dir, env)
    assert not any((site / name).exists() for name in ("plugins", "theme", "truongweb"))
    before = tree_digest(site / "content")

    built = run([bin_dir / "truongweb", "build"], cwd=site, env=env)
    index = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert NOTICE in index and FOOTER_MARK not in index
    assert OLD_KEY not in built.stdout + built.stderr
    key_before = (site / "cache" / "content-key.txt").read_text(encoding="utf-8")
    assert tree_digest(site / "content") == before

    run([*pip, second], cwd=outside, env=env)
    version = run([bin_dir / "truongweb", "--version"], cwd=site, env=env).stdout
    assert version.strip() == f"truongweb {new_version}"

    rebuilt = run([bin_dir / "truongweb", "build"], cwd=site, env=env)
    said = rebuilt.stdout + rebuilt.stderr
    index = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert FOOTER_MARK in index  # the new template
    assert NOTICE in index  # the old setting's value, under its new name
    warning = [line for line in said.splitlines() if line.startswith("Cảnh báo:") and OLD_KEY in line]
    assert len(warning) == 1 and f'"{NEW_KEY}"' in warning[0] and new_version in warning[0], said
    # A new package version reads every content file again (content cache key).
    assert (site / "cache" / "content-key.txt").read_text(encoding="utf-8") != key_before
    assert tree_digest(site / "content") == before
