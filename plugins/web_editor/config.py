"""Build the Sveltia CMS configuration (``/admin/config.yml``) from the site.

Pure domain code: no Pelican import. Everything the editor offers comes from
the settings (categories, time zone, backend) and from the plan files (topic
and unit pickers), so the editor cannot drift from what the build accepts.
"""

from __future__ import annotations

import copy
from typing import Any, Iterable
from urllib.parse import urlsplit

import yaml
from truongweb.plugins import content_schema
from truongweb.plugins.content_schema import DISCLOSURE_GROUPS, editor_keys
from truongweb.plugins.content_schema import weekly as weekly_schema
from truongweb.plugins.plan_evidence.counting import known_codes

# (value, label) pairs, from the content schema.
CHANNELS = tuple(content_schema.CHANNELS.items())
STATUSES = tuple(content_schema.STATUS_LABELS.items())
DEFAULT_BACKEND = {"name": "github", "repo": "truong-hoc/website", "branch": "main"}
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
MEDIA_FOLDER = "content/images"
PUBLIC_FOLDER = "/images"

# Keys the web editor writes for an article, in the order it writes them:
# the content schema's, so the editor offers exactly what the build accepts.
ARTICLE_KEYS = editor_keys()


class EditorConfigError(ValueError):
    """A setting the editor needs is wrong. ``str()`` is the Vietnamese message."""


def _plans_options(plans: Iterable[Any]) -> tuple[list[dict], list[dict]]:
    """Topic and unit options ("code — title") over every plan, first plan wins."""
    topics, units = known_codes(plans)
    return (
        [{"label": f"{code} — {title}", "value": code} for code, title in topics.items()],
        [{"label": f"{code} — {name}", "value": code} for code, name in units.items()],
    )


# The backend options Sveltia CMS reads (its documentation, "Backends"). Only
# these reach admin/config.yml, which anyone can download.
BACKEND_KEYS = (
    "name", "repo", "branch", "api_root", "graphql_api_root", "base_url", "auth_endpoint",
    "auth_type", "app_id", "site_domain", "commit_messages", "automatic_deployments",
    "squash_merges", "preview_context", "cms_label_prefix",
)
# Words that mark a credential: an OAuth app's client secret, a personal
# token, a password. Such a value would be public in admin/config.yml.
_SECRET_WORDS = ("secret", "token", "password", "passwd", "credential", "private", "api_key",
                 "apikey")
_URL_KEYS = ("api_root", "graphql_api_root", "base_url", "auth_endpoint")
# Where the editor's browser talks to each kind of backend by default (for
# the /admin/ Content-Security-Policy); api_root or base_url override it.
DEFAULT_API_ORIGINS = {
    "github": ("https://api.github.com",),
    "gitlab": ("https://gitlab.com",),
    "gitea": ("https://gitea.com",),
    "test-repo": (),
}
# Pictures the editor shows from the host (the signed-in user's avatar).
DEFAULT_IMAGE_ORIGINS = {
    "github": ("https://avatars.githubusercontent.com",),
    "gitlab": ("https://gitlab.com", "https://secure.gravatar.com"),
    "gitea": ("https://gitea.com",),
    "test-repo": (),
}


def _backend(settings: dict) -> dict:
    backend = settings.get("EDITOR_BACKEND") or DEFAULT_BACKEND
    if not isinstance(backend, dict) or not isinstance(backend.get("name"), str):
        raise EditorConfigError(
            "pelicanconf.py: khóa 'EDITOR_BACKEND' phải là một dict có 'name', ví dụ "
            '{"name": "github", "repo": "ten-to-chuc/ten-kho", "branch": "main"}.'
        )
    name = backend["name"]
    if name not in ("github", "gitlab", "gitea", "test-repo"):
        raise EditorConfigError(
            f"pelicanconf.py: khóa 'EDITOR_BACKEND': 'name' là '{name}' không được hỗ trợ; "
            "dùng github, gitlab, gitea hoặc test-repo."
        )
    for key, value in backend.items():
        lowered = str(key).lower()
        if any(word in lowered for word in _SECRET_WORDS):
            raise EditorConfigError(
                f"pelicanconf.py: khóa 'EDITOR_BACKEND' có '{key}': đây là thông tin bí mật, "
                "không được ghi vào cấu hình trình soạn bài (admin/config.yml ai cũng tải "
                "được). Xóa khóa này; bí mật của ứng dụng OAuth chỉ để ở máy chủ xác thực."
            )
        if key not in BACKEND_KEYS:
            raise EditorConfigError(
                f"pelicanconf.py: khóa 'EDITOR_BACKEND' có '{key}' không được hỗ trợ; "
                f"chỉ dùng: {', '.join(BACKEND_KEYS)}."
            )
        if key in _URL_KEYS:
            _check_backend_url(key, value)
    if name != "test-repo" and not backend.get("repo"):
        raise EditorConfigError(
            f"pelicanconf.py: khóa 'EDITOR_BACKEND': thiếu 'repo' (ví dụ \"ten-to-chuc/ten-kho\") "
            f"cho máy chủ {name}."
        )
    return {key: copy.deepcopy(backend[key]) for key in BACKEND_KEYS if key in backend}


