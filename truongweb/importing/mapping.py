"""Records -> content files, pictures to copy, old-address redirects, report.

Pure: no Pelican, no database. :func:`plan` decides everything (file names,
slugs, categories, statuses, pictures) from the records and what is already
in the content folder; :func:`apply` writes it so that a second run of the
same export changes nothing and a file edited by hand is never overwritten
(each written file carries ``x_import_hash``, the hash of what was written:
a file whose text no longer matches its hash was edited and is kept).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as htmllib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import yaml

from . import body as bodylib
from .model import DRAFT, PENDING, PRIVATE, PUBLISHED, SCHEDULED, STATUS_LABELS, TRASH, Record
from truongweb.plugins.content_schema import MAX_LIST_ITEMS, MAX_YEAR, MIN_YEAR, NOTE_PREFIX, check_key
from truongweb.plugins.vietnamese.text import slugify

MAX_FILE_BYTES = 50 * 1024 * 1024  # one picture or attachment
REDIRECTS_FILE = "duong-dan-cu.yml"  # relative to content/
HASH_KEY = f"{NOTE_PREFIX}import_hash"
_IMAGE_EXT = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
_FILE_EXT = _IMAGE_EXT | {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt",
                          ".ods", ".zip", ".rar", ".mp3", ".mp4", ".txt"}


@dataclass
class Settings:
    content: Path
    categories: list[str]
    default_category: str
    category_map: dict[str, str] = field(default_factory=dict)  # old name/slug -> site category
    files: Path | None = None  # the old uploads folder
    upload_prefixes: tuple[str, ...] = ("/uploads/",)  # old paths served from ``files``
    old_url: str = ""  # the old site's address, e.g. https://thcs-x.edu.vn
    timezone: str = "Asia/Ho_Chi_Minh"
    now: dt.datetime | None = None


@dataclass
class Item:
    """What one record becomes."""

    record: Record
    status: str = ""  # published | draft | skipped
    scheduled: bool = False
    path: str = ""  # relative to content/
    slug: str = ""
    text: str = ""
    warnings: list[str] = field(default_factory=list)
    reason: str = ""  # why skipped
    outcome: str = ""  # new | updated | unchanged | kept


@dataclass
class Plan:
    items: list[Item] = field(default_factory=list)
    copies: dict[str, Path] = field(default_factory=dict)  # content-relative dest -> source
    redirects: dict[str, str] = field(default_factory=dict)  # old path -> content-relative file
    unmapped_categories: dict[str, int] = field(default_factory=dict)
    redirect_problems: list[str] = field(default_factory=list)
    comments: int = 0


# --- small pure helpers ----------------------------------------------------------

def old_path(url: str, old_url: str = "") -> str | None:
    """The path part of an old address, decoded ("/vi/news/a/b-1.html"), or None
    when the address is on another host or has a query (no static file can be
    served for ``?p=1``)."""
    url = str(url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        base = urlsplit(old_url if "//" in old_url else "//" + old_url) if old_url else None
        if not base or parts.hostname != base.hostname:
            return None
    if parts.query:
        return None
    path = unquote(parts.path or "/")
    return path if path.startswith("/") else "/" + path


def safe_output_path(path: str) -> str | None:
    """``path`` as a file in the output (".../" -> ".../index.html"), or None
    if it could leave the output folder or is not a plain path."""
    if not path or len(path) > 500 or any(c in path for c in "\\\0\r\n") or not path.startswith("/"):
        return None
    parts = path.split("/")[1:]
    if any(p in (".", "..") for p in parts) or any(not p for p in parts[:-1]):
        return None
    rel = path[1:]
    if not rel or rel.endswith("/"):
        rel += "index.html"
    elif not re.search(r"\.html?$", rel):
        rel += "/index.html"
    return rel


def to_local(value: dt.datetime | None, tz: ZoneInfo) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # readers give aware times; a naive one is local
        value = value.replace(tzinfo=tz)
    return value.astimezone(tz)


def _iso(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def file_hash(front: str, body: str) -> str:
    return hashlib.sha256((front + "\0" + body).encode("utf-8")).hexdigest()[:20]


def render(front: dict, body: str) -> str:
    """The file text: YAML front matter (with the hash of the rest) and body."""
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}{HASH_KEY}: {file_hash(head, body)}\n---\n{body}"


_HASH_LINE_RE = re.compile(rf"^{HASH_KEY}: ([0-9a-f]+)\n", re.M)


def hand_edited(text: str) -> bool | None:
    """True if a file written by the importer was changed since, False if not,
    None if it was not written by the importer."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    m = _HASH_LINE_RE.search(text, 4, end + 1 if end > 0 else None)
    if end < 0 or not m:
        return None
    head = text[4:m.start()] + text[m.end():end + 1]
    return file_hash(head, text[end + 5:]) != m.group(1)


