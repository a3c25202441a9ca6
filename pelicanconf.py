"""Settings of the demo school's site (Trường THCS Thanh Bình).

Everything every school shares comes from the installed package
(``truongweb.settings``); a school writes here only what is its own: the
SCHOOL block (written once: header, footer, metadata and reports read it) and
any list it changes (MENU, CATEGORIES, ...).
"""

from truongweb.settings import defaults

globals().update(defaults())  # the product's settings, fresh for each build

# --- The school's identity ---
SCHOOL = {
    "name": "Trường Trung học cơ sở Thanh Bình",
    "short_name": "THCS Thanh Bình",
    "parent": "Ủy ban nhân dân xã Thanh Bình",
    "parent_url": "https://thanhbinh.phutho.gov.vn/",
    "authority": "Sở Giáo dục và Đào tạo tỉnh Phú Thọ",
    "authority_url": "https://sogddt.phutho.gov.vn/",
    "address": "Khu 5, xã Thanh Bình, tỉnh Phú Thọ",
    "phone": "0210 3851 200",
    "email": "c2thanhbinh@phutho.edu.vn",
    "responsible": "Nguyễn Văn Hùng",
    "responsible_title": "Hiệu trưởng",
    "logo": "images/logo.svg",
    "place": "Thanh Bình",
    "signer_title": "Hiệu trưởng",
    "signer_name": "Nguyễn Văn Hùng",
    "report_symbol": "BC-THCSTB",
    "founded": 1965,
    "level": "thcs",
    # The public address (publishconf.py; the publishing workflow may set SITEURL instead).
    "site_url": "https://thcsthanhbinh.phutho.edu.vn",
}

# Notice shown on every page when a planned downtime is announced (C19), e.g.
# "Website tạm dừng để bảo trì từ 20:00 đến 22:00 ngày 30/11/2026."
DOWNTIME_NOTICE = ""
