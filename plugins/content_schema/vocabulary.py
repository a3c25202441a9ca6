"""The site's fixed vocabulary: evidence channels, article statuses, default
categories, the required sections and the keys of the data files.

Pure, no Pelican import. Declared here once; the front matter checks, the
web editor's configuration, evidence counting, the section loaders, the
compliance manifest, the importer and the developer guide's key table read
these names (``tests/test_content_schema_readers.py`` fails when one drifts).
"""

from __future__ import annotations

# Where an article was published (front matter key ``channel``), with the
# label the editor offers and the evidence reports show. Another lower-case
# code is accepted too (spec plan-evidence §2) and shown as written.
CHANNELS: dict[str, str] = {
    "website": "Website của trường",
    "facebook": "Facebook",
    "zalo": "Zalo",
    "bao-chi": "Báo chí",
    "truyen-hinh": "Truyền hình",
    "phat-thanh": "Phát thanh",
}
DEFAULT_CHANNEL = "website"

# Front matter ``status``, in the order the editor offers them.
STATUS_LABELS: dict[str, str] = {
    "draft": "Bản nháp (chưa đăng)",
    "published": "Đăng công khai",
    "hidden": "Ẩn (không đăng; xem thử tại địa chỉ riêng, không hiện trong danh sách)",
}
STATUSES = ("published", "draft", "hidden")
DEFAULT_STATUS = "published"

# The product's categories (a site's pelicanconf.py may set its own CATEGORIES).
CATEGORIES = (
    "Tin tức – Sự kiện",
    "Thông báo",
    "Hoạt động chuyên môn",
    "Đoàn – Đội",
    "Tuyển sinh",
    "Gương sáng",
)
DEFAULT_CATEGORY = "Tin tức – Sự kiện"
NOTICE_CATEGORY = "Thông báo"

# The sections the rules require: key -> (output URL relative to SITEURL,
# title). Which unit needs which, and who writes it: content_schema.levels.
SECTIONS: dict[str, tuple[str, str]] = {
    "lanh_dao": ("lanh-dao/", "Lãnh đạo nhà trường"),
    "lien_he": ("lien-he/", "Liên hệ – Hỏi đáp"),
    "lien_ket": ("lien-ket/", "Liên kết"),
    "lay_y_kien": ("lay-y-kien/", "Lấy ý kiến"),
    "tuyen_sinh": ("thong-tin-tuyen-sinh/", "Thông tin tuyển sinh"),
    "van_ban": ("van-ban/", "Văn bản"),
    "cong_khai": ("cong-khai/", "Công khai"),
    "so_do_trang": ("so-do-trang/", "Sơ đồ trang"),
    # A Sở's or Phòng's portal.
    "thu_tuc_hanh_chinh": ("thu-tuc-hanh-chinh/", "Thủ tục hành chính"),
    "dich_vu_cong": ("dich-vu-cong-truc-tuyen/", "Dịch vụ công trực tuyến"),
    "chi_dao_dieu_hanh": ("chi-dao-dieu-hanh/", "Văn bản chỉ đạo, điều hành"),
    # Written by the weekly plugin.
    "lich_cong_tac": ("lich-cong-tac/", "Lịch công tác"),
    "thuc_don": ("thuc-don/", "Thực đơn"),
}
SECTION_URLS = {key: url for key, (url, _title) in SECTIONS.items()}
SECTION_TITLES = {key: title for key, (_url, title) in SECTIONS.items()}

# Thông tư 09/2024/TT-BGDĐT disclosure groups, in display order.
DISCLOSURE_GROUPS: dict[str, str] = {
    "thong-tin-chung": "Thông tin chung về cơ sở giáo dục",
    "tai-chinh": "Thu, chi tài chính",
    "doi-ngu-co-so-vat-chat": "Đội ngũ và cơ sở vật chất",
    "chat-luong": "Kiểm định và bảo đảm chất lượng",
    "ke-hoach-ket-qua": "Kế hoạch và kết quả hoạt động giáo dục",
    "bao-cao-thuong-nien": "Báo cáo thường niên",
}

# The keys of each data file, by file (relative to content/; ``*`` a folder
# of one file per entry) and key path ("" the top, "leaders" each item of
# that list, "feedback" that mapping). The loaders refuse any other key.
DATA_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "data/lanh-dao.yml": {
        "": ("title", "leaders"),
        "leaders": ("name", "position", "phone", "email", "duties"),
    },
    "data/lien-he.yml": {
        "": ("title", "address", "phone", "email", "hours", "contact_person", "feedback",
             "survey_url", "faq"),
        "contact_person": ("name", "position", "phone", "email", "address"),
        "feedback": ("email", "form_url", "note"),
        "faq": ("question", "answer"),
    },
    "data/lien-ket.yml": {
        "": ("groups",),
        "groups": ("title", "links"),
        "groups.links": ("title", "url", "description"),
    },
    "data/lay-y-kien.yml": {
        "": ("consultations",),
        "consultations": ("slug", "title", "issue", "content", "published", "deadline", "email",
                          "document"),
    },
    "data/tuyen-sinh.yml": {
        "": ("title", "school_year", "intro", "online_system", "notice", "plan_document"),
        "online_system": ("title", "url"),
        "notice": ("label", "value"),
    },
    "data/thu-tuc-hanh-chinh.yml": {
        "": ("portal", "intro", "procedures"),
        "portal": ("title", "url"),
        "procedures": ("title", "field", "code", "online", "url"),
    },
    # In the editor's order.
    "van-ban/*.yml": {
        "": ("type", "number", "issuer", "issued", "effective", "posted", "signer", "abstract",
             "file"),
    },
    "cong-khai/*.yml": {
        "": ("group", "title", "published", "updated", "deadline", "year", "body", "facts",
             "tables", "files"),
        "facts": ("label", "value"),
        "tables": ("caption", "columns", "rows"),
        "files": ("title", "file"),
    },
}
