"""Pure loaders for the data-driven school sections (no Pelican import).

Each loader reads one YAML file (or a folder of them), validates every key
and returns plain dataclasses. Bad input raises ``SectionDataError`` whose
``str()`` is a Vietnamese message naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from truongweb.paths import OutsideFolderError, resolve_inside
from truongweb.plugins.content_schema import DATA_FILES, DISCLOSURE_GROUPS, load_yaml
from truongweb.plugins.content_schema.levels import SCHOOL_SECTIONS
from truongweb.plugins.content_schema.values import CODE_RE as SLUG_RE
from truongweb.plugins.content_schema.values import EMAIL_RE, PHONE_RE, as_date
from truongweb.plugins.vietnamese.messages import os_error_reason


ATTACHMENT_EXTS = {".pdf", ".docx", ".doc", ".xlsx", ".odt"}


class SectionDataError(ValueError):
    """Bad section data; ``str()`` is the Vietnamese message for the user."""


# --------------------------------------------------------------------------
# Small validation helpers


class _Obj:
    """A mapping read from ``file`` at key path ``where`` with typed getters.

    ``schema`` is the file's entry of ``content_schema.DATA_FILES`` and
    ``path`` the key path in it (``where`` without the item numbers): the keys
    this mapping may have."""

    def __init__(self, data: Any, file: str, schema: dict[str, tuple[str, ...]],
                 where: str = "", path: str = ""):
        if not isinstance(data, dict):
            raise SectionDataError(
                f"Tệp {file}: {_at(where)}phải là một bảng khóa: giá trị "
                f"(mapping), nhận được {_kind(data)}."
            )
        self.data = data
        self.file = file
        self.where = where
        self.schema = schema
        self.path = path
        self.allowed = schema[path]
        self.used: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _child(self, value: Any, where: str, key: str) -> _Obj:
        return _Obj(value, self.file, self.schema, where, f"{self.path}.{key}" if self.path else key)

    def err(self, key: str, what: str) -> SectionDataError:
        return SectionDataError(f'Tệp {self.file}: khóa "{self._key(key)}" {what}')

    def raw(self, key: str, required: bool = True) -> Any:
        if key not in self.allowed:  # a loader out of step with the schema
            raise LookupError(f"{key!r} is not a key of {self.path or 'the top'} in DATA_FILES")
        self.used.add(key)
        value = self.data.get(key)
        if value is None or (isinstance(value, (str, list, dict)) and not value):
            if required:
                raise self.err(key, "bị thiếu hoặc để trống.")
            return None
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.err(key, f"phải là chuỗi văn bản, nhận được {_kind(value)}.")
        value = value.strip()
        if not value and required:
            raise self.err(key, "bị thiếu hoặc để trống.")
        return value or None

    def lines(self, key: str, required: bool = True) -> list[str]:
        """A string or a list of strings -> list of non-empty lines."""
        value = self.raw(key, required)
        if value is None:
            return []
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()]
        raise self.err(key, "phải là chuỗi hoặc danh sách chuỗi.")

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.raw(key, required)
        if value is None:
            return None
        day = as_date(value)
        if day is not None:
            return day
        raise self.err(key, f"phải là ngày dạng YYYY-MM-DD, nhận được “{value}”.")

    def email(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not EMAIL_RE.match(value):
            raise self.err(key, f"không phải địa chỉ thư điện tử hợp lệ: “{value}”.")
        return value

    def phone(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not PHONE_RE.match(value):
            raise self.err(key, f"không phải số điện thoại hợp lệ: “{value}”.")
        return value

    def url(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not value.startswith("https://"):
            raise self.err(
                key, f"phải là địa chỉ bắt đầu bằng https://, nhận được “{value}”."
            )
        return value

    def items(self, key: str, required: bool = True) -> list[_Obj]:
        value = self.raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.err(key, f"phải là một danh sách, nhận được {_kind(value)}.")
        return [
            self._child(item, f"{self._key(key)}[{i + 1}]", key)
            for i, item in enumerate(value)
        ]

    def obj(self, key: str, required: bool = True) -> _Obj | None:
        value = self.raw(key, required)
        if value is None:
            return None
        return self._child(value, self._key(key), key)

    def done(self) -> None:
        """Reject unknown keys (typos must not be silently ignored)."""
        unknown = sorted(set(self.data) - set(self.allowed), key=str)
        if unknown:
            raise self.err(
                str(unknown[0]),
                "không được hỗ trợ (khóa lạ, có thể viết sai). Các khóa hợp lệ: "
                + ", ".join(self.allowed)
                + ".",
            )


def _at(where: str) -> str:
    return f'khóa "{where}" ' if where else "nội dung tệp "


def _kind(value: Any) -> str:
    return {
        "NoneType": "giá trị rỗng",
        "str": "chuỗi",
        "list": "danh sách",
        "dict": "bảng khóa",
        "int": "số",
        "float": "số",
        "bool": "giá trị đúng/sai",
    }.get(type(value).__name__, type(value).__name__)


def read_yaml(path: Path, shown: str) -> Any:
    """Read a YAML file as UTF-8; errors name ``shown`` (the path for users)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SectionDataError(
            f"Tệp {shown}: không đọc được theo mã UTF-8 (byte {exc.start})."
        ) from None
    except OSError as exc:
        raise SectionDataError(f"Tệp {shown}: không đọc được ({os_error_reason(exc)}).") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" ở dòng {mark.line + 1}" if mark is not None else ""
        raise SectionDataError(f"Tệp {shown}: lỗi cú pháp YAML{line}.") from None


