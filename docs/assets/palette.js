/* Color scheme toggle (overrides/partials/palette.html). The scheme follows the system
   setting until the reader picks one with the toggle; that choice is remembered, in the same
   place as Material's, so returning readers keep it. */
(function () {
  "use strict";

  var form = document.querySelector("[data-palette]");
  if (!form || typeof window.__guide_palette !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var chosen = Boolean(__md_get("__palette"));

  function apply(index) {
    // No transitions while the colors swap, as Material does.
    document.body.setAttribute("data-md-color-switching", "");
    window.__guide_palette(index);
    setTimeout(function () {
      document.body.removeAttribute("data-md-color-switching");
    });
  }

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    chosen = true;
    apply(index);
    var input = inputs[index];
    __md_set("__palette", {
      index: index,
      color: {
        media: input.getAttribute("data-md-color-media"),
        scheme: input.getAttribute("data-md-color-scheme"),
        primary: input.getAttribute("data-md-color-primary"),
        accent: input.getAttribute("data-md-color-accent"),
      },
    });
  });

  // Enter on the focused toggle switches, as a button would (Space works natively).
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var current = inputs.findIndex(function (input) { return input.checked; });
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });

  // Follow a change of the system setting, until the reader chooses. Set up when the page is
  // idle: evaluating media queries makes the browser bring the page's styles up to date.
  (window.requestIdleCallback || setTimeout)(function () {
    inputs.forEach(function (input, index) {
      var query = matchMedia(input.getAttribute("data-md-color-media"));
      query.addEventListener("change", function () {
        form.setAttribute("data-media-changes", String(+(form.getAttribute("data-media-changes") || 0) + 1));
        if (!chosen && query.matches) apply(index);
      });
    });
    form.setAttribute("data-follows-system", "");  // a state tests can wait for
  });
})();
