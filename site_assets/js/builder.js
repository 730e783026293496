// The custom card builder. Everything the clinician picks lives in the page address (after #),
// so nothing is sent to a server or stored. Anything read from the address is treated as data:
// ids are checked against the guide, numbers are clamped to the ranges the guide allows, and
// text is only ever set with textContent.
(() => {
  const dataElement = document.getElementById("traction-builder-data");
  if (!dataElement) {
    return;
  }
  const data = JSON.parse(dataElement.textContent);
  const w = data.words;
  const state = { items: [], note: "" };
  const $ = (id) => document.getElementById(id);
  const ITEM = /^([a-z0-9]+(?:-[a-z0-9]+)*)((?:\.[hdr][0-9]{1,4}){0,3})$/;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  }

  function unitWords(unit, n) {
    return format(w.dosage[`${unit}_${n === 1 ? "one" : "many"}`], { n });
  }

  // Default amounts: the lowest the guide gives, so a new card starts gently.
  function defaults(dosage) {
    const item = {};
    if (dosage.hold) item.h = dosage.hold.min;
    if (dosage.duration) item.d = dosage.duration.min;
    if (dosage.repetitions && typeof dosage.repetitions === "object") item.r = dosage.repetitions.min;
    return item;
  }

  function limits(dosage, key) {
    const field = { h: dosage.hold, d: dosage.duration, r: dosage.repetitions }[key];
    return field && typeof field === "object" ? [field.min, field.max || field.min] : null;
  }

  function dosageText(exercise, item) {
    const dosage = exercise.dosage;
    const parts = [];
    if (dosage.duration) parts.push(format(w.dosage.duration, { amount: unitWords(dosage.duration.unit, item.d) }));
    if (dosage.hold) parts.push(format(w.dosage.hold, { amount: unitWords(dosage.hold.unit, item.h) }));
    if (dosage.repetitions === "several") parts.push(w.dosage.reps_several);
    else if (dosage.repetitions === "as needed") parts.push(w.dosage.reps_as_needed);
    else if (dosage.repetitions) parts.push(format(w.dosage.reps, { count: unitWords("times", item.r) }));
    if (dosage.per_side && parts.length) parts[parts.length - 1] += ` ${w.dosage.each_side}`;
    return parts.join(w.dosage.separator);
  }

  function encode() {
    const items = state.items.map((item) => item.id + ["h", "d", "r"].filter((k) => k in item).map((k) => `.${k}${item[k]}`).join(""));
    const params = new URLSearchParams();
    if (items.length) params.set("x", items.join("~"));
    if (state.note) params.set("note", state.note);
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
    const clamped = [];
    for (const part of (params.get("x") || "").split("~").filter(Boolean)) {
      const match = ITEM.exec(part);
      if (!match) return [w.builder_damaged];
      const exercise = data.exercises[match[1]];
      if (!exercise) {
        unknown.push(match[1]);
        continue;
      }
      const item = { id: match[1], ...defaults(exercise.dosage) };
      for (const value of match[2].split(".").filter(Boolean)) {
        const key = value[0];
        const range = limits(exercise.dosage, key);
        if (!range) continue;
        const number = Number(value.slice(1));
        item[key] = Math.min(Math.max(number, range[0]), range[1]);
        if (item[key] !== number) clamped.push(exercise.title);
      }
      if (state.items.length >= data.capacity) {
        problems.push(format(w.builder_too_many, { n: data.capacity }));
        break;
      }
      state.items.push(item);
    }
    const note = params.get("note") || "";
    state.note = note.slice(0, data.note_max);
    if (unknown.length) problems.push(`${w.builder_unknown} ${unknown.join(", ")}`);
    if (clamped.length) problems.push(`${w.builder_clamped} ${[...new Set(clamped)].join(", ")}`);
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

  function numberInput(item, key, exercise, label) {
    const range = limits(exercise.dosage, key);
    const wrap = el("label", "traction-builder__amount", `${label} `);
    const input = el("input");
    input.type = "number";
    input.min = range[0];
    input.max = range[1];
    input.step = 1;
    input.value = item[key];
    input.addEventListener("change", () => {
      const number = Math.round(Number(input.value));
      item[key] = Math.min(Math.max(Number.isFinite(number) ? number : range[0], range[0]), range[1]);
      update();
    });
    wrap.append(input, ` (${range[0]}–${range[1]})`);
    return wrap;
  }

  function renderList() {
    const list = $("traction-builder-list");
    list.replaceChildren();
    $("traction-builder-empty").hidden = state.items.length > 0;
    state.items.forEach((item, index) => {
      const exercise = data.exercises[item.id];
      const row = el("li", "traction-builder__item");
      row.append(el("strong", "", exercise.title), " ");
      if ("d" in item) row.append(numberInput(item, "d", exercise, w.duration_label));
      if ("h" in item) row.append(numberInput(item, "h", exercise, w.hold_label));
      if ("r" in item) row.append(numberInput(item, "r", exercise, w.reps_label));
      const buttons = [
        [w.builder_up, () => index > 0 && state.items.splice(index - 1, 0, ...state.items.splice(index, 1))],
        [w.builder_down, () => index < state.items.length - 1 && state.items.splice(index + 1, 0, ...state.items.splice(index, 1))],
        [w.builder_remove, () => state.items.splice(index, 1)],
      ];
      for (const [label, action] of buttons) {
        const button = el("button", "md-button traction-builder__button", label);
        button.type = "button";
        button.setAttribute("aria-label", `${label}: ${exercise.title}`);
        button.addEventListener("click", () => {
          action();
          update();
        });
        row.append(button);
      }
      list.append(row);
    });
  }

  function renderCard(url) {
    const card = el("article", `traction-card traction-card--${state.items.length <= data.single_max ? "single" : "double"}`);
    card.id = "card";
    const head = el("header", "traction-card__head");
    const titles = el("div", "traction-card__titles");
    titles.append(el("p", "traction-card__guide", data.guide.title), el("h1", "", w.builder_card_title), el("p", "traction-card__scan", w.scan_for_card));
    const qr = el("div", "traction-card__qr");
    qr.append(qrSvg(url, w.qr_card_label));
    head.append(titles, qr);
    const list = el("ol", "traction-card__list");
    state.items.forEach((item, index) => {
      const exercise = data.exercises[item.id];
      const entry = el("li", "traction-card__item");
      const body = el("div", "traction-card__body");
      if (exercise.thumb) {
        const img = el("img", "traction-card__thumb");
        img.src = exercise.thumb;
        img.alt = exercise.thumb_alt;
        img.width = exercise.thumb_width;
        img.height = exercise.thumb_height;
        body.append(img);
      }
      const text = el("div", "traction-card__text");
      text.append(el("p", "traction-card__dosage", dosageText(exercise, item)));
      if (exercise.cue) text.append(el("p", "traction-card__cue", exercise.cue));
      body.append(text);
      entry.append(el("p", "traction-card__name", `${exercise.stage}. ${exercise.title}`), body);
      list.append(entry);
    });
    const stop = el("section", "traction-card__stop");
    const tiers = el("div", "traction-card__tiers");
    for (const tier of data.safety.tiers) {
      const box = el("div", "traction-card__tier");
      const signs = el("ul");
      signs.append(...tier.signs.map((sign) => el("li", "", sign)));
      box.append(el("h3", "", tier.label), signs);
      tiers.append(box);
    }
    stop.append(el("h2", "", w.card_stop), el("p", "", data.safety.stop), tiers);
    const bottom = el("div", "traction-card__bottom");
    const week = el("section", "traction-card__week");
    const table = el("table", "traction-card__grid");
    const header = el("tr");
    const boxes = el("tr");
    for (let day = 1; day <= 7; day += 1) {
      const th = el("th", "", format(w.day_n, { n: day }));
      th.scope = "col";
      header.append(th);
      const td = el("td");
      td.setAttribute("aria-label", format(w.day_n, { n: day }));
      boxes.append(td);
    }
    table.append(header, boxes);
    week.append(el("h2", "", w.tick_days), table);
    const note = el("section", "traction-card__note");
    note.append(el("h2", "", w.clinician_note));
    if (state.note) note.append(el("p", "traction-card__note-text", state.note));
    else note.append(el("div", "traction-card__line"), el("div", "traction-card__line"));
    bottom.append(week, note);
    const foot = el("footer", "traction-card__foot");
    foot.append(el("p", "", `${w.version} ${data.guide.version} · ${w.last_reviewed} ${data.guide.last_reviewed} · ${data.guide.credit}`));
    card.append(head, list, stop, bottom, foot);
    $("traction-builder-card").replaceChildren(card);
  }

  function update() {
    const hash = encode();
    history.replaceState(null, "", hash ? `#${hash}` : window.location.pathname);
    const url = window.location.href;
    $("traction-builder-link").value = url;
    $("traction-builder-copy").setAttribute("href", url);
    $("traction-builder-note").value = state.note;
    renderList();
    renderCard(url);
  }

  document.addEventListener("click", (event) => {
    const add = event.target.closest("[data-builder-add]");
    if (!add) return;
    if (state.items.length >= data.capacity) {
      showMessages([format(w.builder_too_many, { n: data.capacity })]);
      return;
    }
    const id = add.dataset.builderAdd;
    state.items.push({ id, ...defaults(data.exercises[id].dosage) });
    update();
  });
  $("traction-builder-note").addEventListener("input", (event) => {
    state.note = event.target.value.slice(0, data.note_max);
    update();
  });

  let messages;
  try {
    messages = decode(window.location.hash.slice(1));
  } catch (error) {
    messages = [w.builder_damaged];
  }
  if (messages.length && (messages[0] === w.builder_damaged || messages[0] === w.builder_too_long)) {
    state.items = [];
    state.note = "";
  }
  showMessages(messages);
  update();
})();
