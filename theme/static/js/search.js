/* Site search over the local Pagefind bundle (no other host is contacted).
 * The index holds Vietnamese text folded to ASCII (đ→d, no diacritics), so the
 * query is folded the same way; results are rendered from the metadata, which
 * keeps its diacritics. Without JavaScript the form simply reloads this page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-search-results]");
  if (!box || !window.Promise) return;
  var form = document.querySelector(".search-page form");
  var input = form && form.querySelector("input[name=q]");
  var statusEl = box.querySelector(".search-status");
  var list = box.querySelector(".search-list");
  var more = box.querySelector(".search-more");
  var PAGE = 20;
  var current = null; // {query, results, shown}
  var base = box.getAttribute("data-pagefind");
  var loading = null;
  var failures = 0;
  var seq = 0;
  var timer = null;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  function pagefind() {
    if (!loading) {
      // After a failure (a dropped connection on a phone) Pagefind keeps its
      // error, even for later searches; a new module URL gives a fresh
      // instance, so the next search loads the index again.
      var url = base + "pagefind.js" + (failures ? "?lan=" + failures : "");
      loading = import(url).then(function (pf) {
        // result URLs are site-root relative; keep a SITEURL sub-path (/truong/...)
        var siteRoot = new URL(base.replace(/pagefind\/$/, ""), location.href).pathname;
        return pf.options({ basePath: base, baseUrl: siteRoot }).then(function () { return pf; });
      });
    }
    return loading;
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
      a.href = d.url;  // already carries the site root (baseUrl)
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
    pagefind().then(function (pf) { return pf.search(fold(query)); })
      .then(function (res) {
        if (n !== seq) return;
        current = { query: query, results: res.results, shown: 0 };
        list.textContent = "";
        return showMore();
      })
      .catch(function (err) {
        if (window.console) console.warn("search:", err);
        failures++;
        loading = null;
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
      if (current) showMore().then(function (first) { if (first) first.focus(); });
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
