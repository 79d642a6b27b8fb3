/* Case log (docs/<lang>/case-log.md): fill in the sheet on screen, add contacts, print it.
   What the reader types stays in the page. Nothing is written to storage until they tick
   "Keep on this device"; unticking it, or "Delete everything I typed", removes the stored copy
   (the key is gone). Typed text is only ever set as text (value, textContent), never as HTML. */
(function () {
  "use strict";
  var root = document.querySelector("[data-case-log]");
  if (!root) return;

  var KEY = "case-log";
  var list = root.querySelector("[data-case-log-contacts]");
  var model = list.querySelector("[data-case-log-contact]");
  var max = Number(root.getAttribute("data-max-contacts")) || 8;
  var keep = root.querySelector("[data-case-log-keep]");
  var addButton = root.querySelector("[data-case-log-add]");
  var deleteButton = root.querySelector("[data-case-log-delete]");
  var status = root.querySelector("[data-case-log-status]");
  var lang = document.documentElement.lang || "en";
  /* Dates as the site writes them in each language: Nov 20, 2026 / 20.11.2026 / 2026年11月20日. */
  var dateStyle = { ru: "short", zh: "long" }[lang.split("-")[0]] || "medium";

  /* The page holds one contact; the sheet has `max`. The copies get their own ids and number. */
  function renumber(row, n) {
    row.querySelector("[data-contact-number]").textContent = String(n);
    Array.prototype.forEach.call(row.querySelectorAll("[id]"), function (el) {
      el.id = el.id.replace(/-1-/, "-" + n + "-");
    });
    Array.prototype.forEach.call(row.querySelectorAll("label[for]"), function (label) {
      label.htmlFor = label.htmlFor.replace(/-1-/, "-" + n + "-");
    });
  }
  for (var n = 2; n <= max; n++) {
    var copy = model.cloneNode(true);
    renumber(copy, n);
    copy.hidden = true;
    list.appendChild(copy);
  }
  var rows = Array.prototype.slice.call(list.querySelectorAll("[data-case-log-contact]"));
  var fields = Array.prototype.slice.call(root.querySelectorAll("input[id]:not([type=checkbox]), textarea[id]"));

  /* Each field gets a twin that only print shows: the typed text in full, or an empty line. */
  function printed(field) {
    var value = field.value;
    if (value && (field.type === "date" || field.type === "datetime-local")) {
      var date = new Date(field.type === "date" ? value + "T00:00" : value);
      if (!isNaN(date.getTime())) {
        try {
          return field.type === "date"
            ? date.toLocaleDateString(lang, { dateStyle: dateStyle })
            : date.toLocaleString(lang, { dateStyle: dateStyle, timeStyle: "short" });
        } catch (e) { /* an old browser without dateStyle: print the value as typed */ }
      }
    }
    return value;
  }
  fields.forEach(function (field) {
    var twin = document.createElement("span");
    twin.className = "case-log__value";
    field.parentNode.insertBefore(twin, field.nextSibling);
    field.caseLogTwin = twin;
  });
  function mirror(field) {
    field.caseLogTwin.textContent = printed(field);
  }

  function say(message) {
    status.textContent = message || "";
  }
  function shownRows() {
    return rows.filter(function (row) { return !row.hidden; }).length;
  }
  function showRows(count) {
    rows.forEach(function (row, i) { row.hidden = i >= Math.max(1, Math.min(count, max)); });
    addButton.disabled = shownRows() >= max;
  }

  function snapshot() {
    var values = {};
    fields.forEach(function (field) {
      if (field.value) values[field.id] = field.value;
    });
    return { version: 1, rows: shownRows(), fields: values };
  }
  /* Writes only when the reader chose to keep the sheet; false when the browser refuses. */
  function save() {
    if (!keep.checked) return true;
    try {
      localStorage.setItem(KEY, JSON.stringify(snapshot()));
      return true;
    } catch (e) {
      keep.checked = false;
      say(root.getAttribute("data-msg-unavailable"));
      return false;
    }
  }
  function forget() {
    try { localStorage.removeItem(KEY); } catch (e) { /* storage disabled: nothing was kept */ }
  }
  function stored() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "null");
      return data && data.fields && typeof data.fields === "object" ? data : null;
    } catch (e) {
      return null;
    }
  }

  /* Restore what the reader chose to keep, and show that the choice is on. */
  var kept = stored();
  var lastFilled = 0;
  if (kept) {
    fields.forEach(function (field) {
      var value = kept.fields[field.id];
      if (typeof value === "string") field.value = value.slice(0, field.maxLength > 0 ? field.maxLength : undefined);
    });
    keep.checked = true;
  }
  rows.forEach(function (row, i) {
    var filled = Array.prototype.some.call(row.querySelectorAll("input, textarea"), function (f) { return f.value; });
    if (filled) lastFilled = i + 1;
  });
  showRows(Math.max(kept ? Number(kept.rows) || 1 : 1, lastFilled));
  fields.forEach(function (field) {
    mirror(field);
    field.addEventListener("input", function () { mirror(field); save(); });
    field.addEventListener("change", function () { mirror(field); save(); });
  });

  keep.addEventListener("change", function () {
    if (keep.checked) {
      if (save()) say(root.getAttribute("data-msg-kept"));
    } else {
      forget();
      say(root.getAttribute("data-msg-not-kept"));
    }
  });

  addButton.addEventListener("click", function () {
    var next = shownRows();
    if (next >= max) return;
    showRows(next + 1);
    save();
    rows[next].querySelector("input, textarea").focus();
    say(addButton.disabled ? root.getAttribute("data-msg-full") : "");
  });

  deleteButton.addEventListener("click", function () {
    if (!window.confirm(root.getAttribute("data-msg-confirm"))) return;
    fields.forEach(function (field) {
      field.value = "";
      mirror(field);
    });
    keep.checked = false;
    forget();
    showRows(1);
    say(root.getAttribute("data-msg-deleted"));
  });

  var print = document.querySelector("[data-print]");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
    print.closest("[data-print-tools]").classList.add("checklist-tools--ready");
  }
  root.classList.add("case-log--ready");
})();
