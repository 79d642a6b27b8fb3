/* Site search in Material's search box, backed by Pagefind (one index per language).
   Nothing loads until the reader types: then only pagefind.js and the chunks the query needs.
   Each page result lists up to 3 of its matching sections, linked to their headings; result links
   carry ?highlight=word, and only a page opened with it loads Pagefind's highlighter.
   The list says which query it shows (data-query) and whether it is final (data-state:
   loading, done, error or idle): the browser tests wait on these, never on a timer.
   Keys: "/" or "s" opens the search, arrows move through all result links, Enter opens, Esc closes. */
(function () {
  "use strict";
  var box = document.querySelector("[data-site-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector("[data-search-input]");
  var list = box.querySelector("[data-search-results]");
  var meta = box.querySelector("[data-search-meta]");
  var strings = JSON.parse(document.getElementById("ui-strings").textContent);
  var pagefind = null;
  var latest = 0;
  var PARAM = "highlight";
  var bundle = new URL(box.dataset.pagefindUrl, location.href);

  /* Opened from a search result: mark the query's words in the article (mark.pagefind-highlight). */
  if (new URLSearchParams(location.search).has(PARAM)) {
    import(new URL("pagefind-highlight.js", bundle).href).then(function (module) {
      new module.default({ highlightParam: PARAM, addStyles: false });
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  }
  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }
  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  function load() {
    if (!pagefind) {
      var base = new URL(box.dataset.baseUrl, location.href).pathname;
      pagefind = import(bundle.href).then(function (module) {
        /* pageLength 0.3 (default 0.75): long playbook pages are the right answer more often
           than short pages that merely mention a word. termFrequency 0: rank by the weighted
           count of the query's words, so the title (weight 10) and summary (6) count most; with
           50 pages on related problems, frequency relative to length favoured pages that only
           mention a word. Measured with the queries in tests/browser/test_search_browser.py. */
        var options = { baseUrl: base, excerptLength: 22, highlightParam: PARAM,
          ranking: { pageLength: 0.3, termFrequency: 0 } };
        return module.options(options).then(function () { return module; });
      });
    }
    return pagefind;
  }
  /* Chinese is written without spaces, and Pagefind looks an unspaced query up as one word. Split
     each run of Chinese characters into the words of this site's Chinese pages (the list the build
     cut with jieba), longest word first; characters that are no word of the site are dropped.
     An unsegmented query is kept when nothing matches. */
  var words = null;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  function loadWords() {
    if (!words) {
      words = fetch(new URL(box.dataset.wordsUrl, location.href).href)
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (text) {
          var list = text.split("\n").filter(Boolean);
          return { known: new Set(list), longest: list.length ? list[0].length : 1 };
        })
        .catch(function () { return { known: new Set(), longest: 1 }; });
    }
    return words;
  }
  function segment(run, vocabulary) {
    var out = [];
    for (var i = 0; i < run.length; ) {
      var size = Math.min(vocabulary.longest, run.length - i);
      while (size > 1 && !vocabulary.known.has(run.substr(i, size))) size--;
      var word = run.substr(i, size);
      if (vocabulary.known.has(word)) out.push(word);
      i += size;
    }
    return out.join(" ");
  }
  function prepare(query) {
    if (!box.dataset.wordsUrl || !HAS_HAN.test(query)) return Promise.resolve([query]);
    return loadWords().then(function (vocabulary) {
      var split = query.replace(HAN, function (run) { return " " + segment(run, vocabulary) + " "; })
        .replace(/\s+/g, " ").trim();
      return split && split !== query ? [split, query] : [query];
    });
  }
  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function shown(query, state) {
    list.setAttribute("data-query", query);
    list.setAttribute("data-state", state);
  }
  /* The page's sections that match, in page order: the three with most matches, as Pagefind's own
     UI shows them. The text before the first h2 (no anchor, or the h1's) is the page result itself. */
  function sections(item) {
    var subs = (item.sub_results || []).filter(function (sub) { return sub.anchor && sub.anchor.element !== "h1"; });
    var best = subs.slice().sort(function (a, b) { return b.locations.length - a.locations.length; }).slice(0, 3);
    return subs.filter(function (sub) { return best.indexOf(sub) >= 0; });
  }
  function link(url, heading, title, excerpt) {
    return '<a href="' + escape(url) + '" class="md-search-result__link"><article class="md-search-result__article md-typeset">' +
      "<" + heading + ">" + escape(title) + "</" + heading + "><p>" + excerpt + "</p></article></a>";
  }
  function render(query, items) {
    meta.textContent = items.length === 0 ? strings.search_none
      : items.length === 1 ? strings.search_one
      : strings.search_many.replace("{n}", items.length);
    list.innerHTML = items.map(function (item) {
      var subs = sections(item).map(function (sub) {
        return "<li>" + link(sub.url, "h2", sub.title, sub.excerpt) + "</li>";
      }).join("");
      return '<li class="md-search-result__item">' + link(item.url, "h1", item.meta.title || item.url, item.excerpt) +
        (subs ? '<ul class="search-sections">' + subs + "</ul>" : "") + "</li>";
    }).join("");
    shown(query, "done");
  }
  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (query.length < 2) {
      list.innerHTML = "";
      meta.textContent = strings.search_idle;
      shown(query, "idle");
      return;
    }
    Promise.all([load(), prepare(query)]).then(function (both) {
      var module = both[0], tries = both[1];
      return module.search(tries[0]).then(function (result) {
        if (result && result.results.length === 0 && tries.length > 1) return module.search(tries[1]);
        return result;
      });
    }).then(function (result) {
      if (ticket !== latest || !result) return null;
      return Promise.all(result.results.slice(0, 10).map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (items && ticket === latest) render(query, items);
    }).catch(function () {
      if (ticket !== latest) return;
      meta.textContent = strings.search_error;
      shown(query, "error");
    });
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    list.setAttribute("data-state", "loading");
    timer = setTimeout(search, 150);
  }
  input.addEventListener("input", later);
  input.addEventListener("keyup", function (ev) {
    if (!ev.key || ev.key.length === 1) later(); /* arrows, Enter, Esc are handled below */
  });
  box.querySelector("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { search(); close(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((ev.key === "/" || ev.key === "s" || ev.key === "S") && !editable(active)) {
        ev.preventDefault();
        open();
      }
      return;
    }
    var all = links();
    var index = all.indexOf(active);
    if (ev.key === "Escape") {
      ev.preventDefault();
      close();
    } else if (ev.key === "ArrowDown") {
      ev.preventDefault();
      if (all.length) all[Math.min(index + 1, all.length - 1)].focus();
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault();
      if (index <= 0) input.focus();
      else all[index - 1].focus();
    }
  });
})();
