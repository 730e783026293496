// "Add to my calendar": the person picks a time, days and weeks, and the browser writes the
// calendar file (ics.js) and saves it. Nothing is sent anywhere: the file is made on the device
// and handed over as a download (Blob + <a download>, which phones handle better than data URLs).
//
// The form's data-* attributes say what the reminder is for (routine pages set them once; the
// card builder updates them as the card changes), so this script knows nothing of either page.
(() => {
  const form = document.getElementById("traction-reminder");
  if (!form || !window.TractionIcs || !window.Blob || !window.URL || !URL.createObjectURL) {
    return;  // without these the form could not work, so it stays hidden
  }
  const box = form.closest("[data-reminder]");
  const message = document.getElementById("traction-reminder-message");
  const note = document.getElementById("traction-reminder-floating");
  box.hidden = false;

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

  function say(text) {
    message.textContent = text;
  }

  function save(text, name) {
    const blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);  // after the browser has read it
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const d = box.dataset;
    const time = form.elements.time.value;
    const days = [...form.querySelectorAll("input[name=day]:checked")].map((input) => Number(input.value));
    const weeks = Number(form.elements.weeks.value);
    if (!/^\d\d:\d\d$/.test(time)) return say(d.wordsTime);
    if (days.length === 0) return say(d.wordsDays);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) return say(d.wordsWeeks);
    const url = new URL(d.url, window.location.href).href;
    const values = { title: d.title, minutes: d.minutesText, url };
    const result = window.TractionIcs.calendar({
      id: d.id,
      host: new URL(url).hostname || "localhost",
      time,
      days,
      weeks,
      minutes: Number(d.minutes),
      summary: fill(d.wordsSummary, values),
      description: fill(d.wordsDescription, values),
      alarm: fill(d.wordsAlarm, values),
      url,
    });
    save(result.text, `${d.id}.ics`);
    note.hidden = !result.floating;
    say(fill(d.wordsDone, { count: result.count, file: `${d.id}.ics` }));
  });
})();
