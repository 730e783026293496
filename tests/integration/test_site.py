"""Build real sites with mkdocs --strict and read the HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import make_project, snapshot, traction


class Elements(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_every_page_exists(fixture_site: Path):
    for path in ["index.html", "safety/index.html", "about/index.html", "extra/index.html",
                 "exercises/childs-pose/index.html", "exercises/runners-lunge/index.html", "routines/both/index.html",
                 "api/guide.json", "assets/traction/css/traction.css"]:
        assert (fixture_site / path).is_file(), path


def test_steps_in_order_with_anchors(fixture_site: Path):
    html = (fixture_site / "exercises/childs-pose/index.html").read_text()
    ids = [a["id"] for tag, a in elements(html) if tag == "li" and (a.get("id") or "").startswith("step-")]
    assert ids == ["step-kneel", "step-sit-back", "step-place-knees", "step-reach-forward", "step-grip-floor", "step-sink-back", "step-hold"]
    assert "How long and how many" in html and "Hold for 3–5 breaths" in html
    assert 'class="admonition danger traction-stop"' in html
    assert "<details" not in html  # safety text is never folded away


def test_home_shows_the_sequence_in_order(fixture_site: Path):
    html = (fixture_site / "index.html").read_text()
    assert html.index('href="exercises/childs-pose/"') < html.index('href="exercises/runners-lunge/"')


def test_search_index_finds_titles_and_other_names(fixture_site: Path):
    index = json.loads((fixture_site / "search/search_index.json").read_text())
    by_location = {d["location"]: d for d in index["docs"]}
    childs = by_location["exercises/childs-pose/"]
    assert childs["title"] == "Child's pose"
    assert "Balasana" in childs["text"]
    assert "Psoas stretch" in by_location["exercises/runners-lunge/"]["text"]


def test_export_is_published(fixture_site: Path):
    data = json.loads((fixture_site / "api/guide.json").read_text())
    assert data["exercises"][0]["url"] == "http://127.0.0.1:8000/exercises/childs-pose/"
    assert {a["anchor"] for a in data["exercises"][0]["anchors"]} >= {"step-kneel", "cue-anchor-hands"}


def test_every_page_credits_the_source(fixture_site: Path):
    pages = [p for p in fixture_site.rglob("index.html") if "data-traction-redirect" not in p.read_text()]
    assert len(pages) >= 7
    for page in pages:
        html = page.read_text()
        assert "Treat Your Own Low Back Pain" in html and "Joe Uhan" in html, page
        assert re.search(r'href="[./]*/about/"', html), page


def test_hostile_content_never_runs_in_a_page(tmp_path: Path):
    project = make_project(tmp_path / "project")
    path = project / "content" / "exercises" / "childs-pose.yaml"
    text = path.read_text()
    text = text.replace("text: Kneel on the floor.", "text: '<script>alert(1)</script>'")
    text = text.replace("title: Child's pose", "title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))'")
    text = text.replace("  - Balasana", "  - '<svg onload=alert(1)>'")
    path.write_text(text)
    result = traction("build", cwd=project)
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        for tag, attrs in elements(html):
            assert tag not in {"img", "svg"} or "onerror" not in attrs and "onload" not in attrs, page
            assert not any(k.startswith("on") for k in attrs), (page, tag, attrs)
            assert not (attrs.get("href") or "").startswith("javascript:"), page
        assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (project / "site/exercises/childs-pose/index.html").read_text()


def test_two_builds_are_byte_identical(tmp_path: Path):
    first = make_project(tmp_path / "one")
    second = make_project(tmp_path / "two")
    assert traction("build", cwd=first).returncode == 0
    assert traction("build", cwd=second).returncode == 0
    assert snapshot(first / "site") == snapshot(second / "site")


def test_a_build_over_the_site_before_last_equals_a_fresh_build(tmp_path: Path):
    """`traction build` updates the site before last in place (adapters/in_place.py): whatever
    that folder holds (files since removed from the guide, files missing, a folder where a file
    goes) the result is the fresh build, byte for byte and file for file."""
    project = make_project(tmp_path / "project")
    for _ in range(2):  # the second build sets the first site aside for the third
        assert traction("build", cwd=project).returncode == 0
    (spare,) = (project / ".cache" / "traction").glob("site-before-last-*")
    (spare / "exercises" / "removed-long-ago").mkdir()
    (spare / "exercises" / "removed-long-ago" / "index.html").write_text("stale")
    (spare / ".traction-pages-123.json").write_text("{}")  # a killed second process's leftover
    (spare / "index.html").unlink()
    (spare / "index.html").mkdir()
    next((spare / "assets" / "figures").rglob("*.webp")).unlink()
    (spare / "about" / "index.html").unlink()
    path = project / "content" / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("steps:\n", "steps:\n  - id: breathe-out\n    text: Breathe out slowly.\n", 1))
    assert traction("build", cwd=project).returncode == 0
    assert not (spare / "exercises" / "removed-long-ago").exists()  # taken; the last site is set aside there now
    fresh = make_project(tmp_path / "fresh")
    (fresh / "content" / "exercises" / "childs-pose.yaml").write_bytes(path.read_bytes())
    (fresh / "content" / "links.yaml").write_bytes((project / "content" / "links.yaml").read_bytes())
    assert traction("build", cwd=fresh).returncode == 0
    assert snapshot(project / "site") == snapshot(fresh / "site")


def test_the_guide_builds_byte_identically_with_a_cold_figure_cache(guide_site: Path, tmp_path: Path):
    from tests.conftest import REPO

    project = make_project(tmp_path / "project", REPO / "content")
    result = traction("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "New links recorded" not in result.stdout  # the committed registry is complete
    assert snapshot(project / "site") == snapshot(guide_site)


def test_two_processes_build_the_same_site_as_one(guide_site: Path, tmp_path: Path):
    """guide_site was built by `traction build`, which renders every other page in a forked
    second process (adapters/two_cores.py); here everything is rendered in one."""
    from tests.conftest import REPO

    project = make_project(tmp_path / "project", REPO / "content")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - traction:\n", "  - traction:\n      two_cores: false\n"))
    result = traction("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "site") == snapshot(guide_site)  # pages, search index and sitemap alike


def test_a_card_picture_is_described_as_the_card_prints_it(guide_site: Path):
    """A card prints one frame of a drawing: its alt text is the figure's card_alt, not the alt that
    walks through every frame."""
    from generator.cards.card import card_figure
    from generator.load.content import load_content
    from tests.conftest import REPO

    content = load_content(REPO / "content", REPO / "site_assets")
    shown = {f.id: f for f in map(card_figure, content.exercises.values()) if f is not None}
    pictures = {}
    for page in (guide_site / "cards").glob("*/index.html"):
        for tag, attrs in elements(page.read_text()):
            if tag == "img" and "traction-card__thumb" in (attrs.get("class") or ""):
                pictures[Path(attrs["src"] or "").name.removesuffix("-card.svg")] = attrs["alt"]
    assert pictures and set(pictures) <= set(shown)
    for figure_id, alt in pictures.items():
        figure = shown[figure_id]
        assert alt == figure.card_text
        if figure.pose is not None and len(figure.pose.frames) > 1:
            assert alt != figure.alt and "two pictures" not in alt and "1:" not in alt


def test_the_service_worker_names_the_bytes_on_disk(guide_site: Path):
    """sw.js's cache must change whenever a precached file does. The build takes the digests of
    pages and generated files from memory, as it writes them; here every file but the figures
    is read back from disk, and the figures are named by their cache folder, as the build does."""
    from generator.render.service_worker import cache_name, precache_files
    from tests.conftest import REPO

    by_inode = {p.stat().st_ino: p for p in (REPO / ".cache/traction/figures").rglob("*") if p.is_file()}
    files = precache_files(guide_site, ["assets/javascripts/lunr/*"])
    known = {}
    for name in files:
        if name.startswith("assets/figures/"):
            cached = by_inode[(guide_site / name).stat().st_ino]  # a hard link into the figure cache
            known[name] = f"{cached.parent.name}/{cached.name}"
    assert len(known) > 20
    assert f'"{cache_name(guide_site, files, known)}"' in (guide_site / "sw.js").read_text()
