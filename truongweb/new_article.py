"""Create a new article file with its front matter filled in."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from truongweb.plugins.vietnamese.text import slugify

from .paths import site_root

TEMPLATE = """---
title: {title_yaml}
date: {date}
category: {category}
tags: []
author: {author}
summary: 
# Chủ đề kế hoạch truyền thông (mã chủ đề), ví dụ: [an-toan-truong-hoc]
topics: []
# draft = bản nháp, chưa xuất bản. Đổi thành published khi bài đã sẵn sàng.
status: draft
---

Viết nội dung bài ở đây.
"""


class ArticleExistsError(FileExistsError):
    pass


def _yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def create_article(title, content_dir=None, category="Tin tức – Sự kiện",
                   author="", now=None, timezone="Asia/Ho_Chi_Minh"):
    """Write ``articles/<yyyy>/<mm>-<slug>.md`` and return its path.

    Never overwrites: an existing file raises ArticleExistsError.
    """
    title = " ".join(str(title).split())
    slug = slugify(title)
    if not slug:
        raise ValueError("Tiêu đề bài viết phải có ít nhất một chữ cái hoặc chữ số.")
    now = now or datetime.now(ZoneInfo(timezone))
    path = Path(content_dir or site_root() / "content") / "articles" / f"{now:%Y}" / f"{now:%m}-{slug}.md"
    if path.exists():
        raise ArticleExistsError(
            f"Đã có tệp {path}; không ghi đè. Hãy đặt tiêu đề khác hoặc sửa tệp đó."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.format(
        title_yaml=_yaml_string(title),
        date=now.replace(second=0, microsecond=0).isoformat(),
        category=category,
        author=author,
    )
    with open(path, "x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
        handle.write(text)
    return path
