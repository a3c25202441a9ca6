// Progressive enhancement only: reading never needs this file.
// Font size (A−/A/A+), high contrast and the print button; choices persist.
(function () {
  var root = document.documentElement;
  function save(key, value) { try { localStorage.setItem(key, value); } catch (e) {} }
  var fontButtons = document.querySelectorAll("button[data-font]");
  var contrast = document.querySelector("[data-contrast-toggle]");
  function sync() {
    fontButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String((root.dataset.font || "") === b.dataset.font));
    });
    if (contrast) contrast.setAttribute("aria-pressed", String(root.dataset.contrast === "high"));
  }
  fontButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      root.dataset.font = button.dataset.font;
      save("cotrang", button.dataset.font);
      sync();
    });
  });
  if (contrast) contrast.addEventListener("click", function () {
    root.dataset.contrast = root.dataset.contrast === "high" ? "" : "high";
    save("tuongphan", root.dataset.contrast);
    sync();
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  sync();
})();
