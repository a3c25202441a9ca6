"""`suggest-topics`: plan topics proposed for untagged (imported first)
articles as a review list; nothing changes until --apply writes the rows the
officer confirmed; a suggestion never counts as evidence before that."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import TEST_SITE, build_site, read
from truongweb.importing import suggest_topics as st

PLAN = """id: kh-2025
title: Kế hoạch truyền thông năm 2025
start: 2025-01-01
end: 2025-12-31
topics:
  - code: an-toan-truong-hoc
    title: An toàn trường học, phòng chống đuối nước và tai nạn thương tích
  - code: chuyen-doi-so
    title: Chuyển đổi số, ứng dụng công nghệ thông tin trong dạy học
  - code: doan-doi
    title: Hoạt động của Đoàn thanh niên và Đội thiếu niên
"""


def article(title, date, body, topics=None, old_id=None, extra=""):
    head = f"---\ntitle: {title}\ndate: {date}T08:00:00+07:00\ncategory: Tin tức – Sự kiện\n"
    if topics:
        head += f"topics: [{', '.join(topics)}]\n"
    if old_id:
        head += f"x_old_id: 'nukeviet:news:{old_id}'\nx_import_hash: 0123456789abcdef0123\n"
    return head + extra + f"---\n{body}\n"


ARTICLES = {
    # already tagged: they teach the topics' vocabulary
    "articles/da-gan-1.md": article("Diễn tập phòng cháy chữa cháy", "2025-03-01",
                                    "Học sinh diễn tập thoát hiểm, phòng cháy an toàn.", ["an-toan-truong-hoc"]),
    "articles/da-gan-2.md": article("Tập huấn sử dụng học liệu số", "2025-03-02",
                                    "Giáo viên dùng phần mềm, bài giảng điện tử, học liệu số.", ["chuyen-doi-so"]),
    # imported, no topic, no diacritics at all (old sites often have such titles)
    "articles/nhap/phong-chong-duoi-nuoc.md": article(
        "Tuyen truyen phong chong duoi nuoc cho hoc sinh", "2025-05-20",
        "Hoc sinh duoc huong dan ky nang phong chong duoi nuoc va an toan khi di boi.", old_id=11),
    "articles/nhap/dai-hoi-doan.md": article(
        "Đại hội Chi đoàn thanh niên nhiệm kỳ 2025", "2025-04-10",
        "Đoàn thanh niên nhà trường tổ chức đại hội, bầu ban chấp hành chi đoàn.", old_id=12),
    # not imported, no topic
    "articles/bai-giang-dien-tu.md": article(
        "Thi thiết kế bài giảng điện tử", "2025-06-01",
        "Giáo viên ứng dụng công nghệ thông tin, chuyển đổi số trong dạy học.", extra="tags: [e-learning]\n"),
    # outside the plan's dates: it could never count for this plan
    "articles/nhap/cu.md": article("Phòng chống đuối nước năm 2019", "2019-05-20", "An toàn khi đi bơi.", old_id=3),
}


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "site" / "content"
    shutil.copytree(TEST_SITE, content)
    (content / "plans").mkdir()
    (content / "plans" / "kh-2025.yml").write_text(PLAN, encoding="utf-8")
    for rel, text in ARTICLES.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    return content


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in Path(folder).rglob("*") if p.is_file()}


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "truongweb.importing.suggest_topics", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def suggestions_by_file(content):
    plan = st._plan(content, "kh-2025")
    rows = st.suggest(plan, st.read_articles(content))
    return rows, {}.__class__((r.article.path, [x.code for x in rows if x.article.path == r.article.path])
                              for r in rows)


def test_suggestions_fold_vietnamese_and_put_imported_first(site):
    rows, by_file = suggestions_by_file(site)
    assert by_file["articles/nhap/phong-chong-duoi-nuoc.md"][0] == "an-toan-truong-hoc"  # no diacritics, still found
    assert by_file["articles/nhap/dai-hoi-doan.md"][0] == "doan-doi"
    assert by_file["articles/bai-giang-dien-tu.md"][0] == "chuyen-doi-so"
    assert "articles/nhap/cu.md" not in by_file  # outside the plan
    assert not {"articles/da-gan-1.md", "articles/da-gan-2.md"} & set(by_file)  # already tagged
    order = list(dict.fromkeys(r.article.path for r in rows))
    assert order[:2] == ["articles/nhap/phong-chong-duoi-nuoc.md", "articles/nhap/dai-hoi-doan.md"]
    first = next(r for r in rows if r.article.path.endswith("phong-chong-duoi-nuoc.md"))
    assert "duoi nuoc" in " ".join(first.words) or "đuối nước" in " ".join(first.words)
    plan = st._plan(site, "kh-2025")
    everything = st.suggest(plan, st.read_articles(site), all_dates=True)
    assert any(r.article.path == "articles/nhap/cu.md" for r in everything)


def test_review_list_changes_nothing_then_apply_writes_only_confirmed(site):
    before = snapshot(site)
    r = cli("--plan", "kh-2025", "--content", site, cwd=site.parent)
    assert r.returncode == 0, r.stderr
    assert "Chưa bài nào bị thay đổi" in r.stdout
    assert snapshot(site) == before  # a suggestion changes no article
    csv_path = site.parent / "nhap-du-lieu" / "goi-y-noi-dung-kh-2025.csv"
    md_path = site.parent / "nhap-du-lieu" / "goi-y-noi-dung-kh-2025.md"
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Đồng ý (ghi x)" in raw.decode("utf-8-sig")
    assert "[ ] `an-toan-truong-hoc`" in read(md_path)
    # the officer confirms one row in Excel (Vietnamese locale: ';' separator)
    lines = raw.decode("utf-8-sig").splitlines()
    confirmed = []
    for i, line in enumerate(lines[1:], start=1):
        if "phong-chong-duoi-nuoc.md" in line and ",an-toan-truong-hoc," in line:
            lines[i] = "x" + line
            confirmed.append(i)
    assert confirmed
    edited = site.parent / "da-duyet.csv"
    edited.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    r = cli("--plan", "kh-2025", "--content", site, "--apply", edited, cwd=site.parent)
    assert r.returncode == 0, r.stderr
    assert "Đã ghi nội dung vào 1 bài" in r.stdout
    after = snapshot(site)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"articles/nhap/phong-chong-duoi-nuoc.md"}
    text = read(site / "articles/nhap/phong-chong-duoi-nuoc.md")
    assert "topics: [an-toan-truong-hoc]\n" in text and text.endswith("an toan khi di boi.\n")
    assert text.replace("topics: [an-toan-truong-hoc]\n", "") == ARTICLES["articles/nhap/phong-chong-duoi-nuoc.md"]
    # again: nothing more to write
    r = cli("--plan", "kh-2025", "--content", site, "--apply", edited, cwd=site.parent)
    assert r.returncode == 0 and "Đã ghi nội dung vào 0 bài" in r.stdout


def test_markdown_list_and_existing_topics_kept(site):
    target = site / "articles/bai-giang-dien-tu.md"
    target.write_text(read(target).replace("tags: [e-learning]\n", "tags: [e-learning]\ntopics:\n  - doan-doi\n"),
                      encoding="utf-8")
    plan = st._plan(site, "kh-2025")
    md = site.parent / "goi-y.md"
    md.write_text("## 1. Thi thiết kế — 01/06/2025 — `articles/bai-giang-dien-tu.md`\n\n"
                  "- [x] `chuyen-doi-so` Chuyển đổi số\n- [ ] `an-toan-truong-hoc` An toàn\n", encoding="utf-8")
    assert st.apply_list(plan, site, md) == [("articles/bai-giang-dien-tu.md", ["doan-doi", "chuyen-doi-so"])]
    text = read(target)
    assert "topics: [doan-doi, chuyen-doi-so]\n" in text and "  - doan-doi" not in text
    assert "tags: [e-learning]\n" in text


@pytest.mark.parametrize("row, message", [
    ("x,articles/bai-giang-dien-tu.md,T,,,khong-co,,,,", "“khong-co” không phải mã nội dung của kế hoạch kh-2025"),
    ("x,../../pelicanconf.md,T,,,doan-doi,,,,", "không phải tệp bài viết trong thư mục articles/"),
    ("x,articles/khong-con.md,T,,,doan-doi,,,,", "không còn tệp bài viết articles/khong-con.md"),
    ("x,articles/bai-giang-dien-tu.md,T,,,,,,,", "chưa có mã nội dung"),
])
def test_bad_list_names_the_line_and_writes_nothing(site, row, message):
    good = "x,articles/nhap/dai-hoi-doan.md,T,,,doan-doi,,,,"
    bad = site.parent / "ds.csv"
    bad.write_text(",".join(st.CSV_HEADER) + "\n" + good + "\n" + row + "\n", encoding="utf-8")
    before = snapshot(site)
    r = cli("--plan", "kh-2025", "--content", site, "--apply", bad, cwd=site.parent)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "ds.csv, dòng 3" in r.stderr and message in r.stderr and "chưa ghi bài nào" in r.stderr
    assert snapshot(site) == before


def test_unknown_plan_and_foreign_list(site):
    r = cli("--plan", "khong-co", "--content", site, cwd=site.parent)
    assert r.returncode == 1 and "Không có kế hoạch 'khong-co'" in r.stderr and "kh-2025" in r.stderr
    other = site.parent / "khac.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    r = cli("--plan", "kh-2025", "--content", site, "--apply", other, cwd=site.parent)
    assert r.returncode == 1 and "khac.csv, dòng 1: không phải danh sách gợi ý" in r.stderr


def _topic_count(out, code):
    doc = json.loads(read(out / "minh-chung" / "kh-2025" / "evidence.json"))
    return next(t["count"] for t in doc["topics"] if t["code"] == code)


def test_only_written_topics_count_as_evidence(site, tmp_path):
    # imported files carry x_import_hash; the build does not care
    assert cli("--plan", "kh-2025", "--content", site, cwd=site.parent).returncode == 0
    out = build_site(tmp_path / "b1", content=site, EVIDENCE_AS_OF="2025-12-31")
    assert _topic_count(out, "doan-doi") == 0  # suggested, not written: not evidence
    plan = st._plan(site, "kh-2025")
    md = site.parent / "ok.md"
    md.write_text("## 1. Đại hội — `articles/nhap/dai-hoi-doan.md`\n- [x] `doan-doi`\n", encoding="utf-8")
    st.apply_list(plan, site, md)
    out = build_site(tmp_path / "b2", content=site, EVIDENCE_AS_OF="2025-12-31")
    assert _topic_count(out, "doan-doi") == 1


def test_run_is_registrable(site):
    import argparse

    parser = argparse.ArgumentParser()
    st.add_arguments(parser)
    lines = []
    assert st.run(parser.parse_args(["--plan", "kh-2025", "--content", str(site),
                                     "--output", str(site.parent / "ra")]), echo=lines.append) == 0
    assert (site.parent / "ra" / "goi-y-noi-dung-kh-2025.md").is_file() and "Chưa bài nào bị thay đổi" in lines[0]


def test_suggestions_hold_on_the_demo_school():
    """Hide each tagged demo article's topics in turn: the suggestions must
    find one of its real topics for most of them."""
    import dataclasses

    content = Path(__file__).resolve().parents[2] / "content"
    articles = st.read_articles(content)
    plan = st._plan(content, "kh-truyen-thong-2026")
    codes = {t.code for t in plan.topics}
    tagged = [a for a in articles if set(a.topics) & codes and plan.start <= a.date <= plan.end]
    assert len(tagged) >= 20
    found = 0
    for a in tagged:
        hidden = [dataclasses.replace(x, topics=[]) if x.path == a.path else x for x in articles]
        got = {s.code for s in st.suggest(plan, hidden) if s.article.path == a.path and s.code}
        found += bool(got & set(a.topics))
    assert found / len(tagged) >= 0.7, f"{found}/{len(tagged)}"
