// Writes a calendar file (RFC 5545 .ics) for repeating reminders, entirely in the browser: the
// person's choices never leave the device. Used by reminder.js; exposed as window.TractionIcs.
//
// The time zone is the browser's own (Intl). Its definition (VTIMEZONE) is worked out here from
// the offsets the browser reports, so no time-zone database is shipped or fetched: the span of the
// reminders is probed hour by hour, and every change of offset (daylight saving) is found to the
// minute and written as an observance. If that fails, the event uses a floating time (the same
// clock time wherever the device is) and the caller says so.
(() => {
  const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];  // index = Date.getDay()
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  const pad = (n, width = 2) => String(n).padStart(width, "0");

  // TEXT values (RFC 5545 §3.3.11): backslash first, then ; , and line breaks.
  function escapeText(value) {
    return String(value)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  // Lines longer than 75 octets are folded (§3.1): CRLF and one space, never inside a UTF-8 character.
  function fold(line) {
    const encoder = new TextEncoder();
    const parts = [];
    let current = "";
    let octets = 0;
    for (const char of line) {
      const size = encoder.encode(char).length;
      const limit = parts.length === 0 ? 75 : 74;  // a continuation line starts with its space
      if (octets + size > limit) {
        parts.push(current);
        current = "";
        octets = 0;
      }
      current += char;
      octets += size;
    }
    parts.push(current);
    return parts.join("\r\n ");
  }

  const utcStamp = (date) => `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`
    + `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  const localStamp = (date) => `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`
    + `T${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;

  // Offset from UTC in minutes at an instant, as the browser's own time zone has it.
  const offsetAt = (time) => -new Date(time).getTimezoneOffset();

  function formatOffset(minutes) {
    const sign = minutes < 0 ? "-" : "+";
    const abs = Math.abs(minutes);
    return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  }

  // The local wall-clock time of an instant at a given offset, as "YYYYMMDDTHHMMSS".
  function wallClock(time, offset) {
    return utcStamp(new Date(time + offset * MINUTE)).slice(0, -1);
  }

  // Every change of offset between two instants: [{at, from, to}], `at` to the minute.
  function transitions(from, to) {
    const found = [];
    let before = offsetAt(from);
    for (let time = from + HOUR; time <= to + HOUR; time += HOUR) {
      const after = offsetAt(time);
      if (after === before) continue;
      let low = time - HOUR;
      let high = time;
      while (high - low > MINUTE) {  // the change happens in (low, high]
        const middle = low + Math.floor((high - low) / (2 * MINUTE)) * MINUTE;
        if (offsetAt(middle) === before) low = middle;
        else high = middle;
      }
      found.push({ at: high, from: before, to: after });
      before = after;
    }
    return found;
  }

  // The VTIMEZONE lines for the browser's zone between two instants (a day of margin either side).
  function vtimezone(zone, from, to) {
    const start = from - DAY;
    const changes = transitions(start, to + DAY);
    const first = offsetAt(start);
    const year = new Date(from).getFullYear();
    const standard = Math.min(offsetAt(new Date(year, 0, 1).getTime()), offsetAt(new Date(year, 6, 1).getTime()));
    // The observance in force when the span starts, then one for each change inside it. Each
    // starts at the local time before the change (§3.6.5), as time-zone databases write them.
    const observances = [{ at: start, from: first, to: first, daylight: first > standard }]
      .concat(changes.map((change) => ({ ...change, daylight: change.to > change.from })));
    const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
    for (const observance of observances) {
      const kind = observance.daylight ? "DAYLIGHT" : "STANDARD";
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${wallClock(observance.at, observance.from)}`,
        `TZOFFSETFROM:${formatOffset(observance.from)}`,
        `TZOFFSETTO:${formatOffset(observance.to)}`,
        `END:${kind}`,
      );
    }
    lines.push("END:VTIMEZONE");
    return lines;
  }

  // The browser's IANA time zone name, or null when it gives none.
  function browserZone() {
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return typeof zone === "string" && /^[A-Za-z0-9_+\-/]+$/.test(zone) ? zone : null;
    } catch (error) {
      return null;
    }
  }

  // The first day from `now` on one of `days` (0 = Sunday) at hh:mm, local time, not in the past.
  function firstOccurrence(now, days, hours, minutes) {
    for (let ahead = 0; ahead < 8; ahead += 1) {
      const candidate = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead, hours, minutes, 0);
      if (days.includes(candidate.getDay()) && candidate.getTime() > now.getTime()) return candidate;
    }
    return null;
  }

  // The calendar file's text for one repeating reminder.
  //   options: {id, host, time: "HH:MM", days: [0..6], weeks, minutes, summary, description,
  //             alarm, url, now: Date, zone (optional: the browser's when absent)}
  // Returns {text, floating, count, start}; `floating` is true when no time zone could be named.
  function calendar(options) {
    const [hours, minutes] = options.time.split(":").map(Number);
    const days = [...new Set(options.days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));  // Monday first
    const now = options.now || new Date();
    const start = firstOccurrence(now, days, hours, minutes);
    if (!start) throw new Error("no day chosen");
    // The reminders cover `weeks` whole weeks from the first one; UNTIL is the last second before.
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7 * options.weeks, 0, 0, 0);
    const until = new Date(end.getTime() - 1000);
    const dayList = days.map((d) => DAY_CODES[d]);
    let zone = options.zone === undefined ? browserZone() : options.zone;
    let timezone = [];
    if (zone) {
      try {
        timezone = vtimezone(zone, start.getTime(), end.getTime());
      } catch (error) {
        zone = null;
      }
    }
    const uid = `${options.id}-${pad(hours)}${pad(minutes)}-${dayList.join("-")}@${options.host}`;
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Traction//Exercise reminders//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      ...timezone,
      "BEGIN:VEVENT",
      `UID:${uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      zone ? `DTSTART;TZID=${zone}:${localStamp(start)}` : `DTSTART:${localStamp(start)}`,
      `DURATION:PT${Math.max(1, Math.round(options.minutes))}M`,
      // A floating start needs a floating UNTIL (§3.3.10); a zoned one needs UTC.
      `RRULE:FREQ=WEEKLY;BYDAY=${dayList.join(",")};UNTIL=${zone ? utcStamp(until) : localStamp(until)}`,
      `SUMMARY:${escapeText(options.summary)}`,
      `DESCRIPTION:${escapeText(options.description)}`,
      `URL:${options.url}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(options.alarm)}`,
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    return {
      text: lines.map(fold).join("\r\n") + "\r\n",
      floating: !zone,
      count: days.length * options.weeks,
      start,
    };
  }

  window.TractionIcs = { calendar, escapeText, fold, vtimezone, transitions };
})();
