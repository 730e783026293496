"""Benchmark: build time, memory, output size and rebuild time for synthetic guides of 10, 100
and 1,000 exercises, and the real guide. Prints a Markdown report; asserts nothing.

Usage: python -m bench.run [--runs 3] [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import generate

REPO = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(command: list[str], cwd: Path, parts: dict[str, float] | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak memory (MiB, the process and everything it ran) and stdout of a command.
    The disk is flushed first, so one run's writes do not slow the next one down. ``parts``, if
    given, receives the seconds each of our own parts of a build took (pipeline/timings.py)."""
    os.sync()
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
        "print(r.stdout[-2000:])\n"
        "sys.stderr.write(r.stderr[-3000:] if r.returncode else '')\n"
    )
    with tempfile.TemporaryDirectory() as scratch:
        env = ENV if parts is None else dict(ENV, TRACTION_TIMINGS=str(Path(scratch) / "parts.json"))
        result = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, env=env, capture_output=True, text=True, check=True)
        if parts is not None:
            parts.update(json.loads((Path(scratch) / "parts.json").read_text()))
    head, _, out = result.stdout.partition("\n")
    seconds, rss_kib, code = head.split()
    if code != "0":
        raise RuntimeError(f"{command} failed:\n{result.stderr}")
    return float(seconds), int(rss_kib) // 1024, out


# Our own parts of a build (pipeline/timings.py): the check, the plan (rendering our pages,
# figures, the link registry), handing the files to MkDocs, sweeping the files the build no
# longer makes out of the folder it updated (adapters/in_place.py), and the service worker's hashes.
# Swapping the new site in is the disk's work and is shown apart.
OURS = ("check", "plan", "files", "sweep", "service worker")


def build_parts(project: Path) -> tuple[float, int, str, dict[str, float]]:
    """One `traction build`: wall seconds, peak MiB, stdout and the seconds of each of our parts."""
    parts: dict[str, float] = {}
    seconds, peak, out = timed([sys.executable, "-m", "generator", "build"], project, parts)
    return seconds, peak, out, parts


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


# What an author saves in the first exercise file: a step's words, or the title (which the
# navigation, lists and cards show too). Each run appends another word, so every save changes it.
EDITS = {"step text": r"^(\s*-?\s*text: )(.+)$", "title": r"^(title: )(.+)$"}


def update_seconds(config: Path, runs: int) -> dict[str, float]:
    """What `traction serve` does after a save: a full build, then one in-place update per edit
    (adapters/live.py); the median of ``runs`` per kind of edit."""
    code = f"""
import json, os, re, statistics, time
from pathlib import Path
os.chdir({str(config.parent)!r})
from generator.adapters.live import LiveSite
live = LiveSite(Path("mkdocs.yml"), "http://127.0.0.1:8000/")
live.full()
target = sorted(Path("content/exercises").glob("*.yaml"))[0]
original = target.read_text()
result = {{}}
try:
    for kind, pattern in {json.dumps(EDITS)}.items():
        times = []
        for n in range({runs}):
            target.write_text(re.sub(pattern, lambda m: m.group(1) + m.group(2) + " again" * (n + 1), original, count=1, flags=re.M))
            t = time.perf_counter(); done = live.update(); times.append(time.perf_counter() - t)
            assert done is not None, kind
        result[kind] = statistics.median(times)
        target.write_text(original); live.update()
finally:
    target.write_text(original)
print(json.dumps(result))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=ENV, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def in_memory(project: Path, runs: int) -> tuple[float, float] | None:
    """The same build with the project and its output in memory (tmpfs), where there is one:
    what the build costs without this machine's disk, whose writes vary from run to run. The
    medians of the wall time and of our own parts."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return None
    copy = Path(tempfile.mkdtemp(prefix="bench-", dir=shm))
    try:
        shutil.copytree(project, copy / "project", symlinks=True)
        build_parts(copy / "project")
        builds = [build_parts(copy / "project") for _ in range(runs)]
        return statistics.median(b[0] for b in builds), statistics.median(sum(b[3][k] for k in OURS) for b in builds)
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def edited_builds(project: Path, runs: int) -> tuple[float, float]:
    """A build after a step's words changed in the first exercise file (what a commit to one
    exercise makes CI do): the medians of the wall time and of our own parts."""
    target = sorted((project / "content" / "exercises").glob("*.yaml"))[0]
    original = target.read_text()
    builds = []
    try:
        for n in range(runs):
            target.write_text(re.sub(EDITS["step text"], r"\1\2" + " again" * (n + 1), original, count=1, flags=re.M))
            builds.append(build_parts(project))
    finally:
        target.write_text(original)
        build_parts(project)
    return statistics.median(b[0] for b in builds), statistics.median(sum(b[3][k] for k in OURS) for b in builds)


def zensical_seconds(export_dir: Path, runs: int) -> float | None:
    """Zensical on the same exported Markdown (None when it is not installed)."""
    from generator.adapters.zensical_build import zensical_installed

    if not zensical_installed():
        return None
    return statistics.median(timed([sys.executable, "-m", "zensical", "build"], export_dir)[0] for _ in range(runs))


def scale(label: str, config: Path) -> dict:
    """A build of a big guide, for time and memory only: the first (figure cache empty, link
    registry written) and a third (the second sets the first site aside; the third updates it in
    place, as every later build does)."""
    traction = [sys.executable, "-m", "generator"]
    builds = [timed([*traction, "build"], config.parent) for _ in range(3)]
    pages = int(builds[-1][2].strip().splitlines()[-1].split()[1])
    return {"label": label, "pages": pages, "first": builds[0][0], "full": builds[-1][0], "peak_mib": max(b[1] for b in builds),
            "size_mib": size_mib(config.parent / "site")}


