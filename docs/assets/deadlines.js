/* "Your deadlines" (/deadlines/): the dates that matter for a reader's case, from the policy
   periods of the facts registry (hooks/tools.py puts them in the page), and an .ics calendar file.
   Dates are calendar dates: they are counted in UTC days, so that no time zone or daylight-saving
   change can move them; "today" is the reader's own date. Nothing typed is sent or stored.
   Contract: ?delivered=&latest=&statement=&decision= (YYYY-MM-DD) fill the form and compute on
   load; each result is [data-deadline="<id>"] holding <time datetime="YYYY-MM-DD">. */
(function () {
  "use strict";
  var root = document.querySelector("[data-deadlines]");
  if (!root) return;
  var S = JSON.parse(document.getElementById("deadlines-strings").textContent);
  var PERIODS = JSON.parse(document.getElementById("deadline-periods").textContent);
  var DAY = 86400000;
  var FIELDS = ["delivered", "latest", "statement", "decision"];
  var PAST_ONLY = { delivered: true, statement: true, decision: true };
  var RULES = [
    { id: "return-by", from: "delivered", period: "return-window" },
    { id: "a-to-z-from", from: "latest", period: "a-to-z-after-latest", opens: true },
    { id: "a-to-z-until", from: "latest", period: "a-to-z-filing-limit" },
    { id: "dispute-reach-by", from: "statement", period: "us-card-dispute-window" },
    { id: "appeal-by", from: "decision", period: "a-to-z-appeal-limit" }
  ];
  var locale = document.documentElement.lang || "en";
  var longDate = new Intl.DateTimeFormat(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  var fromUrl = {};  // values given in the address, kept as typed until the reader edits the field
  var computed = [];

  function input(name) { return root.querySelector('[name="' + name + '"]'); }

  /* "YYYY-MM-DD" -> milliseconds at 00:00 UTC of that day, or null for anything else
     (2027-02-29, 2026-13-01, text). */
  function parse(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    if (y < 1970 || y > 2200) return null;
    var date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date.getTime();
  }
  function iso(time) { return new Date(time).toISOString().slice(0, 10); }
  function today() {
    var now = new Date();  // the reader's own calendar date, in their time zone
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function setError(name, message) {
    var field = input(name);
    var error = root.querySelector('[data-error-for="' + name + '"]');
    error.textContent = message || "";
    error.hidden = !message;
    if (message) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }

  function values() {
    var out = {};
    FIELDS.forEach(function (name) {
      var field = input(name);
      var raw = Object.prototype.hasOwnProperty.call(fromUrl, name) ? fromUrl[name] : field.value;
      if (raw === "" && !(field.validity && field.validity.badInput)) { setError(name, ""); return; }
      var time = parse(raw);
      if (time === null) { setError(name, S.invalid); return; }
      if (PAST_ONLY[name] && time > today()) { setError(name, S.future); return; }
      setError(name, "");
      out[name] = time;
    });
    return out;
  }

  function compute() {
    var given = values();
    computed = [];
    RULES.forEach(function (rule) {
      var block = root.querySelector('[data-deadline="' + rule.id + '"]');
      var slot = block.querySelector(".deadline__date");
      slot.textContent = "";
      if (given[rule.from] === undefined) {
        block.hidden = true;
        return;
      }
      var date = given[rule.from] + PERIODS[rule.period] * DAY;
      var time = document.createElement("time");
      slot.appendChild(time);
      time.setAttribute("datetime", iso(date));
      time.textContent = longDate.format(new Date(date));
      block.hidden = false;
      computed.push({ rule: rule, date: date, block: block });
    });
    var warning = root.querySelector("[data-deadline-warning]");
    var dispute = computed.filter(function (c) { return c.rule.id === "dispute-reach-by"; })[0];
    var until = computed.filter(function (c) { return c.rule.id === "a-to-z-until"; })[0];
    warning.hidden = !(dispute && until && dispute.date < until.date);
    root.querySelector("[data-deadlines-none]").hidden = computed.length > 0;
    root.querySelector("[data-deadlines-ics]").hidden = computed.length === 0;
    root.setAttribute("data-state", "done");
    remember();
  }

  function remember() {
    if (!history.replaceState) return;
    var url = new URL(location.href);
    FIELDS.forEach(function (name) {  // what the reader entered, right or wrong, so a link shows the same
      var raw = Object.prototype.hasOwnProperty.call(fromUrl, name) ? fromUrl[name] : input(name).value;
      if (raw) url.searchParams.set(name, raw);
      else url.searchParams.delete(name);
    });
    history.replaceState(null, "", url.href);
  }

  /* RFC 5545 text: escaped, lines folded at 75 octets (UTF-8), CRLF line ends. A library for a
     file of a dozen lines would weigh more than the page; the tests parse the result with the
     `icalendar` library. */
  function escapeText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var encoder = new TextEncoder(), out = [], current = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = encoder.encode(ch).length;
      if (size + bytes > (out.length ? 74 : 75)) { out.push(current); current = ""; size = 0; }
      current += ch; size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }
  function compact(time) { return iso(time).replace(/-/g, ""); }
  function calendar() {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Reaching Amazon Support//deadlines//" + locale.toUpperCase(),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText(S.ics_calendar)
    ];
    computed.forEach(function (c) {
      var title = c.block.querySelector(".deadline__title").textContent.trim();
      var rule = c.block.querySelector(".deadline__rule").textContent.trim();
      var source = c.block.querySelector(".deadline__source a");
      var description = rule + (source ? "\n" + source.href : "");
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + c.rule.id + "-" + compact(c.date) + "@amazon-support-guide",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(c.date),
        "DTEND;VALUE=DATE:" + compact(c.date + DAY),
        "SUMMARY:" + escapeText(title),
        "DESCRIPTION:" + escapeText(description),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + escapeText(S.ics_alarm.replace("{title}", title).replace("{date}", longDate.format(new Date(c.date)))),
        // a window that opens: on the day, at 09:00; a deadline: three days before
        "TRIGGER:" + (c.rule.opens ? "PT9H" : "-P3D"),
        "END:VALARM",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  root.querySelector("[data-deadlines-ics]").addEventListener("click", function () {
    var blob = new Blob([calendar()], { type: "text/calendar;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = S.ics_filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  });

  FIELDS.forEach(function (name) {
    input(name).addEventListener("input", function () {
      delete fromUrl[name];
      compute();
    });
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    compute();
  });

  var params = new URLSearchParams(location.search);
  FIELDS.forEach(function (name) {
    var value = params.get(name);
    if (value === null || value === "") return;
    fromUrl[name] = value.trim();
    if (parse(value.trim()) !== null) {
      input(name).value = value.trim();
      delete fromUrl[name];  // a valid date now lives in the field itself
    }
  });
  compute();
})();
