// The custom card builder. Everything the clinician picks lives in the page address (after #),
// so nothing is sent to a server or stored. Anything read from the address is treated as data:
// ids are checked against the guide, numbers are checked (an amount outside the guide's range is
// kept as written and marked, never changed silently), and text is only ever set with textContent.
//
// Two views of one address: the editor, and (with v=1, the link a patient is sent) a read-only
// card with an "Edit this card" link back to the editor.
//
// The card itself is the routine card's markup: the page carries it (and each exercise's entry,
// at the guide's dosage) in <template> elements rendered from the same Jinja macros, so the words,
// layout and pictures come from there. The script clones them and only sets what the clinician
// chose: numbers, the order, the title, how often and the note.
(() => {
  const dataElement = document.getElementById("traction-builder-data");
  if (!dataElement) {
    return;
  }
  const data = JSON.parse(dataElement.textContent);
  const w = data.words;
  const KEYS = ["d", "h", "r", "s"];  // duration, hold, repetitions, sets
  const ITEM = /^([a-z0-9]+(?:-[a-z0-9]+)*)((?:\.[hdrs][0-9]{1,4}){0,4})$/;
  const $ = (id) => document.getElementById(id);
  let state;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  }

  // Amounts an added exercise starts with: the lowest the guide gives, so a new card starts
  // gently. (An exercise in a link without amounts keeps the guide's own, as on routine cards.)
  function defaults(dosage) {
    const item = {};
    if (dosage.hold) item.h = dosage.hold.min;
    if (dosage.duration) item.d = dosage.duration.min;
    if (dosage.repetitions && typeof dosage.repetitions === "object") item.r = dosage.repetitions.min;
    return item;
  }

  function field(dosage, key) {
    return { h: dosage.hold, d: dosage.duration, r: dosage.repetitions }[key];
  }

  // The guide's range for an amount, or null when the guide gives none (sets).
  function limits(dosage, key) {
    const value = field(dosage, key);
    return value && typeof value === "object" ? [value.min, value.max || value.min] : null;
  }

  function outside(exercise, item, key) {
    const range = limits(exercise.dosage, key);
    return Boolean(range) && key in item && (item[key] < range[0] || item[key] > range[1]);
  }

  // The guide's dosage line (dosage_text.slotted_line) with the clinician's numbers in its slots.
  function dosageText(exercise, item) {
    const { line, slots } = exercise.dosage_line;
    return line.replace(/\{([dhrs])\}/g, (_, key) => (key in item
      ? format(slots[key][item[key] === 1 ? "one" : "many"], { n: item[key] })
      : slots[key].guide));
  }

  // An amount as [lowest, highest]: the clinician's number, else the guide's range.
  function span(dosage, item, key) {
    return key in item ? [item[key], item[key]] : limits(dosage, key);
  }

  // How long the card takes, worked out from its amounts as card.py does for routine cards.
  function seconds(amount, [low, high]) {
    const [fast, slow] = amount.unit === "minutes" ? [60, 60] : amount.unit === "breaths" ? data.timing.breath_seconds : [1, 1];
    return [low * fast, high * slow];
  }

  function minutes() {
    let low = 0;
    let high = 0;
    for (const item of state.items) {
      const dosage = data.exercises[item.id].dosage;
      let [a, b] = dosage.duration ? seconds(dosage.duration, span(dosage, item, "d")) : [0, 0];
      if (dosage.hold) {
        const [holdLow, holdHigh] = seconds(dosage.hold, span(dosage, item, "h"));
        const reps = limits(dosage, "r") ? span(dosage, item, "r") : data.timing.worded_repetitions[dosage.repetitions] || [1, 1];
        const sets = item.s || 1;
        a += holdLow * reps[0] * sets;
        b += holdHigh * reps[1] * sets;
      }
      const sides = dosage.per_side ? 2 : 1;
      low += a * sides;
      high += b * sides;
    }
    return [Math.max(1, Math.floor(low / 60)), Math.max(1, Math.ceil(high / 60))];
  }

  function minutesText([from, to]) {
    return from === to ? String(from) : format(w.range, { min: from, max: to });
  }

  // A short, stable name for a custom card in its calendar file: a hash of its link, so the same
  // card gets the same reminder id and no title or note can be read from it.
  function cardId(text) {
    let hash = 0x811c9dc5;  // FNV-1a, 32 bits
    for (const byte of new TextEncoder().encode(text)) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    return `card-${hash.toString(16).padStart(8, "0")}`;
  }

  // "Add to my calendar" (reminder.js) reads what the reminder is for from its box: this card.
  function updateReminder(url) {
    const box = document.querySelector("[data-reminder]");
    if (!box) return;
    const span = minutes();
    box.hidden = state.items.length === 0;
    Object.assign(box.dataset, {
      id: cardId(encode(true)), title: state.title || w.builder_card_title, url, minutes: span[1], minutesText: minutesText(span),
    });
  }

  function encode(view) {
    const items = state.items.map((item) => item.id + KEYS.filter((k) => k in item).map((k) => `.${k}${item[k]}`).join(""));
    const params = new URLSearchParams();
    if (items.length) params.set("x", items.join("~"));
    if (state.title) params.set("t", state.title);
    if (state.often) params.set("often", state.often);
    if (state.note) params.set("note", state.note);
    if (view) params.set("v", "1");
    return params.toString();
  }

  function decode(hash) {
    const problems = [];
    if (!hash) return problems;
    if (hash.length > data.max_hash) return [w.builder_too_long];
    let params;
    try {
      params = new URLSearchParams(hash);
    } catch (error) {
      return [w.builder_damaged];
    }
    const unknown = [];
    const marked = [];
    const zero = [];
    for (const part of (params.get("x") || "").split("~").filter(Boolean)) {
      const match = ITEM.exec(part);
      if (!match) return [w.builder_damaged];
      const exercise = data.exercises[match[1]];
      if (!exercise) {
        unknown.push(match[1]);
        continue;
      }
      const item = { id: match[1] };
      for (const value of match[2].split(".").filter(Boolean)) {
        const key = value[0];
        const number = Number(value.slice(1));
        if (key === "s") {
          if (number > 0 && limits(exercise.dosage, "r")) item.s = number;  // sets only where repetitions are counted
          continue;
        }
        if (!limits(exercise.dosage, key)) continue;
        if (number === 0) {
          zero.push(exercise.title);  // the guide's lowest amount instead, and the message says so
          item[key] = limits(exercise.dosage, key)[0];
          continue;
        }
        item[key] = number;
        if (outside(exercise, item, key)) marked.push(exercise.title);
      }
      if (state.items.length >= data.capacity) {
        problems.push(format(w.builder_too_many, { n: data.capacity }));
        break;
      }
      state.items.push(item);
    }
    state.title = (params.get("t") || "").slice(0, data.title_max);
    state.often = (params.get("often") || "").slice(0, data.often_max);
    state.note = (params.get("note") || "").slice(0, data.note_max);
    state.view = params.get("v") === "1";
    if (unknown.length) problems.push(`${w.builder_unknown} ${unknown.join(", ")}`);
    if (marked.length) problems.push(`${w.builder_outside_link} ${[...new Set(marked)].join(", ")}`);
    if (zero.length) problems.push(`${w.builder_zero} ${[...new Set(zero)].join(", ")}`);
    return problems;
  }

  function showMessages(messages) {
    const box = $("traction-builder-message");
    box.replaceChildren(...messages.map((message) => el("span", "", message)));
    box.hidden = messages.length === 0;
  }

  function qrSvg(text, label) {
    const code = qrcode(0, "L");
    code.addData(text, "Byte");
    code.make();
    const markup = code.createSvgTag({ cellSize: 4, margin: 8, scalable: true });
    const svg = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
    svg.setAttribute("class", "traction-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    return document.importNode(svg, true);
  }

  function unitLabel(exercise, key) {
    if (key === "s") return w.unit_sets;
    if (key === "r") return exercise.dosage.per_side ? w.unit_times_each_side : w.unit_times;
    return w[`unit_${field(exercise.dosage, key).unit}`];
  }

  // One amount: its label, the number, its unit, the guide's range, and a mark when outside it.
  function numberInput(item, key, exercise, label) {
    const range = limits(exercise.dosage, key);
    const id = `traction-amount-${state.items.indexOf(item)}-${key}`;
    const wrap = el("span", "traction-builder__amount");
    const caption = el("label", "", `${label} `);
    caption.htmlFor = id;
    const input = el("input");
    input.id = id;
    input.type = "number";
    input.min = 1;
    input.step = 1;
    input.inputMode = "numeric";
    input.value = key in item ? item[key] : "";
    if (key === "s") input.placeholder = w.builder_sets_none;
    const unit = el("span", "traction-builder__unit", ` ${unitLabel(exercise, key)}`);
    wrap.append(caption, input, unit);
    if (range) wrap.append(el("span", "traction-builder__range", ` (${format(w.builder_guide_range, { range: range[0] === range[1] ? range[0] : format(w.range, { min: range[0], max: range[1] }) })})`));
    if (outside(exercise, item, key)) {
      const mark = el("strong", "traction-builder__outside", ` ${w.builder_outside}`);
      mark.id = `${id}-outside`;
      input.setAttribute("aria-describedby", mark.id);
      input.setAttribute("aria-invalid", "false");
      wrap.append(mark);
    }
    input.addEventListener("change", () => {
      const number = Math.round(Number(input.value));
      if (input.value === "" || (key === "s" && number === 0)) {
        delete item[key];  // no number: the guide's own amount (or no sets)
      } else if (Number.isFinite(number) && number >= 1 && number <= 9999) {
        item[key] = number;  // kept as the clinician wrote it, even outside the guide's range
      }
      update();
      const again = $(id);
      if (again) again.focus();
    });
    return wrap;
  }

  function renderList() {
    const list = $("traction-builder-list");
    list.replaceChildren();
    $("traction-builder-empty").hidden = state.items.length > 0;
    state.items.forEach((item, index) => {
      const exercise = data.exercises[item.id];
      const row = el("li", "traction-builder__item");
      row.append(el("strong", "", `${exercise.stage}. ${exercise.title}`), " ");
      const amounts = el("span", "traction-builder__amounts");
      const dosage = exercise.dosage;
      if (dosage.duration) amounts.append(numberInput(item, "d", exercise, w.duration_label));
      if (dosage.hold) amounts.append(numberInput(item, "h", exercise, w.hold_label));
      if (limits(dosage, "r")) amounts.append(numberInput(item, "r", exercise, w.reps_label));
      if (limits(dosage, "r")) amounts.append(numberInput(item, "s", exercise, w.builder_sets_label));
      row.append(amounts);
      const buttons = [
        [w.builder_up, index === 0, () => state.items.splice(index - 1, 0, ...state.items.splice(index, 1))],
        [w.builder_down, index === state.items.length - 1, () => state.items.splice(index + 1, 0, ...state.items.splice(index, 1))],
        [w.builder_remove, false, () => state.items.splice(index, 1)],
      ];
      for (const [label, cannot, action] of buttons) {
        const button = el("button", "md-button traction-builder__button", label);
        button.type = "button";
        button.disabled = cannot;  // a control that cannot act says so, instead of doing nothing
        button.setAttribute("aria-label", `${label}: ${exercise.title}`);
        button.addEventListener("click", () => {
          action();
          update();
        });
        row.append(button);
      }
      list.append(row);
    });
    const full = state.items.length >= data.capacity;
    for (const add of document.querySelectorAll("[data-builder-add]")) {
      add.disabled = full;
    }
    if (full) showMessages([format(w.builder_at_capacity, { n: data.capacity })]);
  }

  // Exercise entries of the card, as the page carries them (ids come from the guide).
  const entries = new Map([...document.querySelectorAll("template[data-exercise]")].map((t) => [t.dataset.exercise, t]));

  function renderCard(url) {
    const card = document.importNode($("traction-card-template").content, true).firstElementChild;
    card.classList.add(`traction-card--${data.layouts[state.items.length]}`);
    const find = (selector) => card.querySelector(selector);
    if (state.title) find("h1").textContent = state.title;
    find(".traction-card__qr").replaceChildren(qrSvg(url, w.qr_card_label));
    const equipment = [...new Set(state.items.flatMap((item) => data.exercises[item.id].equipment))];
    const need = find("[data-card-equipment]");
    if (equipment.length) need.querySelector("dd").textContent = equipment.join(need.dataset.separator);
    find("[data-card-minutes] dd").textContent = format(w.card_how_long_value, { range: minutesText(minutes()) });
    if (state.often) find(".traction-card__often dd").textContent = state.often;
    find(".traction-card__list").append(...state.items.map((item) => {
      const entry = document.importNode(entries.get(item.id).content, true);
      const exercise = data.exercises[item.id];
      if (KEYS.some((key) => key in item)) entry.querySelector(".traction-card__dosage").textContent = dosageText(exercise, item);
      return entry;
    }));
    if (state.note) {
      const note = find(".traction-card__note-text");
      note.textContent = state.note;
      note.hidden = false;
      for (const line of card.querySelectorAll(".traction-card__line")) line.remove();
    }
    $("traction-builder-card").replaceChildren(card);
  }

  function update() {
    const hash = encode(state.view);
    history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
    const base = window.location.href.split("#")[0];
    const shared = `${base}#${encode(true)}`;  // what the patient gets: the read-only card
    $("traction-builder-link").value = shared;
    $("traction-builder-copy").setAttribute("href", shared);
    $("traction-builder-edit").setAttribute("href", `#${encode(false)}`);
    const play = $("traction-builder-play");  // the player reads the same fragment, and Exit comes back to this view
    play.setAttribute("href", `${play.dataset.play}#${encode(state.view)}`);
    $("traction-builder-title").value = state.title;
    $("traction-builder-often").value = state.often;
    $("traction-builder-note").value = state.note;
    $("traction-builder-note-count").textContent = format(w.builder_note_count, { n: state.note.length, max: data.note_max });
    document.body.classList.toggle("traction-builder-viewing", state.view);
    $("traction-builder-form").hidden = state.view;
    $("traction-builder-view-bar").hidden = !state.view;
    renderList();
    renderCard(shared);
    updateReminder(shared);
  }

  function start() {
    state = { items: [], title: "", often: "", note: "", view: false };
    let messages;
    try {
      messages = decode(window.location.hash.slice(1));
    } catch (error) {
      messages = [w.builder_damaged];
    }
    if (messages.length && (messages[0] === w.builder_damaged || messages[0] === w.builder_too_long)) {
      state = { items: [], title: "", often: "", note: "", view: false };
    }
    showMessages(messages);
    update();
  }

  document.addEventListener("click", (event) => {
    const add = event.target.closest("[data-builder-add]");
    if (!add || add.disabled) return;
    if (state.items.length >= data.capacity) return;
    const id = add.dataset.builderAdd;
    state.items.push({ id, ...defaults(data.exercises[id].dosage) });
    showMessages([]);
    update();
  });
  for (const [id, key, max] of [["traction-builder-note", "note", "note_max"], ["traction-builder-title", "title", "title_max"], ["traction-builder-often", "often", "often_max"]]) {
    $(id).addEventListener("input", (event) => {
      state[key] = event.target.value.slice(0, data[max]);
      const { selectionStart, selectionEnd } = event.target;
      update();
      event.target.setSelectionRange(selectionStart, selectionEnd);
    });
  }
  // "Edit this card" (and any other change of address by the person) opens that card afresh.
  window.addEventListener("hashchange", start);
  start();
})();
