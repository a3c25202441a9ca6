"""Pelican generator writing the data-driven section pages."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

import markdown
from markupsafe import Markup
from pelican.generators import Generator

from truongweb.plugins.content_schema import DATA_FILES, SECTION_TITLES, SECTION_URLS
from truongweb.plugins.sanitize_html import report as report_removed_html
from truongweb.plugins.sanitize_html.policy import sanitize
from truongweb.plugins.vietnamese.dates import format_date

from truongweb.plugins.content_schema import levels

from .loaders import DISCLOSURE_GROUPS, hold_future, human_size, load_all

logger = logging.getLogger(__name__)

# The content folders the data files live in: data, van-ban, cong-khai.
DATA_DIRS = tuple(dict.fromkeys(name.split("/")[0] for name in DATA_FILES))


def vn_day(value) -> str:
    """date -> '05/02/2026' (Vietnamese day/month/year); nothing for no date."""
    return format_date(value) if value else ""


def render_markdown(text: str, source: str = "") -> Markup:
    """Markdown of a data file's ``body``, through the body HTML allowlist;
    what was removed is reported against ``source``."""
    result = sanitize(markdown.markdown(text or "", extensions=["extra"]))
    if source:
        report_removed_html(source, result.removed, "trường body")
    return Markup(result.html)


def section_frame(url, title, description, date, parents=(), sidebar=False, subject=None) -> dict:
    """The variables of the section frame (``school_sections/_section.html``),
    which other plugins' pages extend too (``weekly``)."""
    return {
        "url": url, "section_url": url, "section_title": title,
        "section_description": description, "section_date": date,
        "section_parents": list(parents), "section_sidebar": sidebar,
        "section_subject": subject,
    }