def _check_backend_url(key: str, value: Any) -> None:
    if key == "auth_endpoint" and isinstance(value, str) and not value.startswith(("http:", "https:")):
        return  # a path on base_url, e.g. "oauth/authorize"
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme != "https" or not parts.hostname:
        raise EditorConfigError(
            f"pelicanconf.py: khóa 'EDITOR_BACKEND': '{key}' phải là một địa chỉ https://, "
            f"ví dụ https://gitlab.truong.edu.vn (đang là {value!r})."
        )
    if parts.username or parts.password:
        raise EditorConfigError(
            f"pelicanconf.py: khóa 'EDITOR_BACKEND': '{key}' chứa tên đăng nhập hoặc mật khẩu; "
            "đây là thông tin bí mật, không được ghi vào admin/config.yml."
        )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def backend_origins(backend: dict) -> tuple[list[str], list[str]]:
    """(API origins, picture origins) the editor's browser needs for
    ``backend`` (a checked EDITOR_BACKEND): what the /admin/ CSP allows."""
    name = backend.get("name")
    api = [_origin(backend[k]) for k in ("api_root", "graphql_api_root", "base_url")
           if isinstance(backend.get(k), str)]
    images = list(DEFAULT_IMAGE_ORIGINS.get(name, ()))
    if not api:
        api = list(DEFAULT_API_ORIGINS.get(name, ()))
    elif name != "github":
        images = sorted(set(api))  # a school's own GitLab or Gitea serves the avatars
    unique = lambda items: list(dict.fromkeys(items))  # noqa: E731
    return unique(api), unique(images)


def _f(name: str, label: str, hint: str, widget: str = "string", **extra: Any) -> dict:
    field = {"name": name, "label": label, "widget": widget, "hint": hint}
    field.update(extra)
    return field


def _datetime(name: str, label: str, hint: str, tz: str, **extra: Any) -> dict:
    return _f(name, label, hint, "datetime", input_timezone=tz, **extra)


def _status_field() -> dict:
    return _f(
        "status", "Trạng thái",
        "«Bản nháp»: bài được lưu nhưng không đăng lên trang web công khai; chỉ xem được "
        "trên bản xem thử (invoke serve) với nhãn «Bản nháp». «Ẩn»: cũng không đăng lên "
        "trang web công khai; trên bản xem thử, bài có địa chỉ như khi đăng nhưng không hiện "
        "trong danh sách nào. Chọn «Đăng công khai» khi bài đã được duyệt. Bài nháp và bài "
        "ẩn không được tính vào minh chứng kế hoạch.",
        "select", options=[{"label": lab, "value": val} for val, lab in STATUSES],
        default="draft",
    )


def _body_field(hint: str) -> dict:
    return _f("body", "Nội dung", hint, "markdown")


