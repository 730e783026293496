"""Benchmark: build time, memory, output size and rebuild time for synthetic guides of 10, 100
and 1,000 exercises, and the real guide. Prints a Markdown report; asserts nothing.

Usage: python -m bench.run [--runs 3] [--sizes 10 100 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synthetic import generate

REPO = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak memory (MiB, the process and everything it ran) and stdout of a command."""
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
import json, time
from pathlib import Path
from generator.load.content import load_content
from generator.pipeline.site import plan_site
from generator.figures.store import FigureStore
root = Path({str(config.parent)!r})
t0 = time.perf_counter(); content = load_content(root / "content", {str(REPO / "site_assets")!r} and Path({str(REPO / "site_assets")!r}))
t1 = time.perf_counter(); hand = sorted(p.name for p in (root / "content" / "pages").glob("*.md"))
plan = plan_site(content, "http://127.0.0.1:8000/", hand)
t2 = time.perf_counter(); store = FigureStore(root / ".cache/traction/figures"); store.add_all(content)
t3 = time.perf_counter()
print(json.dumps({{"load": t1 - t0, "render": t2 - t1, "figures": t3 - t2, "drawn": store.drawn}}))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=ENV, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def rebuild_seconds(config: Path, runs: int) -> float:
    """What `traction serve` does after an edit: one in-process rebuild, median of ``runs``."""
    code = f"""
import os, statistics, time
from pathlib import Path
os.chdir({str(config.parent)!r})
from generator.adapters.serve import _build
_build(Path("mkdocs.yml"), "http://127.0.0.1:8000/")  # warm imports, as a running server is
times = []
target = sorted(Path("content/exercises").glob("*.yaml"))[0]
for n in range({runs}):
    target.write_text(target.read_text().replace("Go slowly.", "Go slowly!") if n % 2 == 0 else target.read_text().replace("Go slowly!", "Go slowly."))
    t = time.perf_counter(); out = _build(Path("mkdocs.yml"), "http://127.0.0.1:8000/"); times.append(time.perf_counter() - t)
print(statistics.median(times))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=ENV, capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def measure(label: str, config: Path, runs: int, pages_hint: str = "") -> dict:
    project = config.parent
    traction = [sys.executable, "-m", "generator"]
    timed([*traction, "build"], project)  # fill the figure cache: what follows is a normal rebuild
    builds = [timed([*traction, "build"], project) for _ in range(runs)]
    summary = builds[-1][2].strip().splitlines()[-1]
    pages = int(summary.split()[1])
    export_dir = Path(tempfile.mkdtemp(prefix="bench-export-"))
    timed([*traction, "export", "--out", str(export_dir)], project)
    plain = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(export_dir / "mkdocs.yml")], project)[0] for _ in range(runs)]
    ours = [generator_seconds(config) for _ in range(runs)]
    full = statistics.median(b[0] for b in builds)
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
        "rebuild": rebuild_seconds(config, runs),
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args()

    from generator.load.yaml_source import Loader

    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; PyYAML loader: {Loader.__name__}; "
          f"runs per figure: {args.runs} (median)\n")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            rows.append(measure(f"synthetic {size}", generate(Path(scratch) / f"n{size}", size), args.runs))
            print(f"done: {size}", file=sys.stderr, flush=True)
        real = Path(scratch) / "guide"
        real.mkdir()
        (real / "content").symlink_to(REPO / "content")
        config = (REPO / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
        (real / "mkdocs.yml").write_text(config.replace("assets: site_assets", f"assets: {REPO / 'site_assets'}"))
        rows.append(measure("the real guide", real / "mkdocs.yml", args.runs))
    print("| guide | pages | full build | per page | peak memory | output | plain MkDocs on the export"
          " | our generator (load / render+plan / figures) | our share | rebuild after one edit | images encoded on rebuild |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for r in rows:
        d = r["ours_detail"]
        print(f"| {r['label']} | {r['pages']} | {r['full']:.2f} s | {r['per_page_ms']:.1f} ms | {r['peak_mib']} MiB | {r['size_mib']:.1f} MiB | "
              f"{r['plain_mkdocs']:.2f} s | {r['ours']:.2f} s ({d['load']:.2f} / {d['render']:.2f} / {d['figures']:.2f}) | "
              f"{100 * r['ours'] / r['full']:.0f}% | {r['rebuild']:.2f} s | {r['drawn_on_rebuild']} |")
    print("\nLast build summaries:")
    for r in rows:
        print(f"- {r['label']}: {r['summary']}")


if __name__ == "__main__":
    main()
