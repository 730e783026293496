"""The navigation: sequence order, and long guides grouped so each page's nav stays small."""

from __future__ import annotations

from typing import Any

from bench.synthetic import generate
from generator.load.content import load_content
from generator.render.navigation import GROUP_ABOVE, grouped, navigation
from tests.conftest import REPO


def _leaves(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        return [leaf for value in entry.values() for leaf in _leaves(value)]
    return [leaf for item in entry for leaf in _leaves(item)]


def _parts(nav: list[Any]) -> list[Any]:
    return next(e for e in nav if isinstance(e, dict) and "The exercises, in order" in e)["The exercises, in order"]


def test_a_short_guide_lists_its_stages_directly():
    content = load_content(REPO / "content", REPO / "site_assets")
    parts = _parts(navigation(content, []))
    assert len(content.guide.stages) <= GROUP_ABOVE
    assert [next(iter(p)) for p in parts][:2] == ["1. Upper back (thoracic spine)", "2. Boogie board stretch"]


def test_a_long_guide_groups_its_stages_by_ten(tmp_path):
    content = load_content(generate(tmp_path / "big", 130).parent / "content", None, tmp_path / "poses")  # 13 stages of 10
    nav = navigation(content, [])
    parts = _parts(nav)
    assert [next(iter(p)) for p in parts] == ["Parts 1 to 10", "Parts 11 to 13"]
    assert [next(iter(s)) for s in parts[1]["Parts 11 to 13"]] == [f"{n}. Stage {n}" for n in range(11, 14)]
    sequence = [leaf for leaf in _leaves(parts)]
    assert sequence == [f"exercises/{e}.md" for e in content.exercises]  # every exercise once, in order
    # no page's nav shows more than about thirty entries: groups, the stages of one group, the moves of one stage
    assert len(parts) + max(len(g) for p in parts for g in p.values()) + 10 <= 30


def test_a_very_long_guide_groups_its_groups():
    stages = [(n, n, {f"{n}. Stage {n}": f"exercises/e{n}.md"}) for n in range(1, 1001)]
    top = grouped(stages, "Parts {first} to {last}")
    assert [next(iter(g)) for g in top] == [f"Parts {n} to {n + 99}" for n in range(1, 1001, 100)]
    second = top[0]["Parts 1 to 100"]
    assert [next(iter(g)) for g in second][:2] == ["Parts 1 to 10", "Parts 11 to 20"]
    assert next(iter(second[0]["Parts 1 to 10"][0])) == "1. Stage 1"
    assert _leaves(top) == [f"exercises/e{n}.md" for n in range(1, 1001)]  # each once, in order
    assert grouped(stages[:12], "{first}-{last}") == [e for _, _, e in stages[:12]]  # short: as it is
