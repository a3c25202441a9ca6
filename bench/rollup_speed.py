"""Roll-up speed: N schools (default 1,000), each its own port on 127.0.0.1,
each answering every request after a delay (default 100 ms), through the
real roll-up (``truongweb.rollup.run_rollup``: index, evidence, 3 evidence
pages verified per school). Target: at most 30 s for 1,000 schools.

``python bench/rollup_speed.py [--schools 1000] [--delay 0.1] [--concurrency 50]``

The schools are served by one asyncio process (a separate process, so the
servers do not share the roll-up's event loop or core).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLAN = "kh-bench"
TOPICS = [("gdpt-2018", "Chương trình GDPT 2018"), ("an-toan", "An toàn trường học"), ("chuyen-doi-so", "Chuyển đổi số")]


def _period(n, required, status):
    return {"kind": "total", "label": "Cả kế hoạch", "start": "2024-01-01", "end": "2024-12-31",
            "count": n, "required": required, "status": status}


def documents():
    items = {code: [{"title": f"Bài {i} về {title}", "url": f"/bai/{code}-{i}/", "date": "2024-03-01",
                     "channel": "website", "unit": None, "topics": [code]} for i in range(4)]
             for code, title in TOPICS}
    evidence = {"schema": 1, "plan": {"id": PLAN, "title": "Kế hoạch", "start": "2024-01-01", "end": "2024-12-31"},
                "as_of": "2024-10-15", "site": {"name": "Trường", "url": ""},
                "total": {"count": 12, "status": "met", "periods": [_period(12, 0, "met")]},
                "topics": [{"code": c, "title": t, "count": 4, "status": "met", "periods": [_period(4, 1, "met")],
                            "items": items[c]} for c, t in TOPICS], "units": []}
    index = {"schema": 1, "site": {"name": "Trường", "url": ""}, "as_of": "2024-10-15",
             "plans": [{"id": PLAN, "title": "Kế hoạch", "start": "2024-01-01", "end": "2024-12-31",
                        "status": "met", "count": 12, "evidence": f"minh-chung/{PLAN}/evidence.json"}]}
    pages = {it["url"]: f"<!DOCTYPE html><title>{it['title']} – Trường</title><h1>{it['title']}</h1>".encode()
             for its in items.values() for it in its}
    routes = {"/minh-chung/index.json": (b"application/json", json.dumps(index).encode()),
              f"/minh-chung/{PLAN}/evidence.json": (b"application/json", json.dumps(evidence).encode())}
    routes.update({url: (b"text/html; charset=utf-8", body) for url, body in pages.items()})
    return routes


def serve(count, delay, ready, ports):
    routes = documents()

    async def handle(reader, writer):
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                path = line.split(b" ")[1].decode() if line.count(b" ") >= 2 else "/"
                while (await reader.readline()) not in (b"\r\n", b""):
                    pass
                await asyncio.sleep(delay)
                kind, body = routes.get(path, (b"text/plain", b"not found"))
                status = b"200 OK" if path in routes else b"404 Not Found"
                writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: " + kind
                             + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def main():
        servers = [await asyncio.start_server(handle, "127.0.0.1", 0, backlog=256) for _ in range(count)]
        ports.extend([s.sockets[0].getsockname()[1] for s in servers])
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    from truongweb.rollup import run_rollup
    from truongweb.rollup_fetch import Limits

    manager = multiprocessing.Manager()
    ports, ready = manager.list(), manager.Event()
    server = multiprocessing.Process(target=serve, args=(args.schools, args.delay, ready, ports), daemon=True)
    server.start()
    try:
        if not ready.wait(120) or len(ports) != args.schools:
            raise SystemExit("Lỗi: không mở được máy chủ thử.")
        with tempfile.TemporaryDirectory() as tmp:
            listed = Path(tmp) / "truong.yml"
            lines = ["district: Phòng GD&ĐT thử tốc độ", f"plan: {PLAN}", "schools:"]
            lines += [f"  - {{code: t{i}, name: Trường {i}, site: 'http://127.0.0.1:{p}/'}}" for i, p in enumerate(ports)]
            listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
            started = time.monotonic()
            doc = run_rollup(listed, Path(tmp) / "out", "2024-10-15", limits=Limits(concurrency=args.concurrency))
            elapsed = time.monotonic() - started
        ok = doc["summary"]["states"]["ok"]
        verified = sum(s["verified"]["ok"] for s in doc["schools"])
        print(f"{args.schools} trường, trễ {args.delay * 1000:.0f} ms mỗi yêu cầu, {args.concurrency} cùng lúc: "
              f"{elapsed:.1f} s (mục tiêu ≤ 30 s); {ok} tổng hợp được, {verified} bài minh chứng khớp.")
        return 0 if ok == args.schools and (args.schools < 1000 or elapsed <= 30) else 1
    finally:
        server.terminate()


if __name__ == "__main__":
    sys.exit(main())
