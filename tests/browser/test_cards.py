"""Routine cards in a real browser: one page on A4 and on Letter, readable sizes, working QR codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from generator.cards.browser import serve
from generator.cards.card import CARD_TEXT_MAX
from tests.conftest import make_project, traction

pytestmark = pytest.mark.browser

PT = 4 / 3  # CSS pixels per point


def routines(site: Path) -> list[dict]:
    return json.loads((site / "api/guide.json").read_text())["routines"]


def pdf_pages(page, paper: str) -> int:
    return len(PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True))).pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_card_prints_on_exactly_one_page(browser, guide_site, guide_url, paper):
    page = browser.new_page()
    cards = routines(guide_site)
    assert len(cards) >= 3
    for routine in cards:
        page.goto(guide_url + f"cards/{routine['id']}/")
        assert pdf_pages(page, paper) == 1, routine["id"]
    page.close()


def test_a_full_card_at_capacity_still_fits(browser, tmp_path):
    """Ten exercises with the longest card cues allowed, in both paper sizes."""
    project = make_project(tmp_path / "project")
    routine = project / "content" / "routines" / "both.yaml"
    items = "".join(f"  - exercise: {'childs-pose' if i % 2 else 'runners-lunge'}\n" for i in range(10))
    words = "People who have tried both stretches before and felt fine doing them. " * 4
    longest = {key: words[:most].strip() for key, most in CARD_TEXT_MAX.items()}  # the longest texts check allows
    head = routine.read_text().split("exercises:")[0].replace("for_whom: Anyone who has tried both stretches before.", f"for_whom: {longest['for_whom']}")
    routine.write_text(head + f"progression: {longest['progression']}\nexercises:\n" + items)
    for name in ("childs-pose", "runners-lunge"):
        path = project / "content" / "exercises" / f"{name}.yaml"
        text = path.read_text()
        cue_start = text.index("cues:\n")
        long_cue = "  - id: long-card-cue\n    card: true\n    text: " + ("Breathe out slowly as you go. " * 4)[:100].strip() + "\n"
        path.write_text(text[: cue_start + 6] + long_cue + text[cue_start + 6 :])
    long_address = {"TRACTION_SITE_URL": "https://physio-clinic.example.org/guides/low-back/"}  # longer printed addresses
    assert traction("build", cwd=project, env=long_address).returncode == 0
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url + "cards/both/")
        assert page.locator(".traction-card--double").count() == 1
        assert pdf_pages(page, "A4") == 1 and pdf_pages(page, "Letter") == 1
        page.close()


def test_printed_text_is_large_enough(browser, guide_site, guide_url):
    page = browser.new_page()
    page.emulate_media(media="print")
    for routine in routines(guide_site):
        page.goto(guide_url + f"cards/{routine['id']}/")
        sizes = page.evaluate(
            """() => {
              const out = {text: Infinity, heading: Infinity};
              const walker = document.createTreeWalker(document.querySelector('.traction-card'), NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode, el = node.parentElement;
                if (!node.textContent.trim() || el.closest('svg') || el.offsetParent === null) continue;
                const size = parseFloat(getComputedStyle(el).fontSize);
                const kind = el.closest('h1, h2') ? 'heading' : 'text';
                out[kind] = Math.min(out[kind], size);
              }
              return out;
            }"""
        )
        assert sizes["text"] >= 11 * PT - 0.01, (routine["id"], sizes)
        assert sizes["heading"] >= 14 * PT - 0.01, (routine["id"], sizes)
    page.close()


def decode(element) -> str:
    image = Image.open(io.BytesIO(element.screenshot()))
    (result,) = zxingcpp.read_barcodes(image)
    return result.text


def test_qr_codes_point_at_the_right_pages(browser, guide_site, guide_url):
    page = browser.new_page(device_scale_factor=2)
    exported = json.loads((guide_site / "api/guide.json").read_text())
    exercise_urls = {e["id"]: e["url"] for e in exported["exercises"]}
    checked = 0
    for routine in exported["routines"]:
        page.goto(guide_url + f"cards/{routine['id']}/")
        assert decode(page.locator(".traction-card__qr svg")) == routine["url"]
        item_codes = page.locator(".traction-card__item-qr svg")
        for i in range(item_codes.count()):
            assert decode(item_codes.nth(i)) == exercise_urls[routine["exercises"][i]["exercise"]]
            checked += 1
    assert checked >= 4  # the four-exercise card has a code per exercise
    page.close()


def test_qr_codes_follow_the_published_address(tmp_path):
    project = make_project(tmp_path / "project")
    result = traction("build", cwd=project, env={"TRACTION_SITE_URL": "https://clinic.example/back/"})
    assert result.returncode == 0, result.stderr
    data = json.loads((project / "site/api/guide.json").read_text())
    assert data["routines"][0]["url"] == "https://clinic.example/back/routines/both/"
    assert data["routines"][0]["card_url"] == "https://clinic.example/back/cards/both/"
    assert "https://clinic.example/back/routines/both/" in (project / "site/cards/both/index.html").read_text()


def test_exercise_page_prints_without_site_chrome(browser, guide_url):
    page = browser.new_page()
    page.goto(guide_url + "exercises/runners-lunge/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Runner" in text and "How to do it" in text
    assert "When to stop" in text  # the safety box prints
    for chrome in ["Table of contents", "Why it works", "About this guide", "Search", "Previous", "Next"]:
        assert chrome not in text, chrome
    page.close()


def test_card_pdfs_are_written_and_linked(tmp_path):
    project = make_project(tmp_path / "project")
    result = traction("build", "--card-pdfs", cwd=project)
    assert result.returncode == 0, result.stderr
    card_dir = project / "site" / "cards" / "both"
    for paper in ("a4", "letter"):
        pdf = card_dir / f"both-{paper}.pdf"
        assert len(PdfReader(pdf).pages) == 1
        assert f'href="both-{paper}.pdf"' in (card_dir / "index.html").read_text()
    out = tmp_path / "pdfs"
    result = traction("cards", "--pdf", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["both-a4.pdf", "both-letter.pdf"]


def test_a_full_custom_card_still_fits(browser, guide_site, guide_url):
    """Ten exercises with sets, and the longest title, how-often line and note the builder takes."""
    import urllib.parse

    exported = json.loads((guide_site / "api/guide.json").read_text())
    items = "~".join(f"{e['id']}.s3" for e in exported["exercises"][:10])
    fields = {"t": "T" * 60, "often": "O " * 30, "note": ("Go gently and stop at any sharp pain. " * 5)[:140], "v": "1"}
    page = browser.new_page()
    page.goto(guide_url + "builder/#x=" + items + "&" + urllib.parse.urlencode(fields))
    assert page.locator("#traction-builder-card .traction-card__item").count() == 10
    assert page.locator("#traction-builder-card .traction-card__list").evaluate("el => getComputedStyle(el).display") == "grid"
    assert pdf_pages(page, "A4") == 1 and pdf_pages(page, "Letter") == 1
    page.close()


# What the static and the builder card must both say (the title, needs, how long, how often, every
# exercise, the warning signs and the headings), read from the page. The routine's own texts
# (for whom, progression) and the routine's address are not on a custom card.
SAME_TEXT = "h1, .traction-card__meta-col > div:not(:only-child), .traction-card__item, .traction-card__stop, .traction-card__week h2, .traction-card__note h2"


def card_parts(page, card: str) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(card).locator(SAME_TEXT).all_inner_texts()]


@pytest.mark.parametrize("routine", ["thoracic-reset", "full-sequence"])  # one and two columns
def test_the_builder_card_says_what_the_routine_card_says(browser, guide_site, guide_url, routine):
    """The card markup exists once: the builder clones the routine card's template."""
    import urllib.parse

    exported = next(r for r in routines(guide_site) if r["id"] == routine)
    page = browser.new_page()
    page.goto(guide_url + f"cards/{routine}/")
    static = card_parts(page, "#card")
    layout = page.locator("#card").get_attribute("class")
    static_foot = page.locator("#card .traction-card__foot").inner_text()
    ids = "~".join(e["exercise"] for e in exported["exercises"])
    page.goto(guide_url + "builder/#" + urllib.parse.urlencode({"x": ids, "t": exported["title"]}, safe="~"))
    built = card_parts(page, "#traction-builder-card .traction-card")
    static.append(static_foot.replace(f": {exported['url']}", ""))  # a custom card's address is too long to print
    built.append(page.locator("#traction-builder-card .traction-card__foot").inner_text())
    assert len(static) == len(exported["exercises"]) + 8
    assert built == static
    assert page.locator("#traction-builder-card .traction-card").get_attribute("class") == layout
    page.close()
