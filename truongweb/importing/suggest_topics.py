"""Back-fill the evidence: suggest plan topics for articles that have none.

``truongweb suggest-topics --plan ID`` (until the CLI registers it:
``python -m truongweb.importing.suggest_topics``) reads every article of
``content/articles/``, and for those without ``topics`` (imported ones first,
then the newest) scores each topic of the plan against the article's title,
summary, tags and text: TF-IDF over Vietnamese syllables and syllable pairs
with diacritics folded ("An toàn" matches "an toan"), each topic described by
its title and section heading plus the articles already tagged with it. It
writes a review list, CSV (UTF-8 with BOM: Excel) and Markdown, and changes
no article: a suggestion is not evidence. ``--apply LIST`` then writes
``topics`` only into the articles of the rows the officer confirmed (a mark in
the CSV's first column, ``[x]`` in the Markdown); the whole list is checked
before any file is written.

Pure Python, no Pelican import. :func:`add_arguments` and :func:`run` are
what the ``truongweb`` command registers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import yaml

from truongweb.plugins.content_schema.safe_yaml import load_limited
from truongweb.plugins.plan_evidence.plans import Plan, PlanError, load_plans
from truongweb.plugins.spreadsheet import CsvReadError, csv_text, excel_csv_rows
from truongweb.plugins.vietnamese.text import fold_diacritics
from truongweb.plugins.vietnamese.messages import os_error_reason

__all__ = ["HELP", "Article", "Suggestion", "SuggestError", "add_arguments", "apply_list", "main", "read_articles",
           "render_csv", "render_markdown", "run", "suggest"]

HELP = "Gợi ý nội dung kế hoạch cho các bài chưa gắn nội dung (bài nhập từ trang cũ trước)"
ARTICLE_SUFFIXES = {".md", ".markdown"}
MAX_ARTICLE_BYTES = 2_000_000
BODY_CHARS = 20_000  # enough text to tell the topic; bounds the work per article
MAX_SUGGESTIONS = 2
MIN_SCORE = 0.1  # below it, a shared word or two by chance (tuned on the demo's tagged articles)
RELATIVE_TO_BEST = 0.6
CONFIDENCE = ((0.25, "cao"), (0.15, "vừa"), (0.0, "thấp"))
CONFIRM_WORDS = {"x", "co", "dong y", "yes", "y", "ok", "1", "v", "✓", "✔", "true"}

# Vietnamese function syllables (folded): they say nothing about a topic.
# Not those whose folded form is also a content word ("duoi": dưới/đuối,
# "chi": chi đoàn, "anh": Tiếng Anh, "sang": sáng tạo...).
_STOP = set("""
va cua cac cho voi trong tai la duoc nhung mot nay do de da khong ve theo tu den ngay thang nam
cung nhu khi thi o ra vao len se dang rat nhieu hon sau truoc giua bang hay hoac neu vi nen
moi nhat nhau lai ta toi chung minh ho qua vua lan nguoi viec the nao gi dau bao day kia ay cai chiec
""".split())
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_TAG_RE = re.compile(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_>`|\[\]]")


class SuggestError(ValueError):
    """Bad input (no plan, broken review list...); ``str()`` is Vietnamese."""


@dataclass
class Article:
    path: str  # relative to the content folder, "/" separators
    title: str
    date: dt.date | None
    topics: list[str]
    imported: bool
    text: str  # title, summary, tags and body, for matching
    title_text: str


@dataclass
class Suggestion:
    article: Article
    code: str  # "" when nothing fits
    title: str
    score: float
    confidence: str
    words: list[str] = field(default_factory=list)  # shared terms, as written in the article


# --- reading articles ------------------------------------------------------------------

def _split_front_matter(text: str) -> tuple[str | None, str, str]:
    """(kind, header, body): kind "yaml" (``---`` block), "keys" (Pelican's
    ``Key: value`` lines) or None."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---", 3)
        if end > 0 and text[end + 4:end + 5] in ("\n", ""):
            return "yaml", text[4:end + 1], text[end + 5:]
    head, _, body = text.partition("\n\n")
    if re.match(r"^[A-Za-z_]+:", head):
        return "keys", head + "\n", body
    return None, "", text


def _key_lines(header: str) -> dict:
    meta = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_]+", key):
            meta[key.strip().lower()] = value.strip()
    return meta


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def _date(value, tz: ZoneInfo) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return (value.astimezone(tz) if value.tzinfo else value).date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    return (moment.astimezone(tz) if moment.tzinfo else moment).date()


