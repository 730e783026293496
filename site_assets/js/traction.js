// Print buttons on card pages. Kept in a file (not inline handlers) so pages need no inline script.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-traction-print]");
  if (button) {
    window.print();
  }
});

// Copy text to the clipboard; false when the browser refuses (then the caller shows the text).
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    return false;
  }
}

// Redirect pages (short links, renamed exercises): keep any #step anchor the old link carried.
(() => {
  const link = document.querySelector("a[data-traction-redirect]");
  if (link) {
    const target = new URL(link.getAttribute("href"), window.location.href);
    if (window.location.hash && !target.hash) {
      target.hash = window.location.hash;
    }
    window.location.replace(target.href);
  }
})();

// "Copy link" on each step: copy the step's full address and say so to screen readers.
document.addEventListener("click", async (event) => {
  const control = event.target.closest("[data-traction-copy]");
  if (!control) {
    return;
  }
  event.preventDefault();
  const url = new URL(control.getAttribute("href"), window.location.href).href;
  const copied = await copyText(url);
  const status = document.getElementById("traction-status");
  if (status) {
    status.textContent = copied ? control.dataset.copied : `${url}`;
    window.clearTimeout(status.traction);
    status.traction = window.setTimeout(() => { status.textContent = ""; }, 4000);
  }
});

// Filter on the clinician page: hide exercises whose title, other names and rows do not mention
// what was typed, and say so when nothing is left.
document.addEventListener("input", (event) => {
  const input = event.target.closest("[data-traction-filter]");
  if (!input) {
    return;
  }
  const words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const root = document.getElementById(input.dataset.tractionFilter);
  let shown = 0;
  for (const section of root.querySelectorAll("[data-traction-filterable]")) {
    const names = `${section.querySelector("h3").textContent} ${section.dataset.tractionNames || ""}`.toLowerCase();
    let visibleRows = 0;
    for (const row of section.querySelectorAll("tbody tr")) {
      const text = (names + " " + row.textContent).toLowerCase();
      const show = words.every((word) => text.includes(word));
      row.hidden = !show;
      visibleRows += show ? 1 : 0;
    }
    section.hidden = visibleRows === 0;
    shown += visibleRows;
  }
  const none = document.getElementById("traction-filter-none");
  if (none) {
    none.textContent = shown === 0 ? none.dataset.template.replace("{query}", input.value.trim()) : "";
  }
});

// Not-found page (404.html, served by static hosts for any missing address). Short codes do not
// care about case: a code typed with capitals (a phone capitalises the first letter) is sent on in
// lower case. The code box accepts a code in any case, with spaces, or a whole short link.
(() => {
  const box = document.getElementById("traction-not-found");
  if (!box) {
    return;
  }
  const root = new URL(box.dataset.tractionRoot || "/", window.location.href);
  const clean = (value) => value.trim().toLowerCase().replace(/^.*\/s\//, "").replace(/[^a-z0-9-]/g, "");
  const open = (code) => new URL(`s/${code}/`, root).href;
  const match = /\/s\/([^/]+)\/?$/.exec(window.location.pathname);
  const input = document.getElementById("traction-code");
  const message = document.getElementById("traction-code-message");
  if (match) {
    const typed = decodeURIComponent(match[1]);
    const code = clean(typed);
    if (code && code !== typed) {
      window.location.replace(open(code) + window.location.hash);
      return;
    }
    input.value = typed;
    message.textContent = box.dataset.tractionUnknown.replace("{code}", typed);
  }
  document.getElementById("traction-code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = clean(input.value);
    if (code) {
      window.location.assign(open(code));
    } else {
      message.textContent = box.dataset.tractionEmpty;
      input.focus();
    }
  });
})();

// Search: when nothing matches, say so kindly and offer the two places a patient can always start.
(() => {
  const result = document.querySelector(".md-search-result");
  const input = document.querySelector("input.md-search__input");
  const config = document.getElementById("__config");
  const words = document.getElementById("traction-search-words");
  if (!result || !input || !config || !words) {
    return;
  }
  const base = new URL(JSON.parse(config.textContent).base || ".", window.location.href);
  const data = JSON.parse(words.textContent);
  const help = document.createElement("div");
  help.className = "traction-search-help";
  help.hidden = true;
  const text = document.createElement("p");
  const links = document.createElement("ul");
  for (const link of data.links) {
    const item = document.createElement("li");
    const anchor = document.createElement("a");
    anchor.href = new URL(link.path, base).href;
    anchor.textContent = link.label;
    item.append(anchor);
    links.append(item);
  }
  help.append(text, links);
  result.append(help);
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  if (!meta || !list) {
    return;
  }
  const update = () => {
    const query = input.value.trim();
    const empty = query !== "" && list.children.length === 0 && !/initiali/i.test(meta.textContent);
    const message = empty ? data.none.replace("{query}", query) : "";
    // Only touch our own box when something changed: the observer below would otherwise see our
    // change and run again, forever.
    if (help.hidden === empty) help.hidden = !empty;
    if (text.textContent !== message) text.textContent = message;
  };
  // Material rewrites the count and the list on every keystroke; watch those, never our box.
  const observer = new MutationObserver(update);
  observer.observe(meta, { childList: true, characterData: true, subtree: true });
  observer.observe(list, { childList: true });
  input.addEventListener("input", () => {
    update();
    window.setTimeout(update, 100);  // again once Material has searched for the new text
  });
})();

