"""Benchmark: what the evidence plugin adds to a build of N synthetic articles
with three plans. Not collected by pytest; run it by hand:

    python tests/evidence/bench_evidence.py [--articles 5000] [--keep DIR]

It builds the same content with and without ``plan_evidence`` in PLUGINS
(cold, then warm cache), and also times the evidence generator itself.
"""

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from truongweb.build import build

PLANS = {
    "nam-2025.yml": """id: nam-2025
title: Kế hoạch truyền thông năm 2025
start: 2025-01-01
end: 2025-12-31
quota: {total: 8, per_month: 1}
topics:
""",
    "nam-hoc.yml": """id: nam-hoc-2025-2026
title: Kế hoạch truyền thông năm học 2025-2026
start: 2025-09-01
end: 2026-05-31
semesters:
  - {name: Học kỳ I, start: 2025-09-05, end: 2026-01-15}
  - {name: Học kỳ II, start: 2026-01-16, end: 2026-05-31}
quota: {per_month: 2, per_semester: 10}
units:
  - {code: to-van, name: Tổ Văn, quota: {per_semester: 2}}
  - {code: to-toan, name: Tổ Toán, quota: {per_semester: 2}}
  - {code: doan-doi, name: Liên đội, quota: {per_month: 1}}
topics:
""",
    "nam-2026.yml": """id: nam-2026
title: Kế hoạch truyền thông năm 2026
start: 2026-01-01
end: 2026-12-31
quota: {per_month: 1}
topics:
""",
}
TOPICS = [f"chu-de-{i:02d}" for i in range(1, 19)]
UNITS = ["to-van", "to-toan", "doan-doi"]


def make_content(folder: Path, n: int) -> None:
    rnd = random.Random(42)
    (folder / "plans").mkdir(parents=True)
    for i, (name, head) in enumerate(PLANS.items()):
        lines = [head]
        for j, code in enumerate(TOPICS[i * 6:(i + 1) * 6]):
            quota = ["{per_quarter: 1}", "{total: 2}", "{per_month: 1}", "", "{per_quarter: 2}", "{total: 1}"][j]
            lines.append(f"  - code: {code}\n    title: Chủ đề số {code[-2:]}\n")
            if quota:
                lines.append(f"    quota: {quota}\n")
            if j == 0:
                lines.append("    quarters: [1, 2, 3]\n")
        (folder / "plans" / name).write_text("".join(lines), encoding="utf-8")
    arts = folder / "articles"
    arts.mkdir()
    words = "học sinh giáo viên nhà trường hoạt động phong trào thi đua chuyên môn đổi mới".split()
    for k in range(n):
        day = 1 + rnd.randrange(730)
        y, rest = (2025, day) if day <= 365 else (2026, day - 365)
        import datetime
        d = datetime.date(y, 1, 1) + datetime.timedelta(days=rest - 1)
        topics = rnd.sample(TOPICS, rnd.choice([0, 1, 1, 2]))
        extra = f"topics: [{', '.join(topics)}]\n" if topics else ""
        if rnd.random() < 0.3:
            extra += f"unit: {rnd.choice(UNITS)}\n"
        body = " ".join(rnd.choice(words) for _ in range(300))
        (arts / f"bai-{k:05d}.md").write_text(
            f"---\ntitle: Bài số {k} về {rnd.choice(words)}\ndate: {d.isoformat()} 08:00\n"
            f"category: Tin tức – Sự kiện\nauthor: Trần Thị Mai\n{extra}---\n{body}\n\n{body}\n",
            encoding="utf-8",
        )


def timed_build(out, content, cache, plugins, as_of):
    started = time.perf_counter()
    build(out, content=content, overrides={"PLUGINS": plugins, "EVIDENCE_AS_OF": as_of}, cache=cache, echo=False)
    return time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--keep", default=None)
    args = ap.parse_args()
    from pelican.settings import read_settings
    base_plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    without = [p for p in base_plugins if p != "truongweb.plugins.plan_evidence"]
    with_ev = without + ["truongweb.plugins.plan_evidence"]

    from truongweb.plugins.plan_evidence import generator as gen
    spent = {"t": 0.0}
    for name in ("generate_context", "generate_output"):
        original = getattr(gen.EvidenceGenerator, name)

        def wrapper(self, *a, _o=original, **kw):
            t0 = time.perf_counter()
            try:
                return _o(self, *a, **kw)
            finally:
                spent["t"] += time.perf_counter() - t0
        setattr(gen.EvidenceGenerator, name, wrapper)

    tmp = Path(args.keep or tempfile.mkdtemp(prefix="bench-ev-"))
    content = tmp / "content"
    if not content.exists():
        make_content(content, args.articles)
    results = {}
    for label, plugins in (("without", without), ("with", with_ev)):
        cache = tmp / f"cache-{label}"
        shutil.rmtree(cache, ignore_errors=True)
        spent["t"] = 0.0
        cold = timed_build(tmp / f"out-{label}", content, cache, plugins, "2026-03-15")
        cold_ev = spent["t"]
        spent["t"] = 0.0
        warm = timed_build(tmp / f"out-{label}", content, cache, plugins, "2026-03-15")
        results[label] = (cold, warm, cold_ev, spent["t"])
        print(f"{label:8s} cold {cold:6.1f}s  warm {warm:6.1f}s  evidence generator {cold_ev:.2f}s / {spent['t']:.2f}s", flush=True)
    (wc, ww, _, _), (ec, ew, gc, gw) = results["without"], results["with"]
    print(f"evidence share of the build (generator time / build): cold {100 * gc / ec:.1f}%  warm {100 * gw / ew:.1f}%")
    print(f"difference of wall time: cold {100 * (ec - wc) / wc:+.1f}%  warm {100 * (ew - ww) / ww:+.1f}%")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
