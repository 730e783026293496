"""The follow-along player in Chromium with a controlled clock: it counts, pauses, resumes,
switches sides, waits when auto-advance is off, keeps still with reduced motion, pauses when
hidden, follows the Python timeline, treats the address as data, and passes axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.load.content import load_content
from generator.model.timeline import plan, timeline
from tests.browser.test_quality import WCAG
from tests.conftest import REPO

pytestmark = pytest.mark.browser

# Speech, audio and wake lock are stubbed: headless Chromium has no voices or speakers, and the
# tests check what the player asks for, and when.
STUBS = """
window.__spoken = []; window.__beeps = 0; window.__locks = 0; window.__released = 0;
class FakeUtterance { constructor(text) { this.text = text; } }
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
  speak: (u) => window.__spoken.push(u.text), cancel: () => {}, getVoices: () => [] } });
class FakeAudio {
  constructor() { this.state = 'running'; this.currentTime = 0; this.destination = {}; }
  resume() { return Promise.resolve(); }
  createOscillator() { return { frequency: {}, connect: (g) => g, start: () => { window.__beeps += 1; }, stop: () => {} }; }
  createGain() { return { gain: {}, connect: (d) => d }; }
}
window.AudioContext = FakeAudio;
Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async () => {
  window.__locks += 1;
  return { addEventListener: () => {}, release: () => { window.__released += 1; } }; } } });
