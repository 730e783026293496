"""The benchmark's synthetic guides are valid content and build, and a build reports the time of
its parts for the benchmark (no timings are asserted)."""

from __future__ import annotations

import json

from bench.synthetic import generate
from generator.load.content import load_content
from tests.conftest import traction


def test_synthetic_guide_validates_and_builds(tmp_path):
    config = generate(tmp_path / "synthetic", 23)
    content = load_content(config.parent / "content")
    assert len(content.exercises) == 23 and len(content.guide.stages) == 3
    assert all(len(r.exercises) <= 10 for r in content.routines.values())
    parts = tmp_path / "parts.json"
    result = traction("build", cwd=config.parent, env={"TRACTION_TIMINGS": str(parts)})
    assert result.returncode == 0, result.stderr
    assert set(json.loads(parts.read_text())) == {"check", "plan", "files", "sweep", "service worker", "swap"}
    assert "Built 32 pages · 23 exercises · 23 figures (20 drawn, 3 cached)" in result.stdout  # 20 distinct poses
    assert (config.parent / "site/exercises/exercise-0023/index.html").is_file()
