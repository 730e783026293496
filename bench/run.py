"""Benchmark: build time, memory, output size and rebuild time for synthetic guides of 10, 100
and 1,000 exercises, and the real guide. Prints a Markdown report; asserts nothing.

Usage: python -m bench.run [--runs 3] [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import generate

REPO = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak memory (MiB, the process and everything it ran) and stdout of a command.
    The disk is flushed first, so one run's writes do not slow the next one down."""
    os.sync()
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
        "print(r.stdout[-2000:])\n"
        "sys.stderr.write(r.stderr[-3000:] if r.returncode else '')\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, env=ENV, capture_output=True, text=True, check=True)
    head, _, out = result.stdout.partition("\n")
    seconds, rss_kib, code = head.split()
    if code != "0":
        raise RuntimeError(f"{command} failed:\n{result.stderr}")
    return float(seconds), int(rss_kib) // 1024, out


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def generator_seconds(config: Path) -> dict[str, float]:
    """Our own work, in-process: load + validate, render + plan, figures (cache warm)."""
    code = f"""
import json, os, time
from pathlib import Path
from generator.load.content import load_content
from generator.pipeline.site import plan_site
from generator.figures.store import FigureStore
root = Path({str(config.parent)!r})
os.chdir(root)  # as `traction build` runs: the parse cache knows files by the path it shows
t0 = time.perf_counter(); content = load_content(root / "content", Path({str(REPO / "site_assets")!r}), root / ".cache/traction/poses")
t1 = time.perf_counter(); hand = sorted(p.name for p in (root / "content" / "pages").glob("*.md"))
plan = plan_site(content, "http://127.0.0.1:8000/", hand)
t2 = time.perf_counter(); store = FigureStore(root / ".cache/traction/figures"); store.add_all(content)
t3 = time.perf_counter()
print(json.dumps({{"load": t1 - t0, "render": t2 - t1, "figures": t3 - t2, "drawn": store.drawn}}))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=ENV, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


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


def in_memory(project: Path, runs: int) -> float | None:
    """The same build with the project and its output in memory (tmpfs), where there is one:
    what the build costs without this machine's disk, whose writes vary from run to run."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return None
    copy = Path(tempfile.mkdtemp(prefix="bench-", dir=shm))
    try:
        shutil.copytree(project, copy / "project", symlinks=True)
        build = [sys.executable, "-m", "generator", "build"]
        timed(build, copy / "project")
        return statistics.median(timed(build, copy / "project")[0] for _ in range(runs))
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def zensical_seconds(export_dir: Path, runs: int) -> float | None:
    """Zensical on the same exported Markdown (None when it is not installed)."""
    from generator.adapters.zensical_build import zensical_installed

    if not zensical_installed():
        return None
    return statistics.median(timed([sys.executable, "-m", "zensical", "build"], export_dir)[0] for _ in range(runs))


def scale(label: str, config: Path) -> dict:
    """A build of a big guide, for time and memory only: the first (figure cache empty, link
    registry written) and a second."""
    traction = [sys.executable, "-m", "generator"]
    first = timed([*traction, "build"], config.parent)
    second = timed([*traction, "build"], config.parent)
    pages = int(second[2].strip().splitlines()[-1].split()[1])
    return {"label": label, "pages": pages, "first": first[0], "full": second[0], "peak_mib": max(first[1], second[1]),
            "size_mib": size_mib(config.parent / "site")}


def measure(label: str, config: Path, runs: int) -> dict:
    project = config.parent
    traction = [sys.executable, "-m", "generator"]
    timed([*traction, "build"], project)  # fill the figure cache: what follows is a normal rebuild
    builds = [timed([*traction, "build"], project) for _ in range(runs)]
    summary = builds[-1][2].strip().splitlines()[-1]
    pages = int(summary.split()[1])
    export_dir = Path(tempfile.mkdtemp(prefix="bench-export-"))
    timed([*traction, "export", "--out", str(export_dir)], project)
    plain = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(export_dir / "mkdocs.yml")], project)[0] for _ in range(runs)]
    zensical = zensical_seconds(export_dir, runs)
    ours = [generator_seconds(config) for _ in range(runs)]
    full = statistics.median(b[0] for b in builds)
    memory = in_memory(project, runs)
    shutil.rmtree(project / ".cache" / "traction" / "figures", ignore_errors=True)
    first = timed([*traction, "build"], project)[0]  # no figure cache: every figure drawn
    return {
        "label": label,
        "pages": pages,
        "full": full,
        "per_page_ms": 1000 * full / pages,
        "peak_mib": max(b[1] for b in builds),
        "size_mib": size_mib(project / "site"),
        "plain_mkdocs": statistics.median(plain),
        "ours": statistics.median(o["load"] + o["render"] + o["figures"] for o in ours),
        "ours_detail": {k: statistics.median(o[k] for o in ours) for k in ("load", "render", "figures")},
        "drawn_on_rebuild": ours[-1]["drawn"],
        "zensical": zensical,
        "memory": memory,
        "first": first,
        "updates": update_seconds(config, runs) if pages < 5000 else {},  # 10,000: the build alone
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
            print("| exercises | pages | first build | second build | per page | peak memory | output |")
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
          " | Zensical on the export | our generator (load / render+plan / figures) | our share | first build (no figure cache) |"
          " images encoded on rebuild |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for r in rows:
        d = r["ours_detail"]
        zensical = f"{r['zensical']:.2f} s" if r["zensical"] is not None else "not installed"
        memory = f"{r['memory']:.2f} s | {1000 * r['memory'] / r['pages']:.1f} ms" if r["memory"] else "– | –"
        print(f"| {r['label']} | {r['pages']} | {r['full']:.2f} s | {r['per_page_ms']:.1f} ms | {memory} | {r['peak_mib']} MiB | "
              f"{r['size_mib']:.1f} MiB | {r['plain_mkdocs']:.2f} s | {zensical} | "
              f"{r['ours']:.2f} s ({d['load']:.2f} / {d['render']:.2f} / {d['figures']:.2f}) | "
              f"{100 * r['ours'] / r['full']:.0f}% | {r['first']:.2f} s | {r['drawn_on_rebuild']} |")
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
