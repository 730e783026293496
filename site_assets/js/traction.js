// Print buttons on card pages. Kept in a file (not inline handlers) so pages need no inline script.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-traction-print]");
  if (button) {
    window.print();
  }
});
