"""The fetcher also works when the caller already runs an event loop
(Playwright's sync API in the same test session, a notebook)."""

import asyncio
import concurrent.futures

from truongweb.rollup_fetch import fetch_all


def test_fetch_all_inside_a_running_event_loop():
    async def caller():
        asyncio.get_running_loop()  # a loop is running here
        return fetch_all([], "kh-truyen-thong-2026")

    # The caller's loop runs in a thread of its own, so this test does not
    # depend on whether the session already has a loop (Playwright's).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, caller()).result() == {}
