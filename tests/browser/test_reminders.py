""""Add to my calendar": the browser writes an RFC 5545 file from the person's choices. Each file
is read back with `icalendar` and expanded with `recurring-ical-events`, in time zones with and
without a daylight-saving change inside the reminders' span, with the clock fixed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from axe_playwright_python.sync_playwright import Axe

from generator.cards.card import card_items, routine_minutes
from generator.load.content import load_content
from tests.conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.browser
UTC = dt.UTC
DAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}


def download(browser, url: str, zone: str, now: dt.datetime, time: str, days: list[str], weeks: int, fragment: str = "",
             init: str | None = None, title: str | None = None) -> tuple[bytes, str, object]:
    """Open a page in ``zone`` at ``now``, fill the reminder form and return the file's bytes."""
    context = browser.new_context(timezone_id=zone, viewport={"width": 390, "height": 844}, accept_downloads=True)
    if init:
        context.add_init_script(init)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(now)
    page.goto(url + fragment)
    if title is not None:
        page.get_by_label("Card title").fill(title)
    page.get_by_text("Add to my calendar").click()
    page.get_by_label("Time", exact=True).fill(time)
    for day in days:
        page.get_by_label(day).check()
    page.get_by_label("How many weeks").fill(str(weeks))
    with page.expect_download() as info:
        page.get_by_role("button", name="Get the calendar file").click()
    data = Path(info.value.path()).read_bytes()
    name = info.value.suggested_filename
    assert errors == []
    return data, name, (context, page)


