"""What every reader gives the mapping: plain records, no Pelican."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class ImportSourceError(ValueError):
    """An export cannot be imported at all; str() is the Vietnamese message."""


# Old statuses, as the readers name them (WordPress's words; NukeViet and
# feeds map onto them): how each becomes the site's ``status``.
PUBLISHED = "publish"
SCHEDULED = "future"
DRAFT = "draft"
PENDING = "pending"
PRIVATE = "private"
TRASH = "trash"

STATUS_LABELS = {
    PUBLISHED: "đã đăng",
    SCHEDULED: "hẹn giờ đăng",
    DRAFT: "bản nháp",
    PENDING: "chờ duyệt",
    PRIVATE: "riêng tư",
    TRASH: "trong thùng rác",
}


@dataclass
class Record:
    """One article or page of the old site."""

    source: str  # "nukeviet:news", "wordpress", "feed"
    old_id: str
    title: str
    body_html: str
    kind: str = "article"  # article | page
    summary: str = ""
    date: dt.datetime | None = None  # aware
    modified: dt.datetime | None = None
    status: str = PUBLISHED
    categories: list[str] = field(default_factory=list)  # old names, primary first
    category_parents: dict[str, str] = field(default_factory=dict)  # name -> parent name
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    image: str = ""  # old path or URL of the featured picture
    image_alt: str = ""
    old_urls: list[str] = field(default_factory=list)  # paths or absolute URLs
    alias: str = ""  # the old slug
    external_link: str = ""  # a post that only points elsewhere
    source_name: str = ""
    parent_id: str = ""  # pages: the old id of the parent page
    order: int | None = None
    summary_only: bool = False  # feeds without full text
    original_link: str = ""
    comments: int = 0
    attachments: list[str] = field(default_factory=list)  # old paths of attached files
    warnings: list[str] = field(default_factory=list)