// Clinician mode: the Copy link controls and short codes beside each instruction are for
// clinicians, so they show only once turned on. The choice is kept on this device only when asked
// ("Remember"); otherwise it ends with the page. Patients get one "Share this exercise" button.
(() => {
  const KEY = "traction-clinician-mode";
  const panels = document.querySelectorAll(".traction-clinician-panel");
  const toggles = document.querySelectorAll("[data-traction-clinician-toggle]");
  const remembers = document.querySelectorAll("[data-traction-clinician-remember]");
  const storage = (() => {
    try {
      return window.localStorage;
    } catch (error) {
      return null;  // storage blocked: the mode still works for this page
    }
  })();
  const remembered = storage && storage.getItem(KEY) === "on";
  const show = (on) => {
    document.body.classList.toggle("traction-clinician", on);
    toggles.forEach((box) => { box.checked = on; });
  };
  const save = () => {
    if (!storage) return;
    if (remembers.length && remembers[0].checked) storage.setItem(KEY, document.body.classList.contains("traction-clinician") ? "on" : "off");
    else storage.removeItem(KEY);
  };
  panels.forEach((panel) => { panel.hidden = false; });
  remembers.forEach((box) => { box.checked = remembered; });
  show(remembered);
  toggles.forEach((box) => box.addEventListener("change", () => { show(box.checked); save(); }));
  remembers.forEach((box) => box.addEventListener("change", () => {
    remembers.forEach((other) => { other.checked = box.checked; });
    save();
  }));
})();

// "Share this exercise": the phone's share sheet where there is one, else copy the page's address.
(() => {
  const button = document.querySelector("[data-traction-share]");
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    const url = window.location.href.split("#")[0];
    const status = document.getElementById("traction-status");
    if (navigator.share) {
      try {
        await navigator.share({ title: document.title, url });
        return;
      } catch (error) {
        if (error && error.name === "AbortError") return;  // the person closed the share sheet
      }
    }
    const copied = await copyText(url);
    if (status) {
      status.textContent = copied ? button.dataset.shared : url;
      window.clearTimeout(status.traction);
      status.traction = window.setTimeout(() => { status.textContent = ""; }, 4000);
    }
  });
})();

// A link to one instruction (#step-…, or an old id kept as an alias inside it) lands with a
// one-line banner ("You were sent to instruction 2 — see the whole exercise from the top") and
// the instruction before it in view, so the linked one is read in its context.
(() => {
  const banner = document.getElementById("traction-deeplink");
  if (!banner) {
    return;
  }
  const land = () => {
    let target = null;
    try {
      target = window.location.hash.length > 1 ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    } catch (error) {
      target = null;  // a malformed #fragment is simply no deep link
    }
    const step = target && target.closest(".traction-step");
    banner.hidden = !step;
    document.body.classList.toggle("traction-deeplinked", Boolean(step));
    if (!step) {
      return;
    }
    const number = [...step.parentElement.children].indexOf(step) + 1;
    banner.querySelector(".traction-deeplink__text").textContent = banner.dataset.text.replace("{n}", number);
    const previous = step.previousElementSibling;
    window.requestAnimationFrame(() => (previous || step).scrollIntoView({ block: "start" }));
  };
  banner.querySelector("[data-traction-top]").addEventListener("click", (event) => {
    event.preventDefault();
    window.scrollTo({ top: 0 });
  });
  window.addEventListener("hashchange", land);
  if (document.readyState === "complete") {
    land();
  } else {
    window.addEventListener("load", land);
  }
})();

// Offline use of the hosted guide: its service worker (sw.js, written by the build) keeps every
// page and picture after one visit. Browsers allow workers only on https or localhost, never on
// file://, so the offline zip simply goes without; a refused registration changes nothing else.
(() => {
  const meta = document.querySelector('meta[name="traction-service-worker"]');
  if (!meta || !("serviceWorker" in navigator) || window.location.protocol === "file:") {
    return;
  }
  const script = new URL(meta.content, window.location.href);
  const register = () => navigator.serviceWorker.register(script.href, { scope: new URL("./", script).href }).catch(() => {});
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);  // after the page itself, so it loads no slower
  }
})();