def measure(label: str, config: Path, runs: int) -> dict:
    project = config.parent
    traction = [sys.executable, "-m", "generator"]
    build_parts(project)  # fill the caches: what follows is a normal rebuild
    builds = [build_parts(project) for _ in range(runs)]
    summary = builds[-1][2].strip().splitlines()[-1]
    pages = int(summary.split()[1])
    export_dir = Path(tempfile.mkdtemp(prefix="bench-export-"))
    timed([*traction, "export", "--out", str(export_dir)], project)
    plain = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(export_dir / "mkdocs.yml")], project)[0] for _ in range(runs)]
    zensical = zensical_seconds(export_dir, runs)
    shutil.rmtree(export_dir, ignore_errors=True)
    full = statistics.median(b[0] for b in builds)
    parts = {k: statistics.median(b[3].get(k, 0.0) for b in builds) for k in (*OURS, "swap")}
    memory = in_memory(project, runs)
    edited = edited_builds(project, runs)
    updates = update_seconds(config, runs) if pages < 5000 else {}  # 10,000: the build alone
    shutil.rmtree(project / ".cache" / "traction", ignore_errors=True)
    first = timed([*traction, "build"], project)[0]  # no caches: every figure drawn, every page rendered
    drawn = re.search(r"\((\d+) drawn", summary)
    return {
        "label": label,
        "pages": pages,
        "full": full,
        "per_page_ms": 1000 * full / pages,
        "peak_mib": max(b[1] for b in builds),
        "size_mib": size_mib(project / "site"),
        "plain_mkdocs": statistics.median(plain),
        "ours": statistics.median(sum(b[3][k] for k in OURS) for b in builds),
        "parts": parts,
        "drawn_on_rebuild": int(drawn.group(1)) if drawn else "?",
        "zensical": zensical,
        "memory": memory,
        "edited": edited,
        "first": first,
        "updates": updates,
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--no-real", action="store_true", help="leave out the real guide (for a scale run)")
    parser.add_argument("--scale", type=int, nargs="+", help="only time and memory of builds of these sizes, e.g. 1000 10000")
    args = parser.parse_args()
    if args.scale:
        with tempfile.TemporaryDirectory() as scratch:
            print("| exercises | pages | first build | later build | per page | peak memory | output |")
            print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for size in args.scale:
                r = scale(f"synthetic {size}", generate(Path(scratch) / f"n{size}", size))
                print(f"| {size} | {r['pages']} | {r['first']:.1f} s | {r['full']:.1f} s | {1000 * r['full'] / r['pages']:.1f} ms | "
                      f"{r['peak_mib']} MiB | {r['size_mib']:.0f} MiB |", flush=True)
                shutil.rmtree(Path(scratch) / f"n{size}")
        return

    from generator.load.yaml_source import Loader

    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; PyYAML loader: {Loader.__name__}; "
          f"runs per figure: {args.runs} (median)\n")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            rows.append(measure(f"synthetic {size}", generate(Path(scratch) / f"n{size}", size), args.runs))
            print(f"done: {size}", file=sys.stderr, flush=True)
        if not args.no_real:
            real = Path(scratch) / "guide"  # a copy: the live preview's runs edit the first exercise
            shutil.copytree(REPO / "content", real / "content")
            config = (REPO / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
            (real / "mkdocs.yml").write_text(config.replace("assets: site_assets", f"assets: {REPO / 'site_assets'}"))
            rows.append(measure("the real guide", real / "mkdocs.yml", args.runs))
    print("| guide | pages | full build | per page | in memory (tmpfs) | per page | peak memory | output | MkDocs on the export"
          " | Zensical on the export | our parts (check / plan / files / sweep / service worker) | our share | our share in memory"
          " | after a step edit: build, our share | first build (no caches) | images encoded on rebuild |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        d = r["parts"]
        zensical = f"{r['zensical']:.2f} s" if r["zensical"] is not None else "not installed"
        if r["memory"]:
            seconds, ours = r["memory"]
            memory, memory_share = f"{seconds:.2f} s | {1000 * seconds / r['pages']:.1f} ms", f"{100 * ours / seconds:.0f}%"
        else:
            memory, memory_share = "– | –", "–"
        edited_seconds, edited_ours = r["edited"]
        print(f"| {r['label']} | {r['pages']} | {r['full']:.2f} s | {r['per_page_ms']:.1f} ms | {memory} | {r['peak_mib']} MiB | "
              f"{r['size_mib']:.1f} MiB | {r['plain_mkdocs']:.2f} s | {zensical} | "
              f"{r['ours']:.2f} s ({' / '.join(f'{d[k]:.2f}' for k in OURS)}) | "
              f"{100 * r['ours'] / r['full']:.0f}% | {memory_share} | {edited_seconds:.2f} s, {100 * edited_ours / edited_seconds:.0f}% | "
              f"{r['first']:.2f} s | {r['drawn_on_rebuild']} |")
    print("\nLive preview (`traction serve`): a save shown after an in-place update, median seconds per kind of edit:\n")
    print("| guide | " + " | ".join(EDITS) + " |")
    print("| --- |" + " ---: |" * len(EDITS))
    for r in rows:
        if r["updates"]:
            print(f"| {r['label']} | " + " | ".join(f"{r['updates'][k]:.2f} s" if k in r["updates"] else "–" for k in EDITS) + " |")
    print("\nLast build summaries:")
    for r in rows:
        print(f"- {r['label']}: {r['summary']}")


if __name__ == "__main__":
    main()
