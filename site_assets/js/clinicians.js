// Clinician page: draw each link's QR code in the browser when it scrolls into view. Hundreds of
// codes would otherwise make every build (and the page) heavy.
(() => {
  const cells = document.querySelectorAll("[data-traction-qr]");
  if (!cells.length || typeof qrcode !== "function") {
    return;
  }
  const draw = (cell) => {
    const code = qrcode(0, "M");
    code.addData(cell.dataset.tractionQr, "Byte");
    code.make();
    const markup = code.createSvgTag({ cellSize: 4, margin: 8, scalable: true });
    const svg = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
    svg.setAttribute("class", "traction-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", cell.dataset.tractionQrLabel);
    cell.replaceChildren(document.importNode(svg, true));
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }
  }, { rootMargin: "400px" });
  cells.forEach((cell) => observer.observe(cell));
  window.addEventListener("beforeprint", () => cells.forEach((cell) => cell.firstChild || draw(cell)));
})();
