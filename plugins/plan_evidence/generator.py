"""The Pelican generator that counts evidence and writes the evidence pages."""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican.generators import Generator

from truongweb.plugins.content_schema.values import as_date
from truongweb.plugins.vietnamese.dates import site_today
from truongweb.plugins.vietnamese.messages import display_path

from . import views
from .counting import (
    DEFAULT_CHANNEL,
    STATUS_ICONS,
    STATUS_LABELS,
    EvidenceItem,
    PlanResult,
    TaggingError,
    alerts,
    count_plans,
    known_codes,
    validate_item_tags,
)
from .export import to_csv, to_index_json, to_json, to_xlsx
from .periods import all_periods
from .plans import Plan, PlanError, load_plans

PLANS_FOLDER = "plans"
BASE_URL = "minh-chung"
RESERVED_TOPIC_CODES = {"bao-cao", "don-vi"}
TAG_KEYS = ("topics", "unit", "channel", "link")


def resolve_as_of(settings) -> datetime.date:
    """``EVIDENCE_AS_OF`` ("YYYY-MM-DD") or today in the site ``TIMEZONE``."""
    value = settings.get("EVIDENCE_AS_OF")
    if value in (None, ""):
        return site_today(settings)
    day = as_date(value)
    if day is None:
        raise PlanError(
            f"Thiết lập EVIDENCE_AS_OF có giá trị '{value}' không phải ngày hợp lệ: "
            "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-10-15."
        )
    return day


def local_date(value, tz: str) -> datetime.date:
    if value.tzinfo is None:
        return value.date()
    return value.astimezone(ZoneInfo(tz)).date()


def plan_url(plan: Plan) -> str:
    return f"{BASE_URL}/{plan.id}/"


def topic_url(plan: Plan, code: str) -> str:
    return f"{BASE_URL}/{plan.id}/{code}/"


def report_url(plan: Plan, period) -> str:
    return f"{BASE_URL}/{plan.id}/bao-cao/{period.slug}/"


def reports_url(plan: Plan) -> str:
    return f"{BASE_URL}/{plan.id}/bao-cao/"


def item_url(content_url: str, siteurl: str) -> str:
    """Absolute with ``SITEURL``, else site-root relative (``/doan-doi/…``):
    a tool reading evidence.json resolves a bare ``doan-doi/…`` against the
    JSON file's own folder."""
    return f"{siteurl}/{content_url.lstrip('/')}"


def collect_items(context, settings, plans: list[Plan]) -> list[EvidenceItem]:
    """Evidence items from the generators' content lists (works for cached
    articles too: no per-file signal is needed). Tags of every article, draft,
    hidden article and page are validated; only articles become items (the
    counting drops non-published ones)."""
    topics, units = known_codes(plans)
    plan_topics = set(topics)
    tz = settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    # Only items that can count need their (costly) URL and a full record.
    first = min((p.start for p in plans), default=None)
    last = max((p.end for p in plans), default=None)
    items = []
    groups = (
        ("article", context.get("articles", [])),
        ("article", context.get("drafts", [])),
        ("article", context.get("hidden_articles", [])),
        ("page", context.get("pages", [])),
        ("page", context.get("hidden_pages", [])),
        ("page", context.get("draft_pages", [])),
    )
    for kind, contents in groups:
        for content in contents:
            meta = content.metadata
            if not any(meta.get(k) not in (None, "", []) for k in TAG_KEYS):
                if kind == "page":
                    continue
                tags = ((), None, DEFAULT_CHANNEL, None)
            else:
                raw = content.source_path
                try:
                    tags = validate_item_tags(
                        raw,
                        meta.get("topics"),
                        meta.get("unit"),
                        meta.get("channel"),
                        meta.get("link"),
                        plan_topics,
                        units,
                    )
                except TaggingError as error:
                    # The short path is only worth computing for the message.
                    raise TaggingError(str(error).replace(raw, display_path(raw), 1)) from None
            if kind == "page" or not plans:
                continue
            day = local_date(content.date, tz)
            status = getattr(content, "status", "published")
            if status != "published" or not first <= day <= last:
                continue
            author = getattr(content, "author", None)
            items.append(
                EvidenceItem(
                    title=str(content.title),
                    url=item_url(content.url, siteurl),
                    date=day,
                    channel=tags[2],
                    unit=tags[1],
                    topics=tags[0],
                    author=getattr(author, "name", None) if author else None,
                    source_path=content.source_path,
                    kind="article",
                    status=status,
                    link=tags[3],
                )
            )
    return items


