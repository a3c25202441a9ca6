"""The roll-up's network side: fetch every school's ``minh-chung/index.json``
and the plan's ``evidence.json``, validate them against the contract's JSON
Schema and open a sample of the evidence pages (district-rollup spec §3).

httpx, asyncio: bounded concurrency, a time limit per school, a couple of
retries with back-off for failures that may pass (connection, time-out, 5xx),
redirects followed up to a limit, bodies streamed and dropped past a size
limit, only http and https. Each school's failure becomes an
:class:`~district_rollup.merge.Outcome` with a Vietnamese reason; nothing a
school serves can stop the others.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx


from truongweb.plugins.district_rollup.contract import problems
from truongweb.plugins.district_rollup.merge import Outcome
from truongweb.plugins.district_rollup.schools import School
from truongweb.plugins.district_rollup.verify import evidence_items, page_title_matches, same_site, sample

__all__ = ["Limits", "FetchError", "fetch_all", "fetch_school"]

USER_AGENT = "truongweb-rollup/1 (+Phong GD&DT)"


@dataclass(frozen=True)
class Limits:
    concurrency: int = 50
    school_seconds: float = 30.0  # index + evidence of one school
    request_seconds: float = 10.0  # each request (connect, each read)
    retries: int = 2
    backoff: float = 0.5  # first wait; doubled each retry
    redirects: int = 5
    max_bytes: int = 20_000_000  # evidence.json of a big plan is a few MB
    page_bytes: int = 2_000_000
    verify_sample: int = 3
    verify_seconds: float = 20.0


class FetchError(Exception):
    """One request failed; ``state`` is the roll-up state, ``str()`` Vietnamese."""

    def __init__(self, state: str, message: str, retry: bool = False):
        super().__init__(message)
        self.state = state
        self.retry = retry


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("invalid", f"địa chỉ {url} không dùng http hoặc https.")


async def _get_once(client: httpx.AsyncClient, url: str, max_bytes: int) -> tuple[httpx.Response, bytes]:
    try:
        async with client.stream("GET", url) as response:
            if response.status_code >= 400:
                retry = response.status_code >= 500 or response.status_code == 429
                raise FetchError("unreachable", f"{url} trả về lỗi HTTP {response.status_code}.", retry)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError("invalid", f"{url} quá lớn ({int(declared):,} byte; tối đa {max_bytes:,}).".replace(",", "."))
            # Decoded bytes are counted: a small gzip body cannot expand past the limit.
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError("invalid", f"{url} quá lớn (hơn {max_bytes:,} byte).".replace(",", "."))
                chunks.append(chunk)
            body = b"".join(chunks)
            return response, body
    except httpx.TooManyRedirects:
        raise FetchError("unreachable", f"{url} chuyển hướng quá nhiều lần.") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("unreachable", f"{url} chuyển hướng tới địa chỉ không phải http/https.") from None
    except httpx.TimeoutException:
        raise FetchError("unreachable", f"{url} không trả lời kịp thời gian.", True) from None
    except httpx.ConnectError:
        raise FetchError("unreachable", f"không kết nối được tới {url} (máy chủ từ chối hoặc không tồn tại).", True) from None
    except httpx.DecodingError:
        raise FetchError("invalid", f"{url} gửi dữ liệu nén hỏng.") from None
    except httpx.HTTPError as exc:
        raise FetchError("unreachable", f"lỗi khi tải {url} ({type(exc).__name__}).", True) from None


async def _get(client, url: str, max_bytes: int, limits: Limits) -> tuple[httpx.Response, bytes]:
    _check_scheme(url)
    wait = limits.backoff
    for attempt in range(limits.retries + 1):
        try:
            return await _get_once(client, url, max_bytes)
        except FetchError as error:
            if not error.retry or attempt == limits.retries:
                raise
        await asyncio.sleep(wait)
        wait *= 2
    raise AssertionError("unreachable")


async def _json(client, url: str, kind: str, limits: Limits) -> tuple[str, dict]:
    response, body = await _get(client, url, limits.max_bytes, limits)
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise FetchError("invalid", f"{url} không phải tệp JSON.") from None
    found = problems(doc, kind)
    if found:
        more = f" (và {len(found) - 2} lỗi khác)" if len(found) > 2 else ""
        raise FetchError("invalid", f"{url} không đúng chuẩn dữ liệu minh chứng: {'; '.join(found[:2])}{more}.")
    return str(response.url), doc


async def _discover(client, school: School, plan: str, limits: Limits) -> tuple[str, dict]:
    index_url, index = await _json(client, urljoin(school.site, "minh-chung/index.json"), "index", limits)
    entry = next((p for p in index["plans"] if p["id"] == plan), None)
    if entry is None:
        have = ", ".join(p["id"] for p in index["plans"]) or "không có kế hoạch nào"
        raise FetchError("no_plan", f"Trang web của trường không có kế hoạch '{plan}' (đang có: {have}).")
    # Relative to the site root: the folder above minh-chung/ of the index.
    evidence_url = urljoin(urljoin(index_url, "../"), entry["evidence"])
    final_url, doc = await _json(client, evidence_url, "evidence", limits)
    if doc["plan"]["id"] != plan:
        raise FetchError("invalid", f"{final_url} là minh chứng của kế hoạch '{doc['plan']['id']}', không phải '{plan}'.")
    return final_url, doc


async def _verify_one(client, item: dict, sites: tuple[str, ...], limits: Limits) -> str:
    """'' when the page holds up, else why not (Vietnamese). ``sites``: the
    listed address and where the evidence was finally found (a school that
    moved to https or a new domain redirects)."""
    if not any(same_site(item["url"], site) for site in sites):
        return "liên kết không thuộc trang web của trường"
    try:
        response, body = await _get(client, item["url"], limits.page_bytes, limits)
    except FetchError as error:
        text = str(error)
        return "trang không còn (lỗi HTTP 404)" if "HTTP 404" in text or "HTTP 410" in text else text.rstrip(".")
    if "html" not in response.headers.get("content-type", "").lower():
        return "không phải trang HTML"
    page = body.decode(response.charset_encoding or "utf-8", errors="replace")
    if not page_title_matches(page, item["title"]):
        return "trang không có tiêu đề của bài"
    return ""


async def _verify(client, school: School, evidence_url: str, doc: dict, limits: Limits, key: str):
    chosen = sample(evidence_items(doc, evidence_url), f"{school.code} {key}", limits.verify_sample)
    try:
        reasons = await asyncio.wait_for(
            asyncio.gather(*(_verify_one(client, it, (school.site, evidence_url), limits) for it in chosen)), limits.verify_seconds)
    except asyncio.TimeoutError:
        reasons = ["không kiểm tra kịp thời gian"] * len(chosen)
    bad = [{"url": it["url"], "title": it["title"], "reason": r} for it, r in zip(chosen, reasons) if r]
    return len(chosen), len(chosen) - len(bad), bad


async def fetch_school(client, school: School, plan: str, limits: Limits, key: str = "") -> Outcome:
    started = time.monotonic()
    try:
        try:
            url, doc = await asyncio.wait_for(_discover(client, school, plan, limits), limits.school_seconds)
        except asyncio.TimeoutError:
            raise FetchError("unreachable", f"Trang web không trả lời trong {limits.school_seconds:g} giây.") from None
        checked, ok, bad = await _verify(client, school, url, doc, limits, key)
        return Outcome("ok", evidence_url=url, evidence=doc, checked=checked, verified_ok=ok,
                       verify_problems=bad, seconds=time.monotonic() - started)
    except FetchError as error:
        reason = str(error)
        if not reason.startswith("http"):
            reason = reason[0].upper() + reason[1:]
        return Outcome(error.state, reason, seconds=time.monotonic() - started)
    except Exception as error:  # noqa: BLE001 - one school must never stop the others
        return Outcome("invalid", f"Lỗi không xác định khi đọc dữ liệu ({type(error).__name__}).",
                       seconds=time.monotonic() - started)


async def _fetch_all(schools, plan: str, limits: Limits, key: str) -> dict[str, Outcome]:
    gate = asyncio.Semaphore(limits.concurrency)
    timeout = httpx.Timeout(limits.request_seconds)
    pool = httpx.Limits(max_connections=limits.concurrency * 2, max_keepalive_connections=limits.concurrency)
    async with httpx.AsyncClient(timeout=timeout, limits=pool, follow_redirects=True,
                                 max_redirects=limits.redirects, trust_env=False,
                                 headers={"User-Agent": USER_AGENT}) as client:
        async def one(school):
            async with gate:
                return school.code, await fetch_school(client, school, plan, limits, key)

        return dict(await asyncio.gather(*(one(s) for s in schools)))


def fetch_all(schools, plan: str, limits: Limits | None = None, key: str = "") -> dict[str, Outcome]:
    """Outcomes by school code. ``key`` (the roll-up date) picks the sample."""
    work = _fetch_all(list(schools), plan, limits or Limits(), key)
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: the command line, no loop running
        return asyncio.run(work)
    # Called from code that already runs an event loop (a notebook, a
    # Playwright session): run ours in a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()
