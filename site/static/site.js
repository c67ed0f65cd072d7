// The site's controls, without a kernel: the script toggle, the theme/keyword
// filter and the search across the collection. They run over window.SITE_INDEX
// (site-index.js), which scripts/build_site.py exports from helpers.widgets.build_index,
// and do what helpers.widgets.filter_paragraphs does (tests/browser compares them).
// No network: the pages work opened from disk.
(function () {
  "use strict";
  var INDEX = window.SITE_INDEX;
  var SCRIPT_LANG = { traditional: "zh-Hant", simplified: "zh-Hans" };
  var DEBOUNCE_MS = 250;
  var LIMIT = 60;
  var script = "original";

  // --- Text helpers ---------------------------------------------------------------------
  function toSimplified(text) {
    var out = "";
    for (var ch of text) out += INDEX.t2s[ch] || ch;
    return out;
  }
  function cleanKeyword(keyword) {
    if (typeof keyword !== "string") return "";
    return Array.from(keyword.trim()).slice(0, INDEX.maxKeyword).join("");
  }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" }[c];
    });
  }
  function shown(row) {
    // row: [article_id, para_id, text, simplified|null, traditional|null]
    if (script === "simplified") return row[3] || row[2];
    if (script === "traditional") return row[4] || row[2];
    return row[2];
  }
  function langOf(row) {
    if (script !== "original") return SCRIPT_LANG[script];
    var article = INDEX.articles[row[0]];
    return (article && SCRIPT_LANG[article.script]) || "zh";
  }

  // Like helpers.themes.find_keyword_spans: on the Simplified text, scanning from the
  // left, the longest keyword starting at a position wins; matches do not overlap.
  function findSpans(simplified, keywords) {
    var forms = keywords.filter(function (k) { return k; }).sort(function (a, b) { return b.length - a.length; });
    var spans = [];
    if (!forms.length) return spans;
    var i = 0;
    while (i < simplified.length) {
      var hit = null;
      for (var k = 0; k < forms.length; k++) {
        if (simplified.startsWith(forms[k], i)) { hit = forms[k]; break; }
      }
      if (hit) { spans.push([i, i + hit.length]); i += hit.length; } else { i += 1; }
    }
    return spans;
  }
  function highlight(row, themeKeywords, keyword) {
    var simplified = row[3] || row[2];
    var text = shown(row);
    if (text.length !== simplified.length) text = row[2];
    var spans = findSpans(simplified, themeKeywords).map(function (s) { return s.concat("theme"); });
    if (keyword) spans = spans.concat(findSpans(simplified, [toSimplified(keyword)]).map(function (s) { return s.concat("keyword"); }));
    spans.sort(function (a, b) { return a[0] - b[0] || (a[2] === "keyword" ? -1 : 1); });
    var out = "", position = 0;
    spans.forEach(function (span) {
      if (span[0] < position) return;
      out += escapeHtml(text.slice(position, span[0]));
      out += '<mark class="' + span[2] + '">' + escapeHtml(text.slice(span[0], span[1])) + "</mark>";
      position = span[1];
    });
    return out + escapeHtml(text.slice(position));
  }

  // --- The filter: what helpers.widgets.filter_paragraphs returns -----------------------
  var labels = {};
  INDEX.themes.forEach(function (t) { labels[t.id] = t.label; });
  var memberSets = {};
  Object.keys(INDEX.members).forEach(function (t) { memberSets[t] = new Set(INDEX.members[t]); });

  function rowsIn(scope) {
    var rows = [];
    INDEX.paragraphs.forEach(function (row, n) { if (!scope || row[0] === scope) rows.push(n); });
    return rows;
  }
  function filterRows(scope, themes, keyword, match) {
    var chosen = themes.filter(function (t) { return t in memberSets || t in labels; });
    keyword = cleanKeyword(keyword);
    if (!chosen.length && !keyword) return [];
    var needle = toSimplified(keyword);
    return rowsIn(scope).filter(function (n) {
      if (chosen.length) {
        var has = chosen.map(function (t) { return memberSets[t] ? memberSets[t].has(n) : false; });
        var ok = match === "all" ? has.every(Boolean) : has.some(Boolean);
        if (!ok) return false;
      }
      if (keyword) {
        var row = INDEX.paragraphs[n];
        return (row[3] || row[2]).indexOf(needle) >= 0;
      }
      return true;
    });
  }
  // For tests and the curious: the paragraph ids the filter lists.
  window.siteFilter = function (scope, themes, keyword, match) {
    return filterRows(scope || "", themes || [], keyword || "", match || "any").map(function (n) { return INDEX.paragraphs[n][1]; });
  };
  window.siteToSimplified = toSimplified;

  function resultsHtml(rows, chosen, keyword) {
    if (!rows.length) return '<p class="note">No paragraph matches this selection.</p>';
    var parts = ['<p class="note">' + rows.length + " paragraph(s) match.</p>"];
    rows.slice(0, LIMIT).forEach(function (n) {
      var row = INDEX.paragraphs[n];
      var has = chosen.filter(function (t) { return memberSets[t] && memberSets[t].has(n); });
      var themeKeywords = [];
      has.forEach(function (t) { themeKeywords = themeKeywords.concat(INDEX.keywords[n + " " + t] || []); });
      var names = has.map(function (t) { return labels[t] || t; }).join(", ");
      parts.push('<div class="para"><span class="pid">' + escapeHtml(row[1]) + "</span>" +
        (names ? ' <span class="note">(' + escapeHtml(names) + ")</span>" : "") +
        '<br><span class="zh-result" lang="' + langOf(row) + '">' + highlight(row, themeKeywords, keyword) + "</span></div>");
    });
    if (rows.length > LIMIT) parts.push('<p class="note">… and ' + (rows.length - LIMIT) + " more: narrow the selection to see them.</p>");
    return parts.join("");
  }

  function debounce(fn) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, DEBOUNCE_MS); };
  }

  var refreshers = [];
  document.querySelectorAll(".site-filter").forEach(function (box) {
    var scope = box.getAttribute("data-scope") || "";
    var keywordBox = box.querySelector("input.keyword");
    var summary = box.querySelector(".summary");
    var results = box.querySelector(".results");
    var empty = summary.innerHTML;
    var total = rowsIn(scope).length;
    function update() {
      var chosen = Array.from(box.querySelectorAll('input[name="theme"]:checked')).map(function (i) { return i.value; });
      var matchBox = box.querySelector('.match input:checked');
      var match = matchBox ? matchBox.value : "any";
      var keyword = cleanKeyword(keywordBox.value);
      if (!chosen.length && !keyword) { results.innerHTML = ""; summary.innerHTML = empty; return; }
      var rows = filterRows(scope, chosen, keyword, match);
      var cut = keywordBox.value.trim().length > INDEX.maxKeyword ? " (keyword cut to its first " + INDEX.maxKeyword + " characters)" : "";
      results.innerHTML = resultsHtml(rows, chosen, keyword);
      summary.textContent = rows.length + " of " + total + " paragraphs" + cut + ".";
    }
    box.querySelectorAll('input[type="checkbox"], input[type="radio"]').forEach(function (i) { i.addEventListener("change", update); });
    keywordBox.addEventListener("input", debounce(update));
    keywordBox.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); update(); } });
    box.querySelector("button.clear").addEventListener("click", function () {
      box.querySelectorAll('input[name="theme"]').forEach(function (i) { i.checked = false; });
      keywordBox.value = "";
      update();
    });
    refreshers.push(update);
  });

  // --- Search across the collection ---------------------------------------------------------
  var searchBox = document.getElementById("site-search-box");
  var searchResults = document.getElementById("site-search-results");
  function search() {
    var keyword = cleanKeyword(searchBox.value);
    if (!keyword) { searchResults.hidden = true; searchResults.innerHTML = ""; return; }
    var rows = filterRows("", [], keyword, "any");
    var parts = ['<h2>Search: ' + escapeHtml(keyword) + "</h2>",
      '<p class="note">' + rows.length + " paragraph(s) in the collection contain it" +
      (rows.length > LIMIT ? "; the first " + LIMIT + " are shown" : "") + '. <button type="button" class="close-search">Close</button></p>'];
    rows.slice(0, LIMIT).forEach(function (n) {
      var row = INDEX.paragraphs[n];
      var article = INDEX.articles[row[0]] || {};
      var where = article.page ? '<a href="' + escapeHtml(article.page) + '">' + escapeHtml(row[1]) + "</a>" : escapeHtml(row[1]);
      parts.push('<div class="para"><span class="pid">' + where + '</span> <span class="note" lang="' +
        (SCRIPT_LANG[article.script] || "zh") + '">' + escapeHtml(article.title || "") + '</span><br><span class="zh-result" lang="' +
        langOf(row) + '">' + highlight(row, [], keyword) + "</span></div>");
    });
    searchResults.innerHTML = parts.join("");
    searchResults.hidden = false;
    searchResults.querySelector(".close-search").addEventListener("click", function () {
      searchBox.value = ""; search(); searchBox.focus();
    });
  }
  if (searchBox && searchResults) {
    searchBox.addEventListener("input", debounce(search));
    searchBox.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
    refreshers.push(search);
  }

  // --- The script toggle: pre-rendered text, switched in place ---------------------------------
  var spans = Array.from(document.querySelectorAll("span.zh"));
  spans.forEach(function (s) { s._printed = s.textContent; s._lang = s.getAttribute("lang"); });
  function setScript(value) {
    script = value;
    spans.forEach(function (s) {
      if (value === "original") { s.textContent = s._printed; s.setAttribute("lang", s._lang); return; }
      var other = s.getAttribute(value === "traditional" ? "data-zh-hant" : "data-zh-hans");
      s.textContent = other === null ? s._printed : other;
      s.setAttribute("lang", SCRIPT_LANG[value]);
    });
    refreshers.forEach(function (fn) { fn(); });
    try { localStorage.setItem("site-script", value); } catch (e) { /* private mode, file:// */ }
  }
  var radios = document.querySelectorAll('.script-toggle input[name="script"]');
  radios.forEach(function (r) { r.addEventListener("change", function () { if (r.checked) setScript(r.value); }); });
  var saved = null;
  try { saved = localStorage.getItem("site-script"); } catch (e) { saved = null; }
  if (saved && saved !== "original") {
    radios.forEach(function (r) { r.checked = r.value === saved; });
    setScript(saved);
  }
  document.documentElement.classList.add("site-ready");
})();