_OLD_ID_RE = re.compile(r"^x_old_id: ['\"]?([^'\"\n]+)['\"]?\s*$", re.M)


def existing_files(content: Path) -> tuple[dict[str, str], set[str]]:
    """Files already imported (old id -> content-relative path) and every
    content-relative path of articles and pages (taken names)."""
    by_id, taken = {}, set()
    for folder in ("articles", "pages"):
        base = content / folder
        if not base.is_dir():
            continue
        for path in base.rglob("*.md"):
            rel = path.relative_to(content).as_posix()
            taken.add(rel)
            try:
                with path.open(encoding="utf-8", errors="replace") as f:
                    head = f.read(8192)
            except OSError:
                continue
            m = _OLD_ID_RE.search(head)
            if m:
                by_id[m.group(1)] = rel
    return by_id, taken


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    return hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


# --- categories --------------------------------------------------------------------

def map_category(name: str, record: Record, settings: Settings, parents=True) -> str | None:
    """The site category for an old category (itself, then its parents)."""
    by_slug = {slugify(c): c for c in settings.categories}
    wanted = {slugify(k): v for k, v in settings.category_map.items()}
    seen = set()
    while name and name not in seen:
        seen.add(name)
        key = slugify(name)
        if key in wanted and wanted[key] in settings.categories:
            return wanted[key]
        if key in by_slug:
            return by_slug[key]
        name = record.category_parents.get(name, "") if parents else ""
    return None


# --- the plan ------------------------------------------------------------------------

def _status(record: Record, now: dt.datetime, date: dt.datetime) -> tuple[str, bool, str]:
    """(site status, scheduled, note)."""
    if record.status == TRASH:
        return "skipped", False, "bài trong thùng rác của trang cũ"
    if record.status in (PUBLISHED, SCHEDULED):
        scheduled = date > now
        if record.status == SCHEDULED and not scheduled:
            return "published", False, "hẹn giờ đăng nhưng thời điểm đã qua: đăng luôn"
        return "published", scheduled, ""
    if record.status in (DRAFT, PENDING, PRIVATE):
        return "draft", False, ""
    return "draft", False, f"trạng thái lạ “{record.status}”: để ở dạng bản nháp"


