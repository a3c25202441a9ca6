/* Site search over the site's own static index (tim-kiem/chi-muc/, written by
 * plugins/search_index; no other host is contacted). The index holds
 * Vietnamese text folded to ASCII (đ→d, no diacritics) split into terms, so
 * the query is folded and split the same way; only the index files of the
 * query's words are loaded, and the data of the results shown. Every word must
 * be found (the last one may be the start of a word, as while typing); pages
 * are ranked by BM25 with the title counting more. Results are rendered from
 * the stored title, summary, category and date, which keep their diacritics.
 * Without JavaScript the form simply reloads this page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-search-results]");
  if (!box || !window.Promise || !window.fetch) return;
  var form = document.querySelector(".search-page form");
  var input = form && form.querySelector("input[name=q]");
  var statusEl = box.querySelector(".search-status");
  var list = box.querySelector(".search-list");
  var more = box.querySelector(".search-more");
  var PAGE = 20;
  var K1 = 1.2, B = 0.75, PARTIAL = 0.5; // BM25; a word's start counts half
  var current = null; // {query, results, shown}
  var base = box.getAttribute("data-search-index");
  var siteRoot = new URL(box.getAttribute("data-site-root") || "/", location.href);
  var files = {}; // index file name -> promise of its JSON
  var seq = 0;
  var timer = null;
  var own = Object.prototype.hasOwnProperty;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  function words(s) {
    var seen = {}, out = [];
    (fold(s).toLowerCase().match(/[a-z0-9]+/g) || []).forEach(function (w) {
      if (!own.call(seen, w)) { seen[w] = true; out.push(w); }
    });
    return out;
  }

  function load(name) {
    if (!own.call(files, name)) {
      files[name] = fetch(base + name).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + ": " + name);
        return response.json();
      });
      // After a failure (a dropped connection on a phone) the next search
      // asks again instead of keeping the error.
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }

  function manifest() {
    return load("index.json").then(function (m) {
      if (m.average === undefined) {
        var total = 0;
        m.lengths.forEach(function (n) { total += n; });
        m.average = total / Math.max(1, m.lengths.length) || 1;
      }
      return m;
    });
  }

  // Scores of the pages that hold ``word`` (or, with ``prefix``, a word
  // beginning with it), from the postings [page id delta, weight, ...].
  function scoresOf(m, shard, word, prefix) {
    var found = {};
    var matches = prefix ? Object.keys(shard).filter(function (t) {
      return t.lastIndexOf(word, 0) === 0;
    }) : (own.call(shard, word) ? [word] : []);
    matches.forEach(function (term) {
      var postings = shard[term], df = postings.length / 2;
      var idf = Math.log(1 + (m.pages - df + 0.5) / (df + 0.5));
      var factor = term === word ? 1 : PARTIAL;
      for (var j = 0, id = -1; j < postings.length; j += 2) {
        id += postings[j] + 1;
        var tf = postings[j + 1];
        var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * m.lengths[id] / m.average));
        found[id] = (found[id] || 0) + idf * norm * factor;
      }
    });
    return found;
  }

  function result(m, id) {
    return {
      data: function () {
        var chunk = Math.floor(id / m.chunk);
        return load(m.chunks[chunk]).then(function (rows) {
          var row = rows[id - chunk * m.chunk];
          return { url: new URL(row[0], siteRoot).href,
                   meta: { title: row[1], summary: row[2], category: row[3], date: row[4] } };
        });
      }
    };
  }

  function search(query) {
    var ws = words(query);
    return manifest().then(function (m) {
      var keys = ws.map(function (w) { return w.slice(0, 2); });
      if (!ws.length || keys.some(function (k) { return !own.call(m.terms, k); })) return [];
      return Promise.all(keys.map(function (k) { return load(m.terms[k]); })).then(function (shards) {
        var scores = null;
        ws.forEach(function (w, i) {
          var found = scoresOf(m, shards[i], w, i === ws.length - 1);
          if (scores === null) { scores = found; return; }
          var both = {};
          Object.keys(scores).forEach(function (id) {
            if (own.call(found, id)) both[id] = scores[id] + found[id];
          });
          scores = both;
        });
        var ids = Object.keys(scores).map(Number);
        ids.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
        return ids.map(function (id) { return result(m, id); });
      });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function append(items) {
    var first = null;
    items.forEach(function (d) {
      var li = el("li", "search-item");
      var h = el("h2", "search-item-title");
      var a = el("a", null, d.meta.title || d.url);
      a.href = d.url;
      h.appendChild(a);
      li.appendChild(h);
      var info = [d.meta.category, d.meta.date].filter(Boolean).join(" · ");
      if (info) li.appendChild(el("p", "search-item-meta", info));
      if (d.meta.summary) li.appendChild(el("p", "search-item-summary", d.meta.summary));
      list.appendChild(li);
      first = first || a;
    });
    return first;
  }

  function showMore() {
    var c = current;
    var slice = c.results.slice(c.shown, c.shown + PAGE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
      if (c !== current) return null;
      c.shown += items.length;
      var first = append(items);
      var total = c.results.length;
      statusEl.textContent = total === 0
        ? "Không tìm thấy kết quả nào cho “" + c.query + "”."
        : "Tìm thấy " + total + " kết quả cho “" + c.query + "”" +
          (total > c.shown ? ", đang hiển thị " + c.shown + " kết quả." : ".");
      if (more) more.hidden = c.shown >= total;
      return first;
    });
  }

  function run(raw) {
    var query = raw.trim();
    var n = ++seq;
    if (!query) {
      current = null; list.textContent = ""; statusEl.textContent = "";
      if (more) more.hidden = true;
      return;
    }
    statusEl.textContent = "Đang tìm…";
    search(query)
      .then(function (results) {
        if (n !== seq) return;
        current = { query: query, results: results, shown: 0 };
        list.textContent = "";
        return showMore();
      })
      .catch(function (err) {
        if (window.console) console.warn("search:", err);
        if (n === seq) statusEl.textContent = "Không tải được bộ tìm kiếm. Vui lòng thử lại.";
      });
  }

  function remember(query) {
    if (window.history && history.replaceState) {
      history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    }
  }

  if (more) {
    more.addEventListener("click", function () {
      if (current) {
        showMore().then(function (first) { if (first) first.focus(); }, function () {
          statusEl.textContent = "Không tải được bộ tìm kiếm. Vui lòng thử lại.";
        });
      }
    });
  }

  if (form && input) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      remember(input.value.trim());
      run(input.value);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { remember(input.value.trim()); run(input.value); }, 250);
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(initial); }
  }
})();