def article_fields(settings: dict, plans: Iterable[Any]) -> list[dict]:
    tz = settings.get("TIMEZONE") or DEFAULT_TIMEZONE
    categories = list(settings.get("CATEGORIES") or [])
    if not categories:
        raise EditorConfigError(
            "pelicanconf.py: khóa 'CATEGORIES' trống: trình soạn thảo cần danh sách chuyên mục."
        )
    default_category = settings.get("DEFAULT_CATEGORY")
    if default_category not in categories:
        default_category = categories[0]
    topic_options, unit_options = _plans_options(plans)
    channel_options = [{"label": lab, "value": val} for val, lab in CHANNELS]

    fields = [
        _f("title", "Tiêu đề",
           "Tiêu đề bài viết, viết hoa chữ đầu câu, đủ dấu. Địa chỉ bài (không dấu) được "
           "tạo tự động từ tiêu đề, ví dụ «Đại hội Đoàn» → dai-hoi-doan."),
        _datetime("date", "Ngày giờ đăng",
                  "Giờ Việt Nam (UTC+07:00). Bài hẹn giờ trong tương lai chỉ xuất hiện sau "
                  "thời điểm này, ở lần dựng trang kế tiếp.", tz, default="{{now}}"),
        _f("category", "Chuyên mục", "Mỗi bài thuộc đúng một chuyên mục của trang web.",
           "select", options=categories, default=default_category, dropdown_threshold=12),
        _f("topics", "Chủ đề kế hoạch truyền thông",
           "Chọn một hoặc nhiều nội dung trọng tâm của kế hoạch mà bài này là minh chứng "
           "(mã — tên chủ đề). Bài có hai chủ đề được tính một lần cho mỗi chủ đề. "
           "Để trống nếu bài không thuộc chủ đề nào.",
           "select", multiple=True, options=topic_options, required=False,
           dropdown_threshold=100),
        _f("unit", "Đơn vị thực hiện",
           "Tổ chuyên môn hoặc đoàn thể viết bài (để tính đóng góp của từng đơn vị). "
           "Có thể để trống.",
           "select", options=unit_options, required=False, dropdown_threshold=100),
        _f("channel", "Kênh đăng",
           "«Website của trường» nếu bài đăng tại đây. Nếu bài đã đăng ở kênh khác "
           "(Facebook, Zalo, báo, truyền hình, phát thanh) thì chọn kênh đó và BẮT BUỘC nhập "
           "«Đường dẫn» bên dưới, nếu không trang web sẽ báo lỗi khi dựng.",
           "select", options=channel_options, default=content_schema.DEFAULT_CHANNEL),
        _f("link", "Đường dẫn (khi đăng ở kênh khác)",
           "Địa chỉ đầy đủ của bài ở kênh khác, bắt đầu bằng https://. Bắt buộc khi "
           "«Kênh đăng» không phải «Website của trường»; để trống nếu đăng trên website.",
           required=False,
           pattern=["^https?://\\S+$", "Đường dẫn phải bắt đầu bằng http:// hoặc https://"]),
        _f("image", "Ảnh đại diện",
           "Ảnh hiện ở đầu bài và trong danh sách tin. Nên dùng ảnh ngang, rộng từ 1200 "
           "điểm ảnh. Không đăng ảnh học sinh khi chưa có sự đồng ý của cha mẹ.",
           "image", required=False, choose_url=False),
        _f("image_alt", "Mô tả ảnh",
           "Một câu tả nội dung ảnh cho người khiếm thị và khi ảnh không tải được, ví dụ "
           "«Học sinh giơ tay biểu quyết». Bắt buộc khi có ảnh đại diện.",
           required=False),
        _f("summary", "Tóm tắt",
           "Một hai câu giới thiệu bài, hiện trong danh sách tin. Có thể để trống.",
           "text", required=False),
        _f("author", "Tác giả", "Họ tên người viết bài (có thể để trống).", required=False),
        _f("tags", "Từ khóa",
           "Mỗi ô một từ khóa, ví dụ «liên đội»; bấm «Thêm» để thêm từ khóa khác.",
           "list", required=False),
        _f("source", "Nguồn (khi đăng lại)",
           "Tên báo hoặc trang gốc nếu bài được đăng lại từ nơi khác.", required=False),
        _f("source_date", "Ngày đăng ở nguồn",
           "Ngày bài gốc được đăng (khi đăng lại).", "datetime",
           type="date", required=False),
        _status_field(),
        _datetime("modified", "Ngày giờ cập nhật",
                  "Điền khi sửa nội dung quan trọng của bài đã đăng; để trống nếu không.",
                  tz, required=False),
        _body_field("Nội dung bài viết. Dùng nút định dạng để in đậm, tạo tiêu đề mục, "
                    "chèn ảnh hoặc liên kết."),
    ]
    for field in fields:
        # A select needs options: with no plan (or no unit in any plan) the picker
        # is hidden; values already in a file are kept as they are.
        if field["widget"] == "select" and not field["options"]:
            field.pop("options")
            field.pop("multiple", None)
            field.pop("dropdown_threshold", None)
            field["widget"] = "hidden"
    return fields


