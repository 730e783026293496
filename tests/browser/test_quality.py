"""Quality gates on the real guide as built: accessibility (axe-core, WCAG 2.2 AA, light and dark),
keyboard use, privacy (no request leaves this machine), page weight, structured data, search and links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.load.content import load_content
from generator.qa.page_weight import BUDGET_BYTES, BUDGET_ELEMENTS, measure
from generator.qa.site_check import broken_links
from tests.conftest import REPO

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def site_pages(site: Path) -> list[str]:
    """Every page of a built site (redirect stubs left out), as site paths."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "data-traction-redirect" not in p.read_text()
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(browser, guide_site, guide_url, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    pages = site_pages(guide_site) + ["404.html"]
    assert len(pages) >= 20
    for path in pages:
        page.goto(guide_url + path)
        if not path.startswith("cards/"):  # cards are black on white in both palettes, for print
            wanted = "slate" if scheme == "dark" else "default"
            page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{wanted}'")
        violations = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}}).response["violations"]
        if violations:
            found[path] = [(v["id"], v["nodes"][0]["target"]) for v in violations]
    context.close()
    assert found == {}


def test_no_request_leaves_the_machine_and_pages_stay_light(browser, guide_site, guide_url):
    for path in site_pages(guide_site):
        weight = measure(browser, guide_url, guide_site, path)
        assert weight.outside_hosts == (), path
        if path.startswith("exercises/"):
            assert weight.gzipped_bytes < BUDGET_BYTES, (path, weight)
            assert weight.elements < BUDGET_ELEMENTS, (path, weight)


def focus_trail(page, presses: int = 120) -> list[dict]:
    trail = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        trail.append(page.evaluate(
            """() => {
              const el = document.activeElement, style = getComputedStyle(el);
              return {cls: el.className || '', tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
                      label: el.getAttribute('aria-label') || '',
                      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none'};
            }"""
        ))
    return trail


def test_keyboard_reaches_search_copy_links_and_print(browser, guide_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(guide_url + "exercises/childs-pose/")
    patient = focus_trail(page)
    assert not [t for t in patient if "traction-copy" in t["cls"]]  # a patient's Tab skips clinician controls
    shares = [t for t in patient if t["text"] == "Share this exercise"]
    assert shares and all(t["visible"] for t in shares)
    page.goto(guide_url + "exercises/childs-pose/")  # Tab from the top again, in clinician mode
    page.get_by_label("Show a link and a short code beside each instruction").check()
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    trail = focus_trail(page)
    search = [t for t in trail if "md-search__input" in t["cls"]]
    copies = [t for t in trail if "traction-copy" in t["cls"]]
    assert search and len({t["label"] for t in copies}) == 7  # every instruction's control, each reached
    assert all(t["visible"] for t in search + copies)
    page.goto(guide_url + "cards/full-sequence/")
    prints = [t for t in focus_trail(page, 40) if t["text"] == "Print this card"]
    assert prints and all(t["visible"] for t in prints)
    page.close()


def test_figures_have_meaningful_alt_text(browser, guide_site):
    for html_file in (guide_site / "exercises").rglob("index.html"):
        for alt in re.findall(r'<img [^>]*alt="([^"]*)"', html_file.read_text()):
            assert len(alt.split()) >= 6 and not re.search(r"\.(png|webp|jpe?g)\b", alt), (html_file, alt)


def test_structured_data_matches_the_content(guide_site):
    content = load_content(REPO / "content", REPO / "site_assets")
    for exercise in content.exercises.values():
        html = (guide_site / "exercises" / exercise.id / "index.html").read_text()
        (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(raw)
        assert data["@type"] == "MedicalWebPage" and data["name"] == exercise.title
        assert data["lastReviewed"] == content.guide.review.last_reviewed.isoformat()
        assert data["author"]["name"] == content.guide.review.written_by
        steps = data["mainEntity"]["step"]
        assert [s["text"] for s in steps] == [s.text for s in exercise.steps]
        assert [s["position"] for s in steps] == list(range(1, len(exercise.steps) + 1))
        assert len(data["mainEntity"]["image"]) == len(exercise.figures)
        plan = data["about"]
        amount = exercise.dosage.hold or exercise.dosage.duration
        assert (plan["activityDuration"]["minValue"], plan["activityDuration"]["maxValue"]) == (amount.min, amount.max)
        if not isinstance(exercise.dosage.repetitions, str) and exercise.dosage.repetitions:
            assert plan["repetitions"]["minValue"] == exercise.dosage.repetitions.min


ROLLING = {"roll-side-to-side", "roll-up-and-down", "roll-arch-over", "roll-diagonal"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("prone press-up", {"upward-dog"}),  # another name
        ("supine twist", {"trunk-rotation"}),
        ("psoas", {"runners-lunge"}),  # a clinician's term
        ("foam roller", ROLLING),  # a prop
        ("rib cage", ROLLING),  # a body region
        ("sacrum", {"boogie-board-stretch", "childs-pose", "seated-toe-touch"}),
    ],
)
def test_search_box_finds_the_right_page(browser, guide_url, query, expected):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(guide_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="visible", timeout=10_000)
    first.click()
    page.wait_for_load_state()
    landed = page.url.removeprefix(guide_url).split("?")[0].split("#")[0]
    assert landed in {f"exercises/{e}/" for e in expected}, landed
    page.close()


def test_every_internal_link_and_anchor_resolves(guide_site):
    assert broken_links(guide_site) == []


def test_the_link_check_finds_a_broken_anchor(tmp_path):
    (tmp_path / "index.html").write_text('<a href="other/#nowhere">x</a><a href="missing/">y</a>')
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text('<p id="here"></p>')
    assert broken_links(tmp_path) == ["index.html: other/#nowhere (no such anchor)", "index.html: missing/"]


def test_no_script_errors_on_any_page(browser, guide_site, guide_url):
    """Every page, the card pages included, loads without an uncaught error or a console error."""
    page = browser.new_page()
    errors: list[tuple[str, str]] = []
    current = {"path": ""}
    page.on("pageerror", lambda error: errors.append((current["path"], str(error))))
    def console(message) -> None:  # the deliberate 404 itself is logged by Chromium; anything else counts
        if message.type == "error" and not (current["path"].startswith("s/NO-SUCH") and "status of 404" in message.text):
            errors.append((current["path"], message.text))

    page.on("console", console)
    for path in site_pages(guide_site) + ["404.html", "s/NO-SUCH-CODE/"]:
        current["path"] = path
        page.goto(guide_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
    assert errors == []
    page.close()


def test_the_script_error_check_can_fail(browser, guide_url):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(guide_url)
    page.add_script_tag(content="throw new Error('boom')")
    page.wait_for_timeout(100)
    assert errors and "boom" in errors[0]
    page.close()
