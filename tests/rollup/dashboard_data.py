"""A roll-up document for dashboard tests: three schools (behind, ahead,
unreachable with kept figures, one without figures, one not verified)."""

import datetime

from truongweb.plugins.district_rollup.merge import Outcome, merge
from truongweb.plugins.district_rollup.schools import School, SchoolList


def _period(start, end, count, required, status, kind="total"):
    return {"kind": kind, "label": kind, "start": start, "end": end, "count": count, "required": required,
            "status": status}


def _evidence(counts):
    topics = [{"code": c, "title": t, "count": n, "status": st, "items": [],
               "periods": [_period("2024-01-01", "2024-06-30" if st == "unmet" else "2024-12-31", n, 2, st)]}
              for c, t, n, st in counts]
    n = sum(c[2] for c in counts)
    return {"schema": 1, "plan": {"id": "kh", "title": "Kế hoạch truyền thông năm 2024", "start": "2024-01-01",
                                  "end": "2024-12-31"}, "as_of": "2024-10-15", "site": {"name": "", "url": ""},
            "total": {"count": n, "status": "in_progress", "periods": [_period("2024-01-01", "2024-12-31", n, 0, "met")]},
            "topics": topics, "units": [], "deadlines": [{"date": "2024-11-25", "what": "Gửi báo cáo về Phòng GD&ĐT"}]}


def sample_doc():
    schools = SchoolList("Phòng Giáo dục và Đào tạo huyện Lạc Thủy", "kh", tuple(
        School(code, name, "thcs", f"https://{code}.example/") for code, name in [
            ("tot", "Trường THCS Đồng Tâm"), ("cham", "Trường THCS Thị Trấn"),
            ("mat", "Trường Tiểu học Hưng Thi"), ("moi", "Trường Mầm non Khoan Dụ")]))
    good = _evidence([("gdpt", "Chương trình GDPT 2018", 3, "met"), ("an-toan", "An toàn trường học", 2, "met")])
    late = _evidence([("gdpt", "Chương trình GDPT 2018", 0, "unmet"), ("an-toan", "An toàn trường học", 1, "in_progress")])
    first = merge(schools, {"tot": Outcome("ok", evidence=good), "cham": Outcome("ok", evidence=late),
                            "mat": Outcome("ok", evidence=good),
                            "moi": Outcome("unreachable", "Không kết nối được tới https://moi.example/.")},
                  datetime.date(2024, 10, 14))
    previous = {s["code"]: {**s, "_rollup_as_of": first["as_of"]} for s in first["schools"]}
    return merge(schools, {
        "tot": Outcome("ok", evidence=good, checked=3, verified_ok=3),
        "cham": Outcome("ok", evidence=late, checked=3, verified_ok=1, verify_problems=[
            {"url": "https://cham.example/bai/", "title": "Bài không còn", "reason": "trang không còn (lỗi HTTP 404)"}]),
        "mat": Outcome("unreachable", "Trang web không trả lời trong 30 giây."),
        "moi": Outcome("invalid", "https://moi.example/minh-chung/index.json không phải tệp JSON."),
    }, datetime.date(2024, 10, 15), previous)
