"""The pure section loaders: the demo data loads; bad data gives a Vietnamese
message naming the file and the key."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from truongweb.plugins.school_sections.loaders import (
    SectionDataError, human_size, load_all, tel_href,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SCHOOL = {"address": "Khu 5, xã Thanh Bình, tỉnh Phú Thọ", "phone": "0210 3 000 000",
          "email": "c2thanhbinh@phutho.edu.vn"}


@pytest.fixture
def content(tmp_path):
    for name in ("data", "van-ban", "cong-khai"):
        shutil.copytree(ROOT / "content" / name, tmp_path / name)
    return tmp_path


def edit(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_demo_data_loads_completely():
    data = load_all(ROOT / "content", SCHOOL)
    assert [l.position for l in data.leaders] == ["Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng"]
    assert all(l.tel.startswith("tel:0210") and l.duties for l in data.leaders)
    assert data.contact.address == SCHOOL["address"]  # from SCHOOL, written once
    assert data.contact.faq and data.contact.feedback_email
    assert {g.title for g in data.link_groups} == {"Cơ quan quản lý giáo dục", "Dịch vụ công trực tuyến"}
    assert len(data.documents) == 10
    assert data.documents[0].issued >= data.documents[-1].issued  # newest first
    assert all(d.attachment.size > 0 for d in data.documents)
    years = sorted(i.year for i in data.disclosures if i.group == "bao-cao-thuong-nien")
    assert years == [2022, 2023, 2024, 2025, 2026]
    assert {i.group for i in data.disclosures} == {
        "thong-tin-chung", "tai-chinh", "doi-ngu-co-so-vat-chat", "chat-luong",
        "ke-hoach-ket-qua", "bao-cao-thuong-nien"}
    assert data.admissions.system_url.startswith("https://")


BAD = [
    ("data/lanh-dao.yml", lambda d: d["leaders"][1].pop("phone"),
     'Tệp content/data/lanh-dao.yml: khóa "leaders[2].phone" bị thiếu hoặc để trống.'),
    ("data/lanh-dao.yml", lambda d: d["leaders"][0].update(email="hieutruong"),
     'Tệp content/data/lanh-dao.yml: khóa "leaders[1].email" không phải địa chỉ thư điện tử hợp lệ: “hieutruong”.'),
    ("data/lanh-dao.yml", lambda d: d["leaders"][0].update(chuc_vu="x"),
     'Tệp content/data/lanh-dao.yml: khóa "leaders[1].chuc_vu" không được hỗ trợ'),
    ("data/lien-he.yml", lambda d: d["feedback"].pop("email"),
     'Tệp content/data/lien-he.yml: khóa "feedback.email" bị thiếu hoặc để trống.'),
    ("data/lien-ket.yml", lambda d: d["groups"][0]["links"][0].update(url="http://moet.gov.vn"),
     'Tệp content/data/lien-ket.yml: khóa "groups[1].links[1].url" phải là địa chỉ bắt đầu bằng https://'),
    ("data/lay-y-kien.yml", lambda d: d["consultations"][0].update(deadline="10/12/2026"),
     'Tệp content/data/lay-y-kien.yml: khóa "consultations[1].deadline" phải là ngày dạng YYYY-MM-DD'),
    ("data/lay-y-kien.yml", lambda d: d["consultations"][0].update(document="khong-co"),
     "trỏ tới văn bản không có: “khong-co”"),
    ("data/tuyen-sinh.yml", lambda d: d.pop("online_system"),
     'Tệp content/data/tuyen-sinh.yml: khóa "online_system" bị thiếu hoặc để trống.'),
    ("van-ban/thong-tu-09-2024-tt-bgddt.yml", lambda d: d.pop("abstract"),
     'Tệp content/van-ban/thong-tu-09-2024-tt-bgddt.yml: khóa "abstract" bị thiếu hoặc để trống.'),
    ("van-ban/thong-tu-09-2024-tt-bgddt.yml", lambda d: d.update(file="tep/khong-co.pdf"),
     'Tệp content/van-ban/thong-tu-09-2024-tt-bgddt.yml: khóa "file" trỏ tới tệp không tồn tại: content/van-ban/tep/khong-co.pdf.'),
    ("van-ban/thong-tu-09-2024-tt-bgddt.yml", lambda d: d.update(file="../data/lanh-dao.yml"),
     'khóa "file" phải trỏ tới tệp bên trong thư mục content/van-ban'),
    ("van-ban/thong-tu-09-2024-tt-bgddt.yml", lambda d: d.update(effective=dt.date(2024, 1, 1)),
     'khóa "effective" (ngày hiệu lực) không được trước ngày ban hành (issued).'),
    ("cong-khai/thong-tin-chung.yml", lambda d: d.update(group="tai-chinh-2"),
     'Tệp content/cong-khai/thong-tin-chung.yml: khóa "group" “tai-chinh-2” không phải nhóm công khai hợp lệ.'),
    ("cong-khai/du-toan-thu-chi-2026.yml", lambda d: d["tables"][0]["rows"][1].pop(),
     'Tệp content/cong-khai/du-toan-thu-chi-2026.yml: khóa "tables[1].rows[2]" phải là danh sách 3 ô'),
    ("cong-khai/bao-cao-thuong-nien-2024.yml", lambda d: d.pop("files"),
     'Tệp content/cong-khai/bao-cao-thuong-nien-2024.yml: khóa "files" là bắt buộc đối với báo cáo thường niên'),
    ("cong-khai/quyet-toan-2025.yml", lambda d: d.update(updated=dt.date(2026, 1, 1)),
     'khóa "updated" (ngày cập nhật) không được trước ngày đăng (published).'),
]


@pytest.mark.parametrize("rel, change, message", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_data_names_file_and_key(content, rel, change, message):
    edit(content / rel, change)
    with pytest.raises(SectionDataError) as error:
        load_all(content, SCHOOL)
    assert message in str(error.value)


def test_yaml_syntax_error_names_line(content):
    (content / "data" / "lien-ket.yml").write_text("groups:\n  - title: [a\n", encoding="utf-8")
    with pytest.raises(SectionDataError, match=r"^Tệp content/data/lien-ket.yml: lỗi cú pháp YAML ở dòng \d+\.$"):
        load_all(content, SCHOOL)


def test_missing_data_file_is_named(content):
    (content / "data" / "lay-y-kien.yml").unlink()
    with pytest.raises(SectionDataError, match="Thiếu tệp dữ liệu content/data/lay-y-kien.yml"):
        load_all(content, SCHOOL)


def test_non_ascii_document_file_name_is_refused(content):
    shutil.copy(content / "van-ban" / "thong-tu-09-2024-tt-bgddt.yml", content / "van-ban" / "Thông tư.yml")
    with pytest.raises(SectionDataError, match=r"^Tệp content/van-ban/Thông tư.yml: tên tệp chỉ được gồm"):
        load_all(content, SCHOOL)


def test_not_utf8_is_refused(content):
    (content / "data" / "lanh-dao.yml").write_bytes("title: Lãnh đạo\n".encode("utf-16"))
    with pytest.raises(SectionDataError, match="không đọc được theo mã UTF-8"):
        load_all(content, SCHOOL)


def test_small_helpers():
    assert tel_href("0210 3851 201") == "tel:02103851201"
    assert tel_href("+84 210 3851 201") == "tel:+842103851201"
    assert human_size(850) == "850 byte"
    assert human_size(5535) == "5,4 KB"
    assert human_size(3 * 1024 * 1024) == "3,0 MB"


def test_contact_details_come_from_school_and_may_be_missing(content):
    """Without an e-mail anywhere the page omits it; the checker (A2, C8),
    not the loader, reports it with its legal basis."""
    data = load_all(content, {**SCHOOL, "email": ""})
    assert data.contact.email is None and data.contact.phone == SCHOOL["phone"]
    edit(content / "data" / "lien-he.yml", lambda d: d.update(email="lienhe@truong.edu.vn"))
    assert load_all(content, SCHOOL).contact.email == "lienhe@truong.edu.vn"
