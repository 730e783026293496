"""Print figure sizes and render times for the guide: solving every pose cold, a cold render of every
figure (empty cache, all cores), and a warm one (everything cached). Figures only; no assertions.
Usage: python scripts/bench_figures.py"""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from generator.figures import solve
from generator.figures.store import FigureStore
from generator.load.content import load_content

REPO = Path(__file__).resolve().parent.parent
RUNS = 3


def main() -> None:
    solving, cold, warm = [], [], []
    for _ in range(RUNS):
        solve._MEMORY.clear()  # solve every pose again: no memory, no disk cache
        start = time.perf_counter()
        content = load_content(REPO / "content", REPO / "site_assets")
        solving.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as cache:
            start = time.perf_counter()
            store = FigureStore(Path(cache))
            files = store.add_all(content)
            cold.append(time.perf_counter() - start)
            drawn = store.drawn
            start = time.perf_counter()
            again = FigureStore(Path(cache))
            again.add_all(content)
            warm.append(time.perf_counter() - start)
            sizes = {site: path.stat().st_size for site, path in files.items()}
            svg_gz = {site: len(gzip.compress(path.read_bytes(), mtime=0)) for site, path in files.items() if site.endswith(".svg")}
    frames = sum(len(f.pose.frames) for e in content.exercises.values() for f in e.all_figures() if f.pose)
    print(f"{'figure':58} {'svg gz':>7} {'card gz':>8} {'1x webp':>8} {'dark 1x':>8} {'2x webp':>8} {'print png':>10}")
    for site in sorted(s for s in sizes if s.endswith(".svg") and not s.endswith("-card.svg")):
        stem = site.removesuffix(".svg")
        print(f"{stem.removeprefix('assets/figures/'):58} {svg_gz[site]:>7,} {svg_gz[stem + '-card.svg']:>8,} "
              f"{sizes[stem + '-400.webp']:>8,} {sizes[stem + '-dark-400.webp']:>8,} {sizes[stem + '-800.webp']:>8,} "
              f"{sizes[stem + '-print.png']:>10,}")
    one_x = [v for k, v in sizes.items() if k.endswith("-400.webp")]
    pages = [v for k, v in svg_gz.items() if not k.endswith("-card.svg")]
    print(f"\nfigures: {drawn} ({frames} frames); 1x WebP: max {max(one_x):,} B, median {statistics.median(one_x):,.0f} B (limit 20,480 B)")
    print(f"SVG master gzipped: max {max(pages):,} B, median {statistics.median(pages):,.0f} B (limit 8,192 B)")
    print(f"load + solve every pose, cold: median {statistics.median(solving):.2f} s over {RUNS} runs")
    print(f"render, empty cache (all cores): median {statistics.median(cold):.2f} s over {RUNS} runs; drew {drawn}")
    print(f"render, all cached: median {statistics.median(warm) * 1000:.1f} ms over {RUNS} runs; drew {again.drawn}, cached {again.cached}")


if __name__ == "__main__":
    main()