def _wpautop(text: str) -> str:
    """WordPress stores paragraphs as blank lines; HTML wants <p>."""
    if re.search(r"<(p|div|table|ul|ol|h\d)\b", text, re.I) and "\n\n" not in text:
        return text
    blocks = re.split(r"\n\s*\n", text.strip())
    out = []
    for block in blocks:
        if re.match(r"\s*<(p|div|table|ul|ol|h\d|blockquote|figure|pre|hr|dl|iframe)\b", block, re.I):
            out.append(block)
        else:
            out.append("<p>" + block.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def plan(records: list[Record], settings: Settings, shortcodes=None, autop=False) -> Plan:
    tz = ZoneInfo(settings.timezone)
    now = to_local(settings.now or dt.datetime.now(dt.timezone.utc), tz)
    content = Path(settings.content)
    by_id, taken = existing_files(content)
    result = Plan()
    used_slugs: dict[tuple, str] = {}
    used_paths = set(taken)
    reserved_copies: dict[Path, str] = {}

    def key_of(r):
        return (r.source, r.kind, int(r.old_id) if str(r.old_id).isdigit() else 0, str(r.old_id))

    # Pass 1: status, date, slug, file name of every record.
    for record in sorted(records, key=key_of):
        item = Item(record, warnings=list(record.warnings))
        result.items.append(item)
        result.comments += record.comments
        date = to_local(record.date or record.modified, tz)
        if date is None:
            item.status, item.reason = "skipped", "không có ngày đăng"
            continue
        if not (MIN_YEAR <= date.year <= MAX_YEAR):
            item.status, item.reason = "skipped", f"ngày đăng {date:%d/%m/%Y} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}"
            continue
        item.status, item.scheduled, note = _status(record, now, date)
        if item.status == "skipped":
            item.reason = note
            continue
        if note:
            item.warnings.append(note)
        record.date = date
        record.modified = to_local(record.modified, tz)
        base = slugify(unquote(record.alias)) or slugify(bodylib.plain_text(record.title)) or f"bai-{slugify(str(record.old_id))}"
        base = base[:80].strip("-")
        key = f"{record.source}:{record.old_id}"
        folder = "pages" if record.kind == "page" else f"articles/{date:%Y}"
        scope = ("page",) if record.kind == "page" else ("article",)
        slug = base
        if (scope, slug) in used_slugs:
            slug = f"{base}-{slugify(str(record.old_id))}"
            item.warnings.append(f"trùng đường dẫn “{base}” với một bài khác: bài này dùng “{slug}”")
        used_slugs[(scope, slug)] = key
        path = by_id.get(key)
        if path is None:
            path = f"{folder}/{slug}.md"
            if path in used_paths:
                path = f"{folder}/{slug}-{slugify(str(record.old_id))}.md"
            used_paths.add(path)
        item.slug, item.path = slug, path

    live = [i for i in result.items if i.status != "skipped"]
    article_links = {}
    for item in live:
        for url in item.record.old_urls:
            p = old_path(url, settings.old_url)
            if p:
                article_links[p] = item.path

    # Pass 2: bodies, pictures, front matter.
    for item in live:
        record = item.record
        date = record.date

        def copy_target(source_file: Path, old: str) -> str:
            source_file = source_file.resolve()
            if source_file in reserved_copies:
                return reserved_copies[source_file]
            stem = slugify(PurePosixPath(old).stem) or "tep"
            ext = PurePosixPath(old).suffix.lower()
            n = 1
            while True:
                name = f"images/{date:%Y}/{date:%m}/{stem}{'' if n == 1 else f'-{n}'}{ext}"
                dest = content / name
                other = result.copies.get(name)
                if other is None and not dest.exists():
                    break
                if other is None and dest.is_file() and _same_bytes(dest, source_file):
                    break  # copied by an earlier run
                if other is not None and other == source_file:
                    break
                n += 1
            result.copies[name] = source_file
            reserved_copies[source_file] = name
            return name

        def resolve(attribute: str, url: str) -> str | None:
            url = url.strip()
            if not url or url.startswith(("#", "mailto:", "tel:", "{static}", "{filename}")):
                return url
            p = old_path(url, settings.old_url)
            if p is None:  # another host (or a query)
                if attribute == "src" and url.startswith(("http:", "https:", "//")):
                    item.warnings.append(f"bỏ ảnh lấy từ máy chủ khác (trang web không tải gì từ bên thứ ba): {url[:120]}")
                    return None
                return url
            if p in article_links:
                return "{filename}/" + article_links[p]
            prefix = next((x for x in settings.upload_prefixes if p.startswith(x)), None)
            if prefix is not None and settings.files is not None:
                rel = p[len(prefix):]
                problem = _upload_problem(settings.files, rel)
                if problem:
                    item.warnings.append(f"{problem}: {rel}")
                    return None if attribute == "src" else (settings.old_url.rstrip("/") + p if settings.old_url else None)
                return "{static}/" + copy_target(settings.files / rel, rel)
            if attribute == "src":
                item.warnings.append(f"bỏ ảnh ở địa chỉ cũ không có trong thư mục tải lên: {url[:120]}")
                return None
            return settings.old_url.rstrip("/") + p if settings.old_url else url

        html = record.body_html
        if autop:
            html = _wpautop(html)
        html, warnings = bodylib.clean_body(html, resolve, shortcodes)
        item.warnings += warnings
        if record.external_link:
            link = htmllib.escape(record.external_link)
            html += f'\n<p class="lien-ket-goc">Xem bài gốc: <a href="{link}">{link}</a></p>'
        if record.summary_only and record.original_link:
            link = htmllib.escape(record.original_link)
            html += f'\n<p class="lien-ket-goc">Đọc toàn bài tại trang cũ: <a href="{link}">{link}</a></p>'
            item.warnings.append("nguồn tin chỉ có tóm tắt: bài gồm phần tóm tắt và liên kết tới bài gốc")

        front: dict = {"title": bodylib.plain_text(record.title) or f"(Không có tiêu đề) #{record.old_id}"}
        if not bodylib.plain_text(record.title):
            item.warnings.append("bài không có tiêu đề: đặt tạm tiêu đề “(Không có tiêu đề)”")
        front["date"] = _iso(date)
        if record.modified and record.modified > date:
            front["modified"] = _iso(record.modified)
        if record.kind == "article":
            primary, extra_tags = None, []
            for i, name in enumerate(record.categories):
                site = map_category(name, record, settings)
                if i == 0:
                    primary = site
                    if site is None:
                        result.unmapped_categories[name] = result.unmapped_categories.get(name, 0) + 1
                        extra_tags.append(bodylib.plain_text(name))
                    elif map_category(name, record, settings, parents=False) is None:
                        extra_tags.append(bodylib.plain_text(name))  # a sub-category: its name stays as a tag
                elif site != primary or site is None:
                    extra_tags.append(bodylib.plain_text(name))
            front["category"] = primary or settings.default_category
            tags = list(dict.fromkeys(t for t in (bodylib.plain_text(t) for t in record.tags + extra_tags) if t))
            if len(tags) > MAX_LIST_ITEMS:
                item.warnings.append(f"bài có {len(tags)} thẻ: chỉ giữ {MAX_LIST_ITEMS} thẻ đầu")
                tags = tags[:MAX_LIST_ITEMS]
            if tags:
                front["tags"] = tags
        authors = [a for a in (bodylib.plain_text(a) for a in record.authors) if a]
        if len(authors) == 1:
            front["author"] = authors[0]
        elif authors:
            front["authors"] = authors[:MAX_LIST_ITEMS]
        summary = bodylib.plain_text(record.summary)
        if summary:
            front["summary"] = summary[:1000]
        if record.image:
            image = resolve("src", record.image)
            if image and image.startswith("{static}/"):
                front["image"] = image.removeprefix("{static}/")
                front["image_alt"] = bodylib.plain_text(record.image_alt) or front["title"]
        if record.source_name and record.kind == "article":
            front["source"] = bodylib.plain_text(record.source_name)[:200]
        front["status"] = item.status
        front["slug"] = item.slug
        if record.kind == "page" and record.order is not None:
            front["order"] = int(record.order)
        front["x_old_id"] = f"{record.source}:{record.old_id}"
        if record.old_urls:
            front["x_old_url"] = record.old_urls[0]
        if record.external_link:
            front["x_external_link"] = record.external_link
        if record.parent_id:
            parent = next((i for i in live if i.record.kind == "page" and i.record.old_id == record.parent_id
                           and i.record.source == record.source), None)
            if parent:
                front["x_parent"] = parent.slug
        for key, value in front.items():  # only keys of the content schema (or notes)
            check_key(key, value, record.kind, f"content/{item.path}")
        item.text = render(front, f'<div class="bai-nhap-tu-trang-cu">\n{html}\n</div>\n')

        if item.status == "published":
            for url in record.old_urls:
                p = old_path(url, settings.old_url)
                if p is None:
                    result.redirect_problems.append(
                        f"“{front['title']}”: không tạo được trang chuyển hướng cho {url} "
                        "(địa chỉ có dấu ? hoặc ở máy chủ khác)")
                elif safe_output_path(p) is None:
                    result.redirect_problems.append(f"“{front['title']}”: địa chỉ cũ không hợp lệ: {url}")
                else:
                    result.redirects[p] = item.path
    return result


def _upload_problem(files: Path, rel: str) -> str | None:
    """Why ``rel`` cannot be copied from the uploads folder (Vietnamese)."""
    if not rel or ".." in PurePosixPath(rel).parts or rel.startswith("/") or "\0" in rel:
        return "đường dẫn tệp không hợp lệ"
    if PurePosixPath(rel).suffix.lower() not in _FILE_EXT:
        return "loại tệp không được nhận"
    path = files / rel
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "thiếu tệp trong thư mục tải lên"
    if not real.is_relative_to(files.resolve()) or path.is_symlink():
        return "tệp là liên kết ra ngoài thư mục tải lên, không chép"
    if not real.is_file():
        return "thiếu tệp trong thư mục tải lên"
    size = real.stat().st_size
    if size == 0:
        return "tệp rỗng trong thư mục tải lên"
    if size > MAX_FILE_BYTES:
        return f"tệp lớn hơn {MAX_FILE_BYTES // 2**20} MB"
    return None


# --- writing ----------------------------------------------------------------------------

def _load_redirects(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    from truongweb.plugins.content_schema.safe_yaml import load_limited

    data = load_limited(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def dump_redirects(redirects: dict[str, str]) -> str:
    head = ("# Địa chỉ của trang web cũ → bài trên trang web mới (tệp trong content/).\n"
            "# Công cụ nhập dữ liệu ghi tệp này; mỗi địa chỉ cũ có một trang chuyển hướng.\n")
    return head + yaml.safe_dump(dict(sorted(redirects.items())), allow_unicode=True, width=10_000)


def apply(result: Plan, content: Path) -> None:
    """Write what :func:`plan` decided; fills each item's ``outcome``."""
    content = Path(content)
    for dest, source in sorted(result.copies.items()):
        target = content / dest
        if target.is_file() and _same_bytes(target, source):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for item in result.items:
        if item.status == "skipped":
            continue
        target = content / item.path
        if target.is_file():
            old = target.read_text(encoding="utf-8", errors="replace")
            if old == item.text:
                item.outcome = "unchanged"
                continue
            if hand_edited(old) is not False:
                item.outcome = "kept"
                continue
            item.outcome = "updated"
        else:
            item.outcome = "new"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".md.tmp")
        tmp.write_text(item.text, encoding="utf-8")
        os.replace(tmp, target)
    if result.redirects:
        path = content / REDIRECTS_FILE
        merged = {**_load_redirects(path), **result.redirects}
        text = dump_redirects(merged)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


# --- the report ------------------------------------------------------------------------

def report(result: Plan, source_label: str, category_file_hint: str = "") -> str:
    """The Vietnamese report (Markdown, also readable as plain text)."""
    lines = [f"# Báo cáo nhập dữ liệu từ {source_label}", ""]
    items = result.items
    kinds = {"article": "bài viết", "page": "trang"}
    lines.append(f"Tổng số mục đọc được: {len(items)}.")
    for kind, label in kinds.items():
        of_kind = [i for i in items if i.record.kind == kind]
        if not of_kind:
            continue
        by_old = {}
        for i in of_kind:
            by_old[i.record.status] = by_old.get(i.record.status, 0) + 1
        old = ", ".join(f"{STATUS_LABELS.get(s, s)}: {n}" for s, n in sorted(by_old.items()))
        pub = sum(1 for i in of_kind if i.status == "published" and not i.scheduled)
        sch = sum(1 for i in of_kind if i.scheduled)
        dra = sum(1 for i in of_kind if i.status == "draft")
        ski = sum(1 for i in of_kind if i.status == "skipped")
        lines.append(f"- {label.capitalize()}: {len(of_kind)} (trên trang cũ: {old}) → đăng {pub}, "
                     f"hẹn giờ {sch}, bản nháp {dra}, bỏ qua {ski}.")
    outcomes = {"new": "tạo mới", "updated": "cập nhật", "unchanged": "không đổi",
                "kept": "giữ nguyên vì đã được sửa tay"}
    counted = {k: sum(1 for i in items if i.outcome == k) for k in outcomes}
    lines.append("- Tệp nội dung: " + ", ".join(f"{v} {counted[k]}" for k, v in outcomes.items()) + ".")
    lines.append(f"- Ảnh và tệp đính kèm chép sang: {len(result.copies)}.")
    lines.append(f"- Trang chuyển hướng từ địa chỉ cũ: {len(result.redirects)} (danh sách trong content/{REDIRECTS_FILE}).")
    if result.comments:
        lines.append(f"- Bình luận: {result.comments} (không nhập; trang web mới không có bình luận).")
    skipped = [i for i in items if i.status == "skipped"]
    if skipped:
        lines += ["", "## Mục bị bỏ qua", ""]
        lines += [f"- “{bodylib.plain_text(i.record.title) or '(không tiêu đề)'}” (mã {i.record.old_id}): {i.reason}"
                  for i in skipped]
    kept = [i for i in items if i.outcome == "kept"]
    if kept:
        lines += ["", "## Tệp đã sửa tay, không ghi đè", ""]
        lines += [f"- content/{i.path}" for i in kept]
    scheduled = [i for i in items if i.scheduled]
    if scheduled:
        lines += ["", "## Bài hẹn giờ đăng (chưa hiện trên trang cho tới ngày đăng)", ""]
        lines += [f"- content/{i.path}: {i.record.date:%H:%M %d/%m/%Y}" for i in scheduled]
    drafts = [i for i in items if i.status == "draft"]
    if drafts:
        lines += ["", "## Bản nháp (không đăng)", ""]
        lines += [f"- content/{i.path} (trên trang cũ: {STATUS_LABELS.get(i.record.status, i.record.status)})"
                  for i in drafts]
    warned = [i for i in items if i.warnings and i.status != "skipped"]
    if warned:
        lines += ["", "## Mục nhập kèm lưu ý", ""]
        for i in warned:
            lines.append(f"- content/{i.path}:")
            lines += [f"  - {w}" for w in dict.fromkeys(i.warnings)]
    if result.unmapped_categories:
        lines += ["", "## Chuyên mục cũ chưa có chuyên mục tương ứng", "",
                  "Các bài này được xếp vào chuyên mục mặc định và giữ tên chuyên mục cũ làm thẻ. "
                  "Để xếp lại, ghi tên chuyên mục mới cho từng dòng trong tệp ánh xạ"
                  + (f" ({category_file_hint})" if category_file_hint else "")
                  + " rồi chạy lại lệnh nhập với --categories; hoặc thêm chuyên mục vào CATEGORIES "
                  "trong pelicanconf.py.", ""]
        lines += [f"- {name}: {n} bài" for name, n in sorted(result.unmapped_categories.items())]
    if result.redirect_problems:
        lines += ["", "## Địa chỉ cũ không giữ được", ""]
        lines += [f"- {p}" for p in result.redirect_problems]
    return "\n".join(lines) + "\n"


def category_template(result: Plan, settings: Settings) -> str:
    """A mapping file to fill in: one line per unmapped old category."""
    head = ("# Ánh xạ chuyên mục cũ → chuyên mục của trang web mới.\n"
            "# Ghi sau dấu hai chấm một trong các chuyên mục: " + "; ".join(settings.categories) + "\n")
    return head + yaml.safe_dump({**settings.category_map, **{k: settings.default_category for k in
                                  sorted(result.unmapped_categories)}}, allow_unicode=True, width=10_000)
