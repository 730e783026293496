"""What a patient sees in a real browser: search, step links, phone layout."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Balasana", "exercises/childs-pose/"), ("psoas", "exercises/runners-lunge/"), ("runner's lunge", "exercises/runners-lunge/")],
)
def test_search_finds_exercises_by_title_and_other_names(browser, fixture_url, query, expected):
    page = browser.new_page()
    page.goto(fixture_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # typed like a person, so Material's search sees every key
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="visible", timeout=10_000)
    first.click()
    page.wait_for_url(f"{fixture_url}{expected}*")
    page.close()


def test_a_step_link_lands_on_that_step(browser, fixture_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{fixture_url}exercises/childs-pose/#step-sink-back")
    step = page.locator("#step-sink-back")
    assert step.evaluate("el => el.matches(':target')")
    box = step.bounding_box()
    assert box is not None and 0 <= box["y"] < 844  # scrolled into view on a phone
    outline = step.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # highlighted
    page.close()


def test_phone_layout_does_not_scroll_sideways(browser, fixture_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in ["", "exercises/childs-pose/", "routines/both/", "safety/"]:
        page.goto(fixture_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
    page.close()
