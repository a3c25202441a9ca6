"""Build speed and peak memory: this project against plain Pelican.

Generates N synthetic Vietnamese articles (Pelican's ``Key: value`` headers,
which both builds read) plus three communication plans, then builds them
(1) with plain Pelican — default theme, no plugins — and (2) with this
project's full settings, each cold (empty cache) and warm (content cache
filled by the cold run), interleaved and repeated (``--repeat``, default 3):
the figures are medians. Every build runs in its own process so peak RSS is
that build's alone (helper processes such as Pagefind are reported apart).
Prints a table and the ratios project / plain.

    python bench/build_speed.py --articles 1000 5000
    python bench/build_speed.py --articles 5000 --without-plugin plan_evidence

The second form also builds the project without one plugin, to measure what
that plugin adds.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

CATEGORIES = ["Tin tức – Sự kiện", "Thông báo", "Hoạt động chuyên môn", "Đoàn – Đội",
              "Tuyển sinh", "Gương sáng"]
TAGS = ["khai giảng", "học sinh giỏi", "an toàn giao thông", "chuyển đổi số", "thể thao",
        "văn nghệ", "tuyển sinh lớp 6", "phụ huynh", "ngoại khóa", "tri ân thầy cô"]
WORDS = ("học sinh giáo viên nhà trường hoạt động phong trào thi đua năm học kế hoạch "
         "tổ chức tham gia đạt giải thưởng tuyên truyền giáo dục đạo đức kỹ năng sống "
         "chuyên môn đổi mới phương pháp dạy học an toàn trường học đoàn viên đội viên "
         "cha mẹ phối hợp cộng đồng thư viện sách đọc chuyển đổi số").split()
UNITS = ["to-ngu-van", "to-toan-tin", "to-khtn", "lien-doi"]


def topic_codes(plan_index):
    return [f"chu-de-{plan_index}-{n}" for n in range(1, 9)]


def write_plans(content):
    plans = content / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    ranges = [("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31"),
              ("2024-08-15", "2025-05-31")]
    for index, (start, end) in enumerate(ranges, 1):
        topics = "\n".join(
            f"  - code: {code}\n    title: Chủ đề số {n} của kế hoạch {index}\n"
            f"    quota: {{per_quarter: 1}}"
            for n, code in enumerate(topic_codes(index), 1)
        )
        units = "\n".join(f"  - code: {u}\n    name: Đơn vị {u}\n    quota: {{total: 2}}"
                          for u in UNITS)
        (plans / f"ke-hoach-{index}.yml").write_text(
            f"id: ke-hoach-{index}\ntitle: Kế hoạch truyền thông số {index}\n"
            f"start: {start}\nend: {end}\nquota: {{per_month: 4}}\n"
            f"topics:\n{topics}\nunits:\n{units}\n",
            encoding="utf-8",
        )


def write_articles(content, count, seed=7):
    rng = random.Random(seed)
    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2024, 1, 1, 7, 0)
    for number in range(count):
        date = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 80))).capitalize() + "."
            for _ in range(4)
        ]
        plan = 1 + number % 3
        topics = ", ".join(rng.sample(topic_codes(plan), 2))
        body = (
            f"{paragraphs[0]}\n\n## Đại hội Đoàn và hoạt động số {number}\n\n{paragraphs[1]}\n\n"
            f"- {rng.choice(WORDS)} {rng.choice(WORDS)}\n- {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n"
            f"{paragraphs[2]}\n\n### Kết quả\n\n{paragraphs[3]}\n"
        )
        (folder / f"bai-{number:05d}.md").write_text(
            f"Title: Bài viết số {number}: {rng.choice(WORDS)} {rng.choice(WORDS)} Đoàn Đội\n"
            f"Date: {date:%Y-%m-%d %H:%M}\n"
            f"Category: {rng.choice(CATEGORIES)}\n"
            f"Tags: {', '.join(rng.sample(TAGS, 2))}\n"
            f"Author: Giáo viên {rng.randint(1, 25)}\n"
            f"Topics: {topics}\n"
            f"Unit: {rng.choice(UNITS)}\n\n{body}",
            encoding="utf-8",
        )


# Printed by each build process on exit: its own peak RSS and the largest
# peak among its child processes (Pagefind, image workers), in KiB.
REPORT_USAGE = (
    "import resource, sys\n"
    "print('USAGE', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)
PROJECT_BUILD = (
    "import sys\nfrom sitetools.build import main\ncode = main(sys.argv[1:])\n"
    + REPORT_USAGE + "sys.exit(code)\n"
)

PLAIN_PELICAN = """
import sys
from pelican import Pelican
from pelican.settings import read_settings
content, output, cache = sys.argv[1:4]
settings = read_settings(None, override={
    "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache,
    "PLUGINS": [], "TIMEZONE": "Asia/Ho_Chi_Minh", "SITEURL": "",
    "ARTICLE_PATHS": ["articles"], "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
    "CHECK_MODIFIED_METHOD": "md5",
})
Pelican(settings).run()
""" + "\n" + REPORT_USAGE


def timed(command):
    """Run ``command``; return (seconds, peak RSS of the build process in MiB,
    largest peak RSS of its child processes in MiB, CPU seconds of the build
    and every process it waited for)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    errors = process.stderr.read().decode(errors="replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"Build failed: {' '.join(map(str, command))}\n{errors}")
    own, children = [line.split()[1:] for line in errors.splitlines()
                     if line.startswith("USAGE ")][-1]
    return (seconds, int(own) / 1024, int(children) / 1024,
            usage.ru_utime + usage.ru_stime)


def project_command(content, output, cache, overrides=()):
    command = [sys.executable, "-c", PROJECT_BUILD, "--content", str(content),
               "--output", output, "--cache", cache, "--set", "EVIDENCE_AS_OF=\"2025-06-30\""]
    for key, value in overrides:
        command += ["--set", f"{key}={json.dumps(value)}"]
    return [str(part) for part in command]


def run_variants(work, variants, repeat):
    """Cold then warm build of every variant, interleaved (plain, project,
    plain, project, ...) and repeated; the median of each figure. Interleaving
    keeps a machine that slows down or speeds up during the run from
    favouring one side of the ratio."""
    samples = {name: [] for name in variants}
    for round_number in range(repeat):
        for kind in ("cold", "warm"):
            for name, make_command in variants.items():
                output = work / f"out-{name}"
                cache = work / f"cache-{name}-{round_number}"
                shutil.rmtree(output, ignore_errors=True)
                seconds, own, children, cpu = timed(make_command(output, cache))
                samples[name].append((kind, seconds, own, children, cpu))
    results = {}
    for name, runs in samples.items():
        def median(kind, index):
            return statistics.median(r[index] for r in runs if r[0] == kind)
        results[name] = {"cold_s": median("cold", 1), "cold_mib": median("cold", 2),
                         "warm_s": median("warm", 1), "warm_mib": median("warm", 2),
                         "child_mib": max(r[3] for r in runs),
                         "cold_cpu_s": median("cold", 4), "warm_cpu_s": median("warm", 4)}
    return results


def benchmark(count, without_plugin=None, repeat=3):
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        content = work / "content"
        write_articles(content, count)
        write_plans(content)
        shutil.copytree(ROOT / "content" / "images", content / "images")
        variants = {
            "plain": lambda o, c: [sys.executable, "-c", PLAIN_PELICAN, str(content), str(o), str(c)],
            "project": lambda o, c: project_command(content, o, c),
        }
        if without_plugin:
            from pelicanconf import PLUGINS

            reduced = [p for p in PLUGINS if p != without_plugin]
            variants[f"without {without_plugin}"] = lambda o, c: project_command(
                content, o, c, [("PLUGINS", reduced)])
        return run_variants(work, variants, repeat)


def report(count, results):
    plain = results["plain"]
    print(f"\n{count} articles (medians)")
    print(f"{'build':<28}{'cold s':>9}{'warm s':>9}{'cold MiB':>10}{'warm MiB':>10}"
          f"{'time ×':>14}{'memory ×':>14}{'child MiB':>11}{'CPU s cold/warm':>17}")
    for name, r in results.items():
        time_ratio = f"{r['cold_s'] / plain['cold_s']:.2f}/{r['warm_s'] / plain['warm_s']:.2f}"
        mem_ratio = f"{r['cold_mib'] / plain['cold_mib']:.2f}/{r['warm_mib'] / plain['warm_mib']:.2f}"
        print(f"{name:<28}{r['cold_s']:>9.1f}{r['warm_s']:>9.1f}{r['cold_mib']:>10.0f}"
              f"{r['warm_mib']:>10.0f}{time_ratio:>14}{mem_ratio:>14}{r['child_mib']:>11.0f}"
              f"{r['cold_cpu_s']:>9.1f}/{r['warm_cpu_s']:<7.1f}")
    print("(ratios are this build / plain Pelican, cold/warm; MiB is the build process's\n"
          " peak RSS; child MiB is the largest peak of its helper processes: the Pagefind\n"
          " indexer and image workers, which run beside the build; CPU s is the processor\n"
          " time of the build and all its helpers: the project uses a second core)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--without-plugin", default=None,
                        help="also build the project without this plugin")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of cold and warm builds; medians are shown (default 3)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--cpus", type=int, default=None,
                        help="run every build on this many processor cores only (Linux), "
                             "e.g. 1 to see the project without its second core")
    args = parser.parse_args()
    if args.cpus:
        cores = sorted(os.sched_getaffinity(0))[: args.cpus]
        os.sched_setaffinity(0, cores)  # the builds and their helpers inherit it
        print(f"Builds run on {len(cores)} core(s): {cores}")
    everything = {}
    for count in args.articles:
        results = benchmark(count, args.without_plugin, args.repeat)
        report(count, results)
        everything[count] = results
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
