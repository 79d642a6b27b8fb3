/* Checklists (pages with `checklist: true`): remember ticks on this device, clear, print.
   Ticks live in localStorage under the page's path, as the ids of the ticked items (data-item,
   from their text: hooks/checklists.py), so that an edit of the list never moves a tick to
   another item. Ticks saved by position (before 2026-12) are read once and rewritten as ids.
   Nothing leaves the device. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-checklist-tools]");
  if (!tools) return;
  var key = "checklist:" + location.pathname;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".task-list-item input[type=checkbox]"));

  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function idOf(box) { return box.closest("[data-item]").getAttribute("data-item"); }
  function save() {
    var ticked = boxes.filter(function (box) { return box.checked; }).map(idOf);
    try {
      if (ticked.length) localStorage.setItem(key, JSON.stringify(ticked));
      else localStorage.removeItem(key);
    } catch (e) { /* storage may be disabled: ticks then last until the page closes */ }
  }

  var saved = load();
  boxes.forEach(function (box, i) {
    var legacy = typeof saved[0] === "number";  // an old list of positions
    box.checked = legacy ? saved.indexOf(i) >= 0 : saved.indexOf(idOf(box)) >= 0;
    box.addEventListener("change", save);
  });
  if (typeof saved[0] === "number") save();
  tools.querySelector("[data-checklist-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    save();
  });
  tools.querySelector("[data-checklist-print]").addEventListener("click", function () { window.print(); });
  tools.classList.add("checklist-tools--ready");
})();