def page_fields(settings: dict) -> list[dict]:
    tz = settings.get("TIMEZONE") or DEFAULT_TIMEZONE
    return [
        _f("title", "Tiêu đề", "Tên trang, ví dụ «Giới thiệu chung» hoặc «Liên hệ»."),
        _f("slug", "Địa chỉ trang",
           "Phần cuối địa chỉ trang, chữ thường không dấu nối bằng gạch ngang, ví dụ "
           "gioi-thieu. Để trống thì tạo tự động từ tiêu đề. Đổi địa chỉ của trang đã có "
           "sẽ làm hỏng các liên kết cũ.", required=False,
           pattern=["^[a-z0-9]+(-[a-z0-9]+)*$",
                    "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang"]),
        _f("order", "Thứ tự", "Số thứ tự của trang trong danh mục (1, 2, 3…).", "number",
           value_type="int", required=False),
        _f("summary", "Tóm tắt", "Một câu giới thiệu trang (có thể để trống).",
           "text", required=False),
        _datetime("modified", "Ngày giờ cập nhật",
                  "Điền khi sửa nội dung trang; để trống nếu không.", tz, required=False),
        _status_field(),
        _body_field("Nội dung trang."),
    ]


def _date(name: str, label: str, hint: str, **extra: Any) -> dict:
    return _f(name, label, hint, "datetime", type="date", **extra)


def document_fields(settings: dict) -> list[dict]:
    """A document (văn bản): one YAML file per document in content/van-ban/,
    read by the school_sections plugin (keys as its loader requires)."""
    school = (settings.get("SCHOOL") or {}).get("name") or settings.get("SITENAME") or ""
    return [
        _f("type", "Loại văn bản",
           "Ví dụ: Kế hoạch, Quyết định, Công văn, Thông báo, Quy chế, Thông tư, Dự thảo."),
        _f("number", "Số, ký hiệu",
           "Ví dụ 41/KH-THCSTB. Tên tệp được tạo từ số, ký hiệu (không dấu)."),
        _f("issuer", "Cơ quan ban hành", "Cơ quan, đơn vị ký ban hành văn bản.",
           **({"default": school} if school else {})),
        _date("issued", "Ngày ban hành", "Ngày ký ban hành văn bản.", default="{{now}}"),
        _date("effective", "Ngày hiệu lực", "Không được trước ngày ban hành.",
              default="{{now}}"),
        _date("posted", "Ngày đăng lên trang",
              "Để trống thì lấy ngày ban hành. Không được trước ngày ban hành.",
              required=False),
        _f("signer", "Người ký", "Họ tên và chức vụ, ví dụ «Nguyễn Văn Hùng, Hiệu trưởng».",
           required=False),
        _f("abstract", "Trích yếu", "Trích yếu nội dung văn bản, một câu đầy đủ.", "text"),
        _f("file", "Tệp văn bản",
           "Tệp PDF (bản đã ký) hoặc DOCX, DOC, XLSX, ODT. Tệp được lưu trong "
           "content/van-ban/tep/.", "file", choose_url=False,
           accept=".pdf,.docx,.doc,.xlsx,.odt"),
    ]


