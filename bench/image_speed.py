"""Benchmark the image pipeline: N phone-size photos (4000×3000 JPEG with
EXIF/GPS/XMP/ICC), cold (empty cache) and warm (cache hit), on all cores.

    python bench/image_speed.py [--count 50] [--workers N] [--work bench/work/images]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from truongweb.plugins.images.pipeline import ImageSettings, Job, process_images
from truongweb.plugins.images.testimages import make_phone_photo


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--work", default=str(ROOT / "bench/work/images"))
    args = ap.parse_args()
    work = Path(args.work)
    src = work / "src"
    src.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    made = 0
    for i in range(args.count):
        p = src / f"IMG_{i:04d}.jpg"
        if not p.exists():
            make_phone_photo(p, 4000, 3000, orientation=(6 if i % 3 == 0 else 1), seed=i)
            made += 1
    total_mb = sum(p.stat().st_size for p in src.glob("*.jpg")) / 1e6
    print(f"{args.count} ảnh 4000×3000 ({total_mb:.0f} MB), tạo {made} mới trong "
          f"{time.perf_counter() - t:.1f} s")
    jobs = [Job(f"images/{p.name}", str(p), f"images/{p.name}", True)
            for p in sorted(src.glob("*.jpg"))[: args.count]]
    settings = ImageSettings()
    for d in ("cache", "out"):
        shutil.rmtree(work / d, ignore_errors=True)

    t = time.perf_counter()
    res = process_images(jobs, str(work / "out"), str(work / "cache"), settings, workers=args.workers)
    cold = time.perf_counter() - t
    assert all(not r.cached for r in res.values())
    shutil.rmtree(work / "out")
    t = time.perf_counter()
    res = process_images(jobs, str(work / "out"), str(work / "cache"), settings, workers=args.workers)
    warm = time.perf_counter() - t
    assert all(r.cached for r in res.values())
    out_mb = sum(p.stat().st_size for p in (work / "out").rglob("*") if p.is_file()) / 1e6
    n_files = sum(1 for p in (work / "out").rglob("*") if p.is_file())
    print(f"workers={args.workers} widths={settings.widths}")
    print(f"cold: {cold:.2f} s ({cold / len(jobs) * 1000:.0f} ms/ảnh)")
    print(f"warm: {warm:.2f} s ({warm / len(jobs) * 1000:.1f} ms/ảnh)")
    print(f"output: {n_files} tệp, {out_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
