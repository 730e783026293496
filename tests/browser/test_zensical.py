"""Zensical as a second, tested engine: `traction build --engine zensical` builds the real guide
from the portable export, with the same pages, step anchors and pictures as MkDocs, and a search
that finds what patients type."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from generator.cards.browser import serve
from tests.conftest import REPO, traction

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = traction("build", "--engine", "zensical", "--site-dir", str(out), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Built " in result.stdout
    return out


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_the_same_pages_as_mkdocs(zensical_site, guide_site):
    assert pages(zensical_site) == pages(guide_site)


def test_every_step_anchor_and_picture_is_there(zensical_site):
    guide = json.loads((zensical_site / "api/guide.json").read_text(encoding="utf-8"))
    assert len(guide["exercises"]) == 10
    for exercise in guide["exercises"]:
        page = zensical_site / "exercises" / exercise["id"]
        html = (page / "index.html").read_text(encoding="utf-8")
        missing = [a["anchor"] for a in exercise["anchors"] if f'id="{a["anchor"]}"' not in html]
        assert missing == [], exercise["id"]
        pictures = re.findall(r'src="([^"#]+\.(?:webp|svg|png))(?:#[^"]*)?"', html)
        assert pictures, exercise["id"]
        # Resolved as a browser does for a site at the domain root (".." stops at the root):
        # Zensical 0.0.73 writes one "../" more than MkDocs into these relative paths.
        resolved = [posixpath.normpath(posixpath.join(f"/exercises/{exercise['id']}/", src)) for src in pictures]
        assert all((zensical_site / path.lstrip("/")).is_file() for path in resolved), exercise["id"]


def test_search_finds_a_patients_word(zensical_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(zensical_site) as url:
        page.goto(url)
        page.click(".md-search__button")
        page.keyboard.type("sciatica")
        # Zensical's search lives in a shadow root; Playwright's locators look inside it.
        page.get_by_text("When to stop").first.wait_for()
        page.keyboard.press("Escape")
        page.goto(url + "exercises/childs-pose/#step-sit-back")
        assert page.locator("#step-sit-back").is_visible()
    page.close()
    assert errors == []
