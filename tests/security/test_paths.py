"""Nothing from outside content/ reaches the output; nothing is written outside it.

Each case builds a small site (a copy of tests/data/site, or of it plus the
demo's section data) with hostile input, through the command line a user
runs, and checks: exit 1, a Vietnamese message naming the file and the path,
no traceback, no secret in the output, nothing new outside the output and
cache folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import DEMO_CONTENT, TEST_SITE, read, run_build_cli

SECRET = "BI-MAT-KHONG-DUOC-DANG-7f3a"
ARTICLE = ("---\ntitle: Bài có liên kết lạ\ndate: 2025-09-05T07:30:00+07:00\n"
           "category: Thông báo\n{extra}---\n{body}\n")


class Site:
    """``tmp/site/content`` (a copy of a test site), ``tmp/site/.git/config``
    and ``tmp/outside/`` hold the secret; output and cache in ``tmp/``."""

    def __init__(self, tmp_path: Path, sections: bool = False):
        self.tmp = tmp_path
        self.content = tmp_path / "site" / "content"
        shutil.copytree(TEST_SITE, self.content)
        if sections:
            for folder in ("data", "van-ban", "cong-khai"):
                shutil.copytree(DEMO_CONTENT / folder, self.content / folder)
        git = tmp_path / "site" / ".git"
        git.mkdir()
        (git / "config").write_text(f"[remote]\n  token = {SECRET}\n", encoding="utf-8")
        self.outside = tmp_path / "outside"
        self.outside.mkdir()
        (self.outside / "secret.txt").write_text(SECRET, encoding="utf-8")
        (self.outside / "secret.pdf").write_text(f"%PDF-1.4 {SECRET}", encoding="utf-8")
        (self.outside / "bai-ngoai.md").write_text(
            ARTICLE.format(extra="", body=SECRET), encoding="utf-8")
        self.output = tmp_path / "out"

    def article(self, body: str = "Nội dung.", extra: str = "", name: str = "bai-loi.md"):
        path = self.content / "articles" / name
        path.write_text(ARTICLE.format(extra=extra, body=body), encoding="utf-8")
        return path

    def build(self, *args):
        self.before = self._outside_files()
        return run_build_cli("--content", self.content, "--output", self.output,
                             "--cache", self.tmp / "cache", *args)

    def _outside_files(self):
        return {p for p in self.tmp.rglob("*")
                if not p.is_relative_to(self.output) and not p.is_relative_to(self.tmp / "cache")}

    def assert_refused(self, result, *fragments):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert "Dựng trang thất bại" in result.stderr
        for fragment in fragments:
            assert fragment in result.stderr, result.stderr
        # files inside the site are named from the site folder, never absolute
        assert f"{self.content.resolve()}/" not in result.stderr, result.stderr
        self.assert_nothing_leaked()

    def assert_nothing_leaked(self, secret: str = SECRET):
        if self.output.exists():
            for path in self.output.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    assert secret.encode() not in path.read_bytes(), path
                    assert "secret" not in path.name, path
        assert self._outside_files() == self.before
        # where Pelican writes {static}/../../outside/… (output/../../outside/…)
        assert not (self.tmp.parent / "outside").exists()


@pytest.fixture
def site(tmp_path):
    return Site(tmp_path)


# --- Links in the body (issue 12, item 1) ------------------------------------

LINKS = {
    "attach-git-config": ("[cấu hình]({attach}/../.git/config)", "/../.git/config"),
    "attach-etc-passwd": ("[mật khẩu]({attach}/../../../../../../../../../etc/passwd)",
                          "/etc/passwd"),
    "static-two-up": ("[x]({static}/../../outside/secret.txt)", "/../../outside/secret.txt"),
    "static-relative": ("![ảnh]({static}../../../outside/secret.txt)",
                        "../../../outside/secret.txt"),
    "filename": ("[bài]({filename}/../../outside/bai-ngoai.md)", "/../../outside/bai-ngoai.md"),
    "attach-percent-encoded": ("[x]({attach}/%2e%2e/.git/config)", "../.git/config"),
    "plain-link": ("[tệp](../../../outside/secret.txt)", "../../../outside/secret.txt"),
    "plain-image": ("![ảnh](../../../outside/secret.txt)", "../../../outside/secret.txt"),
    "raw-html": ('<a href="{attach}/../.git/config">x</a>', "/../.git/config"),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_link_out_of_content_stops_the_build(site, case):
    body, shown = LINKS[case]
    site.article(body)
    result = site.build()
    site.assert_refused(result, "articles/bai-loi.md", shown, "dẫn ra ngoài thư mục")


def test_the_environment_of_the_build_is_not_published(site, monkeypatch):
    monkeypatch.setenv("SITE_TEST_SECRET", SECRET)
    site.article("[x]({attach}/../../../../../../../../../proc/self/environ)")
    result = site.build()
    site.assert_refused(result, "articles/bai-loi.md", "/proc/self/environ")


def test_a_link_in_the_summary_is_checked_too(site):
    site.article(extra='summary: "Xem [tệp]({attach}/../.git/config)"\n')
    result = site.build()
    site.assert_refused(result, "articles/bai-loi.md", 'khóa "summary"', "/../.git/config")


def test_links_that_stay_inside_content_still_work(site):
    (site.content / "images" / "tai-lieu.pdf").write_bytes(b"%PDF-1.4 tai lieu")
    site.article("[Tệp]({attach}/images/tai-lieu.pdf) và [trang](../pages/gioi-thieu.md) "
                 "và [ngoài](https://moet.gov.vn/) và [đầu trang](#dau)")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert (site.output / "thong-bao" / "2025" / "09" / "bai-co-lien-ket-la" / "tai-lieu.pdf").is_file()


# --- Symbolic links (issue 12, item 2) ---------------------------------------

def test_a_folder_link_to_etc_is_not_followed(site):
    (site.content / "images" / "etcdir").symlink_to("/etc")
    result = site.build()
    site.assert_refused(result, "images/etcdir", "liên kết tượng trưng", "/etc")
    assert not (site.output / "images" / "etcdir").exists()


def test_a_file_link_to_the_environment_is_not_followed(site, monkeypatch):
    monkeypatch.setenv("SITE_TEST_SECRET", SECRET)
    (site.content / "images" / "env.txt").symlink_to("/proc/self/environ")
    result = site.build()
    site.assert_refused(result, "images/env.txt", "liên kết tượng trưng", "/proc/")


def test_a_linked_article_outside_the_repository_is_not_read(site):
    (site.content / "articles" / "bai-ngoai.md").symlink_to(site.outside / "bai-ngoai.md")
    result = site.build()
    site.assert_refused(result, "articles/bai-ngoai.md", "outside/bai-ngoai.md")


def test_a_link_that_loops_is_refused(site):
    (site.content / "images" / "vong").symlink_to("..")
    result = site.build()
    site.assert_refused(result, "images/vong", "vòng lặp")


def test_a_link_inside_content_is_allowed(site):
    (site.content / "images" / "logo-ban-sao.svg").symlink_to("logo.svg")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert (site.output / "images" / "logo-ban-sao.svg").is_file()


# --- Featured image (issue 12, item 3) ---------------------------------------

def test_a_featured_image_outside_content_is_refused(site):
    from truongweb.plugins.images.testimages import make_phone_photo

    make_phone_photo(site.outside / "secret.jpg")
    site.article(extra="image: ../../outside/secret.jpg\nimage_alt: Ảnh\n")
    result = site.build()
    site.assert_refused(result, "articles/bai-loi.md", 'khóa "image"',
                        "../../outside/secret.jpg", "dẫn ra ngoài thư mục")
    assert sorted(p.name for p in site.outside.iterdir()) == [
        "bai-ngoai.md", "secret.jpg", "secret.pdf", "secret.txt"]


# --- Files named by the section data (issue 12, item 3) ----------------------

def test_a_document_file_outside_content_is_refused(tmp_path):
    site = Site(tmp_path, sections=True)
    document = site.content / "van-ban" / "thong-tu-09-2024-tt-bgddt.yml"
    text = read(document)
    file_line = next(line for line in text.splitlines() if line.startswith("file:"))
    document.write_text(text.replace(file_line, "file: ../../../outside/secret.pdf"),
                        encoding="utf-8")
    result = site.build()
    site.assert_refused(result, "van-ban/thong-tu-09-2024-tt-bgddt.yml", 'khóa "file"',
                        "../../../outside/secret.pdf")


def test_a_linked_attachment_outside_content_is_refused(tmp_path):
    site = Site(tmp_path, sections=True)
    (site.content / "cong-khai" / "tep" / "bi-mat.pdf").symlink_to(site.outside / "secret.pdf")
    result = site.build()
    site.assert_refused(result, "cong-khai/tep/bi-mat.pdf", "outside/secret.pdf")


# --- The writer (issue 12, item 10; issue 17, item 1) ------------------------

def test_a_page_over_another_page_is_an_error_naming_both(tmp_path):
    site = Site(tmp_path, sections=True)
    (site.content / "pages" / "lien-he.md").write_text(
        "---\ntitle: Liên hệ\n---\nTrang tự viết.\n", encoding="utf-8")
    result = site.build()
    site.assert_refused(result, "lien-he/index.html", "pages/lien-he.md",
                        "school_sections/lien_he.html")


def test_an_article_over_a_page_written_by_the_other_process_is_an_error(site):
    site.article(name="gioi-thieu.md").write_text(
        ARTICLE.format(extra="", body="Bài.").replace("Bài có liên kết lạ", "Giới thiệu"),
        encoding="utf-8")
    result = site.build("--set", 'ARTICLE_SAVE_AS="{slug}/index.html"',
                        "--set", "PARALLEL_WRITE=true")
    site.assert_refused(result, "gioi-thieu/index.html", "articles/gioi-thieu.md",
                        "pages/gioi-thieu.md")


def test_front_matter_save_as_outside_the_output_is_refused_in_vietnamese(site):
    site.article(extra="save_as: ../../x.html\n")
    result = site.build()
    site.assert_refused(result, "articles/bai-loi.md")
    assert "would be written outside" not in result.stderr
    assert not (site.tmp.parent / "x.html").exists()


def test_a_save_as_outside_the_output_names_the_page(site):
    result = site.build("--set", 'PAGE_SAVE_AS="../{slug}.html"')
    site.assert_refused(result, "pages/gioi-thieu.md", "ra ngoài thư mục kết quả",
                        "../gioi-thieu.html")
    assert not (site.tmp / "gioi-thieu.html").exists()


def test_a_sibling_folder_of_the_output_is_outside_it(site):
    # Pelican compares string prefixes: out-2/ passes its check for out/.
    result = site.build("--set", 'PAGE_SAVE_AS="../out-2/{slug}/index.html"')
    site.assert_refused(result, "pages/gioi-thieu.md", "../out-2/gioi-thieu/index.html",
                        "dẫn ra ngoài thư mục")
    assert not (site.tmp / "out-2").exists()


# --- Scheduled documents and disclosures (issue 12, item 12) -----------------

def _set(path: Path, key: str, value: str) -> None:
    lines = [line for line in read(path).splitlines() if not line.startswith(f"{key}:")]
    path.write_text("\n".join(lines + [f"{key}: {value}"]) + "\n", encoding="utf-8")


def test_documents_and_disclosures_dated_in_the_future_wait_for_their_date(tmp_path):
    site = Site(tmp_path, sections=True)
    document = site.content / "van-ban" / "cong-van-sgddt-chuyen-doi-so-2025.yml"
    _set(document, "posted", "2099-01-01")
    disclosure = site.content / "cong-khai" / "kiem-dinh-chat-luong.yml"
    _set(disclosure, "published", "2099-01-01")
    _set(disclosure, "updated", "2099-01-01")
    result = site.build()
    assert result.returncode == 0, result.stderr
    out = site.output
    assert (out / "van-ban" / "index.html").is_file()
    assert not (out / "van-ban" / "cong-van-sgddt-chuyen-doi-so-2025").exists()
    assert "cong-van-sgddt-chuyen-doi-so-2025" not in read(out / "van-ban" / "index.html")
    assert (out / "cong-khai" / "index.html").is_file()
    assert not (out / "cong-khai" / "kiem-dinh-chat-luong").exists()
    assert "kiem-dinh-chat-luong/" not in read(out / "cong-khai" / "index.html")
    # Published once the date is reached (here: future dates allowed).
    again = site.build("--set", "WITH_FUTURE_DATES=true")
    assert again.returncode == 0, again.stderr
    assert (out / "van-ban" / "cong-van-sgddt-chuyen-doi-so-2025" / "index.html").is_file()
    assert (out / "cong-khai" / "kiem-dinh-chat-luong" / "index.html").is_file()


def test_a_link_to_a_document_not_yet_posted_is_an_error(tmp_path):
    site = Site(tmp_path, sections=True)
    consultations = read(site.content / "data" / "lay-y-kien.yml")
    slug = next(line.split(":", 1)[1].strip() for line in consultations.splitlines()
                if line.strip().startswith("document:"))
    _set(site.content / "van-ban" / f"{slug}.yml", "posted", "2099-01-01")
    result = site.build()
    site.assert_refused(result, "content/data/lay-y-kien.yml", f"“{slug}” chưa đến ngày đăng")


# --- The pure helpers (truongweb.paths) --------------------------------------

def test_resolve_inside_compares_real_paths_by_component(tmp_path):
    from truongweb.paths import OutsideFolderError, resolve_inside

    root = tmp_path / "out"
    (root / "a").mkdir(parents=True)
    assert resolve_inside(root, "a/../a/x.html") == root / "a" / "x.html"
    assert resolve_inside(root, "/a/x", base=root / "a") == root / "a" / "x"
    for escaping in ("../out-2/x.html", "a/../../x", "/../x"):
        with pytest.raises(OutsideFolderError, match="dẫn ra ngoài thư mục"):
            resolve_inside(root, escaping, source="tệp.md")
    (root / "a" / "ra-ngoai").symlink_to(tmp_path)
    with pytest.raises(OutsideFolderError, match="tệp.md: đường dẫn “a/ra-ngoai/x”"):
        resolve_inside(root, "a/ra-ngoai/x", source="tệp.md")


def test_check_links_inside_names_the_link_not_its_target(tmp_path):
    from truongweb.paths import OutsideFolderError, check_links_inside

    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    (root / "images" / "a.txt").write_text("a", encoding="utf-8")
    (root / "images" / "b.txt").symlink_to("a.txt")
    check_links_inside(root)  # inside: fine
    (root / "images" / "hong.txt").symlink_to("khong-co.txt")
    with pytest.raises(OutsideFolderError, match="hong.txt: liên kết tượng trưng .* hỏng"):
        check_links_inside(root)