# --------------------------------------------------------------------------
# Data classes


class _Telephone:
    """A ``phone`` with its ``tel:`` link for templates."""

    phone: str | None

    @property
    def tel(self) -> str:
        return tel_href(self.phone)


@dataclass
class Leader(_Telephone):
    name: str
    position: str
    phone: str
    email: str
    duties: list[str]


@dataclass
class Person(_Telephone):
    name: str
    position: str
    phone: str
    email: str
    address: str | None = None


@dataclass
class FaqItem:
    question: str
    answer: str


@dataclass
class Contact(_Telephone):
    title: str
    address: str | None
    phone: str | None
    email: str | None
    hours: str | None
    contact_person: Person
    feedback_email: str
    feedback_form: str | None
    feedback_note: str | None
    survey_url: str | None
    faq: list[FaqItem]


@dataclass
class Link:
    title: str
    url: str
    description: str | None = None


@dataclass
class LinkGroup:
    title: str
    links: list[Link]


@dataclass
class Consultation:
    slug: str
    title: str
    issue: str
    content: list[str]
    published: dt.date
    deadline: dt.date
    email: str
    document: str | None = None


@dataclass
class Admissions:
    title: str
    school_year: str
    intro: list[str]
    system_title: str
    system_url: str
    notice: list[tuple[str, str]]
    plan_document: str | None = None


@dataclass
class Attachment:
    source: Path          # absolute path of the file in content/
    filename: str         # output file name
    size: int             # bytes
    title: str | None = None

    @property
    def ext(self) -> str:
        return self.source.suffix.lstrip(".").upper()


@dataclass
class Document:
    slug: str
    type: str
    number: str
    issuer: str
    issued: dt.date
    effective: dt.date
    abstract: str
    attachment: Attachment
    posted: dt.date
    signer: str | None = None
    source_file: str = ""

    @property
    def year(self) -> int:
        return self.issued.year


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class DisclosureItem:
    slug: str
    group: str
    title: str
    published: dt.date
    updated: dt.date
    body: str
    facts: list[tuple[str, str]]
    tables: list[Table]
    attachments: list[Attachment]
    year: int | None = None
    deadline: dt.date | None = None
    source_file: str = ""

    @property
    def group_title(self) -> str:
        return DISCLOSURE_GROUPS[self.group]


@dataclass
class Procedure:
    """An administrative procedure (thủ tục hành chính) of an office."""
    title: str
    field: str
    url: str
    code: str | None = None
    online: str | None = None  # "toàn trình" | "một phần" | None (not online)


@dataclass
class Procedures:
    portal_title: str
    portal_url: str
    intro: list[str]
    items: list[Procedure]

    @property
    def online(self) -> list[Procedure]:
        return [p for p in self.items if p.online]


