"""Build speed and peak memory: this project against plain Pelican.

Content profiles (``--profiles``, default all), each generated synthetic
Vietnamese content that both builds read (Pelican's ``Key: value`` headers):

- ``school``: the demo school's kind of news: six categories, two years of
  dates, headings and lists, plan topics and units on every article, three
  communication plans; plain Pelican with the content cache on (1,000
  articles);
- ``long-plain``: one category, ten years of dates, 360 words of plain
  paragraphs, no plans; plain Pelican with its default settings (2,000
  articles).

Each profile is built (1) with plain Pelican — default theme, no plugins —
and (2) with this project's full settings, each cold (empty cache) and warm
(the cold build's cache kept, a new empty output folder), interleaved and repeated
(``--repeat``, default 3): the figures are medians. Memory is the peak of
the proportional set size (PSS, ``/proc/<pid>/smaps_rollup``) summed over
the build process and every descendant (forked workers, the search indexer,
the page checker), sampled every 20 ms: pages shared by a parent and its
forked children count once; what each process held at the peak is printed
too. Processor time is that of the build and every process it waited for.
Prints a table and the ratios project / plain.

Wall-clock seconds depend on what else the machine runs (on a 2-core
machine shared with other jobs they can double from one run to the next);
processor time and PSS change much less with load, so read those first
when the machine is busy, and compare only ratios from the same run.

    python bench/build_speed.py
    python bench/build_speed.py --profiles long-plain --articles 2000
    python bench/build_speed.py --profiles school --without-plugin plan_evidence

The last form also builds the project without one plugin, to measure what
that plugin adds.
"""

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from truongweb.plugins import interruption

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


PROJECT_BUILD = ["-m", "truongweb.build"]

# Plain Pelican: default theme, no plugins; ``CACHE`` adds the content cache
# settings the school profile compares with (the project always caches).
PLAIN_PELICAN = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
content, output, cache, extra = sys.argv[1:5]
settings = read_settings(None, override={
    "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache,
    "PLUGINS": [], "TIMEZONE": "Asia/Ho_Chi_Minh", "SITEURL": "", **json.loads(extra)})
Pelican(settings).run()
"""
PLAIN_WITH_CACHE = {"ARTICLE_PATHS": ["articles"], "CACHE_CONTENT": True,
                    "LOAD_CONTENT_CACHE": True, "CHECK_MODIFIED_METHOD": "md5"}


def _pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fp:
            for line in fp:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:  # ended meanwhile
        return None
    return 0


def _label(pid, root):
    """Short name of a process of the tree: the build, a forked copy of its
    parent, or the program it runs."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fp:
            argv = [a.decode(errors="replace") for a in fp.read().split(b"\0") if a]
    except OSError:
        return "?"
    if pid == root:
        return "build"
    text = " ".join(argv)
    if "compliance.background" in text:
        return "page checker"
    if "images.pipeline" in text:
        return "image worker"
    if "multiprocessing" in text:
        return "resource tracker" if "resource_tracker" in text else "spawned helper"
    if argv and argv[0].endswith(("python", "python3")) or "python" in Path(argv[0] if argv else "").name:
        return "forked child"
    return Path(argv[0]).name if argv else "?"


def tree_pss(pid):
    """PSS of ``pid`` and all its descendants, in KiB (Linux), and each
    process's share as (label, KiB)."""
    total, queue, seen, parts = 0, [pid], set(), []
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        kib = _pss_kib(current)
        if kib is None:
            continue
        total += kib
        parts.append((current, kib))
        queue += interruption.child_pids(current)
    return total, parts


def tree_pss_kib(pid):
    return tree_pss(pid)[0]


class TreeMemory(threading.Thread):
    """Samples the whole process tree's PSS until the build ends; ``peak`` in
    KiB and ``parts``, what each process had at that peak."""

    def __init__(self, pid, interval=0.02):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.parts = pid, interval, 0, []
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            total, parts = tree_pss(self.pid)
            if total > self.peak:
                self.peak = total
                self.parts = [(_label(p, self.pid), kib) for p, kib in parts]
            self.done.wait(self.interval)


