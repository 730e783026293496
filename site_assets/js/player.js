// The follow-along player. The page carries each exercise's timeline plan (made from the guide's
// structured dosage by generator/model/timeline.py) and the words; this script repeats one
// repetition as many times as the person picks and counts the time.
//
// - Time is kept with deadlines (performance.now() + what remains), never by counting ticks, so a
//   slow or throttled timer cannot stretch a hold. A hidden page pauses.
// - Everything read from the address is data: ids are checked against the page's list and text is
//   only set with textContent.
// - No sound before Start: speech and beeps are set up in the Start press, and both can be off.
// - Nothing is sent anywhere; settings are stored on this device only when the person ticks a box.
(() => {
  const dataElement = document.getElementById("traction-player-data");
  if (!dataElement) return;
  const data = JSON.parse(dataElement.textContent);
  const w = data.words;
  const $ = (id) => document.getElementById(`traction-player-${id}`);
  const root = document.getElementById("traction-player");
  const ITEM = /^([a-z0-9]+(?:-[a-z0-9]+)*)((?:\.[hdrs][0-9]{1,4}){0,4})$/;  // the builder's format
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const STORE = "traction-player";
  const TICK = 200;  // ms between redraws; the time itself comes from the deadline
  const now = () => performance.now();

  let items = [];  // {id, plan, choice: {amounts, repetitions, sets}}
  let phases = [];  // the flat timeline: {kind, side, seconds, breaths, at, span, unit, item}
  let index = 0;
  let state = "idle";  // idle · playing · paused · waiting (time up, auto-advance off) · done
  let remaining = 0;  // ms left in a timed phase when not playing
  let deadline = 0;  // performance.now() at which a playing timed phase ends
  let breath = 1;
  let lastSecond = null;
  let shownItem = null;
  let audio = null;
  let lock = null;
  const settings = { auto: true, voice: false, beeps: true };

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  }

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function amountText(unit, low, high) {
    const top = high === undefined ? low : high;
    const n = top === low ? String(low) : format(w.range, { min: low, max: top });
    return format(w[`${unit}_${top === 1 ? "one" : "many"}`], { n });
  }

  // ----- the timeline: the same rules as generator/model/timeline.py (timeline) -----

  function defaultChoice(plan) {
    return {
      amounts: plan.works.map((work) => work.span.low),
      repetitions: plan.repeats.span ? plan.repeats.span.low : 1,
      sets: plan.repeats.sets ? plan.repeats.sets.low : 1,
    };
  }

  function workPhase(work, amount, side, at) {
    const phase = { kind: work.phase, side, at, span: work.span, unit: work.unit, amount };
    if (work.unit === "breaths") phase.breaths = amount;
    else phase.seconds = work.unit === "minutes" ? amount * 60 : amount;
    return phase;
  }

  function expand(plan, choice) {
    const open = plan.repeats.kind === "several" || plan.repeats.kind === "as needed";
    const out = [{ kind: "ready", side: plan.sides[0], seconds: data.pauses.ready, at: { repetition: 1, repetitions: 1, set: 1, sets: 1 } }];
    for (let set = 1; set <= choice.sets; set += 1) {
      for (let n = 1; n <= choice.repetitions; n += 1) {
        const at = { repetition: n, repetitions: open ? null : choice.repetitions, set, sets: choice.sets };
        if (n > 1 || set > 1) out.push({ kind: "rest", side: null, seconds: data.pauses.rest, at });
        plan.sides.forEach((side, i) => {
          if (i) out.push({ kind: "switch", side, seconds: data.pauses.switch, at });
          plan.works.forEach((work, k) => out.push(workPhase(work, choice.amounts[k], side, at)));
        });
        if (open) out.push({ kind: "more", side: null, at });
      }
    }
    return out;
  }

  // Rebuild the flat timeline after a choice changed, staying on the same exercise.
  function rebuild(keepItem) {
    const offset = phases.length ? index - phases.findIndex((p) => p.item === phases[index].item) : 0;
    phases = items.flatMap((item, i) => expand(item.plan, item.choice).map((phase) => ({ ...phase, item: i })));
    if (keepItem !== undefined) {
      const start = phases.findIndex((p) => p.item === keepItem);
      const count = phases.filter((p) => p.item === keepItem).length;
      index = start + Math.min(offset, count - 1);
    }
  }

  // ----- reading the address -----

  // A routine player: '#exercise-id' starts at that exercise.
  function routineItems(fragment, messages) {
    const list = data.items.map((item) => ({ id: item.id, plan: item.plan }));
    const start = fragment && ID.test(fragment) ? list.findIndex((item) => item.id === fragment) : 0;
    if (fragment && start < 0) messages.push(`${w.play_unknown} ${fragment}`);
    return [list, Math.max(start, 0)];
  }

  // The clinician's numbers replace the guide's range; the person's choice is then fixed.
  function custom(plan, amounts) {
    const copy = JSON.parse(JSON.stringify(plan));
    copy.works.forEach((work) => {
      const key = work.phase === "hold" ? "h" : "d";
      if (amounts[key]) work.span = { low: amounts[key], high: amounts[key] };
    });
    if (copy.repeats.kind === "count" && amounts.r) copy.repeats.span = { low: amounts.r, high: amounts.r };
    if (copy.repeats.kind === "count" && amounts.s) copy.repeats.sets = { low: amounts.s, high: amounts.s };
    return copy;
  }

  // A custom card (or one exercise): the builder's fragment, x=id.h15.r4~id2&t=title.
  function cardItems(fragment, messages) {
    let params;
    try {
      params = new URLSearchParams(fragment);
    } catch (error) {
      return [];
    }
    const list = [];
    const unknown = [];
    for (const part of (params.get("x") || "").split("~").filter(Boolean)) {
      const match = ITEM.exec(part);
      const exercise = match && Object.hasOwn(data.exercises, match[1]) ? data.exercises[match[1]] : null;
      if (!exercise) {
        unknown.push(match ? match[1] : "?");
        continue;
      }
      if (list.length >= data.capacity) {
        messages.push(format(w.builder_too_many, { n: data.capacity }));
        break;
      }
      const amounts = {};
      for (const value of match[2].split(".").filter(Boolean)) {
        const number = Number(value.slice(1));
        if (number > 0) amounts[value[0]] = number;
      }
      list.push({ id: match[1], plan: custom(exercise.plan, amounts) });
    }
    if (unknown.length) messages.push(`${w.play_unknown} ${unknown.join(", ")}`);
    const title = (params.get("t") || "").slice(0, 60);
    const named = title || (list.length === 1 ? data.exercises[list[0].id].title : "");
    if (list.length) document.querySelector("h1").textContent = named ? `${w.play}: ${named}` : w.play_card;
    return list;
  }

  // ----- showing it -----

  function sideText(side) {
    return side ? w[`play_${side}`] : "";
  }

  function phaseName(phase) {
    const name = w[`play_${phase.kind}`];
    return phase.side && phase.kind !== "more" ? `${name} · ${sideText(phase.side)}` : name;
  }

  function clock(ms) {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  }

  function left() {
    return state === "playing" ? deadline - now() : remaining;
  }

  function repText(phase) {
    const at = phase.at;
    if (phase.kind === "ready") return "";
    const once = items[phase.item].plan.repeats.kind === "once";
    let text = at.repetitions === null ? format(w.play_time_n, { n: at.repetition }) : format(w.play_time_of, { n: at.repetition, total: at.repetitions });
    if (once) text = "";
    if (at.sets > 1) text = [format(w.play_set_of, { n: at.set, total: at.sets }), text].filter(Boolean).join(" · ");
    return text;
  }

  function doText(phase, exercise) {
    if (state === "done") return w.play_do_done;
    if (state === "waiting") return w.play_wait;
    if (phase.kind === "hold" && phase.breaths) return w.play_do_breaths;
    if (phase.kind === "ready") {
      const repeats = items[phase.item].plan.repeats.kind;
      const open = repeats === "several" ? ` ${w.play_several}` : repeats === "as needed" ? ` ${w.play_as_needed}` : "";
      return `${w.play_do_ready} ${exercise.dosage_line}.${open}`;
    }
    if (phase.kind === "switch") return `${w.play_do_switch} ${sideText(phase.side)}.`;
    if (phase.kind === "hold" && exercise.cue) return exercise.cue;  // the guide's own words
    return w[`play_do_${phase.kind}`];
  }

  function showPicture(exercise) {
    const box = $("picture");
    box.replaceChildren();
    const picture = exercise.picture;
    if (!picture) return;
    for (const scheme of ["light", "dark"]) {
      if (!picture[scheme]) continue;
      const img = el("img");
      // Material shows '#only-light' in the light palette and '#only-dark' in the dark one.
      img.src = picture.dark ? `${picture[scheme].src}#only-${scheme}` : picture[scheme].src;
      img.srcset = picture[scheme].srcset;
      img.width = picture.width;
      img.height = picture.height;
      img.alt = picture.alt;
      box.append(img);
    }
  }

  function showExercise(item) {
    const exercise = data.exercises[items[item].id];
    $("title").textContent = exercise.title;
    showPicture(exercise);
    $("stop").replaceChildren(...exercise.stop.map((rule) => el("li", rule)));
    $("steps").replaceChildren(...exercise.steps.map((step) => el("li", step)));
    $("cue").textContent = exercise.cue || "";
    shownItem = item;
  }

  function showCount(phase) {
    const count = $("count");
    if (state === "done" || phase.kind === "more") count.textContent = "";
    else if (phase.breaths) count.textContent = format(w.play_breath_of, { n: breath, total: phase.breaths });
    else count.textContent = clock(left());
    const second = phase.seconds ? Math.ceil(left() / 1000) : null;
    count.classList.toggle("is-ending", second !== null && second <= 3 && state !== "idle");
    return second;
  }

  function render() {
    const phase = phases[index];
    const exercise = data.exercises[items[phase.item].id];
    if (shownItem !== phase.item) showExercise(phase.item);
    $("where").textContent = `${format(w.play_exercise_of, { n: phase.item + 1, total: items.length })} · ${format(w.move_of, { label: exercise.label })}`;
    $("bar").style.width = `${Math.round((100 * (state === "done" ? phases.length : index)) / phases.length)}%`;
    $("phase").textContent = state === "done" ? w.play_done : phaseName(phase);
    $("rep").textContent = state === "done" ? "" : [repText(phase), rangeText(phase)].filter(Boolean).join(" · ");
    $("do").textContent = doText(phase, exercise);
    showCount(phase);
    const toggle = $("toggle");
    toggle.textContent = { idle: w.play_start, done: w.play_start, playing: w.play_pause }[state] || w.play_resume;
    root.dataset.state = state;
    $("breath").hidden = !(phase.breaths && state !== "done");
    $("more").hidden = !(phase.kind === "more" && state !== "done");
    $("minute").hidden = !(phase.unit === "minutes" && state !== "done");
    $("add").disabled = !phase.seconds || state === "done";
    $("back").disabled = index === 0 && state !== "done";
    $("next").disabled = state === "done";
  }

  function rangeText(phase) {
    if (!phase.span) return "";
    return format(w.play_guide, { amount: amountText(phase.unit, phase.span.low, phase.span.high) });
  }

  function announce(text) {
    $("live").textContent = text;
  }

  function phaseAnnouncement(phase) {
    const exercise = data.exercises[items[phase.item].id];
    const parts = [phaseName(phase)];
    if (phase.kind === "ready") parts.unshift(exercise.title);
    if (phase.breaths) parts.push(amountText("breaths", phase.breaths));
    else if (phase.kind === "hold" || phase.kind === "work") parts.push(amountText(phase.unit, phase.amount));
    const rep = repText(phase);
    if (rep) parts.push(rep);
    return parts.join(". ");
  }

  // ----- sound: speech and beeps, set up only by the Start press -----

  function speak(text) {
    if (!settings.voice || !("speechSynthesis" in window)) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    const local = speechSynthesis.getVoices().find((v) => v.localService && v.lang.startsWith(utterance.lang.slice(0, 2)));
    if (local) utterance.voice = local;
    speechSynthesis.speak(utterance);  // queued: a later cue never cuts off an earlier one
  }

  function beep(frequency, ms) {
    if (!settings.beeps || !audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.2;
    oscillator.frequency.value = frequency;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + ms / 1000);
  }

  function primeSound() {
    if ("speechSynthesis" in window) speechSynthesis.speak(new SpeechSynthesisUtterance(""));
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio && audio.state === "suspended") audio.resume();
  }

  // ----- keeping the screen awake while the player is in use -----

  async function keepAwake() {
    if (!("wakeLock" in navigator)) {
      hint(w.play_awake_no);
      return;
    }
    try {
      lock = await navigator.wakeLock.request("screen");
      lock.addEventListener("release", () => { lock = null; });
      hint("");
    } catch (error) {
      hint(w.play_awake_no);
    }
  }

  function letSleep() {
    if (lock) lock.release();
    lock = null;
  }

  function hint(text) {
    $("hint").textContent = text;
    $("hint").hidden = !text;
  }

  // ----- moving through the timeline -----

  function enter(i) {
    index = Math.max(0, Math.min(i, phases.length - 1));
    const phase = phases[index];
    breath = 1;
    lastSecond = null;
    remaining = (phase.seconds || 0) * 1000;
    if (state === "waiting") state = "playing";
    if (state === "playing") deadline = now() + remaining;
    render();
    announce(phaseAnnouncement(phase));
    if (state === "playing") speak(phaseName(phase));
  }

  function next() {
    if (index + 1 >= phases.length) return finish();
    enter(index + 1);
  }

  function finish() {
    state = "done";
    render();
    announce(`${w.play_done}. ${w.play_do_done}`);
    speak(w.play_done);
    beep(660, 400);
    letSleep();
  }

  // The phase's time is up: move on, or wait for Next when auto-advance is off.
  function timeUp() {
    beep(880, 400);
    const phase = phases[index];
    if (settings.auto && phase.kind !== "more") return next();
    state = "waiting";
    remaining = 0;
    render();
    announce(w.play_wait);
  }

  function tick() {
    if (state !== "playing") return;
    const phase = phases[index];
    if (!phase.seconds) return;
    const second = showCount(phase);
    if (second !== lastSecond && second <= 3 && second > 0) beep(660, 120);  // the last 3 seconds
    lastSecond = second;
    if (deadline - now() <= 0) timeUp();
  }

  function play() {
    const wasIdle = state === "idle" || state === "done";
    if (state === "done") index = 0;
    primeSound();
    state = "playing";
    $("resume").hidden = true;
    keepAwake();
    if (wasIdle) {
      root.scrollIntoView({ block: "start" });  // the count, the step and the stop rules in view
      enter(index);
    } else {
      deadline = now() + remaining;
      render();
      announce(`${w.play_resume}. ${phaseName(phases[index])}`);
    }
    root.focus({ preventScroll: true });
  }

  function pause(hidden) {
    if (state !== "playing" && state !== "waiting") return;
    remaining = state === "playing" ? Math.max(0, deadline - now()) : 0;
    state = "paused";
    render();
    $("resume").hidden = !hidden;
    announce(hidden ? w.play_hidden_pause : w.play_pause);
  }

  function toggle() {
    if (state === "playing" || state === "waiting") pause(false);
    else play();
  }

  function addTime(seconds) {
    const phase = phases[index];
    if (!phase.seconds || state === "done") return;
    if (state === "waiting") {
      state = "playing";
      deadline = now() + seconds * 1000;
    } else if (state === "playing") {
      deadline += seconds * 1000;
    } else {
      remaining += seconds * 1000;
    }
    lastSecond = null;
    render();
  }

  function nextBreath() {
    const phase = phases[index];
    if (!phase.breaths) return;
    if (state === "idle") play();
    if (breath < phase.breaths) {
      breath += 1;
      render();
    } else if (settings.auto) {
      next();
    } else {
      state = "waiting";
      render();
      announce(w.play_wait);
    }
  }

  function onceMore() {
    const phase = phases[index];
    const item = items[phase.item];
    item.choice.repetitions += 1;
    rebuild(phase.item);
    const start = phases.findIndex((p) => p.item === phase.item && p.kind === "more" && p.at.repetition === phase.at.repetition);
    if (state !== "playing") play();
    enter(start + 1);
  }

  function leave() {
    letSleep();
    if ("speechSynthesis" in window) speechSynthesis.cancel();
    window.location.href = exitHref();
  }

  function exitHref() {
    if (data.items) return data.exit;
    if (items.length === 1 && !/[&]/.test(window.location.hash)) return data.exercises[items[0].id].page;
    return `${data.builder}${window.location.hash}`;
  }

  // ----- settings (kept on this device only when the person asks) -----

  function loadSettings() {
    let stored = null;
    try {
      stored = JSON.parse(window.localStorage.getItem(STORE) || "null");
    } catch (error) {
      stored = null;
    }
    if (stored && typeof stored === "object") {
      for (const key of Object.keys(settings)) if (typeof stored[key] === "boolean") settings[key] = stored[key];
      $("remember").checked = true;
    }
    for (const key of Object.keys(settings)) $(key).checked = settings[key];
  }

  function saveSettings() {
    for (const key of Object.keys(settings)) settings[key] = $(key).checked;
    try {
      if ($("remember").checked) window.localStorage.setItem(STORE, JSON.stringify(settings));
      else window.localStorage.removeItem(STORE);
    } catch (error) {
      // storage refused (private mode): the settings still hold for this visit
    }
    if (settings.beeps && state !== "idle") primeSound();
  }

  // ----- the person's amounts, within the guide's ranges -----

  function select(label, span, value, unit, onChange) {
    const wrap = el("p");
    const id = `traction-player-amount-${document.querySelectorAll("[data-player-amount]").length}`;
    const caption = el("label", label);
    caption.htmlFor = id;
    const input = el("select");
    input.id = id;
    input.dataset.playerAmount = "";
    for (let n = span.low; n <= span.high; n += 1) {
      const option = el("option", unit ? amountText(unit, n) : String(n));
      option.value = String(n);
      option.selected = n === value;
      input.append(option);
    }
    input.addEventListener("change", () => onChange(Number(input.value)));
    wrap.append(caption, " ", input);
    return wrap;
  }

  function amountControls() {
    const box = $("amounts");
    box.replaceChildren();
    items.forEach((item) => {
      const title = data.exercises[item.id].title;
      const changed = () => { rebuild(phases[index].item); render(); };
      item.plan.works.forEach((work, k) => {
        if (work.span.low === work.span.high) return;
        const label = format(w[`play_amount_${work.phase}`], { title, unit: w[`unit_${work.unit}`] });
        box.append(select(label, work.span, item.choice.amounts[k], work.unit, (n) => { item.choice.amounts[k] = n; changed(); }));
      });
      const span = item.plan.repeats.span;
      if (item.plan.repeats.kind === "count" && span.low !== span.high) {
        const label = format(w.play_amount_reps, { title });
        box.append(select(label, span, item.choice.repetitions, null, (n) => { item.choice.repetitions = n; changed(); }));
      }
    });
    $("amounts-box").hidden = box.children.length === 0;
  }

  // ----- wiring -----

  function showMessages(messages) {
    $("message").replaceChildren(...messages.map((m) => el("span", m)));
    $("message").hidden = messages.length === 0;
  }

  function init() {
    const raw = window.location.hash.slice(1).slice(0, 2000);
    let fragment = raw;
    try {
      fragment = decodeURIComponent(raw);
    } catch (error) {
      fragment = raw;  // a damaged escape: the id check below turns it away
    }
    const messages = [];
    let start = 0;
    if (data.items) [items, start] = routineItems(fragment, messages);
    else items = fragment ? cardItems(raw, messages) : [];
    showMessages(messages);
    if (!items.length) {
      root.hidden = true;
      return;
    }
    const pick = document.getElementById("traction-player-pick");
    if (pick) pick.hidden = true;
    items.forEach((item) => { item.choice = defaultChoice(item.plan); });
    rebuild();
    state = "idle";
    shownItem = null;
    index = phases.findIndex((p) => p.item === start);
    remaining = phases[index].seconds * 1000;
    root.hidden = false;
    amountControls();
    render();
  }

  const keys = { p: toggle, n: next, b: () => { if (index > 0) enter(index - 1); }, a: () => addTime(15) };
  root.addEventListener("keydown", (event) => {
    // Single-key shortcuts only while the player has focus, never while typing or picking.
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
    const action = keys[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  $("toggle").addEventListener("click", toggle);
  $("next").addEventListener("click", next);
  $("back").addEventListener("click", () => {
    if (state === "done") state = "paused";
    enter(index - 1);
  });
  $("add").addEventListener("click", () => addTime(15));
  $("minute").addEventListener("click", () => addTime(60));
  $("breath").addEventListener("click", nextBreath);
  $("more").addEventListener("click", onceMore);
  $("resume").addEventListener("click", play);
  $("exit").addEventListener("click", leave);
  for (const key of ["auto", "voice", "beeps", "remember"]) $(key).addEventListener("change", saveSettings);
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) pause(true);
    else if (state !== "idle" && state !== "done") keepAwake();  // the browser let go of it while hidden
  });
  window.addEventListener("hashchange", init);
  loadSettings();
  init();
  window.setInterval(tick, TICK);
})();