"""


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(STUBS)
    page.clock.install()
    yield page
    context.close()
    assert errors == []


def text(page, part: str) -> str:
    return (page.locator(f"#traction-player-{part}").text_content() or "").strip()


def open_player(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#traction-player:not([hidden])")


def test_start_counts_pause_freezes_resume_moves(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    assert text(page, "title") == "Runner's lunge stretch"
    assert text(page, "phase") == "Get ready · Left side" and text(page, "count") == "0:05"
    page.clock.run_for(3000)
    assert text(page, "count") == "0:05"  # nothing moves before Start
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5300)  # the count redraws every 200 ms; the time itself is a deadline
    assert text(page, "phase") == "Hold · Left side" and text(page, "count") == "0:15"
    page.clock.run_for(3000)
    assert text(page, "count") == "0:12"
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for(10_000)
    assert text(page, "count") == "0:12"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(2000)
    assert text(page, "count") in ("0:10", "0:09")
    assert page.locator("#traction-player-count").get_attribute("role") == "timer"
    assert text(page, "rep") == "Time 1 of 4 · Guide: 15–30 seconds"


def test_switch_side_is_shown_and_announced(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    page.get_by_role("button", name="Start").click()
    live = page.locator("[aria-live='polite']")
    assert live.count() == 1 and live.get_attribute("aria-atomic") == "true"
    page.clock.run_for(5000 + 15_000 + 500)
    assert text(page, "phase") == "Switch side · Right side"
    assert "Switch side · Right side" in text(page, "live")
    page.clock.run_for(5500)
    assert text(page, "phase") == "Hold · Right side"
    assert text(page, "live").startswith("Hold · Right side")


def test_the_last_three_seconds_are_cued_and_the_live_region_stays_quiet_between_phases(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5300 + 11_000)
    announced = text(page, "live")
    beeps = page.evaluate("window.__beeps")
    page.clock.run_for(2000)
    assert text(page, "live") == announced  # ticks are not announced
    assert "is-ending" in (page.locator("#traction-player-count").get_attribute("class") or "")
    assert page.evaluate("window.__beeps") >= beeps + 2


def test_auto_advance_off_waits_for_next(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    page.get_by_label("Move on by itself when the time is up").uncheck()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(60_000)
    assert text(page, "phase") == "Get ready · Left side"
    assert text(page, "do") == "Time is up. Press Next when you are ready."
    page.get_by_role("button", name="Next", exact=True).click()
    assert text(page, "phase") == "Hold · Left side"
    page.clock.run_for(2300)
    assert text(page, "count") == "0:13"


def test_reduced_motion_nothing_moves(page, guide_url):
    page.emulate_media(reduced_motion="reduce")
    open_player(page, guide_url + "play/gentle-start/")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(7000)
    moving = page.evaluate(
        """() => [...document.querySelectorAll('#traction-player, #traction-player *')].filter((el) => {
             const style = getComputedStyle(el);
             return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
           }).map((el) => el.id || el.className)"""
    )
    assert moving == []
    assert page.evaluate("document.getAnimations().length") == 0


def hide(page, hidden: bool) -> None:
    page.evaluate(
        """(hidden) => {
             Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
             Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => hidden ? 'hidden' : 'visible' });
             document.dispatchEvent(new Event('visibilitychange'));
           }""",
        hidden,
    )


def test_a_hidden_page_pauses_and_says_so_on_return(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5300 + 4000)
    assert text(page, "count") == "0:11"
    assert page.evaluate("window.__locks") == 1
    hide(page, True)
    page.clock.run_for(120_000)
    hide(page, False)
    assert text(page, "count") == "0:11"
    assert page.evaluate("window.__locks") == 2  # the browser let the lock go while hidden: asked again
    resume = page.get_by_role("button", name="Paused — tap to continue")
    assert resume.is_visible()
    assert text(page, "live") == "Paused — tap to continue"
    resume.click()
    page.clock.run_for(1300)
    assert text(page, "count") == "0:10"
    assert not resume.is_visible()


def test_breath_holds_are_counted_by_the_person(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#childs-pose")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5300)
    assert text(page, "count") == "Breath 1 of 3"
    page.clock.run_for(60_000)
    assert text(page, "count") == "Breath 1 of 3"  # no pacer: the content gives no breath length
    next_breath = page.get_by_role("button", name="Next breath")
    box = next_breath.bounding_box()
    assert box and box["height"] >= 64
    next_breath.click()
    assert text(page, "count") == "Breath 2 of 3"
    next_breath.click()
    next_breath.click()
    assert text(page, "phase") == "Rest"


def test_controls_have_their_names_and_size(page, guide_url):
    open_player(page, guide_url + "play/gentle-start/")
    names = ["Start", "Back", "Next", "Add 15 seconds", "Exit"]
    for name in names:
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, name
    page.get_by_role("button", name="Start").click()
    assert page.get_by_role("button", name="Pause", exact=True).is_visible()
    page.get_by_role("button", name="Pause", exact=True).click()
    assert page.get_by_role("button", name="Resume", exact=True).is_visible()
    page.get_by_role("button", name="Add 15 seconds").click()
    assert text(page, "count") == "0:20"  # 5 s of get ready, plus 15


def test_duration_offers_another_minute(page, guide_url):
    open_player(page, guide_url + "play/gentle-start/")  # roll side to side: keep going for 1–5 minutes
    page.get_by_role("button", name="Next", exact=True).click()
    assert text(page, "phase") == "Keep going" and text(page, "count") == "1:00"
    assert "Guide: 1–5 minutes" in text(page, "rep")
    page.get_by_role("button", name="Add a minute").click()
    assert text(page, "count") == "2:00"


def test_several_times_is_open(page, guide_url):
    open_player(page, guide_url + "play/gentle-start/#boogie-board-stretch")
    assert "several times" in text(page, "do")
    for _ in range(4):  # get ready, left, switch, right
        page.get_by_role("button", name="Next", exact=True).click()
    assert text(page, "phase") == "Again, or move on?"
    page.get_by_role("button", name="Once more").click()
    assert text(page, "phase") == "Rest" and text(page, "rep") == "Time 2"


def test_shortcuts_work_only_while_the_player_has_focus(page, guide_url):
    open_player(page, guide_url + "play/gentle-start/")
    page.locator("body").press("n")
    assert text(page, "phase") == "Get ready"
    page.get_by_role("button", name="Start").focus()
    page.keyboard.press("n")
    assert text(page, "phase") == "Keep going"
    page.keyboard.press("p")
    assert page.get_by_role("button", name="Pause", exact=True).is_visible()


def test_no_sound_before_start_and_both_can_be_off(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#runners-lunge")
    page.get_by_label("Say each step out loud").check()
    page.clock.run_for(10_000)
    assert page.evaluate("window.__spoken") == [] and page.evaluate("window.__beeps") == 0
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5300)
    spoken = page.evaluate("window.__spoken")
    assert "Get ready · Left side" in spoken and "Hold · Left side" in spoken
    page.get_by_label("Say each step out loud").uncheck()
    page.get_by_label("Beep in the last 3 seconds").uncheck()
    before = page.evaluate("[window.__spoken.length, window.__beeps]")
    page.clock.run_for(20_000)
    assert page.evaluate("[window.__spoken.length, window.__beeps]") == before


def test_settings_stay_on_the_device_only_when_asked(page, guide_url):
    open_player(page, guide_url + "play/gentle-start/")
    page.get_by_label("Move on by itself when the time is up").uncheck()
    assert page.evaluate("localStorage.getItem('traction-player')") is None
    page.get_by_label("Remember these settings on this device").check()
    assert page.evaluate("JSON.parse(localStorage.getItem('traction-player')).auto") is False
    open_player(page, guide_url + "play/gentle-start/")
    assert not page.get_by_label("Move on by itself when the time is up").is_checked()
    page.get_by_label("Remember these settings on this device").uncheck()
    assert page.evaluate("localStorage.getItem('traction-player')") is None


def test_wake_lock_refused_gives_a_quiet_hint(browser, guide_url):
    page = browser.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'wakeLock', { value: { request: () => Promise.reject(new Error('low battery')) } })")
    page.goto(guide_url + "play/gentle-start/")
    page.get_by_role("button", name="Start").click()
    page.wait_for_selector("#traction-player-hint:not([hidden])")
    assert "screen may turn off" in text(page, "hint")
    page.close()


def test_the_player_follows_the_python_timeline(page, guide_url):
    content = load_content(REPO / "content", REPO / "site_assets")
    for routine in content.routines.values():
        expected = sum(len(timeline(plan(item.dosage_for(content.exercises[item.exercise])))) for item in routine.exercises)
        open_player(page, guide_url + f"play/{routine.id}/")
        presses = 0
        while page.get_by_role("button", name="Next", exact=True).is_enabled():
            page.get_by_role("button", name="Next", exact=True).click()
            presses += 1
        assert presses == expected, routine.id  # the last Next finishes the routine
        assert text(page, "phase") == "All done"


def test_the_address_is_data(page, guide_url):
    open_player(page, guide_url + "play/full-sequence/#not-an-exercise")
    assert "not-an-exercise" in text(page, "message") and text(page, "title") == "Side-to-side rolling"
    title = "<img src=x onerror=alert(1)>"
    open_player(page, guide_url + f"play/#x=runners-lunge.h20.r2~nope~childs-pose&t={title}")
    assert page.locator("h1").text_content() == f"Do it with me: {title}"
    assert page.locator("h1 img").count() == 0
    assert "nope" in text(page, "message")
    assert text(page, "where").startswith("Exercise 1 of 2")
    page.get_by_role("button", name="Next", exact=True).click()
    assert text(page, "count") == "0:20" and text(page, "rep").startswith("Time 1 of 2")
    page.goto(guide_url + "play/")
    assert page.locator("h1").text_content() == "Do it with me"
    assert page.locator("#traction-player").is_hidden()
    assert page.get_by_role("link", name="Gentle start").is_visible()


def test_every_way_in_leads_to_the_player(page, guide_url):
    page.goto(guide_url + "exercises/childs-pose/")
    page.get_by_role("link", name="Do it with me").click()
    page.wait_for_selector("#traction-player:not([hidden])")
    assert text(page, "title") == "Child's pose" and text(page, "where") == "Exercise 1 of 1 · Move 3"
    assert page.locator("h1").text_content() == "Do it with me: Child's pose"
    page.get_by_role("button", name="Exit").click()
    page.wait_for_url("**/exercises/childs-pose/")
    for path in ("routines/gentle-start/", "cards/gentle-start/", ""):
        page.goto(guide_url + path)
        link = page.get_by_role("link", name="Do it with me").first if path else page.get_by_role("link", name="Do it with me: Gentle start")
        link.click()
        page.wait_for_url("**/play/gentle-start/")
    page.goto(guide_url + "builder/#x=childs-pose.h4~upward-dog&t=Mine&v=1")
    page.get_by_role("link", name="Do it with me").click()
    page.wait_for_selector("#traction-player:not([hidden])")
    assert page.locator("h1").text_content() == "Do it with me: Mine"
    page.get_by_role("button", name="Next", exact=True).click()
    assert text(page, "count") == "Breath 1 of 4"
    page.get_by_role("button", name="Exit").click()
    page.wait_for_url("**/builder/#x=childs-pose.h4*upward-dog&t=Mine&v=1")  # back to the patient's view of the card


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_the_middle_of_a_hold(browser, guide_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(STUBS)
    page.clock.install()
    found = {}
    for path in ("play/full-sequence/#runners-lunge", "play/#x=childs-pose", "play/"):
        page.goto(guide_url + path)
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{'slate' if scheme == 'dark' else 'default'}'")
        if path != "play/":
            page.get_by_role("button", name="Start").click()
            page.clock.run_for(5000 + 3000)
            page.wait_for_timeout(600)  # Material's header title fades in after the scroll to the player
        violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}}).response["violations"]
        found[path] = [(v["id"], v["nodes"][0]["target"]) for v in violations]
    context.close()
    assert found == {path: [] for path in found}
