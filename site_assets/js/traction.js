// Print buttons on card pages. Kept in a file (not inline handlers) so pages need no inline script.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-traction-print]");
  if (button) {
    window.print();
  }
});

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
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch (error) {
    copied = false;
  }
  const status = document.getElementById("traction-status");
  if (status) {
    status.textContent = copied ? control.dataset.copied : `${url}`;
    window.clearTimeout(status.traction);
    status.traction = window.setTimeout(() => { status.textContent = ""; }, 4000);
  }
});

// Filter on the clinician page: hide exercises whose rows do not mention what was typed.
document.addEventListener("input", (event) => {
  const input = event.target.closest("[data-traction-filter]");
  if (!input) {
    return;
  }
  const words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const root = document.getElementById(input.dataset.tractionFilter);
  for (const section of root.querySelectorAll("[data-traction-filterable]")) {
    const title = section.querySelector("h3").textContent.toLowerCase();
    let visibleRows = 0;
    for (const row of section.querySelectorAll("tbody tr")) {
      const text = (title + " " + row.textContent).toLowerCase();
      const show = words.every((word) => text.includes(word));
      row.hidden = !show;
      visibleRows += show ? 1 : 0;
    }
    section.hidden = visibleRows === 0;
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
