"""Print figure sizes and cache behaviour for the guide: a cold build (empty cache) against a warm
one (everything cached). Figures only; no assertions. Usage: python scripts/bench_figures.py"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from generator.content import load_content
from generator.figures.store import FigureStore

REPO = Path(__file__).resolve().parent.parent
RUNS = 3


def main() -> None:
    content = load_content(REPO / "content", REPO / "site_assets")
    cold, warm = [], []
    for _ in range(RUNS):
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
    print(f"{'figure':55} {'1x webp':>8} {'2x webp':>8} {'print png':>10}")
    for site in sorted(s for s in sizes if s.endswith("-400.webp")):
        stem = site.removesuffix("-400.webp")
        print(f"{stem.removeprefix('assets/figures/'):55} {sizes[site]:>8,} {sizes[stem + '-800.webp']:>8,} {sizes[stem + '-print.png']:>10,}")
    one_x = [v for k, v in sizes.items() if k.endswith("-400.webp")]
    print(f"\nfigures: {drawn}; 1x WebP: max {max(one_x):,} B, median {statistics.median(one_x):,.0f} B (limit 20,480 B)")
    print(f"cold build (empty cache): median {statistics.median(cold):.2f} s over {RUNS} runs; encoded {drawn}")
    print(f"warm build (all cached):  median {statistics.median(warm) * 1000:.1f} ms over {RUNS} runs; encoded {again.drawn}, cached {again.cached}")


if __name__ == "__main__":
    main()