def check_lines(data: bytes) -> str:
    """CRLF only, every line at most 75 octets, folded lines start with a space; the unfolded text."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert any(line.startswith(b" ") for line in lines), "the description is long enough to be folded"
    return data.decode("utf-8").replace("\r\n ", "")


def routine_minutes_of(routine_id: str) -> int:
    content = load_content(FIXTURE_CONTENT)
    return routine_minutes(card_items(content.routines[routine_id], content.exercises))[1]


CASES = [  # zone, now (UTC), days, the daylight-saving change inside the eight weeks (or none)
    ("Europe/London", dt.datetime(2026, 3, 16, 12, 0, tzinfo=UTC), ["Monday", "Thursday"], True),
    ("America/New_York", dt.datetime(2026, 10, 20, 3, 0, tzinfo=UTC), ["Tuesday", "Saturday", "Sunday"], True),
    ("Asia/Tokyo", dt.datetime(2026, 3, 16, 12, 0, tzinfo=UTC), ["Wednesday"], False),
]


@pytest.mark.parametrize(("zone", "now", "days", "changes"), CASES, ids=[c[0] for c in CASES])
def test_eight_weeks_of_reminders_keep_their_clock_time(browser, fixture_url, zone, now, days, changes):
    data, name, (context, page) = download(browser, fixture_url + "routines/both/", zone, now, "07:30", days, 8)
    assert name == "both.ics"
    text = check_lines(data)
    assert "COUNT=" not in text
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == zone
    # Stable and personal-data free: the routine, the time, the days, the site's host.
    codes = "-".join(code for code, day in zip(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], DAYS, strict=True) if day in days)
    assert str(event["UID"]) == f"both-0730-{codes}@127.0.0.1"
    assert event["DTSTAMP"].dt == now
    start = event["DTSTART"].dt
    assert event["DTSTART"].params["TZID"] == zone and start.tzinfo is not None
    assert start > now and (start - now) < dt.timedelta(days=7)  # the next chosen day, not one later
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["UNTIL"][0].tzinfo is not None and rule["UNTIL"][0].utcoffset() == dt.timedelta(0)
    assert event["DURATION"].dt == dt.timedelta(minutes=routine_minutes_of("both"))
    assert str(event["URL"]) == "http://127.0.0.1:8000/routines/both/" and str(event["URL"]) in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == dt.timedelta(0)
    # Eight weeks from the first reminder: every chosen day once a week, at 07:30 on the clock.
    local = ZoneInfo(zone)
    occurrences = recurring_ical_events.of(calendar).between(start, start + dt.timedelta(weeks=8))
    starts = [o["DTSTART"].dt.astimezone(local) for o in occurrences]
    assert len(starts) == 8 * len(days)
    assert all((s.hour, s.minute) == (7, 30) for s in starts)
    assert {s.weekday() for s in starts} == {DAYS[d] for d in days}
    assert len({s.utcoffset() for s in starts}) == (2 if changes else 1)
    # The file's own time-zone definition (made in the browser) agrees with the tz database.
    own = timezone.to_tz()
    for s in starts:
        wall = s.replace(tzinfo=None)
        assert wall.replace(tzinfo=own).utcoffset() == s.utcoffset(), wall
    context.close()


def test_a_custom_card_gets_its_own_title_and_link(browser, fixture_url):
    fragment = "#x=childs-pose.h3~runners-lunge&t=" + quote("Mornings, with care; then \\ walk") + "&v=1"
    now = dt.datetime(2026, 10, 20, 3, 0, tzinfo=UTC)
    data, name, (context, page) = download(browser, fixture_url + "builder/", "Europe/London", now, "18:05", ["Friday"], 2, fragment)
    text = check_lines(data)
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Back exercises: Mornings, with care; then \\ walk"  # escaped in the file, whole when read
    assert "SUMMARY:Back exercises: Mornings\\, with care\\; then \\\\ walk" in text
    url = str(event["URL"])
    assert url == page.locator("#traction-builder-link").input_value()  # the link the builder gives a patient
    assert url.startswith(fixture_url + "builder/#") and "x=childs-pose.h3%7Erunners-lunge" in url and "v=1" in url
    assert re.fullmatch(r"card-[0-9a-f]{8}-1805-FR@127\.0\.0\.1", str(event["UID"]))
    assert "Mornings" not in str(event["UID"]) and name == str(event["UID"]).split("-1805")[0] + ".ics"
    context.close()


def test_without_a_time_zone_the_reminder_floats_and_says_so(browser, fixture_url):
    no_zone = """
      const original = Intl.DateTimeFormat.prototype.resolvedOptions;
      Intl.DateTimeFormat.prototype.resolvedOptions = function () { return { ...original.call(this), timeZone: undefined }; };
    """
    now = dt.datetime(2026, 3, 16, 12, 0, tzinfo=UTC)
    data, _, (context, page) = download(browser, fixture_url + "routines/both/", "Europe/London", now, "07:30", ["Monday"], 3, init=no_zone)
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    assert calendar.walk("VTIMEZONE") == [] and event["DTSTART"].dt.tzinfo is None
    assert event["RRULE"]["UNTIL"][0].tzinfo is None  # a floating start needs a floating end
    starts = [o["DTSTART"].dt for o in recurring_ical_events.of(calendar).between(dt.datetime(2026, 3, 1), dt.datetime(2026, 6, 1))]
    assert len(starts) == 3 and all((s.hour, s.minute, s.weekday()) == (7, 30, 0) for s in starts)
    assert page.locator("#traction-reminder-floating").is_visible()
    context.close()


def test_the_form_asks_for_a_day_and_says_nothing_leaves(browser, fixture_url):
    page = browser.new_page()
    page.goto(fixture_url + "routines/both/")
    page.get_by_text("Add to my calendar").click()
    downloads: list[object] = []
    page.on("download", lambda item: downloads.append(item))
    page.get_by_role("button", name="Get the calendar file").click()
    assert page.get_by_role("status").filter(has_text="Pick at least one day.").is_visible()
    assert downloads == []
    assert page.get_by_text("Nothing is sent to us or anyone else.").is_visible()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_form_has_no_axe_violations(browser, fixture_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(fixture_url + "routines/both/")
    page.get_by_text("Add to my calendar").click()
    page.get_by_role("button", name="Get the calendar file").click()  # the message shows too
    result = Axe().run(page, context="details.traction-reminder",
                       options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    assert [(v["id"], v["nodes"][0]["target"]) for v in result.response["violations"]] == []
    context.close()
