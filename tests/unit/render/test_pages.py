"""Rendering through Jinja: golden files, order, anchors and escaping."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.load.content import load_content
from generator.render.pages import markdown_text, render_pages
from tests.conftest import edit

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


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
        text = re.sub(r'<script src="(\.\./)+assets/traction/js/[a-z]+\.js"></script>', "", text)  # our own files
        assert text.count("<script") == text.count('<script type="application/ld+json">')  # ours, data only
        assert "<img src=x" not in text
        assert "</script>" not in text.split('<script type="application/ld+json">')[-1][:-10]  # JSON-LD escapes it
    # Markdown syntax in the title (a Markdown heading) is neutralised too; the built HTML is checked
    # in tests/integration/test_site.py.
    assert "[click](" not in pages["exercises/childs-pose.md"].split("\n# ", 1)[1].splitlines()[0]


def test_markdown_text_escapes_markdown_and_html():
    assert markdown_text("Child's <b>pose</b> #1 *a*") == "Child&#39;s &lt;b&gt;pose&lt;/b&gt; \\#1 \\*a\\*"


REPO_ROOT = Path(__file__).resolve().parents[3]


def real_pages() -> dict[str, str]:
    from tests.conftest import REPO

    return render_pages(load_content(REPO / "content"))


def test_one_numbering_everywhere():
    """Parts 1–7, moves 1a–1d, 'instructions' inside an exercise: no page says 'step 3' any more."""
    import re

    pages = real_pages()
    hand_written = {f"pages/{p.name}": p.read_text() for p in (REPO_ROOT / "content" / "pages").glob("*.md")}
    assert hand_written
    for src, text in {**pages, **hand_written}.items():
        visible = re.sub(r"<[^>]*>", " ", text)
        assert not re.search(r"\b[Ss]teps? \d|\b(seven|first|earlier) steps\b", visible), src
    assert "Move 1b · Part 1 of 7: Upper back (thoracic spine)" in pages["exercises/roll-up-and-down.md"]
    assert "Part 3 of 7: Child&#39;s pose" in pages["exercises/childs-pose.md"]
    assert 'aria-label="Copy link to instruction 2"' in pages["exercises/childs-pose.md"]
    routine = pages["routines/full-sequence.md"]
    assert '<span class="traction-label">3</span> <a href="../../exercises/childs-pose/">' in routine
    assert '<span class="traction-label">1d</span>' in routine
    assert "3. Child&#39;s pose" in pages["cards/gentle-start.md"] and "1a. Side-to-side rolling" in pages["cards/gentle-start.md"]
    assert "Part 1: Upper back" in pages["index.md"] and "The sequence: 7 parts" in pages["index.md"]


def test_the_acute_pain_decision_says_one_thing():
    pages = real_pages()
    for src in ("index.md", "safety.md"):
        page = pages[src]
        decision = page.split('<section class="traction-decision"', 1)[1].split("</section>", 1)[0]
        assert "new and intense" in decision and "Yes:" in decision and "No:" in decision
        assert 'routines/gentle-start/"' in decision and "Open Gentle start" in decision
        assert "exercises/roll-side-to-side/" in decision  # "start at part 1"
        assert "no special plan" not in page and "first steps" not in page


def test_red_flags_come_in_three_tiers_with_matching_headings():
    pages = real_pages()
    for src in ("safety.md", "routines/full-sequence.md"):
        page = pages[src]
        emergency = page.split('id="red-flags-emergency"', 1)[1].split("</div>", 1)[0]
        today = page.split('id="red-flags-today"', 1)[1].split("</div>", 1)[0]
        before = page.split('id="red-flags-before-you-start"', 1)[1].split("</div>", 1)[0]
        assert "Go to an emergency department now" in emergency and "bladder" in emergency and "cancer" not in emergency
        assert "Contact your doctor today" in today and "Fever" in today
        assert "Check with your doctor before you start" in before and "cancer" in before
    card = pages["cards/full-sequence.md"]
    assert [h in card for h in ("Emergency department now", "Your doctor today", "Your doctor before you start")] == [True] * 3
    about = pages["about.md"]
    assert "NICE guideline NG59" in about and 'href="https://www.nice.org.uk/guidance/ng59"' in about


def test_cautions_sit_above_the_instructions_with_their_own_headings():
    pages = real_pages()
    page = pages["exercises/roll-up-and-down.md"]
    assert page.index("Keep the roller off your low back") < page.index("## How to do it")
    assert page.index("Brace your belly before you roll") < page.index("## How to do it")
    assert "Take care" not in page and "<details" not in page


def test_a_drawing_that_marks_the_stretched_part_names_it_under_the_caption(content_dir):
    """Blind readers took the marked part for an object (a ball) and asked for a key; seen from
    above, a marked back lies under the person and its stripes land on the chest, so the key names it."""
    seen = set()
    for path in (REPO_ROOT / "content", content_dir):
        content = load_content(path)
        pages = render_pages(content)
        for exercise in content.exercises.values():
            page = pages[f"exercises/{exercise.id}.md"]
            for figure in exercise.all_figures():
                block = page[page.index(f'id="figure-{figure.id}"'):]
                caption = block[: block.index("</figcaption>")]
                assert ("Striped: your " in caption) == figure.marks_stretch, figure.id
                seen.add((figure.kind, len(figure.stretched_parts)))
    assert {("pose", 1), ("pose", 2), ("placeholder", 0)} <= seen  # one part, two parts and none were looked at
    page = render_pages(load_content(REPO_ROOT / "content"))["exercises/seated-toe-touch.md"]
    assert "Striped: your upper back and low back, which this stretches." in page
    page = render_pages(load_content(REPO_ROOT / "content"))["exercises/roll-diagonal.md"]
    assert "Striped: your upper back, which this stretches." in page