@dataclass
class SectionData:
    leaders: list[Leader] = field(default_factory=list)
    leaders_title: str = "Lãnh đạo nhà trường"
    contact: Contact | None = None
    link_groups: list[LinkGroup] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    admissions: Admissions | None = None
    documents: list[Document] = field(default_factory=list)
    disclosures: list[DisclosureItem] = field(default_factory=list)
    procedures: Procedures | None = None


def tel_href(phone: str) -> str:
    """'0210 3851 234' -> 'tel:02103851234' (digits and a leading +)."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


# --------------------------------------------------------------------------
# Loaders


def load_leaders(path: Path, shown: str) -> tuple[str, list[Leader]]:
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/lanh-dao.yml"])
    title = top.text("title", required=False) or "Lãnh đạo nhà trường"
    leaders = []
    for item in top.items("leaders"):
        leaders.append(
            Leader(
                name=item.text("name"),
                position=item.text("position"),
                phone=item.phone("phone"),
                email=item.email("email"),
                duties=item.lines("duties"),
            )
        )
        item.done()
    top.done()
    return title, leaders


def _person(obj: _Obj) -> Person:
    person = Person(
        name=obj.text("name"),
        position=obj.text("position"),
        phone=obj.phone("phone"),
        email=obj.email("email"),
        address=obj.text("address", required=False),
    )
    obj.done()
    return person


def load_contact(path: Path, shown: str, defaults: dict | None = None) -> Contact:
    """``defaults`` (the site's SCHOOL settings) supplies address, phone and
    email when the file leaves them out, so they are written once."""
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/lien-he.yml"])
    defaults = defaults or {}
    for key in ("address", "phone", "email"):
        if not top.data.get(key) and defaults.get(key):
            top.data[key] = defaults[key]
    feedback = top.obj("feedback")
    # Address, phone and e-mail are the school's own (SCHOOL): when both the
    # file and SCHOOL lack one, the page omits it and the compliance checker
    # reports it with its legal basis (rules A2, C8) instead of the build stopping.
    contact = Contact(
        title=top.text("title", required=False) or "Liên hệ",
        address=top.text("address", required=False),
        phone=top.phone("phone", required=False),
        email=top.email("email", required=False),
        hours=top.text("hours", required=False),
        contact_person=_person(top.obj("contact_person")),
        feedback_email=feedback.email("email"),
        feedback_form=feedback.url("form_url", required=False),
        feedback_note=feedback.text("note", required=False),
        survey_url=top.url("survey_url", required=False),
        faq=[],
    )
    feedback.done()
    # A new site has no questions yet: the C5 rule warns until it has some.
    for item in top.items("faq", required=False):
        contact.faq.append(FaqItem(item.text("question"), item.text("answer")))
        item.done()
    top.done()
    return contact


def load_links(path: Path, shown: str) -> list[LinkGroup]:
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/lien-ket.yml"])
    groups = []
    for g in top.items("groups"):
        links = []
        for link in g.items("links"):
            links.append(
                Link(
                    link.text("title"),
                    link.url("url"),
                    link.text("description", required=False),
                )
            )
            link.done()
        groups.append(LinkGroup(g.text("title"), links))
        g.done()
    top.done()
    return groups


def load_consultations(path: Path, shown: str) -> list[Consultation]:
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/lay-y-kien.yml"])
    result = []
    seen: set[str] = set()
    # Nothing under consultation is a normal state (rule A7 accepts none).
    for item in top.items("consultations", required=False):
        slug = item.text("slug")
        if not SLUG_RE.match(slug):
            raise item.err("slug", f"chỉ được gồm chữ thường không dấu, số và dấu gạch ngang: “{slug}”.")
        if slug in seen:
            raise item.err("slug", f"bị trùng: “{slug}”.")
        seen.add(slug)
        c = Consultation(
            slug=slug,
            title=item.text("title"),
            issue=item.text("issue"),
            content=item.lines("content"),
            published=item.date("published"),
            deadline=item.date("deadline"),
            email=item.email("email"),
            document=item.text("document", required=False),
        )
        if c.deadline < c.published:
            raise item.err("deadline", "phải sau hoặc bằng ngày đăng (published).")
        result.append(c)
        item.done()
    top.done()
    return result


def load_admissions(path: Path, shown: str) -> Admissions:
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/tuyen-sinh.yml"])
    system = top.obj("online_system")
    notice = []
    for item in top.items("notice"):
        notice.append((item.text("label"), item.text("value")))
        item.done()
    adm = Admissions(
        title=top.text("title", required=False) or "Thông tin tuyển sinh",
        school_year=top.text("school_year"),
        intro=top.lines("intro", required=False),
        system_title=system.text("title"),
        system_url=system.url("url"),
        notice=notice,
        plan_document=top.text("plan_document", required=False),
    )
    system.done()
    top.done()
    return adm


ONLINE_LEVELS = ("toàn trình", "một phần")


def load_procedures(path: Path, shown: str) -> Procedures:
    """content/data/thu-tuc-hanh-chinh.yml: the office's administrative
    procedures, each linking to its page on the public-service portal."""
    top = _Obj(read_yaml(path, shown), shown, DATA_FILES["data/thu-tuc-hanh-chinh.yml"])
    portal = top.obj("portal")
    items = []
    for item in top.items("procedures"):
        online = item.text("online", required=False)
        if online is not None and online not in ONLINE_LEVELS:
            raise item.err("online", f"chỉ nhận “toàn trình” hoặc “một phần” (bỏ trống nếu không "
                                     f"thực hiện trực tuyến), nhận được “{online}”.")
        items.append(Procedure(item.text("title"), item.text("field"), item.url("url"),
                               item.text("code", required=False), online))
        item.done()
    result = Procedures(portal.text("title"), portal.url("url"),
                        top.lines("intro", required=False), items)
    portal.done()
    top.done()
    return result


def _attachment(obj: _Obj, key: str, base: Path, base_shown: str, required: bool = True) -> Attachment | None:
    rel = obj.text(key, required)
    if rel is None:
        return None
    try:
        src = resolve_inside(base, rel, root_shown=f"{base_shown}/",
                             source=f'Tệp {obj.file}: khóa "{obj._key(key)}" phải trỏ tới '
                                    f"tệp bên trong thư mục {base_shown}")
    except OutsideFolderError as error:
        raise SectionDataError(str(error)) from None
    if src.suffix.lower() not in ATTACHMENT_EXTS:
        raise obj.err(
            key,
            f"phải là tệp {', '.join(sorted(e.lstrip('.').upper() for e in ATTACHMENT_EXTS))}: “{rel}”.",
        )
    if not src.is_file():
        raise obj.err(key, f"trỏ tới tệp không tồn tại: {base_shown}/{rel}.")
    return Attachment(source=src, filename=src.name, size=src.stat().st_size)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml")
    )


def load_documents(folder: Path, shown_folder: str) -> list[Document]:
    """One YAML file per document in ``folder``; the slug is the file stem."""
    docs = []
    numbers: dict[str, str] = {}
    for path in _yaml_files(folder):
        shown = f"{shown_folder}/{path.name}"
        slug = path.stem
        if not SLUG_RE.match(slug):
            raise SectionDataError(
                f"Tệp {shown}: tên tệp chỉ được gồm chữ thường không dấu, số và "
                "dấu gạch ngang (tên tệp là đường dẫn của văn bản)."
            )
        top = _Obj(read_yaml(path, shown), shown, DATA_FILES["van-ban/*.yml"])
        doc = Document(
            slug=slug,
            type=top.text("type"),
            number=top.text("number"),
            issuer=top.text("issuer"),
            issued=top.date("issued"),
            effective=top.date("effective"),
            abstract=top.text("abstract"),
            attachment=_attachment(top, "file", folder, shown_folder),
            posted=top.date("posted", required=False) or None,
            signer=top.text("signer", required=False),
            source_file=shown,
        )
        if doc.posted is None:
            doc.posted = doc.issued
        if doc.effective < doc.issued:
            raise top.err("effective", "(ngày hiệu lực) không được trước ngày ban hành (issued).")
        if doc.posted < doc.issued:
            raise top.err("posted", "(ngày đăng) không được trước ngày ban hành (issued).")
        key = f"{doc.number}|{doc.issuer}"
        if key in numbers:
            raise top.err("number", f"“{doc.number}” đã dùng cho {numbers[key]}.")
        numbers[key] = shown
        top.done()
        docs.append(doc)
    docs.sort(key=lambda d: (d.issued, d.number), reverse=True)
    return docs


def load_disclosures(folder: Path, shown_folder: str) -> list[DisclosureItem]:
    """One YAML file per disclosure item (Thông tư 09/2024) in ``folder``."""
    items = []
    for path in _yaml_files(folder):
        shown = f"{shown_folder}/{path.name}"
        slug = path.stem
        if not SLUG_RE.match(slug):
            raise SectionDataError(
                f"Tệp {shown}: tên tệp chỉ được gồm chữ thường không dấu, số và "
                "dấu gạch ngang (tên tệp là đường dẫn của mục công khai)."
            )
        top = _Obj(read_yaml(path, shown), shown, DATA_FILES["cong-khai/*.yml"])
        group = top.text("group")
        if group not in DISCLOSURE_GROUPS:
            raise top.err(
                "group",
                f"“{group}” không phải nhóm công khai hợp lệ. Chọn một trong: "
                + ", ".join(DISCLOSURE_GROUPS)
                + ".",
            )
        facts = []
        for fact in top.items("facts", required=False):
            facts.append((fact.text("label"), fact.text("value")))
            fact.done()
        tables = []
        for t in top.items("tables", required=False):
            columns = t.raw("columns")
            if not isinstance(columns, list):
                raise t.err("columns", "phải là danh sách tên cột.")
            columns = [str(c) for c in columns]
            rows = []
            raw_rows = t.raw("rows")
            if not isinstance(raw_rows, list):
                raise t.err("rows", "phải là danh sách các hàng.")
            for r, row in enumerate(raw_rows):
                if not isinstance(row, list) or len(row) != len(columns):
                    raise t.err(
                        f"rows[{r + 1}]",
                        f"phải là danh sách {len(columns)} ô (bằng số cột trong columns).",
                    )
                rows.append(["" if c is None else str(c) for c in row])
            tables.append(Table(t.text("caption"), columns, rows))
            t.done()
        attachments = []
        for a in top.items("files", required=False):
            att = _attachment(a, "file", folder, shown_folder)
            att.title = a.text("title")
            attachments.append(att)
            a.done()
        year = top.raw("year", required=False)
        if year is not None and not (isinstance(year, int) and 1990 <= year <= 2100):
            raise top.err("year", f"phải là một năm (số), nhận được “{year}”.")
        item = DisclosureItem(
            slug=slug,
            group=group,
            title=top.text("title"),
            published=top.date("published"),
            updated=top.date("updated", required=False),
            body=top.text("body", required=False) or "",
            facts=facts,
            tables=tables,
            attachments=attachments,
            year=year,
            deadline=top.date("deadline", required=False),
            source_file=shown,
        )
        if item.updated is None:
            item.updated = item.published
        if item.updated < item.published:
            raise top.err("updated", "(ngày cập nhật) không được trước ngày đăng (published).")
        if group == "bao-cao-thuong-nien" and (year is None or not attachments):
            raise top.err(
                "year" if year is None else "files",
                "là bắt buộc đối với báo cáo thường niên (năm báo cáo và tệp đính kèm).",
            )
        if not (item.body or facts or tables or attachments):
            raise top.err("body", "bị thiếu: mục công khai cần nội dung, bảng hoặc tệp đính kèm.")
        top.done()
        items.append(item)
    group_order = list(DISCLOSURE_GROUPS)
    items.sort(key=lambda i: (group_order.index(i.group), -(i.year or 0), i.title))
    return items


# Section key -> (data file in content/data/, loader, SectionData attribute).
SECTION_SOURCES = {
    "lanh_dao": ("lanh-dao.yml", load_leaders, "leaders"),
    "lien_he": ("lien-he.yml", load_contact, "contact"),
    "lien_ket": ("lien-ket.yml", load_links, "link_groups"),
    "lay_y_kien": ("lay-y-kien.yml", load_consultations, "consultations"),
    "tuyen_sinh": ("tuyen-sinh.yml", load_admissions, "admissions"),
    "thu_tuc_hanh_chinh": ("thu-tuc-hanh-chinh.yml", load_procedures, "procedures"),
    "dich_vu_cong": ("thu-tuc-hanh-chinh.yml", load_procedures, "procedures"),
}
# Section key -> folder of content/ holding one YAML file per item.
DATA_FOLDERS = {
    "van_ban": ("van-ban", load_documents, "documents"),
    "chi_dao_dieu_hanh": ("van-ban", load_documents, "documents"),
    "cong_khai": ("cong-khai", load_disclosures, "disclosures"),
}


def load_all(content: Path, school: dict | None = None, sections=SCHOOL_SECTIONS) -> SectionData:
    """Load the sources of ``sections`` (keys of levels.SECTIONS) under
    ``content`` (a missing file or folder -> error naming it). ``school`` is
    the SCHOOL settings dict (contact defaults)."""
    content = Path(content)
    data = SectionData()
    ddir = content / "data"
    wanted = [key for key in sections if key in SECTION_SOURCES]
    for key in wanted:
        name = SECTION_SOURCES[key][0]
        if not (ddir / name).is_file():
            raise SectionDataError(
                f"Thiếu tệp dữ liệu content/data/{name} (cần cho chuyên mục bắt buộc)."
            )
    loaded = set()
    for key in wanted:
        name, loader, attr = SECTION_SOURCES[key]
        if name in loaded:
            continue
        loaded.add(name)
        shown = f"content/data/{name}"
        if attr == "leaders":
            data.leaders_title, data.leaders = loader(ddir / name, shown)
        elif attr == "contact":
            data.contact = loader(ddir / name, shown, school)
        else:
            setattr(data, attr, loader(ddir / name, shown))
    for key in sections:
        if key not in DATA_FOLDERS or DATA_FOLDERS[key][0] in loaded:
            continue
        sub, loader, attr = DATA_FOLDERS[key]
        loaded.add(sub)
        folder = content / sub
        if not folder.is_dir():
            raise SectionDataError(f"Thiếu thư mục content/{sub}/.")
        setattr(data, attr, loader(folder, f"content/{sub}"))
    slugs = {d.slug for d in data.documents}
    for c in data.consultations:
        if c.document and c.document not in slugs:
            raise SectionDataError(
                f'Tệp content/data/lay-y-kien.yml: khóa "document" của “{c.slug}” '
                f"trỏ tới văn bản không có: “{c.document}”."
            )
    if data.admissions and data.admissions.plan_document and data.admissions.plan_document not in slugs:
        raise SectionDataError(
            'Tệp content/data/tuyen-sinh.yml: khóa "plan_document" trỏ tới văn bản '
            f"không có: “{data.admissions.plan_document}”."
        )
    return data


def hold_future(data: SectionData, today: dt.date) -> list[str]:
    """Scheduled posting, as for articles: take out the documents posted and
    the disclosure items published after ``today`` (they appear with the
    first build on or after that day); return their files. A consultation or
    the admissions page that links a held document is an error: its link
    would lead nowhere."""
    held_docs = {d.slug: d for d in data.documents if d.posted > today}
    held = [d.source_file for d in held_docs.values()]
    held += [i.source_file for i in data.disclosures if i.published > today]
    data.documents = [d for d in data.documents if d.slug not in held_docs]
    data.disclosures = [i for i in data.disclosures if i.published <= today]
    links = [("content/data/lay-y-kien.yml", f"khóa \"document\" của “{c.slug}”", c.document)
             for c in data.consultations]
    if data.admissions:
        links.append(("content/data/tuyen-sinh.yml", 'khóa "plan_document"',
                      data.admissions.plan_document))
    for file, key, slug in links:
        if slug in held_docs:
            doc = held_docs[slug]
            raise SectionDataError(
                f"Tệp {file}: {key} trỏ tới văn bản “{slug}” chưa đến ngày đăng "
                f"({doc.posted:%d/%m/%Y}, khóa posted trong {doc.source_file}): liên kết sẽ "
                "không dẫn tới đâu. Hãy sửa ngày đăng hoặc bỏ liên kết đến ngày đó."
            )
    return held


def human_size(size: int) -> str:
    """Vietnamese file size: '12,3 KB', '1,2 MB', '850 byte'."""
    if size < 1024:
        return f"{size} byte"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}".replace(".", ",")
    return ""  # pragma: no cover

