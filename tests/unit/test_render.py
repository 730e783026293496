"""Rendering through Jinja: golden files, order, anchors and escaping."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content import load_content
from generator.render import markdown_text, render_pages

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_match_golden_files(content_dir):
    """Set TRACTION_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change."""
    pages = render_pages(load_content(content_dir))
    if os.environ.get("TRACTION_UPDATE_GOLDEN"):
        for src, text in pages.items():
            (GOLDEN / src).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / src).write_text(text, encoding="utf-8")
    expected = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert sorted(pages) == expected
    for src, text in pages.items():
        assert text == (GOLDEN / src).read_text(encoding="utf-8"), src


def test_rendering_is_deterministic(content_dir):
    assert render_pages(load_content(content_dir)) == render_pages(load_content(content_dir))


def test_steps_keep_their_order_and_anchors(content_dir):
    page = render_pages(load_content(content_dir))["exercises/childs-pose.md"]
    ids = ["kneel", "sit-back", "place-knees", "reach-forward", "grip-floor", "sink-back", "hold"]
    positions = [page.index(f'<li id="step-{i}"') for i in ids]
    assert positions == sorted(positions)


def test_routine_uses_its_own_dosage(content_dir):
    page = render_pages(load_content(content_dir))["routines/both.md"]
    assert "Hold for 20 seconds · Do it 2 times on each side" in page
    assert "Hold for 3–5 breaths · Do it 3–10 times" in page
    assert 'href="../../exercises/runners-lunge/"' in page


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "{: onclick=alert(1) }",
    ],
)
def test_content_text_never_becomes_markup(content_dir, hostile):
    path = content_dir / "exercises" / "childs-pose.yaml"
    quoted = hostile.replace("'", "''")
    edit(path, "text: Kneel on the floor.", f"text: '{quoted}'")
    edit(path, "title: Child's pose", f"title: '{quoted}'")
    edit(path, "  - Balasana", f"  - '{quoted}'")
    pages = render_pages(load_content(content_dir))
    for text in (pages["exercises/childs-pose.md"], pages["index.md"], pages["routines/both.md"]):
        assert text.count("<script") == text.count('<script type="application/ld+json">')  # ours, data only
        assert "<img src=x" not in text
        assert "</script>" not in text.split('<script type="application/ld+json">')[-1][:-10]  # JSON-LD escapes it
    # Markdown syntax in the title (a Markdown heading) is neutralised too; the built HTML is checked
    # in tests/integration/test_site.py.
    assert "[click](" not in pages["exercises/childs-pose.md"].split("\n# ", 1)[1].splitlines()[0]


def test_markdown_text_escapes_markdown_and_html():
    assert markdown_text("Child's <b>pose</b> #1 *a*") == "Child&#39;s &lt;b&gt;pose&lt;/b&gt; \\#1 \\*a\\*"