def _meta_of(path: Path, rel: str) -> tuple[str | None, dict, str]:
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise SuggestError(f"{rel}: tệp quá lớn (tối đa {MAX_ARTICLE_BYTES // 1_000_000} MB).")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SuggestError(f"{rel}: tệp không phải văn bản UTF-8.") from None
    kind, header, body = _split_front_matter(text)
    if kind == "yaml":
        try:
            meta = load_limited(header) or {}
        except (yaml.YAMLError, ValueError):
            raise SuggestError(f"{rel}: phần đầu (front matter) không phải YAML hợp lệ.") from None
        if not isinstance(meta, dict):
            raise SuggestError(f"{rel}: phần đầu (front matter) phải là các dòng “khóa: giá trị”.")
        meta = {str(k).lower(): v for k, v in meta.items()}
    elif kind == "keys":
        meta = _key_lines(header)
    else:
        meta = {}
    return kind, meta, body


def read_articles(content: Path, timezone: str = "Asia/Ho_Chi_Minh") -> list[Article]:
    """Every article of ``content/articles`` (sorted by path)."""
    tz = ZoneInfo(timezone)
    folder = Path(content) / "articles"
    if not folder.is_dir():
        raise SuggestError(f"Không có thư mục bài viết {folder}.")
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()):
        rel = path.relative_to(content).as_posix()
        _, meta, body = _meta_of(path, rel)
        title = str(meta.get("title") or "").strip()
        summary = str(meta.get("summary") or "")
        tags = " ".join(_as_list(meta.get("tags")))
        plain = _TAG_RE.sub(" ", body[:BODY_CHARS])
        out.append(Article(
            path=rel, title=title or path.stem, date=_date(meta.get("date"), tz),
            topics=[t.lower() for t in _as_list(meta.get("topics"))],
            imported="x_old_id" in meta, title_text=title,
            text=f"{title}\n{summary}\n{tags}\n{plain}"))
    return out


# --- scoring ------------------------------------------------------------------------------

def _terms(text: str) -> tuple[Counter, dict[str, str]]:
    """Folded syllables and syllable pairs (stop syllables dropped) with the
    article's own spelling of each, for the review list."""
    words = _WORD_RE.findall(unicodedata.normalize("NFC", text).lower())
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    folded = [fold_diacritics(w) for w in words]
    for i, f in enumerate(folded):
        if f not in _STOP and not f.isdigit() and len(f) > 1:
            counts[f] += 1
            shown.setdefault(f, words[i])
        if i and f not in _STOP and folded[i - 1] not in _STOP and not (f.isdigit() or folded[i - 1].isdigit()):
            pair = folded[i - 1] + " " + f
            counts[pair] += 1
            shown.setdefault(pair, words[i - 1] + " " + words[i])
    return counts, shown


def _weighted(parts: list[tuple[str, float]]) -> tuple[Counter, dict[str, str]]:
    total: Counter = Counter()
    shown: dict[str, str] = {}
    for text, weight in parts:
        counts, names = _terms(text)
        for term, n in counts.items():
            total[term] += n * weight
        for term, name in names.items():
            shown.setdefault(term, name)
    return total, shown


def _tfidf(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1 + math.log(n)) * idf.get(t, 0.0) for t, n in counts.items() if n > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _confidence(score: float) -> str:
    return next(label for floor, label in CONFIDENCE if score >= floor)