def disclosure_fields(settings: dict) -> list[dict]:
    """A disclosure item (công khai, Thông tư 09/2024/TT-BGDĐT): one YAML file per
    item in content/cong-khai/, read by the school_sections plugin."""
    group_options = [{"label": label, "value": code} for code, label in disclosure_groups()]
    return [
        _f("group", "Nhóm công khai", "Nhóm nội dung theo Thông tư 09/2024/TT-BGDĐT.",
           "select", options=group_options, dropdown_threshold=10),
        _f("title", "Tên nội dung công khai",
           "Ví dụ «Đội ngũ cán bộ quản lý, giáo viên và nhân viên năm học 2026–2027»."),
        _date("published", "Ngày công khai", "Ngày đăng công khai trên trang web.",
              default="{{now}}"),
        _date("updated", "Ngày cập nhật",
              "Để trống nếu chưa cập nhật. Không được trước ngày công khai.", required=False),
        _date("deadline", "Hạn công khai theo quy định",
              "Thời hạn phải công khai (nếu có), để theo dõi việc công khai đúng hạn.",
              required=False),
        _f("year", "Năm báo cáo",
           "Bắt buộc với «Báo cáo thường niên» (ví dụ 2026); các nhóm khác để trống.",
           "number", value_type="int", min=1990, max=2100, required=False),
        _f("body", "Nội dung",
           "Nội dung công khai dạng chữ. Mục công khai cần có nội dung, bảng số liệu "
           "hoặc tệp đính kèm.", "text", required=False),
        _f("facts", "Thông tin tóm tắt",
           "Các cặp «nội dung — số liệu», ví dụ «Số lớp — 24».", "list", required=False,
           fields=[_f("label", "Nội dung", "Ví dụ «Số lớp»."),
                   _f("value", "Số liệu", "Ví dụ «24».")]),
        _f("tables", "Bảng số liệu",
           "Mỗi bảng có tiêu đề, tên các cột và các hàng; mỗi hàng có đúng số ô bằng số "
           "cột.", "list", required=False,
           fields=[
               _f("caption", "Tiêu đề bảng", "Ví dụ «Nguồn thu năm 2026 (triệu đồng)»."),
               _f("columns", "Tên các cột", "Mỗi ô một tên cột, theo thứ tự từ trái sang "
                  "phải.", "list"),
               _f("rows", "Các hàng", "Mỗi hàng là danh sách ô, theo thứ tự các cột.",
                  "list", field=_f("row", "Hàng", "Các ô của hàng, theo thứ tự các cột.",
                                   "list")),
           ]),
        _f("files", "Tệp đính kèm",
           "Bắt buộc với «Báo cáo thường niên». Tệp PDF, DOCX, DOC, XLSX hoặc ODT, lưu "
           "trong content/cong-khai/tep/.", "list", required=False,
           fields=[_f("title", "Tên tệp", "Ví dụ «Báo cáo thường niên năm 2026 (bản ký)»."),
                   _f("file", "Tệp", "Chọn hoặc tải lên tệp.", "file", choose_url=False,
                      accept=".pdf,.docx,.doc,.xlsx,.odt")]),
    ]


def disclosure_groups() -> list[tuple[str, str]]:
    """The Thông tư 09/2024 groups, from the sections plugin that renders them."""
    return list(DISCLOSURE_GROUPS.items())


# Widgets of the weekly data keys (content_schema.weekly): the editor's forms
# for schedule and menu weeks and timetables come from that one declaration.
_WEEKLY_WIDGETS = {
    "text": {"widget": "string"},
    "longtext": {"widget": "text"},
    "date": {"widget": "datetime", "type": "date"},
    "time": {"widget": "datetime", "type": "time", "time_format": "HH:mm"},
    "bool": {"widget": "boolean", "default": False},
    "list": {"widget": "list"},
    "file": {"widget": "file", "choose_url": False,
             "accept": ",".join(weekly_schema.TIMETABLE_EXTENSIONS)},
}


def weekly_fields(fields) -> list[dict]:
    """Editor fields of weekly data keys (``DataField``s), nested entries as lists."""
    out = []
    for data_field in fields:
        if data_field.kind == "entries":
            field = _f(data_field.name, data_field.label, data_field.hint, "list",
                       fields=weekly_fields(data_field.fields))
        else:
            spec = dict(_WEEKLY_WIDGETS[data_field.kind])
            field = _f(data_field.name, data_field.label, data_field.hint, spec.pop("widget"), **spec)
        if not data_field.required:
            field["required"] = False
        out.append(field)
    return out


def _week_fields(fields) -> list[dict]:
    """A week file's form: the week key names the file, so it is required here."""
    out = weekly_fields(fields)
    week = out[0]
    week.pop("required", None)
    week["pattern"] = ["^\\d{4}-W\\d{2}$", "Viết năm, chữ W và số tuần hai chữ số, ví dụ 2026-W48"]
    return out


def weekly_collections() -> list[dict]:
    """Schedule weeks, menu weeks and timetables (read by plugins/weekly)."""
    return [
        _collection("lich-cong-tac", "Lịch công tác tuần", "tuần", "content/lich-cong-tac",
                    _week_fields(weekly_schema.SCHEDULE_WEEK_FIELDS),
                    "Mỗi tuần một tệp: các công việc với ngày, giờ, nội dung, thành phần, "
                    "địa điểm, chủ trì.", sort="week", data=True, slug="{{week}}",
                    summary="{{week}}"),
        _collection("thuc-don", "Thực đơn", "tuần", "content/thuc-don",
                    _week_fields(weekly_schema.MENU_WEEK_FIELDS),
                    "Mỗi tuần một tệp: các ngày, các bữa và món ăn. Thực đơn tuần sau phải "
                    "đăng trước thứ Bảy.", sort="week", data=True, slug="{{week}}",
                    summary="{{week}}"),
        _collection("thoi-khoa-bieu", "Thời khóa biểu", "thời khóa biểu",
                    "content/thoi-khoa-bieu", weekly_fields(weekly_schema.TIMETABLE_FIELDS),
                    "Tệp xuất từ phần mềm xếp thời khóa biểu (Excel, PDF hoặc HTML).",
                    sort="applies_from", data=True),
    ]