class SchoolSectionsGenerator(Generator):
    """Loads the section data and writes one page per section/document/item."""

    def generate_context(self):
        content = Path(self.path)
        self.data = None
        self.level = levels.resolve(self.settings.get("SCHOOL"))
        # The level's sections written here (the human sitemap lists them;
        # the weekly plugin lists its own; the checker takes every section of
        # the level from levels.resolve).
        self.context["SECTION_URLS"] = {
            key: url for key, url in self.level.section_urls().items()
            if levels.SECTIONS[key].provider == "school_sections"}
        self.context["SECTION_TITLES"] = {**SECTION_TITLES, "lanh_dao": self.level.leaders_title}
        self.context["UNIT_LEVEL"] = self.level
        if not any((content / d).is_dir() for d in DATA_DIRS):
            # A bare site (e.g. a theme test) has none of the section data;
            # the compliance checker reports every missing section.
            logger.warning(
                "Chưa có dữ liệu chuyên mục (content/data, content/van-ban, "
                "content/cong-khai): không tạo các trang Lãnh đạo, Liên hệ, Văn bản, "
                "Công khai, Tuyển sinh, Lấy ý kiến, Liên kết, Sơ đồ trang."
            )
            return
        self.data = load_all(content, self.settings.get("SCHOOL"), self.level.sections)
        if not self.settings.get("WITH_FUTURE_DATES", True):
            now = self.settings.get("BUILD_DATETIME") or dt.datetime.now()
            for source in hold_future(self.data, now.date()):
                logger.info("%s: chưa đến ngày đăng, chưa đưa lên trang", source)
        for doc in self.data.documents:
            doc.url = f"van-ban/{doc.slug}/"
            doc.attachment.url = f"{doc.url}{doc.attachment.filename}"
        for item in self.data.disclosures:
            item.url = f"cong-khai/{item.slug}/"
            item.body_html = render_markdown(item.body, item.source_file) if item.body else ""
            for att in item.attachments:
                att.url = f"{item.url}{att.filename}"
        self.context["school_sections"] = self.data
        self.env.filters.setdefault("vn_day", vn_day)
        self.env.filters.setdefault("human_size", human_size)
        self.env.filters.setdefault("section_markdown", render_markdown)

    def _write(self, writer, url, template, title, description, date=None,
               parents=(), sidebar=False, subject=None, **kwargs):
        # DC.date; none: the frame takes the site's SITE_UPDATED
        when = dt.datetime.combine(date, dt.time(0)) if date else None
        writer.write_file(
            url + "index.html",
            self.get_template(f"school_sections/{template}"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            **section_frame(url, title, description, when, parents, sidebar, subject),
            # The sitemap's lastmod: the date of what the page shows (none:
            # no lastmod; never the build time).
            sitemap_lastmod=kwargs.pop("sitemap_lastmod", date),
            **kwargs,
        )

    def _copy(self, attachment):
        target = Path(self.output_path) / attachment.url
        os.makedirs(target.parent, exist_ok=True)
        shutil.copy2(attachment.source, target)

    def generate_output(self, writer):
        d = self.data
        if d is None:
            return
        self._docs_by_slug = {doc.slug: doc for doc in d.documents}
        for key in self.level.sections:
            if levels.SECTIONS[key].provider == "school_sections":
                getattr(self, f"_write_{key}")(writer, d)

    def _write_lanh_dao(self, writer, d):
        self._write(writer, SECTION_URLS["lanh_dao"], "lanh_dao", d.leaders_title,
                    f"Họ tên, chức vụ, điện thoại, thư điện tử và nhiệm vụ của lãnh đạo {self._name}.",
                    parents=self._intro, sidebar=True, leaders=d.leaders)

    def _write_lien_he(self, writer, d):
        self._write(writer, SECTION_URLS["lien_he"], "lien_he", d.contact.title,
                    f"Địa chỉ, điện thoại, thư điện tử, kênh hỏi đáp – góp ý của {self._name}.",
                    parents=self._intro, sidebar=True, contact=d.contact)

    def _write_lien_ket(self, writer, d):
        self._write(writer, SECTION_URLS["lien_ket"], "lien_ket", SECTION_TITLES["lien_ket"],
                    "Liên kết tới cơ quan quản lý giáo dục và dịch vụ công trực tuyến.",
                    link_groups=d.link_groups)

    def _write_lay_y_kien(self, writer, d):
        self._write(writer, SECTION_URLS["lay_y_kien"], "lay_y_kien", SECTION_TITLES["lay_y_kien"],
                    f"Các dự thảo, vấn đề {self._name} đang lấy ý kiến, thời hạn và nơi nhận góp ý.",
                    consultations=d.consultations, documents=self._docs_by_slug)

    def _write_tuyen_sinh(self, writer, d):
        adm = d.admissions
        self._write(writer, SECTION_URLS["tuyen_sinh"], "tuyen_sinh", adm.title,
                    f"Thông báo tuyển sinh năm học {adm.school_year} và đăng ký trực tuyến.",
                    subject="Tuyển sinh", admissions=adm, documents=self._docs_by_slug)

    def _write_van_ban(self, writer, d):
        self._write(writer, SECTION_URLS["van_ban"], "van_ban_list", SECTION_TITLES["van_ban"],
                    f"Danh sách văn bản của {self._name} và văn bản cấp trên liên quan.",
                    documents=d.documents,
                    doc_types=sorted({doc.type for doc in d.documents}),
                    doc_years=sorted({doc.year for doc in d.documents}, reverse=True),
                    doc_issuers=sorted({doc.issuer for doc in d.documents}),
                    sitemap_lastmod=max((doc.posted for doc in d.documents), default=None))
        for doc in d.documents:
            self._write(writer, doc.url, "van_ban", f"{doc.type} số {doc.number}", doc.abstract,
                        date=doc.posted, subject=doc.type,
                        parents=[(SECTION_TITLES["van_ban"], SECTION_URLS["van_ban"])],
                        document=doc)
            self._copy(doc.attachment)

    def _write_chi_dao_dieu_hanh(self, writer, d):
        """The office's own documents (issued by the unit itself): its
        direction of the schools under it."""
        school = self.settings.get("SCHOOL") or {}
        own = {school.get("name"), school.get("short_name")} - {None, ""}
        documents = [doc for doc in d.documents if doc.issuer in own]
        self._write(writer, SECTION_URLS["chi_dao_dieu_hanh"], "chi_dao_dieu_hanh",
                    SECTION_TITLES["chi_dao_dieu_hanh"],
                    f"Văn bản chỉ đạo, điều hành do {self._name} ban hành.", documents=documents,
                    sitemap_lastmod=max((doc.posted for doc in documents), default=None))

    def _write_thu_tuc_hanh_chinh(self, writer, d):
        self._write(writer, SECTION_URLS["thu_tuc_hanh_chinh"], "thu_tuc_hanh_chinh",
                    SECTION_TITLES["thu_tuc_hanh_chinh"],
                    f"Thủ tục hành chính thuộc thẩm quyền của {self._name}.",
                    subject="Thủ tục hành chính", procedures=d.procedures)

    def _write_dich_vu_cong(self, writer, d):
        self._write(writer, SECTION_URLS["dich_vu_cong"], "dich_vu_cong",
                    SECTION_TITLES["dich_vu_cong"],
                    f"Dịch vụ công trực tuyến của {self._name} trên {d.procedures.portal_title}.",
                    subject="Dịch vụ công trực tuyến", procedures=d.procedures)

    def _write_cong_khai(self, writer, d):
        groups = [
            (slug, title, [i for i in d.disclosures if i.group == slug])
            for slug, title in DISCLOSURE_GROUPS.items()
        ]
        self._write(writer, SECTION_URLS["cong_khai"], "cong_khai_list", SECTION_TITLES["cong_khai"],
                    "Thông tin công khai theo Thông tư 09/2024/TT-BGDĐT.", groups=groups,
                    sitemap_lastmod=max((i.updated for i in d.disclosures), default=None))
        for item in d.disclosures:
            self._write(writer, item.url, "cong_khai_item", item.title,
                        f"{item.group_title}: {item.title}.", date=item.updated,
                        subject=f"Công khai – {item.group_title}",
                        parents=[(SECTION_TITLES["cong_khai"], SECTION_URLS["cong_khai"]),
                                 (item.group_title, f"{SECTION_URLS['cong_khai']}#{item.group}")],
                        item=item)
            for att in item.attachments:
                self._copy(att)

    def _write_so_do_trang(self, writer, d):
        self._write(writer, SECTION_URLS["so_do_trang"], "so_do_trang", SECTION_TITLES["so_do_trang"],
                    "Danh sách tất cả chuyên mục và trang của cổng thông tin.",
                    sitemap_pages=sorted(self.context.get("pages", []), key=lambda p: p.title),
                    sitemap_categories=sorted(self.context.get("categories", []),
                                              key=lambda c: c[0].name))

    @property
    def _name(self):
        return self.settings.get("SITENAME", "")

    @property
    def _intro(self):
        return [("Giới thiệu", "gioi-thieu/")]