def suggest(plan: Plan, articles: list[Article], all_dates: bool = False) -> list[Suggestion]:
    """Suggestions for the articles of ``plan``'s period (or every date) that
    carry none of the site's topics; articles without a fitting topic get one
    row with an empty code (the officer may write one in)."""
    docs = {a.path: _weighted([(a.title_text, 3.0), (a.text, 1.0)]) for a in articles}
    topic_docs = {t.code: _weighted([(t.title, 3.0), (t.group or "", 1.0)]) for t in plan.topics}
    n_docs = len(docs) + len(topic_docs)
    df: Counter = Counter()
    for counts, _ in list(docs.values()) + list(topic_docs.values()):
        df.update(counts.keys())
    idf = {t: math.log((1 + n_docs) / (1 + n)) + 1 for t, n in df.items()}
    vectors = {path: _tfidf(c, idf) for path, (c, _) in docs.items()}
    profiles = {}
    for t in plan.topics:
        profile = Counter({k: v * 2.0 for k, v in _tfidf(topic_docs[t.code][0], idf).items()})
        tagged = [vectors[a.path] for a in articles if t.code in a.topics]
        for vec in tagged:
            for k, v in vec.items():
                profile[k] += v / len(tagged)
        norm = math.sqrt(sum(v * v for v in profile.values())) or 1.0
        profiles[t.code] = {k: v / norm for k, v in profile.items()}
    titles = {t.code: t.title for t in plan.topics}
    todo = [a for a in articles if not a.topics
            and (all_dates or (a.date is not None and plan.start <= a.date <= plan.end))]
    todo.sort(key=lambda a: (not a.imported, -(a.date or dt.date.min).toordinal(), a.path))
    out = []
    for a in todo:
        vec = vectors[a.path]
        scored = []
        for code, profile in profiles.items():
            shared = {k: vec[k] * profile[k] for k in vec.keys() & profile.keys()}
            scored.append((sum(shared.values()), code, shared))
        scored.sort(key=lambda s: (-s[0], s[1]))
        best = scored[0][0] if scored else 0.0
        kept = [s for s in scored[:MAX_SUGGESTIONS] if s[0] >= MIN_SCORE and s[0] >= best * RELATIVE_TO_BEST]
        if not kept:
            out.append(Suggestion(a, "", "", round(best, 3), "", []))
            continue
        names = docs[a.path][1]
        for score, code, shared in kept:
            ranked = [k for k, _ in sorted(shared.items(), key=lambda kv: -kv[1])]
            # a syllable already shown inside a pair adds nothing to the reason
            pairs = {part for k in ranked if " " in k for part in k.split()}
            words = [names.get(k, k) for k in ranked if " " in k or k not in pairs][:5]
            out.append(Suggestion(a, code, titles[code], round(score, 3), _confidence(score), words))
    return out


# --- the review list ----------------------------------------------------------------------

CSV_HEADER = ["Đồng ý (ghi x)", "Tệp bài viết", "Tiêu đề", "Ngày", "Nhập từ trang cũ", "Mã nội dung",
              "Nội dung đề xuất", "Mức tin cậy", "Điểm", "Từ khóa chung"]


