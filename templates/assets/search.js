/* Tìm kiếm bản tin ngay trên trình duyệt, từ các tệp JSON tĩnh trong /tim-kiem/chi-muc/.
   Cách xếp hạng giống publish/render/web/search.py (rank): mỗi từ phải có trong bài; từ có trong
   tiêu đề được 100 điểm, trong tóm tắt 10, trong nội dung 1. Từ cuối cùng (đang gõ dở) tìm cả
   các từ dài hơn bắt đầu bằng nó ("lu" → lừa, luật); bằng điểm thì bài có đúng từ đó đứng trước,
   rồi bài mới hơn (bài được đánh số từ cũ đến mới: số lớn hơn là bài mới hơn). */
(function () {
  "use strict";
  var form = document.querySelector("form.search-form");
  var out = document.getElementById("ket-qua");
  if (!form || !out || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var select = form.querySelector("select[name=chuyen-muc]");
  var indexUrl = out.getAttribute("data-index");
  var base = indexUrl.replace(/[^/]*$/, "");
  var manifest = null;
  var shards = {};
  var cards = {};
  var state = { found: [], shown: 0, run: 0 };

  function fold(text) {
    return text.normalize("NFC").toLowerCase().replace(/đ/g, "d")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function terms(text) {
    return fold(text).match(/[a-z0-9]+/g) || [];
  }
  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function file(path) {
    return base + path + "?v=" + manifest.version;
  }
  function loadManifest() {
    if (manifest) return Promise.resolve(manifest);
    return getJson(indexUrl).then(function (m) { manifest = m; return m; });
  }
  function shardKey(term) {
    for (var n = term.length; n > 0; n--) {
      if (manifest.shards.indexOf(term.slice(0, n)) >= 0) return term.slice(0, n);
    }
    return null;
  }
  function prefixKeys(word) {
    var found = manifest.shards.filter(function (k) { return k.indexOf(word) === 0; }).sort();
    var own = shardKey(word);
    return own === null || found.indexOf(own) >= 0 ? found : [own].concat(found);
  }
  function isPrefix(i, words) {
    return i === words.length - 1 && words[i].length >= manifest.prefix_min;
  }
  function loadShard(key) {
    if (!shards[key]) shards[key] = getJson(file("t/" + key + ".json"));
    return shards[key];
  }
  function loadCards(chunk) {
    if (!cards[chunk]) cards[chunk] = getJson(file("d/" + chunk + ".json"));
    return cards[chunk];
  }
  function decode(values) {
    var found = {}, n = 0;
    for (var i = 0; i < values.length; i++) {
      n += Math.floor(values[i] / 4);
      found[n] = values[i] % 4;
    }
    return found;
  }
  function uniq(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
  }

  function rank(words, category) {
    var keys = [];
    words.forEach(function (word, i) {
      (isPrefix(i, words) ? prefixKeys(word) : [shardKey(word)]).forEach(function (k) {
        if (k !== null && keys.indexOf(k) < 0) keys.push(k);
      });
    });
    return Promise.all(keys.map(loadShard)).then(function (loaded) {
      var byKey = {};
      keys.forEach(function (k, i) { byKey[k] = loaded[i]; });
      var scores = null;
      var whole = {};
      words.forEach(function (word, i) {
        var key = shardKey(word);
        var exact = decode((key && byKey[key][word]) || []);
        var hits = {};
        Object.keys(exact).forEach(function (n) { hits[n] = exact[n]; });
        if (isPrefix(i, words)) {
          prefixKeys(word).forEach(function (k) {
            Object.keys(byKey[k]).forEach(function (other) {
              if (other === word || other.indexOf(word) !== 0) return;
              var more = decode(byKey[k][other]);
              Object.keys(more).forEach(function (n) {
                hits[n] = Math.max(hits[n] || 0, more[n]);
              });
            });
          });
          whole = exact;
        }
        var next = {};
        Object.keys(hits).forEach(function (n) {
          if (scores === null || n in scores) {
            next[n] = (scores === null ? 0 : scores[n]) + manifest.weights[hits[n]];
          }
        });
        scores = next;
      });
      var wanted = -1;
      manifest.categories.forEach(function (c, i) { if (c.key === category) wanted = i; });
      return Object.keys(scores || {}).map(Number).filter(function (n) {
        return wanted < 0 || manifest.doc_categories[n] === wanted;
      }).sort(function (a, b) {
        return scores[b] - scores[a] || (b in whole) - (a in whole) || b - a;
      });
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function card(doc) {
    var item = el("li", { "class": "card" });
    var title = el("h2", { "class": "card-title" });
    title.appendChild(el("a", { href: doc[0] }, doc[1]));
    var meta = el("p", { "class": "meta" });
    meta.appendChild(el("time", { datetime: doc[2] }, doc[3]));
    meta.appendChild(document.createTextNode(" · " + manifest.categories[doc[4]].label));
    item.appendChild(title);
    item.appendChild(meta);
    item.appendChild(el("p", { "class": "summary" }, doc[5]));
    return item;
  }
  function showMore(list, button) {
    var page = state.found.slice(state.shown, state.shown + manifest.per_page);
    var chunks = uniq(page.map(function (n) { return Math.floor(n / manifest.chunk); }));
    var run = state.run;
    return Promise.all(chunks.map(loadCards)).then(function (loaded) {
      if (run !== state.run) return;
      page.forEach(function (n) {
        var docs = loaded[chunks.indexOf(Math.floor(n / manifest.chunk))];
        list.appendChild(card(docs[n % manifest.chunk]));
      });
      state.shown += page.length;
      button.hidden = state.shown >= state.found.length;
    });
  }
  function status(text) {
    out.textContent = "";
    out.appendChild(el("p", { "class": "search-status" }, text));
  }

  function search() {
    var query = input.value.trim();
    var category = select ? select.value : "";
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (category) params.set("chuyen-muc", category);
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    var run = ++state.run;
    if (!query) { out.textContent = ""; return; }
    status("Đang tìm…");
    loadManifest().then(function () {
      var words = uniq(terms(query)).slice(0, manifest.max_terms);
      return rank(words, category);
    }).then(function (found) {
      if (run !== state.run) return;
      state.found = found;
      state.shown = 0;
      var label = "“" + query + "”";
      if (!found.length) {
        status("Không tìm thấy bản tin nào có " + label + ". Hãy thử từ khóa khác, bỏ bớt từ, hoặc chọn “Tất cả chuyên mục”.");
        return;
      }
      status("Tìm thấy " + found.length + " bản tin có " + label + ".");
      var list = el("ol", { "class": "search-results" });
      var button = el("button", { type: "button", "class": "more" }, "Xem thêm kết quả");
      button.addEventListener("click", function () { showMore(list, button); });
      out.appendChild(list);
      out.appendChild(button);
      return showMore(list, button);
    }).catch(function () {
      if (run !== state.run) return;
      status("Không tải được dữ liệu tìm kiếm. Hãy tải lại trang, hoặc duyệt theo chuyên mục bên dưới.");
    });
  }

  var timer = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 350);
  });
  if (select) select.addEventListener("change", search);

  var params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  if (select && params.get("chuyen-muc")) select.value = params.get("chuyen-muc");
  if (input.value.trim()) search();
})();
