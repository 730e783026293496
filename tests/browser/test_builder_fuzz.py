"""The card builder reads everything from its URL fragment: any fragment a person (or a damaged
link) can send must end in a card or a plain message, never a script error, a hang or markup that
runs. Property-based, over fragments built from the builder's own format and from damage to it."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.support import fuzz_settings

pytestmark = pytest.mark.browser

IDS = ["childs-pose", "upward-dog", "roll-diagonal", "seated-toe-touch", "runners-lunge"]
# Text that would run if the builder ever put fragment text into markup.
HOSTILE = ['<img src=x onerror="window.__pwned=1">', "</template><script>window.__pwned=1</script>",
           '"><svg onload="window.__pwned=1">', "javascript:window.__pwned=1", "\u202e\u2066evil", "&amp;&#x3c;"]

amount = st.builds(lambda key, n: f"{key}{n}", st.sampled_from("hdrsxq"),
                   st.one_of(st.integers(-5, 400), st.sampled_from(["1e9", "NaN", "-0", "0x1f", "", "1.5"])))
item = st.builds(lambda i, amounts: i + ("." + ".".join(amounts) if amounts else ""),
                 st.one_of(st.sampled_from(IDS), st.sampled_from(HOSTILE), st.text(max_size=12)),
                 st.lists(amount, max_size=4))
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80), st.text(min_size=200, max_size=400))
structured = st.builds(
    lambda items, fields: "x=" + "~".join(quote(i, safe=".") for i in items) + "".join(f"&{k}={quote(v)}" for k, v in fields),
    st.lists(item, max_size=14),
    st.lists(st.tuples(st.sampled_from(["t", "often", "note", "v", "x", "zz"]), text), max_size=4),
)
damaged = st.one_of(st.text(max_size=300), st.binary(max_size=60).map(lambda b: quote(b)), st.just("%"), st.just("x=%E0%A4%A"))


@pytest.fixture(scope="module")
def builder(browser, guide_url):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page, guide_url + "builder/", errors
    page.close()


@fuzz_settings(150)
@given(fragment=st.one_of(structured, damaged))
def test_any_fragment_ends_in_a_card_or_a_message(builder, fragment):
    page, url, errors = builder
    errors.clear()
    page.goto("about:blank")
    page.goto(url + "#" + fragment, wait_until="load")
    state = page.evaluate("""() => ({
        pwned: window.__pwned === 1,
        card: !!document.querySelector('.traction-card'),
        message: (document.getElementById('traction-builder-message') || {}).hidden === false,
    })""")
    assert errors == [], f"fragment {fragment!r}"
    assert not state["pwned"], f"fragment {fragment!r} ran as script"
    assert state["card"] or state["message"], f"fragment {fragment!r}: neither a card nor a message"


def test_the_fuzz_could_see_injected_markup(builder):
    # Guards the check above: markup that does run sets the flag the test looks for.
    page, url, _ = builder
    page.goto(url)
    page.evaluate("""() => { const d = document.createElement('div'); d.innerHTML = '<img src=x onerror="window.__pwned=1">';
                            document.body.append(d); }""")
    page.wait_for_function("window.__pwned === 1")