def _vn_date(d: dt.date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else ""


def render_csv(suggestions: list[Suggestion]) -> str:
    return csv_text(CSV_HEADER, [
        ["", s.article.path, s.article.title, _vn_date(s.article.date), "có" if s.article.imported else "",
         s.code, s.title or "Không tìm được nội dung phù hợp: ghi mã nội dung nếu có", s.confidence,
         s.score, ", ".join(s.words)] for s in suggestions])


def render_markdown(plan: Plan, suggestions: list[Suggestion], csv_name: str) -> str:
    lines = [f"# Gợi ý nội dung kế hoạch cho bài chưa gắn nội dung", "",
             f"Kế hoạch: {plan.title} (mã `{plan.id}`).", "",
             "Đây chỉ là gợi ý, chưa phải minh chứng: bài chỉ được tính khi nội dung được ghi vào bài. "
             f"Đánh dấu `[x]` ở những dòng đồng ý (hoặc ghi `x` ở cột đầu của tệp {csv_name}), "
             f"rồi chạy `truongweb suggest-topics --plan {plan.id} --apply` với tệp đã đánh dấu.", ""]
    by_article: dict[str, list[Suggestion]] = {}
    for s in suggestions:
        by_article.setdefault(s.article.path, []).append(s)
    for n, (path, rows) in enumerate(by_article.items(), start=1):
        a = rows[0].article
        extra = ", nhập từ trang cũ" if a.imported else ""
        lines.append(f"## {n}. {a.title.replace('`', '')} — {_vn_date(a.date)}{extra} — `{path}`")
        lines.append("")
        for s in rows:
            if s.code:
                lines.append(f"- [ ] `{s.code}` {s.title} — mức tin cậy {s.confidence} "
                             f"(điểm {s.score}; từ khóa: {', '.join(s.words)})")
            else:
                lines.append("- Không tìm được nội dung phù hợp. Muốn gắn thì thêm ngay dưới đây "
                             "một dòng: gạch đầu dòng, [x], rồi mã nội dung trong dấu `.")
        lines.append("")
    if not suggestions:
        lines.append("Không có bài nào cần gợi ý: mọi bài trong thời gian của kế hoạch đã có nội dung.")
    return "\n".join(lines) + "\n"


def _confirmed(cell: str) -> bool:
    return fold_diacritics(cell.strip().lower()) in CONFIRM_WORDS


_MD_HEADING = re.compile(r"^## .*`([^`]+)`\s*$")
_MD_ROW = re.compile(r"^\s*[-*] \[([ xX✓✔])\]\s*`([^`]*)`")


def read_list(path: Path) -> list[tuple[str, str, str]]:
    """Confirmed rows of a review list: (where, article path, topic code)."""
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise SuggestError(f"Không đọc được danh sách {path}: {os_error_reason(e)}.") from None
    except UnicodeDecodeError:
        raise SuggestError(f"{name}: tệp không phải văn bản UTF-8; trong Excel hãy chọn "
                           "Lưu thành › CSV UTF-8 (Comma delimited).") from None
    rows = []
    if path.suffix.lower() == ".csv":
        try:
            table = excel_csv_rows(text)
        except CsvReadError as e:
            raise SuggestError(f"{name}, dòng {e.line}: lỗi định dạng CSV ({e}).") from None
        if not table or len(table[0]) < 6 or table[0][1].strip() != CSV_HEADER[1]:
            raise SuggestError(f"{name}, dòng 1: không phải danh sách gợi ý của truongweb suggest-topics "
                               f"(cột thứ hai phải là “{CSV_HEADER[1]}”).")
        for number, row in enumerate(table[1:], start=2):
            if row and _confirmed(row[0]):
                if len(row) < 6:
                    raise SuggestError(f"{name}, dòng {number}: thiếu cột “Mã nội dung”.")
                rows.append((f"{name}, dòng {number}", row[1].strip(), row[5].strip().lstrip("'")))
    else:
        article = None
        for number, line in enumerate(text.splitlines(), start=1):
            heading = _MD_HEADING.match(line)
            if heading:
                article = heading.group(1).strip()
                continue
            row = _MD_ROW.match(line)
            if row and row.group(1) != " ":
                if article is None:
                    raise SuggestError(f"{name}, dòng {number}: dòng đánh dấu không nằm dưới tiêu đề bài nào.")
                rows.append((f"{name}, dòng {number}", article, row.group(2).strip()))
    return rows


# --- writing topics -------------------------------------------------------------------------

def _topics_yaml(header: str, topics: list[str]) -> str:
    lines = header.splitlines(keepends=True)
    out, i, placed = [], 0, False
    line_value = f"topics: [{', '.join(topics)}]\n"
    while i < len(lines):
        line = lines[i]
        if re.match(r"^topics\s*:", line, re.I):
            i += 1
            while i < len(lines) and (lines[i].startswith((" ", "\t", "-")) or not lines[i].strip()):
                i += 1
            out.append(line_value)
            placed = True
            continue
        out.append(line)
        i += 1
    if not placed:
        out.append(line_value)
    return "".join(out)


def _topics_keys(header: str, topics: list[str]) -> str:
    value = f"Topics: {', '.join(topics)}\n"
    lines = header.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.match(r"^topics\s*:", line, re.I):
            lines[i] = value
            return "".join(lines)
    return "".join(lines) + value


def _with_topics(text: str, topics: list[str], rel: str) -> str:
    crlf = "\r\n" in text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    kind, header, body = _split_front_matter(text)
    if kind == "yaml":
        new = f"---\n{_topics_yaml(header, topics)}---\n{body}"
    elif kind == "keys":
        new = f"{_topics_keys(header, topics)}\n{body}"
    else:
        raise SuggestError(f"{rel}: bài không có phần đầu (tiêu đề, ngày…), không ghi được nội dung.")
    if crlf:
        new = new.replace("\n", "\r\n")
    return bom + new


def apply_list(plan: Plan, content: Path, list_path: Path) -> list[tuple[str, list[str]]]:
    """Write the confirmed topics; returns (article, topics written). Every
    row is checked before the first file is written."""
    content = Path(content)
    codes = {t.code for t in plan.topics}
    wanted: dict[str, list[str]] = {}
    errors = []
    root = (content / "articles").resolve()
    for where, rel, code in read_list(Path(list_path)):
        code = code.lower()
        if not code:
            errors.append(f"{where}: dòng đã đánh dấu đồng ý nhưng chưa có mã nội dung.")
            continue
        if code not in codes:
            errors.append(f"{where}: “{code}” không phải mã nội dung của kế hoạch {plan.id} "
                          f"({', '.join(sorted(codes))}).")
            continue
        parts = PurePosixPath(rel)
        target = (content / rel).resolve() if rel else None
        if (not rel or parts.is_absolute() or ".." in parts.parts or target is None
                or not target.is_relative_to(root) or parts.suffix.lower() not in ARTICLE_SUFFIXES):
            errors.append(f"{where}: “{rel}” không phải tệp bài viết trong thư mục articles/.")
            continue
        if not target.is_file():
            errors.append(f"{where}: không còn tệp bài viết {rel}.")
            continue
        wanted.setdefault(rel, [])
        if code not in wanted[rel]:
            wanted[rel].append(code)
    if errors:
        raise SuggestError("Danh sách có lỗi, chưa ghi bài nào:\n" + "\n".join(f"- {e}" for e in errors))
    changes = []
    for rel, new_codes in wanted.items():
        path = content / rel
        _, meta, _ = _meta_of(path, rel)
        current = [t.lower() for t in _as_list(meta.get("topics"))]
        topics = current + [c for c in new_codes if c not in current]
        if topics == current:
            continue
        text = path.read_text(encoding="utf-8")
        new = _with_topics(text, topics, rel)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(new, encoding="utf-8", newline="")
        os.replace(tmp, path)
        changes.append((rel, topics))
    return changes


# --- command --------------------------------------------------------------------------------

def _plan(content: Path, plan_id: str) -> Plan:
    try:
        plans = load_plans(Path(content) / "plans")
    except PlanError as e:
        raise SuggestError(str(e)) from None
    for p in plans:
        if p.id == plan_id:
            return p
    known = ", ".join(p.id for p in plans) or "không có kế hoạch nào"
    raise SuggestError(f"Không có kế hoạch '{plan_id}' trong {Path(content) / 'plans'} ({known}).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", required=True, metavar="MÃ", help="mã kế hoạch (khóa id trong content/plans/)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="THƯ_MỤC",
                        help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--output", type=Path, metavar="THƯ_MỤC",
                        help="nơi ghi danh sách gợi ý (mặc định: nhap-du-lieu/ cạnh content)")
    parser.add_argument("--apply", type=Path, metavar="DANH_SÁCH",
                        help="ghi nội dung vào các bài đã đánh dấu đồng ý trong danh sách (.csv hoặc .md)")
    parser.add_argument("--all-dates", action="store_true",
                        help="gợi ý cả bài ngoài thời gian thực hiện kế hoạch")
    parser.add_argument("--timezone", default="Asia/Ho_Chi_Minh", help=argparse.SUPPRESS)


def run(args, echo=print) -> int:
    content = Path(args.content)
    try:
        plan = _plan(content, args.plan)
        if args.apply:
            changes = apply_list(plan, content, Path(args.apply))
            for rel, topics in changes:
                echo(f"- {rel}: topics: [{', '.join(topics)}]")
            echo(f"Đã ghi nội dung vào {len(changes)} bài theo danh sách {args.apply}.")
            return 0
        articles = read_articles(content, args.timezone)
        suggestions = suggest(plan, articles, args.all_dates)
        out = Path(args.output) if args.output else content.resolve().parent / "nhap-du-lieu"
        out.mkdir(parents=True, exist_ok=True)
        csv_path, md_path = out / f"goi-y-noi-dung-{plan.id}.csv", out / f"goi-y-noi-dung-{plan.id}.md"
        csv_path.write_text(render_csv(suggestions), encoding="utf-8", newline="")
        md_path.write_text(render_markdown(plan, suggestions, csv_path.name), encoding="utf-8")
    except SuggestError as e:
        print(f"Lỗi: {e}", file=sys.stderr)
        return 1
    n_articles = len({s.article.path for s in suggestions})
    found = len({s.article.path for s in suggestions if s.code})
    echo(f"{n_articles} bài chưa gắn nội dung của kế hoạch {plan.id}; có gợi ý cho {found} bài. "
         "Chưa bài nào bị thay đổi.")
    echo(f"Danh sách để duyệt: {csv_path} (mở bằng Excel) và {md_path}.")
    echo(f"Đánh dấu các dòng đồng ý rồi chạy: truongweb suggest-topics --plan {plan.id} --apply {csv_path}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m truongweb.importing.suggest_topics", description=HELP)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