def timed(command):
    """Run ``command``; return (seconds, peak PSS of the whole process tree in
    MiB, the largest peak RSS of one process of the tree in MiB (wait4 reports
    the largest of the build and the processes it waited for), CPU seconds of
    the build and every process it waited for)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    sampler = TreeMemory(process.pid)
    sampler.start()
    errors = process.stderr.read().decode(errors="replace")
    # Sample until the process is reaped: wait4 with WNOWAIT is not in Python,
    # so the sampler stops when the process's pipes close (it is then exiting).
    sampler.done.set()
    sampler.join()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"Build failed: {' '.join(map(str, command))}\n{errors}")
    return (seconds, sampler.peak / 1024, usage.ru_maxrss / 1024,
            usage.ru_utime + usage.ru_stime, summed_parts(sampler.parts))


def summed_parts(parts):
    """{label: MiB} of the processes at the peak, largest first."""
    sums = {}
    for label, kib in parts:
        sums[label] = sums.get(label, 0) + kib / 1024
    return dict(sorted(sums.items(), key=lambda item: -item[1]))


def project_command(content, output, cache, overrides=()):
    command = [sys.executable, *PROJECT_BUILD, "--content", str(content),
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
                # A folder no build has used: deleting the previous output
                # here would charge the file system's clean-up of it (ext4
                # with online discard: metadata operations stall for up to
                # a second after a big delete) to the next build, and most
                # to the build that creates the most folders. Nothing is
                # deleted until every build of the run is measured.
                output = work / f"out-{name}-{round_number}-{kind}"
                cache = work / f"cache-{name}-{round_number}"
                seconds, tree, own, cpu, parts = timed(make_command(output, cache))
                samples[name].append((kind, seconds, tree, own, cpu, parts))
    results = {}
    for name, runs in samples.items():
        def median(kind, index):
            return statistics.median(r[index] for r in runs if r[0] == kind)
        results[name] = {"cold_s": median("cold", 1), "cold_mib": median("cold", 2),
                         "warm_s": median("warm", 1), "warm_mib": median("warm", 2),
                         "largest_rss_mib": max(r[3] for r in runs),
                         "cold_cpu_s": median("cold", 4), "warm_cpu_s": median("warm", 4),
                         # what each process held at the peak, in the last round
                         "cold_peak_parts": [r[5] for r in runs if r[0] == "cold"][-1],
                         "warm_peak_parts": [r[5] for r in runs if r[0] == "warm"][-1]}
    return results


def write_plain_articles(content, count, seed=11):
    """The ``long-plain`` profile: one category, ten years, 360 words of plain
    paragraphs, ``Key: value`` headers."""
    rng = random.Random(seed)
    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2016, 1, 1, 7, 0)
    for number in range(count):
        date = start + timedelta(minutes=rng.randrange(0, 10 * 365 * 24 * 60))
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(90)).capitalize() + "." for _ in range(4))
        (folder / f"bai-{number:05d}.md").write_text(
            f"Title: Tin số {number}: {rng.choice(WORDS)} {rng.choice(WORDS)}\n"
            f"Date: {date:%Y-%m-%d %H:%M}\n"
            f"Category: {CATEGORIES[0]}\n"
            f"Tags: {', '.join(rng.sample(TAGS, 2))}\n"
            f"Author: Giáo viên {rng.randint(1, 25)}\n\n{body}\n",
            encoding="utf-8",
        )


def make_school(content, count):
    write_articles(content, count)
    write_plans(content)
    shutil.copytree(ROOT / "content" / "images", content / "images")


def make_long_plain(content, count):
    write_plain_articles(content, count)
    (content / "images").mkdir()
    shutil.copy(ROOT / "content" / "images" / "logo.svg", content / "images")


# name: (content maker, default article count, plain Pelican's settings)
PROFILES = {
    "school": (make_school, 1000, PLAIN_WITH_CACHE),
    "long-plain": (make_long_plain, 2000, {}),
}


def benchmark(work, profile, count, without_plugin=None, repeat=3):
    """Cold and warm builds of one profile in ``work``'s subfolder; the
    caller removes ``work`` after the last profile."""
    make_content, _default, plain_settings = PROFILES[profile]
    work = work / f"{profile}-{count}"
    content = work / "content"
    make_content(content, count)
    plain_extra = json.dumps(plain_settings)
    variants = {
        "plain": lambda o, c: [sys.executable, "-c", PLAIN_PELICAN, str(content), str(o),
                               str(c), plain_extra],
        "project": lambda o, c: project_command(content, o, c),
    }
    if without_plugin:
        from truongweb.settings import PLUGINS

        left_out = set(without_plugin)
        reduced = [p for p in PLUGINS if p.rpartition(".")[2] not in left_out]
        variants[f"without {', '.join(without_plugin)}"] = lambda o, c: project_command(
            content, o, c, [("PLUGINS", reduced)])
    return run_variants(work, variants, repeat)


TARGET_TIME, TARGET_MEMORY = 1.2, 2.0


def report(title, results):
    plain = results["plain"]
    print(f"\n{title} (medians)")
    print(f"{'build':<24}{'cold s':>8}{'warm s':>8}{'cold MiB':>10}{'warm MiB':>10}"
          f"{'time ×':>12}{'memory ×':>12}{'CPU s cold/warm':>17}{'max RSS':>10}")
    for name, r in results.items():
        time_ratio = f"{r['cold_s'] / plain['cold_s']:.2f}/{r['warm_s'] / plain['warm_s']:.2f}"
        mem_ratio = f"{r['cold_mib'] / plain['cold_mib']:.2f}/{r['warm_mib'] / plain['warm_mib']:.2f}"
        print(f"{name:<24}{r['cold_s']:>8.1f}{r['warm_s']:>8.1f}{r['cold_mib']:>10.0f}"
              f"{r['warm_mib']:>10.0f}{time_ratio:>12}{mem_ratio:>12}"
              f"{r['cold_cpu_s']:>9.1f}/{r['warm_cpu_s']:<7.1f}{r['largest_rss_mib']:>10.0f}")
        if name != "plain":
            r["time_ratio"] = [r["cold_s"] / plain["cold_s"], r["warm_s"] / plain["warm_s"]]
            r["memory_ratio"] = [r["cold_mib"] / plain["cold_mib"],
                                 r["warm_mib"] / plain["warm_mib"]]
            r["cpu_ratio"] = [r["cold_cpu_s"] / plain["cold_cpu_s"],
                              r["warm_cpu_s"] / plain["warm_cpu_s"]]
    for name, r in results.items():
        for kind in ("cold", "warm"):
            parts = ", ".join(f"{label} {mib:.0f}" for label, mib in r[f"{kind}_peak_parts"].items())
            print(f"  {name} {kind} peak MiB by process: {parts}")
    print(f"(ratios are this build / plain Pelican, cold/warm; targets {TARGET_TIME}× time,\n"
          f" {TARGET_MEMORY}× memory. MiB is the peak PSS of the whole process tree: the build,\n"
          " its forked workers and helper processes; CPU s is the processor time of the build\n"
          " and all its helpers (the project uses a second core; on a machine shared with\n"
          " other work, CPU s and MiB are the figures to trust: wall-clock seconds move with\n"
          " the load, CPU s and memory much less); max RSS is the largest peak RSS of one\n"
          " process of the tree)")
    print(f"CPU ratio cold/warm: " + ", ".join(
        f"{name} {r['cpu_ratio'][0]:.2f}/{r['cpu_ratio'][1]:.2f}"
        for name, r in results.items() if name != "plain"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", nargs="+", choices=sorted(PROFILES),
                        default=list(PROFILES), help="content profiles (default: all)")
    parser.add_argument("--articles", type=int, nargs="+", default=None,
                        help="article counts (default: each profile's own)")
    parser.add_argument("--without-plugin", nargs="+", default=None,
                        help="also build the project without these plugins (one build)")
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
    # The bytecode an install would have: pip compiles a package's modules
    # when it installs them, and plain Pelican's come compiled that way. With
    # PYTHONDONTWRITEBYTECODE set (as on these VMs) an editable checkout
    # would otherwise compile every plugin again in every build (~0.1 s).
    for package in ("plugins", "truongweb"):
        compileall.compile_dir(ROOT / package, quiet=1)
    everything = {}
    # One folder for the whole run, removed at the end (see run_variants).
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for profile in args.profiles:
            for count in args.articles or [PROFILES[profile][1]]:
                results = benchmark(Path(folder), profile, count, args.without_plugin, args.repeat)
                title = f"{profile}, {count} articles"
                report(title, results)
                everything[title] = results
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
