"""The roll-up against real HTTP servers on 127.0.0.1: school sites built by
the project, each served on its own port, and broken ones. Checks states,
Vietnamese reasons, figures equal to each school's evidence.json, the kept
last good figures, verification and the time taken."""

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from helpers import ROOT, build_site, free_port, read, serve_directory

from truongweb.rollup import run_rollup
from truongweb.rollup_fetch import Limits

BASIC = ROOT / "tests" / "evidence" / "data" / "basic"
PLAN = "kh-2024"
LIMITS = Limits(concurrency=8, school_seconds=2.0, request_seconds=0.5, retries=2, backoff=0.05,
                redirects=3, max_bytes=200_000, verify_seconds=2.0)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("school"), content=BASIC, EVIDENCE_AS_OF="2024-05-15")


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}
    hits: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        answer = self.routes.get(self.path) or self.routes.get("*")
        if answer is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body = answer(self) if callable(answer) else answer
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_routes(routes):
    handler = type("H", (_Handler,), {"routes": routes, "hits": {}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def silent_server():
    """Accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(50)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def json_body(doc):
    return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()


def write_list(tmp_path, schools):
    lines = ["district: Phòng Giáo dục và Đào tạo huyện Lạc Thủy", f"plan: {PLAN}", "schools:"]
    for code, url in schools:
        lines.append(f"  - {{code: {code}, name: Trường {code.upper()}, level: thcs, site: '{url}/'}}")
    path = tmp_path / "truong.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def own_figures(site_dir):
    doc = json.loads(read(site_dir / "minh-chung" / PLAN / "evidence.json"))
    return ({"count": doc["total"]["count"], "status": doc["total"]["status"]},
            [(t["code"], t["count"], t["status"]) for t in doc["topics"]])


@pytest.fixture(scope="module")
def broken_sites(built, tmp_path_factory):
    base = tmp_path_factory.mktemp("broken")
    gone = base / "gone"  # evidence whose pages were deleted
    shutil.copytree(built, gone)
    items = json.loads(read(gone / "minh-chung" / PLAN / "evidence.json"))["items"]
    for it in items:
        if it["channel"] == "website":
            shutil.rmtree(gone / it["url"].strip("/"), ignore_errors=True)
    fake = base / "fake"  # evidence pointing at another site's pages
    shutil.copytree(built, fake)
    ev = fake / "minh-chung" / PLAN / "evidence.json"
    doc = json.loads(read(ev))
    for it in [it for t in doc["topics"] for it in t["items"]] + doc["items"]:
        it["url"] = "http://example.invalid" + it["url"]
    ev.write_text(json.dumps(doc), encoding="utf-8")
    empty = base / "empty"
    empty.mkdir()
    return {"gone": gone, "fake": fake, "empty": empty}


def test_dozens_of_schools_good_and_broken(built, broken_sites, tmp_path):
    total, topics = own_figures(built)
    good_index = json.loads(read(built / "minh-chung" / "index.json"))
    flaky_count = {"n": 0}
    elsewhere = {}

    def flaky(handler):  # fails twice, then answers: the retries get it
        flaky_count["n"] += 1
        if flaky_count["n"] <= 2:
            return 503, {}, b"busy"
        # its evidence lives on another host: an absolute "evidence" address
        plans = [{**p, "evidence": f"{elsewhere['url']}/{p['evidence']}"} for p in good_index["plans"]]
        return json_body({**good_index, "plans": plans})

    with ExitStack() as stack:
        good = [stack.enter_context(serve_directory(built)) for _ in range(24)]
        elsewhere["url"] = good[1]
        gone = stack.enter_context(serve_directory(broken_sites["gone"]))
        fake = stack.enter_context(serve_directory(broken_sites["fake"]))
        missing = stack.enter_context(serve_directory(broken_sites["empty"]))
        silent = stack.enter_context(silent_server())
        not_json, _ = stack.enter_context(serve_routes({"*": (200, {"Content-Type": "application/json"}, b"<html>")}))
        schema2, _ = stack.enter_context(serve_routes({"*": json_body({**good_index, "schema": 2})}))
        huge, _ = stack.enter_context(serve_routes({"*": (200, {}, b" " * 300_000)}))
        no_plan, _ = stack.enter_context(serve_routes({"*": json_body({**good_index, "plans": []})}))
        moved, _ = stack.enter_context(serve_routes(
            {"*": lambda h: (301, {"Location": good[0] + h.path}, b"")}))
        loop, _ = stack.enter_context(serve_routes({"*": lambda h: (302, {"Location": h.path}, b"")}))
        ftp, _ = stack.enter_context(serve_routes({"*": (302, {"Location": "file:///etc/passwd"}, b"")}))
        flaky_url, _ = stack.enter_context(serve_routes({"/minh-chung/index.json": flaky}))
        refused = f"http://127.0.0.1:{free_port()}"
        schools = [(f"tot-{i}", url) for i, url in enumerate(good)]
        schools += [("mat-trang", gone), ("gia", fake), ("khong-co", missing), ("im-lang", silent),
                    ("khong-json", not_json), ("schema-2", schema2), ("qua-lon", huge), ("chua-co-kh", no_plan),
                    ("chuyen", moved), ("vong-lap", loop), ("ftp", ftp), ("tu-choi", refused),
                    ("chap-chon", flaky_url)]
        started = time.monotonic()
        doc = run_rollup(write_list(tmp_path, schools), tmp_path / "out", "2024-05-20", limits=LIMITS,
                         dashboard=False)
        elapsed = time.monotonic() - started
    by = {s["code"]: s for s in doc["schools"]}
    assert [s["code"] for s in doc["schools"]] == [c for c, _ in schools]
    for code, _ in schools[:24]:
        s = by[code]
        assert s["state"] == "ok" and s["reason"] == "", s
        assert {k: s["total"][k] for k in ("count", "status")} == total
        assert [(t["code"], t["count"], t["status"]) for t in s["topics"]] == topics
        assert s["verified"]["checked"] >= 3 and s["verified"]["ok"] == s["verified"]["checked"]
        assert s["as_of"] == "2024-05-15"
    expect = {
        "mat-trang": ("ok", ""), "gia": ("ok", ""),
        "khong-co": ("unreachable", "lỗi http 404"), "im-lang": ("unreachable", "không trả lời"),
        "khong-json": ("invalid", "không phải tệp JSON"), "schema-2": ("invalid", "phiên bản lược đồ 'schema' 2"),
        "qua-lon": ("invalid", "quá lớn"), "chua-co-kh": ("no_plan", "không có kế hoạch 'kh-2024'"),
        "chuyen": ("ok", ""), "vong-lap": ("unreachable", "chuyển hướng quá nhiều lần"),
        "ftp": ("unreachable", "không phải http/https"), "tu-choi": ("unreachable", "không kết nối được"),
        "chap-chon": ("ok", ""),
    }
    for code, (state, words) in expect.items():
        assert by[code]["state"] == state, (code, by[code])
        assert words.lower() in by[code]["reason"].lower(), (code, by[code]["reason"])
    assert by["mat-trang"]["verified"]["ok"] == 0 and by["mat-trang"]["verified"]["checked"] >= 3
    assert {p["reason"] for p in by["mat-trang"]["verified"]["problems"]} == {"trang không còn (lỗi HTTP 404)"}
    assert by["gia"]["verified"]["ok"] == 0
    assert {p["reason"] for p in by["gia"]["verified"]["problems"]} == {"liên kết không thuộc trang web của trường"}
    assert by["chuyen"]["verified"]["ok"] == by["chuyen"]["verified"]["checked"] >= 3
    assert by["chuyen"]["evidence_url"].startswith(good[0])
    assert flaky_count["n"] == 3
    # the silent school waits at most its own limit, in parallel with the others
    assert elapsed < 15, elapsed
    saved = json.loads(read(tmp_path / "out" / "tong-hop.json"))
    assert saved["schools"] == json.loads(json.dumps(doc["schools"]))
    csv = read(tmp_path / "out" / "tong-hop.csv")
    ok = sum(1 for s in doc["schools"] if s["state"] == "ok")
    assert csv.startswith("\ufeff") and csv.count("\n") == 1 + ok * len(topics) + (len(schools) - ok)


def test_failed_school_keeps_last_good_figures(built, tmp_path):
    total, topics = own_figures(built)
    out = tmp_path / "out"
    with serve_directory(built) as a, serve_directory(built) as b:
        listed = write_list(tmp_path, [("a", a), ("b", b)])
        first = run_rollup(listed, out, "2024-05-20", limits=LIMITS, dashboard=False)
    assert [s["state"] for s in first["schools"]] == ["ok", "ok"]
    # both servers are gone now; one comes back on another port
    with serve_directory(built) as b2:
        listed.write_text(listed.read_text(encoding="utf-8").replace(b, b2), encoding="utf-8")
        second = run_rollup(listed, out, "2024-05-21", limits=LIMITS, dashboard=False)
    a2, b2s = second["schools"]
    assert a2["state"] == "unreachable" and "không kết nối được" in a2["reason"].lower()
    assert a2["stale"] and a2["last_ok"] == "2024-05-20"
    assert {k: a2["total"][k] for k in ("count", "status")} == total
    assert [(t["code"], t["count"], t["status"]) for t in a2["topics"]] == topics
    assert b2s["state"] == "ok" and not b2s["stale"] and b2s["last_ok"] == "2024-05-21"


def test_cli_in_vietnamese(built, tmp_path):
    with serve_directory(built) as a:
        listed = write_list(tmp_path, [("a", a), ("tu-choi", f"http://127.0.0.1:{free_port()}")])
        run = subprocess.run([sys.executable, "-m", "truongweb.rollup", str(listed), "--output",
                              str(tmp_path / "out"), "--as-of", "2024-05-20", "--timeout", "3"],
                             cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {
        "tong-hop.json", "tong-hop.csv", "tong-hop.xlsx", "tong-hop.css", "index.html", "truong"}
    assert "Trường TU-CHOI" in read(tmp_path / "out" / "index.html")
    assert "Đã tổng hợp 2 trường" in run.stdout and "- Trường TU-CHOI: Không kết nối được" in run.stdout
    bad = subprocess.run([sys.executable, "-m", "truongweb.rollup", str(listed), "--output", str(tmp_path / "o"),
                          "--as-of", "20/5/2024"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 1 and bad.stderr.startswith("Lỗi: --as-of '20/5/2024' không phải ngày hợp lệ")
    assert "Traceback" not in bad.stderr
    helptext = subprocess.run([sys.executable, "-m", "truongweb.rollup", "--help"], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8").stdout
    assert "danh sách trường" in helptext
