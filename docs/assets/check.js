/* "Is this really Amazon?" (/check/): checks a phone number, e-mail address, web address or
   @handle against the facts registry, Amazon's own domains, the Public Suffix List and Unicode's
   confusable characters. Everything happens on this page: the data (assets/check-data.json, made
   by hooks/tools.py from data/facts.yml) loads on the first check; nothing typed is sent or stored.
   Contract (tests and helpers rely on it): ?q=<input> is checked on load; the result element has
   data-verdict = official | amazon | lookalike | unknown | invalid and data-query = the input,
   inside an aria-live region. What the reader typed is only ever set as text, never as HTML. */
(function () {
  "use strict";
  var root = document.querySelector("[data-check]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("[data-check-input]");
  var output = root.querySelector("[data-check-output]");
  var S = JSON.parse(document.getElementById("check-strings").textContent);
  var lang = root.getAttribute("data-lang") || "en";
  var MAX = 2000;
  var WORD = "amazon";
  var SOCIAL = { "x.com": 1, "twitter.com": 1, "instagram.com": 1, "facebook.com": 1, "t.me": 1, "telegram.me": 1, "tiktok.com": 1, "youtube.com": 1 };
  var KEYPAD = "22233344455566677778889999";
  var data = null;

  function load() {
    if (!data) {
      data = fetch(new URL(root.getAttribute("data-check-data"), location.href).href)
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (d) {
          d.suffixes = new Set(d.psl.split("\n"));
          d.amazon = new Set(d.domains);
          d.byLength = d.domains.slice().sort(function (a, b) { return b.length - a.length; });
          return d;
        });
      data.catch(function () { data = null; });
    }
    return data;
  }

  function fill(template, args) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return args && args[key] !== undefined ? String(args[key]) : all;
    });
  }
  function text(key, args) { return fill(S[key], args); }

  /* RFC 3492 decoding of one "xn--" label, to show and inspect what a browser displays. The
     browser's URL parser encodes (IDNA) but offers no decoder; this is the RFC's own algorithm. */
  function punycode(label) {
    var base = 36, tMin = 1, tMax = 26, out = [], n = 128, i = 0, bias = 72;
    function adapt(delta, points, first) {
      var k = 0;
      delta = first ? Math.floor(delta / 700) : delta >> 1;
      delta += Math.floor(delta / points);
      for (; delta > 455; k += base) delta = Math.floor(delta / 35);
      return Math.floor(k + 36 * delta / (delta + 38));
    }
    var basic = label.lastIndexOf("-");
    for (var j = 0; j < Math.max(basic, 0); j++) out.push(label.charCodeAt(j));
    for (var index = basic > 0 ? basic + 1 : 0; index < label.length;) {
      var old = i, w = 1;
      for (var k = base; ; k += base) {
        if (index >= label.length) throw new Error("bad punycode");
        var c = label.charCodeAt(index++);
        var digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
        if (digit >= base) throw new Error("bad punycode");
        i += digit * w;
        var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
        if (digit < t) break;
        w *= base - t;
      }
      bias = adapt(i - old, out.length + 1, old === 0);
      n += Math.floor(i / (out.length + 1));
      i %= out.length + 1;
      if (n > 0x10ffff) throw new Error("bad punycode");
      out.splice(i++, 0, n);
    }
    return String.fromCodePoint.apply(null, out);
  }
  function unicodeHost(host) {
    return host.split(".").map(function (label) {
      if (label.indexOf("xn--") !== 0) return label;
      try { return punycode(label.slice(4)); } catch (e) { return label; }
    }).join(".");
  }

  /* The registrable domain (the part a company registers) by the Public Suffix List's algorithm:
     the longest matching rule wins, an exception rule (!) wins over a wildcard (*). */
  function registrable(host, d) {
    var labels = host.split(".");
    var n = labels.length, suffix = 1;
    for (var i = 0; i < n; i++) {
      var rest = labels.slice(i).join(".");
      if (d.suffixes.has("!" + rest)) { suffix = n - i - 1; break; }
      if (d.suffixes.has(rest) || (i + 1 < n && d.suffixes.has("*." + labels.slice(i + 1).join(".")))) {
        suffix = n - i; break;
      }
    }
    return suffix >= n ? null : labels.slice(n - suffix - 1).join(".");
  }

  /* Each character mapped to the Latin letter or digit it imitates (Unicode's confusables), in
     lower case; `subs` lists the characters that were replaced, at their positions. */
  function skeleton(value, d) {
    var chars = Array.from(value.toLowerCase());
    var subs = [];
    var mapped = chars.map(function (ch, at) {
      var like = d.confusables[ch];
      if (!like) return ch;
      subs.push({ at: at, char: ch, like: like[0], script: like[1] });
      return like[0];
    });
    return { text: mapped.join(""), subs: subs };
  }
  function scriptName(sub) {
    var key = "script_" + sub.script;
    return S[key] || text("script_other", { code: "U+" + sub.char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") });
  }
  function distance(a, b) {  // Damerau-Levenshtein (optimal string alignment), for short labels
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  /* Does a piece of text imitate Amazon? Returns the reasons, or null. */
  function imitation(value, d) {
    var sk = skeleton(value, d);
    var at = sk.text.indexOf(WORD);
    if (at >= 0) {
      var faked = sk.subs.filter(function (s) { return s.at >= at && s.at < at + WORD.length && s.char !== s.like; });
      return {
        word: Array.from(value).slice(at, at + WORD.length).join(""),
        plain: faked.length === 0,
        reasons: faked.map(function (s) { return text("reason_confusable", { char: s.char, script: scriptName(s), like: s.like }); }),
        skeleton: sk.text
      };
    }
    for (var seq in d.sequences) {
      var swapped = sk.text.split(seq).join(d.sequences[seq]);
      if (swapped !== sk.text && swapped.indexOf(WORD) >= 0) {
        return { plain: false, reasons: [text("reason_sequence", { text: seq, like: d.sequences[seq] })], skeleton: swapped };
      }
    }
    var tokens = sk.text.split(/[^a-z0-9]+/);
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i].length >= 5 && tokens[i].length <= 8 && distance(tokens[i], WORD) === 1) {
        return { plain: false, reasons: [text("reason_near", { text: tokens[i], like: WORD })], skeleton: sk.text };
      }
    }
    return null;
  }

  function contactsOf(d, kind) { return d.contacts.filter(function (c) { return c.kind === kind; }); }
  function stripWww(host) { return host.replace(/^www\./, ""); }

  /* An address's host: Amazon's, a registry entry's, or someone else's (and does it imitate?). */
  function host(asciiHost, d) {
    var h = asciiHost.replace(/\.$/, "").toLowerCase();
    var shown = unicodeHost(h);
    var result = { host: h, shown: shown, reasons: [], verdict: "unknown" };
    if (/^\d+(\.\d+){3}$/.test(h) || h.charAt(0) === "[") {
      result.reasons.push(text("reason_ip", { host: h }));
      return result;
    }
    var reg = registrable(h, d);
    if (!reg) { result.verdict = "invalid"; return result; }
    /* Amazon's: the name is one of Amazon's domains or ends in "." and one, and no public suffix
       lies inside it (so no one else can register a name there). amazon.com.be counts although
       the list's own answer for it is com.be. */
    var own = d.domains.filter(function (a) {
      return (h === a || h.slice(-a.length - 1) === "." + a) && reg.length <= a.length;
    })[0];
    if (own) { result.verdict = "amazon"; result.domain = own; return result; }
    result.domain = unicodeHost(reg);
    result.reasons.push(text("reason_domain", { domain: result.domain }));
    var fake = imitation(shown, d);
    if (fake) {
      var first = result.domain.split(".")[0];
      var inside = d.byLength.filter(function (a) { return fake.skeleton.indexOf(a) >= 0; })[0];
      if (fake.plain && first === WORD) {
        result.unlisted = true;  // Amazon's name, a domain no Amazon page we have lists
        result.reasons.push(text("reason_unlisted_amazon_name", { domain: result.domain }));
      } else {
        result.verdict = "lookalike";
        result.reasons = result.reasons.concat(fake.reasons);
        var self = imitation(result.domain, d);
        var twin = self && d.amazon.has(self.skeleton) ? self.skeleton : null;
        if (twin) result.reasons.push(text("reason_looks_like", { amazon: twin }));
        else if (inside && inside !== reg && new RegExp("(^|[.-])" + inside.replace(/\./g, "\\.") + "([.-]|$)").test(fake.skeleton)) {
          result.reasons.push(text("reason_amazon_inside", { amazon: inside, domain: result.domain }));
        }
        else if (fake.plain) result.reasons.push(text("reason_amazon_text", { text: fake.word, domain: result.domain }));
      }
    }
    if (h.split(".").some(function (l) { return l.indexOf("xn--") === 0; })) {
      result.reasons.push(text("reason_punycode", { ascii: h, unicode: shown }));
    }
    if (result.verdict === "unknown") {
      var other = contactsOf(d, "url").filter(function (c) { return registrable(new URL(c.value).hostname, d) === reg; })[0];
      if (other) {
        result.other = other.name[lang];
        result.reasons.push(text("reason_other_registry", { domain: result.domain, name: other.name[lang] }));
      }
    }
    return result;
  }

  function sameUrl(url, fact) {
    var f = new URL(fact.value);
    if (stripWww(url.hostname) !== stripWww(f.hostname)) return false;
    var trim = function (p) { return p.replace(/\/+$/, "").toLowerCase(); };
    if (trim(url.pathname) !== trim(f.pathname)) return false;
    var same = true;
    f.searchParams.forEach(function (value, key) { if (url.searchParams.get(key) !== value) same = false; });
    return same;
  }

  function phone(raw, d) {
    var letters = raw.replace(/[^A-Za-z]/g, "");
    var digits = raw.replace(/[A-Za-z]/g, function (ch) { return KEYPAD[ch.toUpperCase().charCodeAt(0) - 65]; }).replace(/\D/g, "");
    var plus = /^\s*(\+|00|011)/.exec(raw);
    var e164 = plus ? "+" + digits.slice(plus[1] === "+" ? 0 : plus[1].length)
      : digits.length === 10 ? "+1" + digits
      : digits.length === 11 && digits.charAt(0) === "1" ? "+" + digits : null;
    var r = { kind: "phone", read: e164 || digits, reasons: [] };
    if (letters) r.reasons.push(text("reason_phone_letters", { digits: digits }));
    var match = contactsOf(d, "phone").filter(function (c) {
      return c.value === e164 || (!plus && c.display.replace(/\D/g, "") === digits);
    })[0];
    if (match) { r.verdict = "official"; r.fact = match; return r; }
    if (digits.length < 5) { r.verdict = "invalid"; r.reasons.push(text("reason_phone_short")); return r; }
    r.verdict = "unknown";
    return r;
  }

  function email(local, domain, display, d) {
    var address = (local + "@" + domain).toLowerCase();
    var r = { kind: "email", read: address, reasons: [] };
    if (display) r.reasons.push(text("reason_display_name", { name: display }));
    var match = contactsOf(d, "email").filter(function (c) { return c.value.toLowerCase() === address; })[0];
    if (match) { r.verdict = "official"; r.fact = match; return r; }
    var url;
    try { url = new URL("https://" + domain); } catch (e) { r.verdict = "invalid"; return r; }
    var h = host(url.hostname, d);
    r.verdict = h.verdict; r.domain = h.domain; r.unlisted = h.unlisted; r.other = h.other;
    r.reasons = r.reasons.concat(h.reasons);
    if (h.verdict === "unknown" && imitation(local, d)) {
      r.verdict = "lookalike";
      r.reasons.push(text("reason_local_part", { text: local, domain: h.domain }));
    }
    return r;
  }

  function handle(name, d, network) {
    var r = { kind: "handle", read: "@" + name, reasons: [] };
    var real = contactsOf(d, "handle");
    var match = real.filter(function (c) { return c.value.toLowerCase() === "@" + name.toLowerCase(); })[0];
    if (match) { r.verdict = "official"; r.fact = match; return r; }
    var mine = skeleton(name, d).text;
    var near = real.filter(function (c) {
      var theirs = skeleton(c.value.slice(1), d).text;
      return theirs === mine || distance(theirs, mine) === 1;
    })[0];
    if (near) {
      r.verdict = "lookalike";
      r.reasons.push(text("reason_handle_near", { real: near.value }));
      return r;
    }
    var fake = imitation(name, d);
    if (fake && !fake.plain) {
      r.verdict = "lookalike";
      r.reasons = fake.reasons;
      return r;
    }
    r.verdict = "unknown";
    r.unlisted = Boolean(fake && fake.plain);  // carries Amazon's name: maybe Amazon's, maybe not
    if (!real.length) r.reasons.push(text("reason_handle_unlisted"));
    return r;
  }

  function web(value, d) {
    var withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : "https://" + value;
    var url;
    try { url = new URL(withScheme); } catch (e) { return { verdict: "invalid", reasons: [] }; }
    if (!/^https?:$/.test(url.protocol) || !url.hostname) return { verdict: "invalid", reasons: [] };
    var h = host(url.hostname, d);
    var r = { kind: "url", read: url.href, reasons: h.reasons, verdict: h.verdict, domain: h.domain, unlisted: h.unlisted, other: h.other };
    if (url.username) {
      var who = decodeURIComponent(url.username);
      r.reasons.unshift(text("reason_userinfo", { domain: h.domain || h.host }));
      if (h.verdict !== "amazon" && imitation(who, d)) r.verdict = "lookalike";
    }
    var facts = contactsOf(d, "url").filter(function (c) { return sameUrl(url, c); });
    if (facts.length && !url.username) { r.verdict = "official"; r.fact = facts[0]; r.reasons = []; return r; }
    var reg = h.domain && registrable(url.hostname.toLowerCase(), d);
    if (reg && SOCIAL[reg]) {
      var first = url.pathname.split("/").filter(Boolean)[0];
      if (first) return handle(decodeURIComponent(first).replace(/^@/, ""), d, reg);
    }
    if (reg === "wa.me") {
      var number = url.pathname.replace(/\D/g, "");
      if (number) return phone("+" + number, d);
    }
    return r;
  }

  /* What was pasted, cleaned: invisible characters removed, "defanged" links restored
     (example[.]com, hxxp://), "Name <address>" split, mailto: and tel: removed. */
  function classify(raw, d) {
    if (raw.length > MAX) return { verdict: "invalid", reasons: [text("reason_too_long", { n: MAX })] };
    var value = raw.normalize("NFC").replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, "").trim();
    if (!value) return { verdict: "invalid", reasons: [text("reason_empty")] };
    value = value.replace(/\[(?:\.|dot)\]|\((?:\.|dot)\)/gi, ".").replace(/\[(?:@|at)\]/gi, "@").replace(/^hxxp/i, "http");
    var display = "";
    var named = /^(.*?)<([^<>\s]+)>$/.exec(value);
    if (named) { display = named[1].trim().replace(/^"|"$/g, ""); value = named[2]; }
    value = value.replace(/^mailto:/i, "");
    if (/^tel:/i.test(value)) return phone(value.slice(4), d);
    var m;
    if ((m = /^@([^\s@\/.]+(?:\.[^\s@\/.]+)*)$/.exec(value)) && !/\.[a-z]{2,}$/i.test(value)) return handle(m[1], d);
    if ((m = /^([^\s@\/:<>]+)@([^\s@\/<>]+)$/.exec(value))) return email(m[1], m[2], display, d);
    if (/^\d{1,3}(\.\d{1,3}){3}(?::\d+)?(?:\/.*)?$/.test(value)) return web(value, d);
    var digitCount = (value.match(/\d/g) || []).length;
    if (/^[+(]?[\d\s().\-\u2010-\u2015\/A-Za-z]+$/.test(value) && digitCount >= 3 && !/[A-Za-z]\.[A-Za-z]/.test(value) && /^[+(\d]/.test(value)) {
      return phone(value, d);
    }
    if (!/\s/.test(value) && /[.:]/.test(value)) return web(value, d);
    return { verdict: "invalid", reasons: [text("reason_hint")] };
  }

  /* A run of Latin-script words (Contact Us, amazon.com) in a Russian or Chinese sentence: the
     same rule as hooks/html_lang.py's mark_english. */
  var LATIN_RUN = /[A-Za-z0-9](?:[A-Za-z0-9'\u2019.\/-]*[A-Za-z0-9])?(?:\s+(?:&\s+)?[A-Za-z0-9](?:[A-Za-z0-9'\u2019.\/-]*[A-Za-z0-9])?)*/g;

  /* The text of a node, as text. On a Russian or Chinese page its English words (a registry
     name, a domain) go in <span lang="en">, so a screen reader says them with an English voice. */
  function setText(node, content) {
    if (lang === "en") { node.textContent = content; return; }
    var last = 0, m;
    LATIN_RUN.lastIndex = 0;
    while ((m = LATIN_RUN.exec(content))) {
      if (!/[A-Za-z]/.test(m[0])) continue;
      if (m.index > last) node.appendChild(document.createTextNode(content.slice(last, m.index)));
      var english = document.createElement("span");
      english.lang = "en";
      english.textContent = m[0];
      node.appendChild(english);
      last = m.index + m[0].length;
    }
    if (last < content.length) node.appendChild(document.createTextNode(content.slice(last)));
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content === undefined) return node;
    if (tag === "code") node.textContent = content;  // what the reader typed, exactly as typed
    else setText(node, content);
    return node;
  }

  function render(raw, r) {
    var box = el("div", "check-result check-result--" + r.verdict);
    box.setAttribute("data-verdict", r.verdict);
    box.setAttribute("data-query", raw);
    var kind = r.kind ? S["kind_" + r.kind] : "";
    var title = el("p", "check-result__verdict");
    title.appendChild(el("strong", "", S["verdict_" + r.verdict]));
    box.appendChild(title);
    var args = { kind: kind, domain: r.domain || "", name: r.fact && r.fact.name ? r.fact.name[lang] : r.other || "" };
    var summary = r.verdict === "unknown" && r.unlisted ? "summary_unlisted"
      : r.verdict === "unknown" && r.other ? "summary_other" : "summary_" + r.verdict;
    box.appendChild(el("p", "check-result__summary", text(summary, args)));
    var entered = el("p", "check-result__input", S.what_you_typed + " ");
    entered.appendChild(el("code", "", raw.length > 200 ? raw.slice(0, 200) + "…" : raw));
    box.appendChild(entered);
    var details = [];
    if (r.read && r.read !== raw.trim()) details.push(text("read_as", { value: r.read }));
    if (r.fact) {
      if (r.fact.use) details.push(text("use", { use: r.fact.use[lang] }));
      if (r.fact.region) details.push(text("region", { region: r.fact.region[lang] }));
    }
    (r.reasons || []).forEach(function (line) { if (details.indexOf(line) < 0) details.push(line); });
    if (r.verdict === "invalid" && !(r.reasons || []).length) details.push(S.reason_hint);
    if (details.length) {
      var list = el("ul", "check-result__reasons");
      details.forEach(function (line) { list.appendChild(el("li", "", line)); });
      box.appendChild(list);
    }
    if (r.fact) {
      var source = el("p", "check-result__source", S.source + " ");
      var link = el("a", "", new URL(r.fact.source).hostname);
      link.href = r.fact.source;
      source.appendChild(link);
      source.appendChild(document.createTextNode(" · " + text("checked", { date: r.fact.checkedText[lang] })));
      box.appendChild(source);
    }
    if (r.verdict !== "official" && r.verdict !== "invalid") {  // a registry entry says what it is for
      var next = el("div", "check-result__next");
      next.appendChild(el("p", "check-result__next-title", S.next_title));
      next.appendChild(el("p", "", S.next_never));
      var report = el("p", "", S.next_report + " ");
      var a = el("a", "", S.next_report_link);
      var howTo = document.querySelector("a[data-check-report]");
      a.href = howTo ? howTo.href : "#";
      report.appendChild(a);
      next.appendChild(report);
      box.appendChild(next);
    }
    output.textContent = "";
    output.appendChild(box);
  }

  function check(raw, remember) {
    output.setAttribute("aria-busy", "true");
    return load().then(function (d) {
      var result;
      try { result = classify(raw, d); } catch (e) { result = { verdict: "invalid", reasons: [S.reason_hint] }; }
      render(raw, result);
      output.removeAttribute("aria-busy");
      if (remember && history.replaceState) {
        var url = new URL(location.href);
        url.searchParams.set("q", raw.length > MAX ? raw.slice(0, MAX) : raw);
        history.replaceState(null, "", url.href);
      }
    }, function () {
      output.textContent = "";
      output.appendChild(el("p", "check-result check-result--error", S.load_failed));
      output.removeAttribute("aria-busy");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    check(input.value, true);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial !== null) {
    input.value = initial;
    check(initial, false);
  }
})();
