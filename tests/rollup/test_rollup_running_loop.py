"""The fetcher also works when the caller already runs an event loop
(Playwright's sync API in the same test session, a notebook)."""

import asyncio

from sitetools.rollup_fetch import fetch_all


def test_fetch_all_inside_a_running_event_loop():
    async def caller():
        return fetch_all([], "kh-truyen-thong-2026")

    assert asyncio.run(caller()) == {}
