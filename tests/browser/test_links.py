"""Clinician links in a real browser: copy link, short links, renamed pages, and the card builder."""

from __future__ import annotations

import io
import json
import urllib.parse

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from generator.cards.browser import serve
from tests.conftest import make_project, traction

pytestmark = pytest.mark.browser


def test_copy_link_copies_the_step_address_and_announces_it(browser, fixture_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(fixture_url + "exercises/childs-pose/")
    page.get_by_label("Show a link and a short code beside each instruction").check()  # clinician mode
    control = page.locator("#step-sit-back .traction-copy")
    control.focus()
    page.keyboard.press("Enter")  # keyboard only
    status = page.locator("#traction-status")
    status.wait_for(state="visible")
    assert status.text_content() == "Link to instruction 2 copied."
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == fixture_url + "exercises/childs-pose/#step-sit-back"
    context.close()


def test_short_links_land_on_the_step(browser, fixture_site, fixture_url):
    exported = json.loads((fixture_site / "api/guide.json").read_text())
    short = {s["code"]: s for s in exported["short_links"]}
    assert {"cp", "cp-k", "cp-sb", "rl", "rl-s"} <= set(short)
    page = browser.new_page()
    page.goto(fixture_url + "s/cp-sb/")
    page.wait_for_url(fixture_url + "exercises/childs-pose/#step-sit-back")
    assert page.locator("#step-sit-back").evaluate("el => el.matches(':target')")
    page.goto(fixture_url + "s/rl/")
    page.wait_for_url(fixture_url + "exercises/runners-lunge/")
    page.close()


def test_renamed_exercise_and_step_keep_their_old_links(browser, tmp_path):
    project = make_project(tmp_path / "project")
    assert traction("build", cwd=project).returncode == 0  # publishes, records content/links.yaml
    content = project / "content"
    path = content / "exercises" / "childs-pose.yaml"
    path.write_text(
        path.read_text()
        .replace("id: childs-pose\n", "id: kneeling-stretch\naliases: [childs-pose]\n", 1)
        .replace("- id: sit-back\n", "- id: sit-on-heels\n    aliases: [sit-back]\n", 1)
    )
    for name in ("guide.yaml", "routines/both.yaml"):
        text = (content / name).read_text().replace("[childs-pose]", "[kneeling-stretch]").replace("exercise: childs-pose\n", "exercise: kneeling-stretch\n")
        (content / name).write_text(text)
    result = traction("build", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url + "exercises/childs-pose/#step-sit-back")  # the old page and the old step id
        page.wait_for_url(url + "exercises/kneeling-stretch/#step-sit-back")
        landed = page.locator("#step-sit-on-heels")
        assert landed.evaluate("el => el.matches(':has(> :target)')")
        assert landed.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
        page.goto(url + "s/cp-sb/")  # the short code printed before the rename
        page.wait_for_url(url + "exercises/kneeling-stretch/#step-sit-back")
        page.close()
    # Without the alias the build refuses, and the last good site stays.
    path.write_text(path.read_text().replace("    aliases: [sit-back]\n", ""))
    result = traction("build", cwd=project)
    assert result.returncode == 1
    assert "published link would disappear: /exercises/childs-pose/#step-sit-back" in result.stderr
    assert (project / "site/exercises/kneeling-stretch/index.html").is_file()


def test_clinician_page_lists_every_step_with_code_link_and_qr(fixture_site, browser, fixture_url):
    exported = json.loads((fixture_site / "api/guide.json").read_text())
    page = browser.new_page()
    page.goto(fixture_url + "clinicians/")
    rows = page.locator("#traction-links tbody tr")
    steps = sum(len([a for a in e["anchors"] if a["kind"] == "step"]) + 1 for e in exported["exercises"])
    assert rows.count() == steps
    page.locator("#traction-links tbody tr").first.locator("svg.traction-qr").wait_for()  # drawn once in view
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # printing draws them all
    assert page.locator("#traction-links tbody tr svg.traction-qr").count() == steps
    first_code = page.locator("#traction-links tbody tr").first.locator("code").text_content()
    qr = page.locator("#traction-links tbody tr").first.locator("svg.traction-qr")
    (found,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert found.text == f"http://127.0.0.1:8000/s/{first_code}/"
    page.locator("#traction-filter").fill("lunge sink")
    visible = page.locator("#traction-links tbody tr:visible")
    assert visible.count() == 1 and "rl-s" in visible.text_content()
    page.close()


def card_text(page) -> str:
    return page.locator("#traction-builder-card .traction-card").inner_text()


def test_builder_round_trips_a_card_through_its_url(browser, fixture_url):
    page = browser.new_page()
    page.goto(fixture_url + "builder/")
    page.get_by_role("button", name="Add: Runner's lunge stretch").click()
    page.get_by_role("button", name="Add: Child's pose").click()
    assert page.get_by_role("button", name="Move up: Runner's lunge stretch").is_disabled()  # first: cannot move up
    assert page.get_by_role("button", name="Move down: Child's pose").is_disabled()  # last: cannot move down
    page.get_by_role("button", name="Move up: Child's pose").click()
    hold = page.locator(".traction-builder__item").nth(1).locator("input").first
    hold.fill("25")
    hold.dispatch_event("change")
    page.fill("#traction-builder-note", "Twice a day, gently.")
    page.locator("#traction-builder-note").dispatch_event("input")
    before = card_text(page)
    assert "1. Child's pose" in before and "2. Runner's lunge stretch" in before
    assert "Hold 25 s · 4 times each side" in before and "Twice a day, gently." in before
    url = page.locator("#traction-builder-link").input_value()
    assert "#x=" in url and "25" in url
    fresh = browser.new_page()
    fresh.goto(url)
    assert card_text(fresh) == before
    for paper in ("A4", "Letter"):
        assert len(PdfReader(io.BytesIO(fresh.pdf(format=paper))).pages) == 1, paper
    pdf_text = PdfReader(io.BytesIO(fresh.pdf(format="A4"))).pages[0].extract_text()
    assert "Pick exercises" not in pdf_text and "Child" in pdf_text  # only the card prints
    fresh.close()
    page.close()


HOSTILE = {
    "script tag in the note": ("x=childs-pose&note=" + urllib.parse.quote("<script>window.pwned=1</script>"), None),
    "event handler in the note": ("x=childs-pose&note=" + urllib.parse.quote('<img src=x onerror="window.pwned=1">'), None),
    "unknown ids": ("x=childs-pose~no-such-thing~also-missing", "the guide does not have"),
    "script as an id": ("x=" + urllib.parse.quote("<script>window.pwned=1</script>"), "damaged"),
    "over-long input": ("x=" + "childs-pose~" * 400, "too long"),
    "out-of-range amounts": ("x=childs-pose.h999.r0", "outside the guide's range"),
    "malformed": ("x=childs-pose.q1.zz", "damaged"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_builder_treats_the_url_as_data(browser, fixture_url, case):
    fragment, message = HOSTILE[case]
    page = browser.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(fixture_url + "builder/#" + fragment)
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert dialogs == [] and errors == []
    assert page.locator("#traction-builder-card img[onerror], #traction-builder-card script").count() == 0
    box = page.locator("#traction-builder-message")
    if message:
        assert box.is_visible() and message in box.text_content()
    else:
        note = page.locator(".traction-card__note-text").text_content()
        assert "<" in note and "window.pwned" in note  # shown as text
    if case == "out-of-range amounts":  # kept as written and marked; a zero is named and replaced
        assert "Hold 999 breaths · 3 times" in card_text(page)
        assert "0 is not possible" in box.text_content()
        assert page.locator(".traction-builder__outside").count() == 1
    page.close()


@pytest.mark.parametrize("typed", ["s/CP-SB/", "s/Cp-sb/", "s/CP-SB"])
def test_short_codes_ignore_case(browser, fixture_url, typed):
    """A phone capitalises the first letter; the code still lands on the step."""
    page = browser.new_page()
    page.goto(fixture_url + typed)
    page.wait_for_url(fixture_url + "exercises/childs-pose/#step-sit-back")
    page.close()


def test_not_found_page_offers_a_code_box_home_and_safety(browser, fixture_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    response = page.goto(fixture_url + "s/zz-top/")
    assert response.status == 404
    assert page.get_by_role("heading", name="This page is not here").is_visible()
    assert "zz-top" in page.locator("#traction-code-message").inner_text()  # says which code failed
    assert page.get_by_role("link", name="Go to the start of the guide").get_attribute("href")
    assert page.get_by_role("link", name="Before you start: warning signs and when to stop").is_visible()
    box = page.get_by_label("Have a short code from your clinician or your card? Type it here:")
    box.fill("  RL-S ")
    box.press("Enter")
    page.wait_for_url(fixture_url + "exercises/runners-lunge/#step-sink")
    page.goto(fixture_url + "no/such/page/")
    page.get_by_role("link", name="Before you start: warning signs and when to stop").click()
    page.wait_for_url(fixture_url + "safety/")
    page.close()


def test_builder_keeps_the_clinicians_prescription(browser, fixture_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(fixture_url + "builder/")
    page.get_by_role("button", name="Add: Runner's lunge stretch").click()
    item = page.locator(".traction-builder__item").first
    assert "seconds" in item.inner_text() and "times on each side" in item.inner_text()  # units beside amounts
    hold, times, sets = item.locator("input").nth(0), item.locator("input").nth(1), item.locator("input").nth(2)
    hold.fill("45")
    hold.dispatch_event("change")
    times.fill("3")
    times.dispatch_event("change")
    sets.fill("2")
    sets.dispatch_event("change")
    item = page.locator(".traction-builder__item").first
    assert item.locator("input").nth(0).input_value() == "45" and item.locator("input").nth(1).input_value() == "3"
    assert item.locator(".traction-builder__outside").count() == 2  # both marked, neither changed
    page.fill("#traction-builder-title", "Maria's back plan")
    page.fill("#traction-builder-often", "Twice a day")
    page.fill("#traction-builder-note", "Go gently.")
    assert page.locator("#traction-builder-note-count").inner_text() == "10 of 140 characters"
    card = card_text(page)
    assert "Hold 45 s · 3 times in 2 sets each side" in card
    assert "Maria's back plan" in card and "Twice a day" in card
    assert "About 9 minutes in all" in card  # 45 s × 3 times × 2 sets × 2 sides, worked out from the amounts
    assert "Code rl" in card  # the exercise's short code, as on routine cards
    pdf_text = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    assert "Maria's back plan" in pdf_text and "Make your own card" not in pdf_text  # the printed card keeps its title
    for _ in range(9):
        page.get_by_role("button", name="Add: Child's pose").click()
    assert page.get_by_role("button", name="Add: Child's pose").is_disabled()  # full: adding cannot act
    page.close()


def test_a_shared_card_opens_read_only_with_an_edit_link(browser, fixture_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(fixture_url + "builder/")
    page.get_by_role("button", name="Add: Child's pose").click()
    page.fill("#traction-builder-often", "Once a day")
    shared = page.locator("#traction-builder-link").input_value()
    assert "v=1" in shared
    patient = browser.new_page(viewport={"width": 390, "height": 844})
    patient.goto(shared)
    assert patient.locator("#traction-builder-form").is_hidden()  # nothing to change the prescription with
    assert patient.locator("#traction-builder-card input, #traction-builder-card button").count() == 0
    heading = patient.locator("#traction-builder-card h1")
    assert heading.inner_text() == "Your exercises" and heading.bounding_box()["y"] < 844 / 2  # the card comes first
    assert "Once a day" in card_text(patient)
    patient.get_by_role("link", name="Edit this card").click()
    patient.locator("#traction-builder-form").wait_for(state="visible")
    assert patient.locator(".traction-builder__item").count() == 1 and "v=1" not in patient.url
    patient.goto(shared)
    patient.locator("#traction-builder-card").get_by_role("link", name="Child's pose").click()
    patient.wait_for_url(fixture_url + "exercises/childs-pose/")
    patient.close()
    page.close()


def test_an_amount_left_empty_prints_the_guides_own(browser, fixture_url):
    page = browser.new_page()
    page.goto(fixture_url + "builder/#x=runners-lunge.h20")
    assert "Hold 20 s · 4–6 times each side" in card_text(page)  # the times left to the guide
    hold = page.locator(".traction-builder__item input").first
    hold.fill("")
    hold.dispatch_event("change")
    assert "Hold 15–30 s · 4–6 times each side" in card_text(page)
    assert page.url.endswith("#x=runners-lunge")
    page.close()
