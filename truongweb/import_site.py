"""Import a school's old site: ``python -m truongweb.import_site nukeviet DUMP.sql
--files UPLOADS_DIR --old-url URL [--content DIR] [--categories MAP.yml]``.

:func:`run` is what ``truongweb import`` (:mod:`truongweb.commands.import_`)
calls; :func:`main` is that command.
"""

from __future__ import annotations

import sys
from pathlib import Path

from truongweb.importing import mapping
from truongweb.importing.model import ImportSourceError


def site_settings():
    """CATEGORIES, DEFAULT_CATEGORY, TIMEZONE from the site's pelicanconf.py."""
    import importlib.util

    from .paths import site_root

    spec = importlib.util.spec_from_file_location("_site_conf", site_root() / "pelicanconf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    return list(conf.CATEGORIES), conf.DEFAULT_CATEGORY, conf.TIMEZONE


def load_category_map(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    from truongweb.plugins.content_schema.safe_yaml import load_limited

    try:
        data = load_limited(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ImportSourceError(f"Không đọc được tệp ánh xạ chuyên mục {path}: {e}") from None
    if not isinstance(data, dict):
        raise ImportSourceError(f"Tệp ánh xạ chuyên mục {path}: cần các dòng “chuyên mục cũ: chuyên mục mới”.")
    return {str(k): str(v) for k, v in data.items()}


def run(kind: str, source: str, content: Path, files: Path | None = None, old_url: str = "",
        categories_file: Path | None = None, report_dir: Path | None = None, now=None, echo=print):
    """Import ``source`` into ``content``; returns (plan, report text)."""
    categories, default, timezone = site_settings()
    category_map = load_category_map(categories_file)
    for old, new in category_map.items():
        if new not in categories:
            raise ImportSourceError(f"Tệp ánh xạ chuyên mục {categories_file}: “{old}: {new}” — "
                                    f"“{new}” không phải chuyên mục của trang web ({'; '.join(categories)}).")
    if files is not None and not Path(files).is_dir():
        raise ImportSourceError(f"Không có thư mục tải lên {files}.")
    shortcodes, autop, prefixes, label = None, False, ("/uploads/",), kind
    if kind == "nukeviet":
        from truongweb.importing import nukeviet

        records, notes = nukeviet.read(Path(source), str(source))
        label = f"NukeViet ({Path(source).name})"
        # --files is NukeViet's uploads/ folder itself
    elif kind == "wordpress":
        from truongweb.importing import wordpress

        records, notes, shortcodes = wordpress.read(Path(source), str(source))
        autop, prefixes, label = True, ("/wp-content/uploads/",), f"WordPress ({Path(source).name})"
        old_url = old_url or wordpress.site_url(Path(source))
    elif kind == "feed":
        from truongweb.importing import feed

        records, notes, site = feed.read(source)
        old_url, label = old_url or site, f"nguồn tin {source}"
    else:
        raise ImportSourceError(f"Không biết loại dữ liệu “{kind}”: dùng nukeviet, wordpress hoặc feed.")
    settings = mapping.Settings(content=Path(content), categories=categories, default_category=default,
                                category_map=category_map, files=Path(files) if files else None,
                                upload_prefixes=prefixes, old_url=old_url, timezone=timezone, now=now)
    result = mapping.plan(records, settings, shortcodes=shortcodes, autop=autop)
    mapping.apply(result, Path(content))
    report_dir = Path(report_dir or Path(content).resolve().parent / "nhap-du-lieu")
    hint = ""
    if result.unmapped_categories:
        report_dir.mkdir(parents=True, exist_ok=True)
        hint = str(report_dir / f"chuyen-muc-{kind}.yml")
        Path(hint).write_text(mapping.category_template(result, settings), encoding="utf-8")
    text = mapping.report(result, label, hint)
    if notes:
        text += "\n## Ghi chú khi đọc dữ liệu\n\n" + "".join(f"- {n}\n" for n in notes)
    report_dir.mkdir(parents=True, exist_ok=True)
    report_path = report_dir / f"bao-cao-{kind}.md"
    report_path.write_text(text, encoding="utf-8")
    if echo:
        echo(text)
        echo(f"Báo cáo đã ghi vào {report_path}")
    return result, text


def main(argv=None) -> int:
    """``python -m truongweb.import_site`` is ``truongweb import`` (:mod:`truongweb.commands`)."""
    from truongweb.cli import main as truongweb

    return truongweb(['import', *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
