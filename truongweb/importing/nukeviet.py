"""NukeViet 4 news from a MySQL dump (no database server needed).

Facts from NukeViet's ``modules/news/action_mysql.php``: each copy of the
news module is a row of ``{prefix}_{lang}_modules`` with ``module_file =
'news'``; its tables are ``{prefix}_{lang}_{module_data}_rows`` (one row per
article; ``_{catid}`` tables are copies and are not read), ``_detail``
(bodies; 3.x/early 4.0: ``_bodyhtml_N``), ``_cat`` (with ``parentid``),
``_tags``/``_tags_id``, ``_sources``. ``status`` 1 is published;
``publtime`` is a Unix time; titles and summaries are stored HTML-escaped;
article URLs are ``/{lang}/{module}/{category-alias}/{alias}-{id}.html``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .body import plain_text
from .model import DRAFT, PUBLISHED, ImportSourceError, Record
from .sqldump import DumpError, MAX_DUMP_BYTES, read_dump

_MODULES_RE = re.compile(r"^(\w+?)_([a-z]{2,3})_modules$")


def _time(value) -> dt.datetime | None:
    try:
        seconds = int(value or 0)
    except (TypeError, ValueError):
        return None
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc) if seconds > 0 else None


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def read_text(path: Path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportSourceError(f"Không mở được tệp {path}.") from None
    if size > MAX_DUMP_BYTES:
        raise ImportSourceError(f"Tệp {path} quá lớn ({size // 2**20} MB).")
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        # One bad byte must not lose the whole site: it shows as "�" and is reported.
        return data.decode("utf-8", "replace"), f"tệp có byte không phải UTF-8 (dòng {line} là chỗ đầu tiên), đã thay bằng “�”"


def module_instances(tables) -> list[dict]:
    """Every news module copy: lang, module title (URL part), table base."""
    found = []
    for name, table in tables.items():
        m = _MODULES_RE.match(name)
        if not m:
            continue
        prefix, lang = m.groups()
        for row in table.rows:
            if _text(row.get("module_file")) == "news":
                data = _text(row.get("module_data")) or _text(row.get("title"))
                found.append({"lang": lang, "module": _text(row.get("title")),
                              "base": f"{prefix}_{lang}_{data}", "name": plain_text(row.get("custom_title"))})
    return found


def read(path: Path, where: str = "") -> tuple[list[Record], list[str]]:
    """Records of every news module instance in the dump, and notes."""
    where = where or str(path)
    text, note = read_text(path)
    try:
        tables = read_dump(text, where, wanted=lambda n: "_modules" in n or re.search(
            r"_(rows|detail|cat|tags|tags_id|sources|bodyhtml_\d+|bodytext)$", n) is not None)
    except DumpError as e:
        raise ImportSourceError(str(e)) from None
    instances = module_instances(tables)
    if not instances:
        raise ImportSourceError(f"{where}: không tìm thấy mô-đun tin tức nào (bảng …_modules với module_file = news). "
                                "Đây có phải bản sao lưu cơ sở dữ liệu NukeViet 4 không?")
    records, notes = [], [note] if note else []
    for inst in instances:
        records += _read_instance(tables, inst, notes, where)
    return records, notes


def _read_instance(tables, inst, notes, where) -> list[Record]:
    base = inst["base"]
    rows = tables.get(base + "_rows")
    if rows is None:
        notes.append(f"mô-đun {inst['module']} ({inst['lang']}): không có bảng {base}_rows, bỏ qua")
        return []
    cats = {}
    for row in getattr(tables.get(base + "_cat"), "rows", []):
        cats[int(row.get("catid") or 0)] = row
    details = {int(r.get("id") or 0): r for r in getattr(tables.get(base + "_detail"), "rows", [])}
    for name, table in tables.items():  # NukeViet 3.x / early 4.0 bodies
        if re.fullmatch(re.escape(base) + r"_bodyhtml_\d+", name):
            for r in table.rows:
                details.setdefault(int(r.get("id") or 0), {"bodyhtml": r.get("bodyhtml"), "sourcetext": r.get("sourcetext", "")})
    sources = {int(r.get("sourceid") or 0): r for r in getattr(tables.get(base + "_sources"), "rows", [])}
    tag_names = {int(r.get("tid") or 0): _text(r.get("alias")) for r in getattr(tables.get(base + "_tags"), "rows", [])}
    tags_of: dict[int, list[str]] = {}
    for r in getattr(tables.get(base + "_tags_id"), "rows", []):
        word = _text(r.get("keyword")) or tag_names.get(int(r.get("tid") or 0), "")
        if word:
            tags_of.setdefault(int(r.get("id") or 0), []).append(word.replace("-", " "))
    cat_name = {cid: plain_text(c.get("title")) for cid, c in cats.items()}
    parents = {cat_name[cid]: cat_name.get(int(c.get("parentid") or 0), "") for cid, c in cats.items()}
    records = []
    for row in rows.rows:
        try:
            aid = int(row.get("id"))
        except (TypeError, ValueError):
            notes.append(f"{base}_rows: bỏ một dòng không có mã bài hợp lệ")
            continue
        warnings = []
        detail = details.get(aid)
        if detail is None:
            warnings.append("không có nội dung chi tiết (bảng _detail): chỉ có phần tóm tắt")
        catid = int(row.get("catid") or 0)
        listcat = [int(x) for x in re.findall(r"\d+", _text(row.get("listcatid")))]
        order = [catid] + [c for c in listcat if c != catid]
        categories = [cat_name[c] for c in order if c in cat_name]
        if catid and catid not in cat_name:
            warnings.append(f"chuyên mục mã {catid} không có trong bảng chuyên mục")
        alias = _text(row.get("alias"))
        cat_alias = _text(cats.get(catid, {}).get("alias")) if catid in cats else ""
        old_urls = [f"/{inst['lang']}/{inst['module']}/{cat_alias}/{alias}-{aid}.html"] if cat_alias else []
        status = int(row.get("status") or 0)
        publ = _time(row.get("publtime"))
        source = sources.get(int(row.get("sourceid") or 0))
        sourcetext = _text((detail or {}).get("sourcetext"))
        external = sourcetext if int(row.get("external_link") or 0) == 1 and sourcetext.startswith(("http://", "https://")) else ""
        image = _text(row.get("homeimgfile"))
        if image and not image.startswith(("http://", "https://", "/")):
            image = f"/uploads/{inst['module']}/{image}"
        summary = _text(row.get("hometext"))
        body = _text((detail or {}).get("bodyhtml")) or (f"<p>{summary}</p>" if summary else "")
        tags = tags_of.get(aid, [])
        if not tags:
            tags = [k.strip() for k in plain_text((detail or {}).get("keywords")).split(",") if k.strip()]
        records.append(Record(
            source=f"nukeviet:{inst['lang']}:{inst['module']}", old_id=str(aid), title=_text(row.get("title")),
            body_html=body, summary=summary, date=publ or _time(row.get("addtime")),
            modified=_time(row.get("edittime")),
            status=(PUBLISHED if status == 1 else DRAFT),
            categories=categories, category_parents=parents, tags=tags,
            authors=[a.strip() for a in re.split(r"[,;]", plain_text(row.get("author"))) if a.strip()],
            image=image, image_alt=_text(row.get("homeimgalt")), old_urls=old_urls, alias=alias,
            external_link=external, source_name=plain_text((source or {}).get("title")),
            warnings=warnings))
    notes.append(f"mô-đun “{inst['name'] or inst['module']}” (/{inst['lang']}/{inst['module']}/): {len(records)} bài")
    return records