def _collection(name, label, singular, folder, fields, description, path=None, sort="date",
                data=False, slug="{{title}}", summary="{{title}}"):
    col = {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": folder,
        "extension": "yml" if data else "md",
        "format": "yml" if data else "yaml-frontmatter",
        "create": True,
        "slug": slug,
        "summary": summary,
        "sortable_fields": {"fields": [f for f in (sort, "title") if any(
            x["name"] == f for x in fields)], "default": {"field": sort, "direction": "ascending" if sort == "title" else "descending"}}
        if sort else None,
        "fields": fields,
        # Uploads from any entry go to the one image folder, never next to the entry;
        # documents keep their files in <folder>/tep/, written as "tep/<file>".
        "media_folder": "tep" if data else "/" + MEDIA_FOLDER,
        "public_folder": "tep" if data else PUBLIC_FOLDER,
    }
    if path:
        col["path"] = path
    if not sort:
        del col["sortable_fields"]
    return col


def build_config(settings: dict, plans: Iterable[Any]) -> dict:
    """The whole Sveltia CMS configuration as a plain dict."""
    plans = list(plans)
    school = settings.get("SCHOOL") or {}
    site_name = school.get("short_name") or settings.get("SITENAME") or ""
    config: dict[str, Any] = {
        "backend": _backend(settings),
        "site_url": settings.get("SITEURL") or None,
        "display_url": settings.get("SITEURL") or None,
        "app_title": f"Soạn bài — {site_name}" if site_name else "Soạn bài",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # No stock photo services (third-party requests, licences unclear for a school).
        "media_libraries": {"stock_assets": {"providers": []}},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # Optional fields left empty are not written (no `link: ''` in the front matter).
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            _collection(
                "articles", "Bài viết", "bài viết", "content/articles",
                article_fields(settings, plans),
                "Tin bài, thông báo, gương sáng… Mỗi bài có chuyên mục, chủ đề kế hoạch "
                "và đơn vị thực hiện.",
                path="{{year}}/{{month}}-{{slug}}",
            ),
            _collection("pages", "Trang", "trang", "content/pages", page_fields(settings),
                        "Các trang cố định: giới thiệu, liên hệ…", sort="title"),
            _collection("van-ban", "Văn bản", "văn bản", "content/van-ban",
                        document_fields(settings),
                        "Văn bản của nhà trường và cấp trên (kế hoạch, quyết định…).",
                        sort="issued", data=True, slug="{{number}}",
                        summary="{{number}} — {{abstract}}"),
            _collection("cong-khai", "Công khai", "nội dung công khai", "content/cong-khai",
                        disclosure_fields(settings),
                        "Các nội dung công khai theo Thông tư 09/2024/TT-BGDĐT.",
                        sort="published", data=True),
            *weekly_collections(),
        ],
    }
    for key in ("site_url", "display_url"):
        if config[key] is None:
            del config[key]
    return config


def apply_overrides(config: dict, overrides: dict | None) -> dict:
    """Shallow-merge ``EDITOR_CONFIG_OVERRIDES`` (e.g. a test backend) into a copy."""
    result = copy.deepcopy(config)
    for key, value in (overrides or {}).items():
        result[key] = copy.deepcopy(value)
    return result


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper, data):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump_config(config: dict) -> str:
    header = (
        "# Tạo tự động khi dựng trang (plugin web_editor) từ pelicanconf.py và các tệp\n"
        "# kế hoạch trong content/plans/. Đừng sửa tệp này: sửa cài đặt hoặc kế hoạch.\n"
    )
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=100)


def site_image_path(value: Any) -> Any:
    """The editor stores pictures as site paths ("/images/x.jpg"); the front matter
    convention (and the theme) use paths relative to content/ ("images/x.jpg")."""
    if isinstance(value, str) and value.startswith(PUBLIC_FOLDER + "/"):
        return value.lstrip("/")
    return value
