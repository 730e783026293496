"""The three people of issue 13, in Chromium: someone in acute pain on a phone, a patient reading an
exercise, a patient printing a card. What they see, where they see it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("path", ["", "safety/"])
def test_acute_pain_decision_is_on_the_first_phone_screen_and_leads_to_the_gentle_routine(browser, guide_url, path):
    page = browser.new_page(viewport=PHONE)
    page.goto(guide_url + path)
    question = page.locator(".traction-decision__question")
    assert question.is_visible() and "new and intense" in question.inner_text()
    if path == "":
        assert question.bounding_box()["y"] < PHONE["height"]  # no scrolling needed
    page.get_by_role("link", name="Open Gentle start").click()
    page.wait_for_url(guide_url + "routines/gentle-start/")
    page.close()


def test_safety_page_shows_three_tiers_in_full(browser, guide_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(guide_url + "safety/")
    titles = page.locator(".traction-red-flags__tier .admonition-title").all_inner_texts()
    assert titles == ["Go to an emergency department now if you have", "Contact your doctor today if you have",
                      "Check with your doctor before you start if you have"]
    for tier in page.locator(".traction-red-flags__tier").all():
        assert tier.is_visible() and tier.evaluate("el => el.closest('details') === null")
    assert "A history of cancer" in page.locator("#red-flags-before-you-start").inner_text()
    page.close()


def test_exercise_page_names_its_place_and_puts_cautions_before_the_instructions(browser, guide_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(guide_url + "exercises/roll-up-and-down/")
    assert page.locator(".traction-stage").inner_text() == "Move 1b · Part 1 of 7: Upper back (thoracic spine)"
    caution = page.locator("#caution-never-low-back")
    assert caution.locator(".admonition-title").inner_text() == "Keep the roller off your low back"
    how_to = page.get_by_role("heading", name="How to do it")
    assert caution.bounding_box()["y"] < how_to.bounding_box()["y"]
    page.close()


def test_dosage_is_full_strength_text(browser, guide_url):
    page = browser.new_page()
    page.goto(guide_url)
    colours = page.locator(".traction-dosage-line").first.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el.closest('.md-typeset')).color]")
    assert colours[0] == colours[1]
    page.close()


def test_routine_page_opens_the_card_which_follows_the_same_numbering(browser, guide_url):
    page = browser.new_page()
    page.goto(guide_url + "routines/gentle-start/")
    assert "3" == page.locator("#item-6 .traction-label").inner_text()
    page.get_by_role("link", name="Open printable card").click()
    page.wait_for_url(guide_url + "cards/gentle-start/")
    names = page.locator(".traction-card__name").all_inner_texts()
    assert names[0].endswith("1a. Side-to-side rolling") and names[-1].endswith("3. Child's pose")
    meta = page.locator(".traction-card__meta").inner_text()
    for label in ("For whom", "You need", "How long", "How often", "When to do more"):
        assert label in meta, label
    assert "foam roller" in meta and "About 5–21 minutes" in meta
    assert page.locator(".traction-card__code code").first.inner_text() == "rsts"
    page.close()


def search(page, guide_url, query):
    page.goto(guide_url)
    page.locator("label.md-header__button[for='__search']").click()  # the phone's search icon
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # typed like a person, so Material's search sees every key


@pytest.mark.parametrize(("query", "page_prefix"), [("sciatica", "safety/"), ("tingling leg", "")])
def test_search_knows_patients_words_for_leg_symptoms(browser, guide_url, query, page_prefix):
    page = browser.new_page(viewport=PHONE)
    search(page, guide_url, query)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="visible", timeout=10_000)
    # The leg stop rule is shown. Results update with every key typed, so wait for the last
    # query's list (a loaded machine can show the results for "sciati" first).
    expect(page.locator(".md-search-result__item").first).to_contain_text("leg", timeout=10_000)
    snippet, title = page.locator(".md-search-result__item").first.evaluate(
        "el => [getComputedStyle(el.querySelector('article li, article p') || el).color, getComputedStyle(el.querySelector('h1, h2')).color]")
    assert snippet == title  # readable: snippets in full-strength text, not faded
    first.click()
    page.wait_for_load_state()
    assert page.url.removeprefix(guide_url).startswith(page_prefix)
    rules = page.locator("#stop-rules, .traction-stop").first.inner_text()
    assert "spreads" in rules and "leg" in rules  # the page it lands on says when to stop for leg symptoms
    page.close()


def test_search_with_no_result_offers_a_way_on(browser, guide_url):
    page = browser.new_page(viewport=PHONE)
    search(page, guide_url, "xylophone")
    help_box = page.locator(".traction-search-help")
    help_box.wait_for(state="visible", timeout=10_000)
    page.wait_for_function("document.querySelector('.traction-search-help').textContent.includes('“xylophone”')")
    help_box.get_by_role("link", name="Before you start: warning signs and when to stop").click()
    page.wait_for_url(guide_url + "safety/")
    search(page, guide_url, "roller")  # a result hides the help again
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    assert page.locator(".traction-search-help").is_hidden()
    page.close()


@pytest.mark.parametrize(("query", "expected"), [("Balasana", "links-childs-pose"), ("prone press-up", "links-upward-dog")])
def test_clinician_filter_matches_other_names(browser, guide_url, query, expected):
    page = browser.new_page()
    page.goto(guide_url + "clinicians/")
    page.locator("#traction-filter").fill(query)
    visible = page.locator("[data-traction-filterable]:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == expected
    assert page.locator("#traction-filter-none").is_hidden()
    page.locator("#traction-filter").fill("qwertyuiop")
    assert page.locator("[data-traction-filterable]:visible").count() == 0
    assert "qwertyuiop" in page.locator("#traction-filter-none").inner_text()
    page.close()


CLINICIAN = "Show a link and a short code beside each instruction"


def test_patients_get_one_share_button_and_no_clinician_controls(browser, guide_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], viewport=PHONE)
    page = context.new_page()
    page.goto(guide_url + "exercises/childs-pose/")
    assert page.locator(".traction-copy:visible, .traction-code:visible").count() == 0
    share = page.get_by_role("button", name="Share this exercise")
    assert share.count() == 1 and share.is_visible()
    share.click()  # headless Chromium has no share sheet: the address is copied and announced
    page.locator("#traction-status").wait_for(state="visible")
    assert page.locator("#traction-status").inner_text() == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == guide_url + "exercises/childs-pose/"
    context.close()


def test_clinician_mode_shows_links_and_codes_and_is_remembered_only_if_asked(browser, guide_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(guide_url + "exercises/childs-pose/")
    page.get_by_label(CLINICIAN).check()
    assert page.locator("#step-sit-back .traction-copy").is_visible()
    assert page.locator("#step-sit-back .traction-code").inner_text() == "cp-sb"
    assert page.locator(".traction-exercise-code code").inner_text() == "cp"
    page.reload()
    assert page.locator("#step-sit-back .traction-copy").is_hidden()  # not asked to remember: gone
    assert page.evaluate("localStorage.getItem('traction-clinician-mode')") is None
    page.get_by_label(CLINICIAN).check()
    page.get_by_label("Remember this on this device").check()
    page.goto(guide_url + "exercises/runners-lunge/")  # another page, same device
    assert page.locator(".traction-copy").first.is_visible()
    assert page.get_by_label(CLINICIAN).is_checked()
    page.get_by_label("Remember this on this device").uncheck()
    assert page.evaluate("localStorage.getItem('traction-clinician-mode')") is None  # forgetting removes it
    page.reload()
    assert page.locator(".traction-copy").first.is_hidden()
    context.close()


def test_a_deep_link_lands_with_a_banner_and_the_instruction_before_in_view(browser, guide_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(guide_url + "exercises/runners-lunge/#step-turn-back-leg")  # instruction 3
    banner = page.locator("#traction-deeplink")
    banner.wait_for(state="visible")
    assert banner.inner_text() == "You were sent to instruction 3 — see the whole exercise from the top"
    page.wait_for_function(  # the landing scroll has happened (fails by timeout if it never does)
        "document.getElementById('step-back-leg').getBoundingClientRect().top < window.innerHeight && window.scrollY > 0")
    page.wait_for_timeout(200)
    header = page.locator(".md-header").bounding_box()
    banner_box = banner.bounding_box()
    previous = page.locator("#step-back-leg").bounding_box()
    target = page.locator("#step-turn-back-leg").bounding_box()
    assert banner_box["y"] >= header["y"] + header["height"] - 1  # below the header, not under it
    assert previous["y"] >= banner_box["y"] + banner_box["height"] - 1  # instruction 2 is in view…
    assert target["y"] + target["height"] <= PHONE["height"]  # …and so is the linked instruction 3
    banner.get_by_role("link", name="see the whole exercise from the top").click()
    page.wait_for_function("window.scrollY === 0")
    assert page.locator(".traction-dosage").is_visible()  # the context: dosage and when to stop
    page.goto(guide_url + "exercises/runners-lunge/#cue-front-leg-bent")  # not an instruction: no banner
    assert page.locator("#traction-deeplink").is_hidden()
    page.close()


def test_short_codes_never_wrap(browser, guide_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(guide_url + "clinicians/")
    codes = page.locator("#traction-links code").evaluate_all(
        "els => els.map(el => [el.textContent, getComputedStyle(el).whiteSpace, el.getClientRects().length])")
    assert len(codes) > 50
    assert [c for c in codes if c[1] != "nowrap" or c[2] != 1] == []
    page.close()
