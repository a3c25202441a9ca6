"""Pelican's internals in one place (truongweb.pelican_compat).

Every private name the product relies on still exists on the installed
Pelican, every English log text the build translates is still Pelican's, no
product module reaches a private name except through the compat module, and
an unsupported Pelican stops every way of building with one Vietnamese
message and no traceback (real runs in subprocesses, the version changed by
a ``sitecustomize`` shim).
"""

import importlib
import inspect
import io
import os
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from truongweb import pelican_compat
from truongweb.build import _IGNORED, _TRANSLATIONS, vietnamese_message

ROOT = Path(__file__).resolve().parent.parent
TEST_SITE = ROOT / "tests" / "data" / "site"
BIN = Path(sys.executable).parent


@pytest.mark.parametrize("internal", pelican_compat.PRIVATE_NAMES, ids=lambda i: i.dotted)
def test_each_private_name_still_exists_on_the_installed_pelican(internal):
    assert pelican_compat.still_exists(internal), (
        f"{internal.dotted} is gone from Pelican {pelican_compat.pelican_version()}; "
        f"used by {internal.used_by}")


def test_a_name_pelican_does_not_have_is_reported_missing():
    for kind in (pelican_compat.ATTRIBUTE, pelican_compat.INSTANCE):
        gone = pelican_compat.Internal("pelican.writers:Writer", "_no_such_name", kind, "test")
        assert not pelican_compat.still_exists(gone)
    assert not pelican_compat.still_exists(
        pelican_compat.Internal("pelican.no_such_module", "x", pelican_compat.ATTRIBUTE, "test"))


def test_the_writers_set_of_written_files_is_what_pelican_fills(tmp_path):
    """An instance attribute, checked on a real writer writing a real file."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import Writer

    writer = Writer(str(tmp_path), settings=dict(DEFAULT_CONFIG))
    path = str(tmp_path / "a.html")
    with pelican_compat.private("pelican.writers.Writer._open_w").__get__(writer)(path, "utf-8"):
        pass
    assert path in pelican_compat.written_files(writer)


@pytest.mark.parametrize("key", sorted(pelican_compat.LOG_TEXTS))
def test_each_log_text_is_still_pelicans(key):
    text = pelican_compat.LOG_TEXTS[key]
    source = inspect.getsource(importlib.import_module(text.module))
    assert text.text in source, f"{key}: Pelican no longer logs {text.text!r} in {text.module}"
    assert text.pattern.search(text.sample)


def test_the_build_translates_and_ignores_only_declared_texts():
    declared = {text.pattern for text in pelican_compat.LOG_TEXTS.values()}
    assert {pattern for pattern, _ in _TRANSLATIONS} <= declared
    assert set(_IGNORED) <= declared
    for pattern, _ in _TRANSLATIONS:
        sample = next(t.sample for t in pelican_compat.LOG_TEXTS.values() if t.pattern is pattern)
        translated = vietnamese_message(sample)
        assert translated != sample.strip() and "Skipping" not in translated


def _private_uses(path: Path):
    """(line, name) of each use of a declared private name in ``path``'s code
    (not its strings or comments), except defining an override decorated with
    ``pelican_compat.overrides``, calling Pelican's through ``super()`` and
    calling the module's own override on ``self``."""
    private = {i.name for i in pelican_compat.PRIVATE_NAMES if i.name.startswith("_")}
    private |= {"override_url", "override_save_as"}
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
    found, overridden = [], set()
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in private:
            continue
        before = [t.string for t in tokens[max(0, index - 4):index]]
        if before[-1:] == ["def"]:
            decorator = "\n".join(lines[max(0, token.start[0] - 4):token.start[0] - 1])
            if "pelican_compat.overrides(" in decorator:
                overridden.add(token.string)
                continue
        elif before == ["super", "(", ")", "."]:
            continue
        found.append((token.start[0], token.string, before[-2:] == ["self", "."]))
    return [(line, name) for line, name, on_self in found
            if not (on_self and name in overridden)]


def test_no_product_module_uses_a_private_name_but_the_compat_module():
    product = [p for folder in ("truongweb", "plugins") for p in (ROOT / folder).rglob("*.py")
               if p.name != "pelican_compat.py"]
    uses = {str(p.relative_to(ROOT)): found for p in product if (found := _private_uses(p))}
    assert uses == {}


def test_the_scan_finds_a_private_use(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f(writer):\n    return writer._written_files  # _open_w\n"
                      "class W:\n    def _open_w(self):\n        return super()._open_w()\n"
                      "    @pelican_compat.overrides('pelican.writers.Writer._open_w')\n"
                      "    def _open_w(self):\n        return self._open_w() or self._md\n",
                      encoding="utf-8")
    assert _private_uses(module) == [(2, "_written_files"), (4, "_open_w"), (8, "_md")]


@pytest.mark.parametrize("version, supported", [
    ("4.12", True), ("4.12.0", True), ("4.12.3", True),
    ("4.13.0", False), ("4.120", False), ("4.11.9", False), ("", False)])
def test_supported_versions(version, supported):
    assert pelican_compat.is_supported(version) is supported
    if supported:
        pelican_compat.require_supported_pelican(version)
    else:
        with pytest.raises(pelican_compat.UnsupportedPelican) as raised:
            pelican_compat.require_supported_pelican(version)
        assert f"Phiên bản Pelican đang cài là {version or 'không rõ'}" in str(raised.value)
        assert "4.12" in str(raised.value)


def test_patch_helpers_change_nothing_on_an_unsupported_pelican(monkeypatch):
    import pelican
    from pelican.generators import ArticlesGenerator

    from truongweb.plugins.speed import linear_archives

    dotted = linear_archives.PERIOD_ARCHIVES
    monkeypatch.setattr(pelican, "__version__", "4.13.0")
    before = ArticlesGenerator._build_period_archives
    pelican_compat.replace_method(dotted, lambda *args: None)
    assert ArticlesGenerator._build_period_archives is before


@pytest.fixture(scope="module")
def unsupported_site(tmp_path_factory):
    """A small site and a PYTHONPATH shim making the installed Pelican say 4.13.0."""
    base = tmp_path_factory.mktemp("unsupported")
    site = base / "site"
    shutil.copytree(TEST_SITE, site / "content")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, site / name)
    shim = base / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        "import pelican\npelican.__version__ = '4.13.0'\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(shim), "PYTHONIOENCODING": "utf-8"}
    environment.pop("SITE_DEBUG", None)
    return site, environment


@pytest.mark.parametrize("command", [
    [str(BIN / "truongweb"), "build"],
    [sys.executable, "-m", "truongweb.build"],
    [str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"],
], ids=["truongweb build", "python -m truongweb.build", "pelican"])
def test_an_unsupported_pelican_stops_each_build_with_the_vietnamese_message(unsupported_site, command):
    site, environment = unsupported_site
    result = subprocess.run(command, cwd=site, env=environment, capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert said.count("Phiên bản Pelican đang cài là 4.13.0, nhưng truongweb chỉ hỗ trợ Pelican 4.12.x") == 1, said
    assert "Lỗi: Phiên bản Pelican" in result.stderr
    assert "Traceback" not in said and "UnsupportedPelican" not in said, said
    assert not (site / "output" / "index.html").exists()
