"""Import speed: a synthetic NukeViet 4 dump of 5,000 articles with pictures.

Writes a dump the way a hosting panel exports it (``mysqldump`` style:
``CREATE TABLE``, multi-row ``INSERT`` of some 200 rows each, escaped quotes
and newlines, HTML-escaped titles), with realistic sizes: a 300-character
summary and a 3–8 KB HTML body per article (paragraphs, a list, sometimes a
table, one to three pictures, links to other articles and to the old upload
paths), a news module and a second one for notices, categories with parents
and several per article, tags, authors, sources; about 5 % drafts and a few
scheduled posts. ``uploads/`` gets a real JPEG for every picture (distinct
files, 640×480 JPEG, about 20 KB each: the run prints the total; the same file
name in two months on purpose).

Then runs ``python -m truongweb.import_site nukeviet`` as a user does (the
demo's ``pelicanconf.py`` gives the categories), in a fresh process, and
prints the wall time and the peak PSS of the whole process tree (sampled
every 20 ms, as ``build_speed.py`` does). A second run of the same import
(nothing to change) is timed as well. ``--build`` also builds the imported
site (``python -m truongweb.build``) and times it.

    python bench/import_speed.py                    # 5,000 articles
    python bench/import_speed.py --articles 1000 --build
    python bench/import_speed.py --keep /tmp/nhap   # keep the generated files

Target (issue 15): at most 2 minutes for 5,000 articles on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from build_speed import ROOT, timed

TARGET_SECONDS = 120
ROWS_PER_INSERT = 200
WORDS = ("học sinh giáo viên nhà trường hoạt động phong trào thi đua năm học kế hoạch tổ chức tham gia "
         "đạt giải thưởng tuyên truyền giáo dục đạo đức kỹ năng sống chuyên môn đổi mới phương pháp dạy "
         "học an toàn trường học đoàn viên đội viên cha mẹ phối hợp cộng đồng thư viện sách đọc chuyển "
         "đổi số khai giảng tổng kết hội nghị công chức viên chức phụ huynh tình nguyện").split()
CATEGORIES = [(1, 0, "Tin tức &amp; Sự kiện", "tin-tuc"), (2, 1, "Hoạt động ngoại khóa", "ngoai-khoa"),
              (3, 1, "Hoạt động chuyên môn", "chuyen-mon"), (4, 0, "Đoàn – Đội", "doan-doi"),
              (5, 0, "Thi đua – Khen thưởng", "thi-dua"), (6, 0, "Tuyển sinh", "tuyen-sinh"),
              (7, 3, "Tổ Ngữ văn", "to-ngu-van"), (8, 3, "Tổ Toán – Tin", "to-toan-tin")]
AUTHORS = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Thu Hà", "Phạm Quốc Bảo", "Đỗ Thị Thanh Xuân", ""]
SOURCES = [(1, "Báo Phú Thọ"), (2, "Phòng GD&amp;ĐT")]


def sql(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{text}'"


def inserts(table: str, columns: list[str], rows: list[tuple]) -> str:
    cols = ", ".join(f"`{c}`" for c in columns)
    out = []
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start:start + ROWS_PER_INSERT]
        out.append(f"INSERT INTO `{table}` ({cols}) VALUES\n"
                   + ",\n".join("(" + ", ".join(sql(v) for v in row) + ")" for row in chunk) + ";\n")
    return "".join(out)


def create(table: str, columns: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  `{name}` {kind}" for name, kind in columns)
    return (f"DROP TABLE IF EXISTS `{table}`;\n/*!40101 SET character_set_client = utf8 */;\n"
            f"CREATE TABLE `{table}` (\n{body}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n")


def sentence(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def body_html(rng: random.Random, article_id: int, pictures: list[str], total: int) -> str:
    parts = []
    target = rng.randint(3000, 8000)
    size = 0
    while size < target:
        para = " ".join(sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.3:
            other = rng.randint(1, total)
            para += f' Xem thêm <a href="/vi/news/tin-tuc/bai-{other}-{other}.html">bài liên quan</a>.'
        parts.append(f"<p>{para}</p>")
        size += len(parts[-1])
        if rng.random() < 0.15:
            parts.append("<ul>" + "".join(f"<li>{sentence(rng, 8)}</li>" for _ in range(4)) + "</ul>")
        if rng.random() < 0.05:
            parts.append("<table><tr><th>Lớp</th><th>Số học sinh</th></tr>"
                         + "".join(f"<tr><td>{c}</td><td>{rng.randint(30, 45)}</td></tr>" for c in "6789")
                         + "</table>")
    for i, picture in enumerate(pictures):
        at = min(len(parts), 1 + i * 2)
        parts.insert(at, f'<p style="text-align:center"><img alt="Ảnh {i + 1}" src="/uploads/news/{picture}" '
                         f'width="640" height="480"></p>')
    return "\n".join(parts)


def jpeg_bytes(rng: random.Random, seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randint(0, 600), rng.randint(0, 440)
        draw.ellipse((x, y, x + rng.randint(10, 200), y + rng.randint(10, 200)),
                     fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    draw.text((10, 10), f"#{seed}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def generate(folder: Path, count: int, seed: int = 15) -> tuple[Path, Path, dict]:
    """dump.sql and uploads/ in ``folder``; returns (dump, uploads, stats)."""
    rng = random.Random(seed)
    uploads = folder / "uploads"
    start = dt.datetime(2019, 9, 1, 7, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    now = int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp())
    rows, details, tags, tag_links = [], [], {}, []
    picture_files: dict[str, int] = {}
    notices = []
    for i in range(1, count + 1):
        moment = start + dt.timedelta(hours=i * (7 * 365 * 24) / count * 0.98)
        publtime = int(moment.timestamp())
        status = 0 if rng.random() < 0.05 else 1
        if i > count - 5:
            publtime = now + 86400 * (i - count + 10)  # scheduled
        month = moment.strftime("%Y_%m")
        n_pictures = rng.choice((1, 1, 2, 3))
        names = []
        for k in range(n_pictures):
            # the same name in two months is two files
            name = f"{month}/anh-bia.jpg" if k == 0 and i % 50 == 0 else f"{month}/anh-{i}-{k + 1}.jpg"
            names.append(name)
            picture_files[name] = i * 10 + k
        title = sentence(rng, rng.randint(8, 16)).rstrip(".")
        if i % 7 == 0:
            title = f"{title} &quot;{rng.choice(WORDS)}&quot;"
        alias = f"bai-{i}"
        cats = rng.sample(range(1, len(CATEGORIES) + 1), rng.choice((1, 1, 2, 3)))
        rows.append((i, cats[0], ",".join(map(str, cats)), rng.choice(AUTHORS), rng.choice((0, 0, 1, 2)),
                     publtime, publtime + 600, status, publtime, 0, title, alias, sentence(rng, 45)[:300],
                     names[0], "Ảnh minh họa", 1 if i % 97 == 0 else 0))
        details.append((i, body_html(rng, i, names[1:], count), "https://baophutho.vn/bai-goc" if i % 97 == 0 else "",
                        ", ".join(rng.sample(WORDS, 3))))
        for word in rng.sample(WORDS, 2):
            tag_id = tags.setdefault(word, len(tags) + 1)
            tag_links.append((i, tag_id, word))
        if i % 20 == 0:
            notices.append((len(notices) + 1, 1, "1", "", 0, publtime, 0, 1, publtime, 0,
                            f"Thông báo số {len(notices) + 1}", f"thong-bao-{len(notices) + 1}",
                            sentence(rng, 20), "", "", 0))
    row_columns = ["id", "catid", "listcatid", "author", "sourceid", "addtime", "edittime", "status", "publtime",
                   "exptime", "title", "alias", "hometext", "homeimgfile", "homeimgalt", "external_link"]
    row_types = [(c, "int(11) NOT NULL" if c in ("id", "catid", "sourceid", "addtime", "edittime", "status",
                                                 "publtime", "exptime", "external_link") else "text")
                 for c in row_columns]
    parts = ["-- MySQL dump 10.13  Distrib 5.7.44, for Linux (x86_64)\n-- Host: localhost    Database: nukeviet\n",
             "/*!40101 SET NAMES utf8mb4 */;\nSET FOREIGN_KEY_CHECKS=0;\n",
             create("nv4_vi_modules", [("title", "varchar(50)"), ("module_file", "varchar(50)"),
                                       ("module_data", "varchar(50)"), ("custom_title", "varchar(255)")]),
             inserts("nv4_vi_modules", ["title", "module_file", "module_data", "custom_title"],
                     [("news", "news", "news", "Tin tức"), ("thong-bao", "news", "thong_bao", "Thông báo"),
                      ("page", "page", "page", "Giới thiệu")]),
             create("nv4_vi_news_cat", [("catid", "smallint(5)"), ("parentid", "smallint(5)"),
                                        ("title", "varchar(250)"), ("alias", "varchar(250)")]),
             inserts("nv4_vi_news_cat", ["catid", "parentid", "title", "alias"], CATEGORIES),
             create("nv4_vi_news_rows", row_types), inserts("nv4_vi_news_rows", row_columns, rows),
             create("nv4_vi_news_detail", [("id", "int(11)"), ("bodyhtml", "longtext"), ("sourcetext", "text"),
                                           ("keywords", "text")]),
             inserts("nv4_vi_news_detail", ["id", "bodyhtml", "sourcetext", "keywords"], details),
             create("nv4_vi_news_sources", [("sourceid", "int(11)"), ("title", "varchar(250)")]),
             inserts("nv4_vi_news_sources", ["sourceid", "title"], SOURCES),
             create("nv4_vi_news_tags", [("tid", "int(11)"), ("alias", "varchar(250)"), ("keywords", "text")]),
             inserts("nv4_vi_news_tags", ["tid", "alias", "keywords"], [(t, w, w) for w, t in tags.items()]),
             create("nv4_vi_news_tags_id", [("id", "int(11)"), ("tid", "int(11)"), ("keyword", "varchar(65)")]),
             inserts("nv4_vi_news_tags_id", ["id", "tid", "keyword"], tag_links),
             create("nv4_vi_thong_bao_cat", [("catid", "int(11)"), ("parentid", "int(11)"), ("title", "varchar(250)"),
                                             ("alias", "varchar(250)")]),
             inserts("nv4_vi_thong_bao_cat", ["catid", "parentid", "title", "alias"], [(1, 0, "Thông báo", "thong-bao")]),
             create("nv4_vi_thong_bao_rows", row_types), inserts("nv4_vi_thong_bao_rows", row_columns, notices),
             "SET FOREIGN_KEY_CHECKS=1;\n-- Dump completed\n"]
    dump = folder / "dump.sql"
    dump.write_text("".join(parts), encoding="utf-8")
    for name, picture_seed in picture_files.items():
        path = uploads / "news" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jpeg_bytes(rng, picture_seed))
    picture_bytes = sum(p.stat().st_size for p in uploads.rglob("*.jpg"))
    return dump, uploads, {"articles": count, "notices": len(notices), "pictures": len(picture_files),
                           "dump_mib": dump.stat().st_size / 2**20, "pictures_mib": picture_bytes / 2**20}


def site_folder(work: Path) -> Path:
    """The demo school without its articles (its pages, documents, public
    information and plans stay: the build needs them)."""
    content = work / "site" / "content"
    shutil.copytree(ROOT / "content", content, ignore=lambda folder, names: ["articles"]
                    if Path(folder) == ROOT / "content" else [])
    return content


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--build", action="store_true", help="also build the imported site")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="import-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        dump, uploads, stats = generate(work, args.articles)
        print(f"Dump: {stats['articles']:,} articles + {stats['notices']} notices, {stats['dump_mib']:.1f} MiB; "
              f"{stats['pictures']:,} pictures, {stats['pictures_mib']:.0f} MiB")
        content = site_folder(work)
        command = [sys.executable, "-m", "truongweb.import_site", "nukeviet", str(dump), "--files", str(uploads),
                   "--old-url", "https://thcs-cu.edu.vn", "--content", str(content),
                   "--report-dir", str(work / "bao-cao")]
        results = {"stats": stats}
        for label in ("first", "again"):
            seconds, pss_mib, rss_mib, cpu = timed(command)
            results[label] = {"seconds": seconds, "peak_pss_mib": pss_mib, "max_rss_mib": rss_mib, "cpu_s": cpu}
            print(f"Import ({label}): {seconds:.1f} s, peak PSS of the process tree {pss_mib:.0f} MiB, "
                  f"CPU {cpu:.1f} s")
        written = sum(1 for _ in (content / "articles").rglob("*.md"))
        images = sum(1 for p in (content / "images").rglob("*") if p.is_file())
        print(f"Written: {written:,} articles, {images:,} files under images/")
        if args.build:
            build = [sys.executable, "-m", "truongweb.build", "--content", str(content),
                     "--output", str(work / "output"), "--cache", str(work / "cache")]
            seconds, pss_mib, rss_mib, cpu = timed(build)
            results["build"] = {"seconds": seconds, "peak_pss_mib": pss_mib, "cpu_s": cpu}
            print(f"Build of the imported site: {seconds:.1f} s, peak PSS {pss_mib:.0f} MiB, CPU {cpu:.1f} s")
        verdict = "within" if results["first"]["seconds"] <= TARGET_SECONDS else "OVER"
        print(f"Target: import ≤ {TARGET_SECONDS} s for 5,000 articles — {verdict} target.")
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