class EvidenceGenerator(Generator):
    """Loads plans, validates tags, counts, writes ``minh-chung/...``."""

    def generate_context(self):
        plans = load_plans(Path(self.path) / PLANS_FOLDER)
        for plan in plans:
            for i, t in enumerate(plan.topics):
                if t.code in RESERVED_TOPIC_CODES:
                    raise PlanError(
                        f"{plan.source_path}: khóa 'topics[{i}].code' có giá trị '{t.code}' "
                        "trùng tên thư mục dành riêng của trang minh chứng; hãy đặt mã khác."
                    )
        self.as_of = resolve_as_of(self.settings)
        items = collect_items(self.context, self.settings, plans)
        self.results: list[PlanResult] = count_plans(plans, items, self.as_of)
        self.context["EVIDENCE_PLANS"] = self.results
        self.context["EVIDENCE_AS_OF_DATE"] = self.as_of

    # ------------------------------------------------------------------

    def _common(self):
        school = self.settings.get("SCHOOL") or {}
        return {
            "ev": views,
            "ev_status_labels": STATUS_LABELS,
            "ev_status_icons": STATUS_ICONS,
            "ev_as_of": self.as_of,
            "ev_plan_url": plan_url,
            "ev_topic_url": topic_url,
            "ev_report_url": report_url,
            "ev_reports_url": reports_url,
            "ev_school": school,
            "ev_report_number": self.settings.get("REPORT_NUMBER") or "",
            "ev_report_recipients": self.settings.get("REPORT_RECIPIENTS"),
        }

    def generate_output(self, writer):
        site = {
            "name": (self.settings.get("SCHOOL") or {}).get("name") or self.settings.get("SITENAME", ""),
            "url": (self.settings.get("SITEURL") or "").rstrip("/"),
        }
        # Discovery for a district's roll-up, on every site (even planless).
        root = Path(self.output_path) / BASE_URL
        root.mkdir(parents=True, exist_ok=True)
        (root / "index.json").write_text(to_index_json(self.results, site, self.as_of), encoding="utf-8")
        if not self.results:
            return
        common = self._common()
        write = writer.write_file
        write(
            f"{BASE_URL}/index.html",
            self.get_template("plan_evidence/index"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=f"{BASE_URL}/",
            results=self.results,
            **common,
        )
        for result in self.results:
            plan = result.plan
            base = f"{BASE_URL}/{plan.id}"
            periods = all_periods(plan)
            write(
                f"{base}/index.html",
                self.get_template("plan_evidence/plan"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=plan_url(plan),
                result=result,
                plan=plan,
                grids=views.grids(result),
                alerts=alerts(result),
                chart=Markup(views.chart_svg(result)),
                chart_rows=views.month_chart_rows(result),
                report_periods=periods,
                **common,
            )
            for line in result.topics:
                write(
                    f"{base}/{line.code}/index.html",
                    self.get_template("plan_evidence/topic"),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=topic_url(plan, line.code),
                    result=result,
                    plan=plan,
                    line=line,
                    **common,
                )
            write(
                f"{base}/bao-cao/index.html",
                self.get_template("plan_evidence/reports"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=reports_url(plan),
                result=result,
                plan=plan,
                report_periods=periods,
                **common,
            )
            report_tpl = self.get_template("plan_evidence/report")
            for period in periods:
                write(
                    f"{base}/bao-cao/{period.slug}/index.html",
                    report_tpl,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=report_url(plan, period),
                    result=result,
                    plan=plan,
                    view=views.report_view(result, period),
                    **common,
                )
            out = Path(self.output_path) / base
            out.mkdir(parents=True, exist_ok=True)
            (out / "evidence.json").write_text(to_json(result, site), encoding="utf-8")
            (out / "evidence.csv").write_text(to_csv(result), encoding="utf-8", newline="")
            cache = Path(self.settings.get("CACHE_PATH") or "cache") / "evidence" / f"{plan.id}.xlsx"
            (out / "evidence.xlsx").write_bytes(to_xlsx(result, cache=cache))
