/* Checklists (pages with `checklist: true`): remember ticks on this device, clear, print.
   Ticks live in localStorage under the page's path; nothing leaves the device. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-checklist-tools]");
  if (!tools) return;
  var key = "checklist:" + location.pathname;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".task-list-item input[type=checkbox]"));

  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function save() {
    var ticked = boxes.map(function (box, i) { return box.checked ? i : -1; }).filter(function (i) { return i >= 0; });
    try {
      if (ticked.length) localStorage.setItem(key, JSON.stringify(ticked));
      else localStorage.removeItem(key);
    } catch (e) { /* storage may be disabled: ticks then last until the page closes */ }
  }

  var saved = load();
  boxes.forEach(function (box, i) {
    box.checked = saved.indexOf(i) >= 0;
    box.addEventListener("change", save);
  });
  tools.querySelector("[data-checklist-clear]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    save();
  });
  tools.querySelector("[data-checklist-print]").addEventListener("click", function () { window.print(); });
  tools.classList.add("checklist-tools--ready");
})();
