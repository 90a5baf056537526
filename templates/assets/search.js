/* Tìm kiếm bản tin ngay trên trình duyệt, từ các tệp JSON tĩnh trong /tim-kiem/chi-muc/.
   Cách xếp hạng giống publish/render/web/search.py (rank): mỗi từ phải có trong bài; từ có trong
   tiêu đề được 100 điểm, trong tóm tắt 10, trong nội dung 1. Từ cuối cùng (đang gõ dở) tìm cả
   các từ dài hơn bắt đầu bằng nó ("lu" → lừa, luật); bằng điểm thì bài có đúng từ đó đứng trước,
   rồi bài mới hơn (bài được đánh số từ cũ đến mới: số lớn hơn là bài mới hơn). Số điện thoại
   gõ cách nào ("0912 345 678", "0912.345.678", "0912–345–678", "+84 912 345 678") cũng được ghép
   thành một từ chỉ gồm chữ số, như chỉ mục ghi (search.py: query_terms), luôn được tìm dù đứng sau
   từ thứ sáu; số không khớp bài nào thì tìm các nhóm số của nó như các từ. Từ không khớp gì nhưng là một âm tiết
   gõ kiểu Telex khi chưa bật bộ gõ ("luaf ddaor") thì được tìm như "lua dao"; một chữ cái cuối đang
   gõ dở ("lua d") chưa được tính; không bài nào có đủ mọi từ (tin nhắn dán vào) thì hiện các bài
   có nhiều từ nhất, trang nói rõ như vậy. Bài có hai từ liền nhau của câu tìm đứng liền nhau đúng
   thứ tự (cặp "lua_dao" trong chỉ mục: từ tiêu đề, và tên viết hoa) đứng trước bài có các từ đó rời
   nhau; từ dài gõ liền hai âm tiết ("duaxe") được tìm như hai từ; trong câu tìm ngắn, từ gõ nhầm thứ
   tự hai nguyên âm ("lừa đỏa") được hiểu là từ đúng khi từ bên cạnh xác nhận. Câu tìm có dấu
   ("tín dụng đen") thì bài viết đúng dấu mọi từ đứng trước (các tệp f/ bên cạnh phần chỉ mục cho
   biết bài nào viết từ với dấu nào), đặt trong ngoặc kép thì chỉ lấy các bài đó; chữ viết tắt
   ("CCCD") tìm cả các bài viết đầy đủ ("căn cước công dân"), và ngược lại. */
(function () {
  "use strict";
  function byId(id) { return document.getElementById(id); }
  var form = document.querySelector("form.search-form");
  var out = byId("ket-qua");
  if (!form || !out || !window.fetch || !window.URLSearchParams || !"".normalize) return;
  // The page's own line marks it first (search.html); a host that forbids inline scripts
  // leaves it to this file.
  var root = document.documentElement;
  if (!/(^| )js-search( |$)/.test(root.className)) root.className += " js-search";
  var statusLine = byId("trang-thai-tim");
  if (!statusLine) {
    // A theme's own search.html from before the status line had its own element.
    statusLine = el("p", { "class": "search-status" });
    out.parentNode.insertBefore(statusLine, out);
    out.removeAttribute("aria-live");
  }
  // Read aloud from a region of its own, not from the line on screen. Typed key by key (a
  // phone's screen reader echoes each key, often more than the 350 ms the search waits), every
  // pause changed the line, «Từ khóa quá ngắn…», «Đang tìm…», a count for «lu», «lua»…, each
  // read over the reader's typing. What is typed is said once the typing has stopped for 1.4 s
  // (GOV.UK's accessible-autocomplete waits as long); a search sent («Tìm», the Go key), a
  // category chosen or a search opened from a link is answered at once.
  var spoken = byId("trang-thai-doc");
  if (!spoken) {
    // A theme's own search.html, whose status line was the live region.
    spoken = el("p", { "class": "visually-hidden", role: "status" });
    statusLine.parentNode.insertBefore(spoken, statusLine.nextSibling);
  }
  statusLine.removeAttribute("role");
  // seen: the answer on screen has been read (sent, or said after the typing stopped), so the next
  // search is a new entry of the history: Back from it shows this one again.
  var typing = false, seen = false, speakTimer, asked;
  var input = form.querySelector("input[name=q]");
  var select = form.querySelector("select[name=chuyen-muc]");
  var indexUrl = out.getAttribute("data-index");
  var base = indexUrl.replace(/[^/]*$/, "");
  var manifest = null;
  // Không kế thừa gì từ Object.prototype: từ "constructor" của câu tìm hay của chỉ mục là một từ
  // như mọi từ, không phải hàm Object (trang báo «Không tải được dữ liệu tìm kiếm»).
  function own(o) { return Object.assign(Object.create(null), o); }
  var shards = own();
  var cards = {};
  var state = { found: [], shown: 0, run: 0 };

  function fold(text) {
    return text.normalize("NFC").toLowerCase().replace(/đ/g, "d")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function terms(text) {
    return fold(text).match(/[a-z0-9]+/g) || [];
  }
  // Chữ và số viết liền, giữ nguyên dấu (search.py: _FORM_RE); trình duyệt cũ không hiểu \p{…}
  // thì tách theo khoảng trắng và dấu câu.
  var FORM = (function () {
    try { return new RegExp("[\\p{L}\\p{N}]+", "gu"); } catch (e) {
      return /[^\s!-\/:-@\[-\x60{-~\u00a0-\u00bf\u2000-\u206f]+/g;
    }
  })();
  // Mỗi từ của câu tìm như được gõ lần đầu, giữ chữ hoa và dấu (search.py: _typed).
  function typedForms(query) {
    var found = own();
    (query.normalize("NFC").match(FORM) || []).forEach(function (token) {
      var term = fold(token);
      if (/^[a-z0-9]+$/.test(term) && !(term in found)) found[term] = token;
    });
    return found;
  }
  // «hoà» là «hòa», «thuỷ» là «thủy», «khuỷu» là «khủyu»: dấu thanh của «oa», «oe», «uy» cuối từ
  // (hay trước «u» cuối từ) đặt ở nguyên âm đầu, như chỉ mục ghi dạng viết (search.py:
  // one_tone_placement: không «ua», «ue», «oy», không «quý»; cả trước chữ số, «hoà2»); từ viết
  // thường. second: đặt
  // ở nguyên âm sau, như các từ dài hơn mà từ đang gõ bắt đầu («hoà» → «hoàng»; search.py:
  // _tone_on_second).
  function oneTone(word, second) {
    return word.normalize("NFD").replace(second ? /(^|[^q])(o(?=.[ae]$)|u(?=.y$))([\u0300\u0301\u0303\u0309\u0323])(.)/
      : /(^|[^q])(o(?=[ae])|u(?=y))(.)([\u0300\u0301\u0303\u0309\u0323])(?!(?!u)\D|u\D)/g, "$1$2$4$3").normalize("NFC");
  }
  var QUOTES = /["“”«»„]/;
  // Giữa các nhóm số: mọi khoảng trắng (cả khoảng trắng không ngắt của Word), dấu chấm, gạch nối
  // và gạch ngang (search.py: PHONE_RE, SPACES là đúng \s của JavaScript).
  var PHONE = /[+0-9][0-9]*(?:(?:[.\s\-\u2010-\u2015\u2212]+|\)\s*)[0-9]+)*/g;
  // Nhóm đầu của một số: từ 3 ký tự (search.py: FIRST_GROUP), hoặc «84», mã nước như Zalo chép số
  // (search.py: _starts_number).
  var FIRST_GROUP = /^(84|...)/, LONGEST_NUMBER = 14;
  // Mã nước «+84», «84», «0084» (cả số 0 có người giữ sau nó) đọc là số 0 ở đầu (search.py: _COUNTRY).
  function phone(run) {
    var digits = run.replace(/[^0-9]/g, "").replace(/^(00)?840?/, "0");
    // 10 hay 11 chữ số từ 0 nhưng không từ 00 (di động, cố định); 8 đến 10 từ 1800, 1900.
    return /^(0[1-9]\d{8,9}|1[89]00\d{4,6})$/.test(digits) ? digits : null;
  }
  function isPhone(word) {
    return phone(word) === word;
  }
  // Từ trái sang: đoạn nhóm số dài nhất là một số điện thoại thì ghép lại, không thì nhóm số đó
  // là một từ; kèm các nhóm số của mỗi số (search.py: _query_numbers). Một nhóm chín chữ số
  // đứng riêng có thể là số di động bỏ số 0 đầu ("912345678"; search.py: _BARE_MOBILE).
  function numbersIn(run) {
    var groups = run.match(/\+?[0-9]+/g) || [];
    var found = [], joined = {}, start = 0;
    while (start < groups.length) {
      var end = start, best = null, number = "";
      for (var at = start; FIRST_GROUP.test(groups[start]) && at < groups.length; at++) {
        number += groups[at];
        if (number.length > LONGEST_NUMBER) break;
        var p = phone(at > start ? number : number.replace(/^[35789]\d{8}$/, "0$&"));
        if (p !== null) { end = at; best = p; }
      }
      if (best === null) {
        found.push(groups[start]);
      } else {
        found.push(best);
        if (!(best in joined)) {
          joined[best] = groups.slice(start, end + 1).map(function (g) { return g.replace(/^\+/, ""); });
        }
      }
      start = end + 1;
    }
    return { found: found, joined: joined };
  }
  // Các từ của câu tìm, mỗi số điện thoại một từ chỉ gồm chữ số, và các nhóm số của nó (tìm như
  // các từ khi cả số không khớp bài nào) (search.py: _query).
  function queryTerms(query) {
    var numbers = own();
    var words = uniq(terms(query.normalize("NFC").replace(PHONE, function (run) {
      var found = numbersIn(run);
      for (var k in found.joined) if (!(k in numbers)) numbers[k] = found.joined[k];
      return found.found.join(" ") || run;
    })));
    // Số gõ khác từ của nó ("0912 345 678", "912345678") cũng được tìm như đã gõ khi cả số
    // không khớp bài nào (search.py: _query): một bài có thể viết các chữ số đó không như số.
    var groups = own();
    words.forEach(function (w) {
      if (isPhone(w) && numbers[w] + "" != w) groups[w] = numbers[w];
    });
    return { words: words, groups: groups, typed: typedForms(query), quoted: QUOTES.test(query) };
  }
  function tooShort(words) {
    return words.every(function (w) { return w.length < 2 && !/[0-9]/.test(w); });
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
    return getJson(indexUrl).then(function (m) {
      m.abbreviations = own(m.abbreviations);
      // Các từ của tên mỗi chuyên mục như được viết, một lần (search.py: _Lookup.written_labels).
      m.written = m.categories.map(function (c) {
        return (c.label.normalize("NFC").toLowerCase().match(FORM) || []).map(function (w) { return oneTone(w); });
      });
      return manifest = m;
    });
  }
  function shardKey(term) {
    for (var n = term.length; n > 0; n--) {
      if (manifest.shards.indexOf(term.slice(0, n)) >= 0) return term.slice(0, n);
    }
    return null;
  }
  function prefixKeys(word) {
    var found = manifest.shards.filter(function (k) { return k.indexOf(word) === 0; }).sort();
    var key = shardKey(word);
    return key === null || found.indexOf(key) >= 0 ? found : [key].concat(found);
  }
  function isPrefix(word, last) {
    return last && word.length >= manifest.prefix_min;
  }
  // Một từ gõ kiểu Telex khi máy chưa bật bộ gõ tiếng Việt ("luaf" → "lua", "ddaor" → "dao"),
  // hoặc null (search.py: telex).
  var SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;
  function telex(term) {
    var plain = /[fsrxj]$/.test(term) ? term.slice(0, -1)
      : term.replace(/([aeiouyw])[fsrxj](ng|nh|ch|[cmnpt])$/, "$1$2");
    plain = plain.replace(/dd/g, "d").replace(/([aeo])\1/g, "$1").replace(/([aeiouy])w/g, "$1")
      .replace(/w/g, "u");
    return plain === term || plain.length < 2 || !SYLLABLE.test(plain) ? null : plain;
  }
  // Từ cuối chỉ mới gõ một chữ ("lua d") thì chưa tìm theo nó (search.py: _used).
  function halfTyped(term) {
    return (term.length === 1 && !/[0-9]/.test(term)) || term === "dd";
  }
  // Các từ đầu (max_terms, trừ đi số lượng số điện thoại) và mọi số điện thoại, ở chỗ nào
  // cũng vậy: số trong tin nhắn dán vào là cái người dân cần kiểm tra (search.py: _used).
  function plan(q) {
    var words = q.words;
    var begun = words.length > 1 && halfTyped(words[words.length - 1]);
    var kept = begun ? words.slice(0, -1) : words;
    var room = manifest.max_terms - kept.filter(isPhone).length;
    var used = kept.filter(function (w) {
      if (isPhone(w)) return true;
      room -= 1;
      return room >= 0;
    });
    var head = 0;
    while (head < used.length && used[head] === kept[head]) head++;
    var typed = used.map(function (w) { return q.typed[w] || null; });
    return {
      used: used, last: begun ? -1 : used.length - 1, more: kept.length > used.length, head: head,
      spelled: used.map(telex),
      groups: used.map(function (w) { return q.groups[w] || []; }),
      typed: typed.map(function (t) { return t && oneTone(t.toLowerCase()); }),
      begun: typed.map(function (t) { return t && oneTone(t.toLowerCase(), 1); }),
      shown: typed,
      marked: typed.some(function (t) { return t !== null && /[^\x00-\x7f]/.test(t); }),
      quoted: q.quoted,
      short: spelledOut(used)
    };
  }
  // Các đoạn từ của câu tìm viết đầy đủ một chữ viết tắt ("can cuoc cong dan" → "cccd"): bài
  // viết tắt như vậy cũng có các từ đó (search.py: _spelled_out).
  function spelledOut(used) {
    var found = [], shorts = manifest.abbreviations;
    Object.keys(shorts).sort().forEach(function (short) {
      var words = terms(shorts[short]);
      if (words.length < 2) return;
      for (var first = 0; first + words.length <= used.length; first++) {
        if (used.slice(first, first + words.length).join(" ") === words.join(" ")) {
          found.push([first, first + words.length, short]);
        }
      }
    });
    return found;
  }
  function queryKeys(p) {
    var keys = [];
    function add(k) {
      if (k !== null && keys.indexOf(k) < 0) keys.push(k);
    }
    p.used.forEach(function (typed, i) {
      [typed, p.spelled[i]].forEach(function (word) {
        if (word === null) return;
        (isPrefix(word, i === p.last) ? prefixKeys(word) : [shardKey(word)]).forEach(add);
      });
      p.groups[i].forEach(function (group) { add(shardKey(group)); });
    });
    p.short.forEach(function (run) { add(shardKey(run[2])); });
    formKeys(p).forEach(function (k) { add("f/" + k); });
    return keys;
  }
  // Các tệp dạng viết (có dấu) cần cho câu tìm có dấu: bên cạnh các phần chỉ mục của các từ
  // gõ vào (search.py: _form_keys_of).
  function formKeys(p) {
    var keys = [];
    if (!p.marked) return keys;
    p.used.forEach(function (term, i) {
      (isPrefix(term, i === p.last) ? prefixKeys(term) : [shardKey(term)]).forEach(function (k) {
        if (k !== null && keys.indexOf(k) < 0 && (manifest.forms || []).indexOf(k) >= 0) keys.push(k);
      });
    });
    return keys;
  }
  // A file kept for the next searches, unless it did not come: one request dropped by a 3G
  // connection made every later search needing that file fail at once, «Tìm» again too, until
  // the reader reloaded the whole page. Forgotten, it is asked for again at the next search.
  function kept(store, key, url) {
    if (!store[key]) store[key] = getJson(url).catch(function (e) { delete store[key]; throw e; });
    return store[key];
  }
  function loadShard(key) {
    return kept(shards, key, file((key.indexOf("f/") === 0 ? key : "t/" + key) + ".json"));
  }
  function loadCards(chunk) {
    return kept(cards, chunk, file("d/" + chunk + ".json"));
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

  // Bài thuộc các chuyên mục named được tính như có từ đó trong nội dung (search.py: _add_named).
  function addNamed(hits, named) {
    if (!named.length) return;
    manifest.doc_categories.forEach(function (c, n) {
      if (named.indexOf(c) >= 0 && !(n in hits)) hits[n] = 1;
    });
  }
  // Các chuyên mục mỗi từ gọi tên: cả tên, hoặc hai từ liền nhau của tên, là các từ liền nhau
  // của câu tìm ("cai cach hanh chinh", "hanh chinh"); một từ lẻ ("an", "bao") thì không
  // (search.py: _named).
  function namedBy(p, labels) {
    function fits(i, word) {
      return [p.used[i], p.spelled[i]].some(function (form) {
        return form !== null && (form === word || (isPrefix(form, i === p.last) && word.indexOf(form) === 0));
      });
    }
    var named = p.used.map(function () { return []; });
    labels.forEach(function (label, c) {
      var size = Math.min(2, label.length);
      if (!size) return;
      for (var i = 0; i + size <= p.used.length; i++) {
        for (var k = 0; k + size <= label.length; k++) {
          var all = true;
          for (var d = 0; d < size; d++) if (!fits(i + d, label[k + d])) all = false;
          if (!all) continue;
          for (d = 0; d < size; d++) if (named[i + d].indexOf(c) < 0) named[i + d].push(c);
        }
      }
    });
    return named;
  }
  // Các bài có đúng từ đó, rồi các bài có từ đó hoặc (prefixed) từ dài hơn bắt đầu bằng nó:
  // {số bài: trường tốt nhất} (search.py: _hits).
  function lookup(word, prefixed, get, labels, named) {
    named = named || [];
    var key = shardKey(word);
    var exact = decode((key && get(key)[word]) || []);
    addNamed(exact, named.filter(function (c) { return labels[c].indexOf(word) >= 0; }));
    var hits = {};
    for (var n in exact) hits[n] = exact[n];
    if (prefixed) {
      prefixKeys(word).forEach(function (k) {
        var shard = get(k);
        for (var other in shard) if (other !== word && other.indexOf(word) === 0) {
          var more = decode(shard[other]);
          for (var n in more) hits[n] = Math.max(hits[n] || 0, more[n]);
        }
      });
      addNamed(hits, named.filter(function (c) {
        return labels[c].some(function (w) { return w.indexOf(word) === 0; });
      }));
    }
    return { exact: exact, hits: hits };
  }
  // Các bài có mọi nhóm số của một số điện thoại như những từ, mỗi bài với trường kém nhất
  // (search.py: _all_of).
  function allOf(groups, get, labels) {
    var found = null;
    groups.forEach(function (group) {
      var hits = lookup(group, false, get, labels).exact;
      if (found === null) { found = hits; return; }
      var both = {};
      for (var n in found) if (n in hits) both[n] = Math.min(found[n], hits[n]);
      found = both;
    });
    return found || {};
  }
  // Các vị trí trong danh sách bài của một từ mà members ghi (search.py: _member_places):
  // 1 là mọi bài, mảng là khoảng cách giữa các vị trí, chuỗi là bitmap base64url.
  function memberPlaces(members, count) {
    var places = [], i;
    if (typeof members === "number") {
      for (i = 0; i < count; i++) places.push(i);
    } else if (Array.isArray(members)) {
      var at = 0;
      members.forEach(function (d) { at += d; places.push(at); });
    } else {
      var bits = atob(members.replace(/-/g, "+").replace(/_/g, "/") +
        "===".slice((members.length + 3) % 4));
      for (i = 0; i < Math.min(count, bits.length * 8); i++) {
        if (bits.charCodeAt(i >> 3) >> (i & 7) & 1) places.push(i);
      }
    }
    return places;
  }
  // Các bài viết từ thứ i đúng như được gõ, cả dấu (từ cuối đang gõ: cả các từ dài hơn bắt đầu
  // như vậy, "đả" → «đảo»), đọc từ các tệp dạng viết (search.py: _written).
  function written(p, i, get, named) {
    var term = p.used[i], typed = p.typed[i] || "", begun = p.begun[i] || "";
    var prefixed = isPrefix(term, i === p.last);
    var found = {};
    // Đang gõ, từ bắt đầu với từ đã gõ, dấu thanh của «oa», «oe», «uy» cuối đặt ở nguyên âm nào
    // cũng được («hoà», «hòa» → «hoàng», «hòa2»).
    function asTyped(w) {
      return w === typed || prefixed && (w.indexOf(typed) === 0 || w.indexOf(begun) === 0);
    }
    (prefixed ? prefixKeys(term) : [shardKey(term)]).forEach(function (key) {
      if (key === null) return;
      var shard = get(key);
      var forms = get("f/" + key);
      // Từ ghép "cao_luong" bắt đầu bằng từ đầu của nó: không phải một từ dài hơn.
      var others = prefixed ? Object.keys(shard).filter(function (t) {
        return t.indexOf(term) === 0 && t.indexOf("_") < 0;
      }) : [term];
      others.forEach(function (other) {
        if (!(other in shard)) return;
        var numbers = Object.keys(decode(shard[other])).map(Number).sort(function (a, b) { return a - b; });
        var entry = forms[other] || {};
        if (!forms[other]) entry[other] = 1;
        for (var form in entry) if (asTyped(form)) {
          memberPlaces(entry[form], numbers.length).forEach(function (at) { found[numbers[at]] = true; });
        }
      });
    });
    named.forEach(function (c) {
      if (manifest.written[c].some(asTyped)) {
        manifest.doc_categories.forEach(function (its, n) { if (its === c) found[n] = true; });
      }
    });
    return found;
  }
  function or(one, other) {
    var found = {};
    for (var n in one) found[n] = one[n];
    for (n in other) found[n] = Math.max(found[n] || 0, other[n]);
    return found;
  }
  // Hai âm tiết liền nhau được ghi trong chỉ mục thành một từ ghép "lua_dao" (search.py: pair).
  function pair(a, b) { return a + "_" + b; }
  function plain(w) { return /^[a-z]+$/.test(w); }
  // Một từ dài gõ liền hai âm tiết ("duaxe", "tanphu"): cách cắt thành hai âm tiết mà nhiều bài
  // chứa cả hai nhất, cách đầu tiên nếu bằng nhau ("congan" là «công an», không phải «có ngăn»)
  // (search.py: _joined).
  function joined(term, prefixed, get, labels) {
    if (term.length < (manifest.joined_min || 5) || !plain(term)) return null;
    var best = null;
    for (var cut = 1; cut < term.length; cut++) {
      var a = term.slice(0, cut), b = term.slice(cut);
      if (!SYLLABLE.test(a) || !SYLLABLE.test(b)) continue;
      var ones = lookup(a, false, get, labels).exact;
      var twos = lookup(b, prefixed, get, labels).hits;
      var both = {}, n = 0;
      for (var k in ones) if (k in twos) { both[k] = Math.min(ones[k], twos[k]); n++; }
      if (n > (best ? best.n : 0)) best = { term: pair(a, b), hits: both, near: lookup(pair(a, b), prefixed, get, labels).hits, n: n };
    }
    return best;
  }
  // Các âm tiết có được khi đổi chỗ hai nguyên âm liền nhau ("doa" → "dao") (search.py: swaps).
  function swaps(term) {
    var found = [];
    for (var i = 0; i + 1 < term.length; i++) {
      if (!/^[aeiouy]{2}/.test(term.slice(i))) continue;
      var w = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
      if (w !== term && SYLLABLE.test(w) && found.indexOf(w) < 0) found.push(w);
    }
    return found;
  }
  function empty(hits) { return !Object.keys(hits).length; }
  // Đọc một từ gõ nhầm thứ tự chữ ("lừa đỏa") như từ đúng khi từ bên cạnh xác nhận (search.py: _mend).
  // Chỉ trong câu tìm ngắn (gõ tay); tin nhắn dán vào giữ nguyên như được viết.
  function mend(words, exacts, perWord, p, get, labels) {
    if (words.length > (manifest.mend_max || 3)) return;
    words.forEach(function (word, i) {
      if (!plain(word)) return;
      var beside = [i - 1, i + 1].filter(function (j) { return j >= 0 && j < words.length && plain(words[j]); });
      if (!beside.length) return;
      function side(j, w) { return j < i ? pair(words[j], w) : pair(w, words[j]); }
      if (beside.some(function (j) {
        return !empty(lookup(side(j, word), isPrefix(word, i === p.last), get, labels).hits);
      })) return;
      swaps(word).some(function (other) {
        var found = lookup(other, false, get, labels).exact;
        if (empty(found)) return false;
        return beside.some(function (j) {
          var yes = !empty(lookup(side(j, other), false, get, labels).exact);
          if (!yes && empty(perWord[i])) {
            yes = Object.keys(found).some(function (n) { return n in perWord[j]; });
          }
          if (yes) { words[i] = other; exacts[i] = found; perWord[i] = found; }
          return yes;
        });
      });
    });
  }
  // Các bài có hai từ liền nhau của câu tìm đứng liền nhau theo đúng thứ tự (search.py: _adjacent).
  function adjacentPairs(words, p, get, labels) {
    var found = [];
    for (var i = 1; i < words.length; i++) {
      if (!plain(words[i - 1]) || !plain(words[i])) continue;
      found.push(lookup(pair(words[i - 1], words[i]), isPrefix(words[i], i === p.last), get, labels).hits);
    }
    return found;
  }
  // Giống search.py: find. Không bài nào có đủ mọi từ thì lấy các bài có ít nhất một nửa số từ,
  // hoặc (câu tìm có số điện thoại) các bài nhắc đến một trong các số đó; bài có nhiều từ hơn
  // đứng trước, rồi bài có các từ đứng liền nhau như câu tìm.
  function compute(p, category, get) {
    var spelled = p.spelled;
    var labels = manifest.categories.map(function (c) { return terms(c.label); });
    var named = namedBy(p, labels);
    var words = [], exacts = [], perWord = [], near = [], how = [];
    p.used.forEach(function (typed, i) {
      var last = i === p.last;
      var word = typed, reading = "";
      var found = lookup(typed, isPrefix(typed, last), get, labels, named[i]);
      if (empty(found.hits) && spelled[i] !== null) {
        var read = lookup(spelled[i], isPrefix(spelled[i], last), get, labels, named[i]);
        if (!empty(read.hits)) { word = spelled[i]; found = read; reading = "telex"; }
      }
      // Số gõ liền một nhóm ("912345678", "84123456789") cũng là các chữ số đó: một bài có thể
      // viết chúng không như số (số tài khoản), bên cạnh bài nêu số ấy (search.py: _read_words).
      var g = p.groups[i];
      if (g.length && (empty(found.hits) || g.length < 2)) {
        // Chín chữ số đọc thêm số 0 người dân không gõ mà không bài nào nêu (CMND cũ, số tài
        // khoản): không phải số để cảnh báo (search.py: Found.unnamed).
        if (empty(found.hits) && g.length === 1 && "0" + g[0] === typed) word = g[0];
        var all = allOf(g, get, labels);
        found = { exact: or(found.exact, all), hits: or(found.hits, all) };
      }
      if (empty(found.hits) && !isPhone(typed)) {
        var two = joined(typed, isPrefix(typed, last), get, labels);
        if (two) {
          word = two.term; found = { exact: two.hits, hits: two.hits }; reading = "joined";
          near.push(two.near);
        }
      }
      words.push(word);
      exacts.push(found.exact);
      perWord.push(found.hits);
      how.push(reading);
    });
    var shortened = p.short.map(function (run) { return lookup(run[2], false, get, labels).exact; });
    p.short.forEach(function (run, k) {
      for (var i = run[0]; i < run[1]; i++) {
        exacts[i] = or(exacts[i], shortened[k]);
        perWord[i] = or(perWord[i], shortened[k]);
      }
    });
    var before = words.slice();
    mend(words, exacts, perWord, p, get, labels);
    words.forEach(function (w, i) { if (w !== before[i]) how[i] = "swapped"; });
    var whole = {};
    if (p.last >= 0 && isPrefix(words[p.last], true)) whole = exacts[p.last];
    near = near.concat(adjacentPairs(words, p, get, labels));
    var writes = perWord.map(function (hits, i) {
      var asTyped = p.marked && p.typed[i] !== null && words[i] === p.used[i];
      return asTyped ? written(p, i, get, named[i]) : or(hits, {});
    });
    p.short.forEach(function (run, k) {
      for (var i = run[0]; i < run[1]; i++) {
        for (var n in shortened[k]) writes[i][n] = true;
      }
    });
    var wanted = -1;
    manifest.categories.forEach(function (c, i) { if (c.key === category) wanted = i; });
    var count = {}, candidates = [];
    perWord.forEach(function (hits) {
      for (var n in hits) if (wanted < 0 || manifest.doc_categories[n] === wanted) {
        if (!(n in count)) { count[n] = 0; candidates.push(Number(n)); }
        count[n] += 1;
      }
    });
    var chosen = candidates.filter(function (n) { return count[n] === perWord.length; });
    var partial = !chosen.length && perWord.length > 1;
    var phones = perWord.filter(function (hits, i) { return isPhone(words[i]); });
    if (partial && phones.length) {
      chosen = candidates.filter(function (n) {
        return phones.some(function (hits) { return n in hits; });
      });
    } else if (partial) {
      var need = Math.floor((perWord.length + 1) / 2);
      chosen = candidates.filter(function (n) { return count[n] >= need; });
    }
    var asTyped = {};
    chosen.forEach(function (n) {
      asTyped[n] = writes.filter(function (w) { return n in w; }).length;
    });
    var every = chosen.filter(function (n) { return asTyped[n] === perWord.length; });
    if (p.quoted && p.marked && every.length && !partial) chosen = every;
    var score = {}, side = {};
    chosen.forEach(function (n) {
      score[n] = 0;
      side[n] = 0;
      perWord.concat(near).forEach(function (hits) { if (n in hits) score[n] += manifest.weights[hits[n]]; });
      near.forEach(function (hits) { if (n in hits) side[n] += 1; });
    });
    chosen.sort(function (a, b) {
      return count[b] - count[a] || asTyped[b] - asTyped[a] || side[b] - side[a] || score[b] - score[a] ||
        (b in whole) - (a in whole) || b - a;
    });
    var unnamed = words.filter(function (w, i) {
      return isPhone(w) && empty(perWord[i]);
    });
    var shown = words.map(function (w) { return w.replace("_", " "); });
    return {
      found: chosen, partial: partial && chosen.length > 0, words: shown, how: how, unnamed: unnamed,
      written: partial ? 0 : every.length
    };
  }
  // Tải các phần chỉ mục của câu tìm, rồi tải thêm những phần mà cách đọc các từ cần (từ viết
  // liền, từ gõ nhầm, hai từ liền nhau) cho tới khi đủ.
  var loaded = own();
  function fetchShards(keys) {
    return Promise.all(keys.map(function (k) {
      // Bỏ nguyên mẫu của chính phần đã tải, không chép: bảng từ của nó chỉ có một bản.
      return loadShard(k).then(function (shard) { loaded[k] = Object.setPrototypeOf(shard, null); });
    }));
  }
  function rank(p, category) {
    function attempt() {
      var missing = [];
      function get(k) {
        if (k in loaded) return loaded[k];
        if (k.indexOf("f/") === 0 && (manifest.forms || []).indexOf(k.slice(2)) < 0) return own();
        if (missing.indexOf(k) < 0) missing.push(k);
        return own();
      }
      var result = compute(p, category, get);
      return missing.length ? fetchShards(missing).then(attempt) : result;
    }
    return fetchShards(queryKeys(p)).then(attempt);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  function txt(t) { return document.createTextNode(t); }
  function card(doc) {
    var item = el("li", { "class": "card" });
    var title = el("h2", { "class": "card-title" });
    title.appendChild(el("a", { href: doc[0] }, doc[1]));
    var meta = el("p", { "class": "meta" });
    meta.appendChild(el("time", { datetime: doc[2] }, doc[3]));
    // The dot holds to the category's first word (no-break space), as on the site's own cards:
    // on a phone it was left alone at the end of the date's line. The category links to its
    // page, as a card's does (an index.json cached from before it gave the page: the name alone).
    // Their span keeps a long link to one line cut with «…», as the cards' markup does: on a
    // 375 px phone it wrapped under the date over two lines (the link still names it whole).
    // The name alone wraps as before: style.css cuts only a link, and held whole it would
    // push past the card's edge.
    var category = manifest.categories[doc[4]];
    meta.appendChild(txt(" "));
    if (category.url) {
      var label = el("span", { "class": "card-category" }, "\u00b7\u00a0");
      label.appendChild(el("a", { href: category.url }, category.label));
      meta.appendChild(label);
    } else meta.appendChild(txt("\u00b7\u00a0" + category.label));
    item.appendChild(title);
    item.appendChild(meta);
    item.appendChild(el("p", { "class": "summary" }, doc[5]));
    return item;
  }
  function showMore(list, button, focus) {
    var page = state.found.slice(state.shown, state.shown + manifest.per_page);
    var chunks = uniq(page.map(function (n) { return Math.floor(n / manifest.chunk); }));
    var run = state.run;
    return Promise.all(chunks.map(loadCards)).then(function (loaded) {
      if (run !== state.run) return;
      var first = null;
      page.forEach(function (n) {
        var docs = loaded[chunks.indexOf(Math.floor(n / manifest.chunk))];
        var item = card(docs[n % manifest.chunk]);
        first = first || item;
        list.appendChild(item);
      });
      state.shown += page.length;
      button.hidden = state.shown >= state.found.length;
      // Keyboard and screen reader users go on from the first new result, not from the
      // button (which is gone once everything is shown).
      if (focus && first) first.querySelector("a").focus();
    });
  }
  function status(text, advice, unsaidWhileTyping) {
    out.textContent = "";
    statusLine.textContent = text;
    if (advice) {
      statusLine.appendChild(txt(" "));
      // A hidden paragraph of the page, not a <template>: no element a bulletin's body is
      // refused for belongs in the theme either.
      Array.prototype.forEach.call(advice.childNodes, function (node) {
        statusLine.appendChild(node.cloneNode(true));
      });
    }
    speak(typing && unsaidWhileTyping);
  }
  // The words of the line on screen, without its links (they stay there, reached as links).
  function speak(unsaid) {
    clearTimeout(speakTimer);
    var text = unsaid ? "" : statusLine.textContent;
    function say() { spoken.textContent = text; seen = !!text; }
    if (typing && text) speakTimer = setTimeout(say, 1400);
    else say();
  }
  function quoted(query) {
    // The reader's own quote marks are left out: they showed doubled, «“"việc nhẹ lương cao"”».
    query = query.replace(/["“”«»„]/g, "").replace(/\s+/g, " ").trim();
    // By code points: slicing UTF-16 units could cut an emoji in half (a lone surrogate).
    var chars = Array.from(query);
    var shown = chars.length > 60 ? chars.slice(0, 57).join("").replace(/\s+\S*$/, "") + "…" : query;
    return "“" + shown + "”";
  }

  // Dòng kết quả nói đúng điều các bài có: một từ thì "có “đen”"; nhiều từ thì "có đủ các từ"
  // (chỉ mục không biết các từ trong nội dung có đứng liền nhau không); câu tìm có dấu mà chỉ
  // một số bài viết đúng dấu như vậy thì nói rõ các bài đầu viết đúng, các bài sau khác dấu.
  function foundLine(count, result, p, label, where) {
    var one = result.words.length === 1;
    var head = "Tìm thấy " + count + " bản tin" + where;
    var them = one ? "từ này" : "các từ này";
    if (!p.marked || result.written === count) {
      return head + (one ? " có " : " có đủ các từ ") + label + ".";
    }
    if (!result.written) {
      return head + " có " + (one ? "từ " : "các từ ") + label +
        " nhưng khác dấu: không bản tin nào viết đúng dấu như đã gõ.";
    }
    return head + " liên quan tới " + label + ": " + result.written + " bản tin đầu có đúng " + them +
      ", " + (count - result.written) + " bản tin sau có " + them + " nhưng khác dấu.";
  }
  // Chữ viết tắt đã tìm cả cách viết đầy đủ, và ngược lại (search.py: _spelled_in, _spelled_out).
  function shortNote(p) {
    var shorts = manifest.abbreviations, notes = [];
    p.used.forEach(function (term, i) {
      if (term in shorts && p.shown[i] !== null) {
        notes.push("“" + p.shown[i] + "” hay “" + shorts[term] + "”");
      }
    });
    p.short.forEach(function (run) { notes.push("tìm cả “" + run[2].toUpperCase() + "”"); });
    return notes.length ? " (" + notes.join(", ") + ")" : "";
  }

  function search() {
    var query = input.value.trim();
    var category = select ? select.value : "";
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (category) params.set("chuyen-muc", category);
    var qs = params.toString();
    // A second search replaced the first in the history: Back left the page instead of showing
    // the first search's results again. The typing of one search stays one entry.
    asked = qs ? "?" + qs : "";
    // An entry made here knows the address under it. Typed on from an answer seen, then back to
    // it within 1.4 s («lua dao», «lua daox», «lua dao»): replacing the new entry made it the
    // same as the one under it, and Back seemed to do nothing. Back to that entry instead: its
    // answer was seen, so the next search is a new entry again.
    var at = history.state, back = !seen && !!at && at.below === asked;
    if (back) history.back();
    else if (asked != location.search) {
      history[seen ? "pushState" : "replaceState"](seen ? { below: location.search } : at, "", asked || location.pathname);
    }
    seen = back;
    var run = ++state.run;
    if (!query) { status(""); return; }
    var q = queryTerms(query);
    if (tooShort(q.words)) {
      // Said when sent, not while typing: the first letter typed is always too short.
      status((q.words.length ? "Từ khóa quá ngắn." : "Từ khóa không có chữ hay số nào.") +
        " Hãy gõ ít nhất một từ có hai chữ cái trở lên, ví dụ “lừa đảo”, hoặc một số điện thoại.",
        null, true);
      return;
    }
    status("Đang tìm…");
    var p = null;
    return loadManifest().then(function () {
      p = plan(q);
      return rank(p, category);
    }).then(function (result) {
      if (run !== state.run) return;
      var found = result.found;
      state.found = found;
      state.shown = 0;
      var label = quoted(query);
      var where = "";
      manifest.categories.forEach(function (c) {
        if (c.key === category) where = " trong chuyên mục “" + c.label + "”";
      });
      if (result.how.indexOf("telex") >= 0) {
        // Từ đã được đọc theo kiểu gõ Telex: nêu cái đã tìm và câu như đã gõ, không để người dân
        // tưởng mình gõ sai. Từ đọc theo Telex mà tự nó có dấu thì bộ gõ đã bật: «đảoo» là gõ
        // thừa chữ; «điện thoaij» (dấu ở từ khác) vẫn là gõ kiểu Telex.
        var meant = quoted(result.words.join(" "));
        var extra = result.how.every(function (h, i) { return h !== "telex" || /[^\x00-\x7f]/.test(p.shown[i]); });
        label = meant + " (hiểu " + label + " là " +
          (extra ? meant + " gõ thừa chữ)" : "chữ gõ kiểu Telex khi chưa bật bộ gõ tiếng Việt)");
      } else {
        // Từ viết liền hay gõ nhầm thứ tự chữ: nói rõ đã hiểu thành gì.
        var notes = [];
        result.how.forEach(function (how, i) {
          if (how === "joined") {
            notes.push(quoted(p.used[i]) + " là hai từ " + quoted(result.words[i]) + " viết liền");
          } else if (how === "swapped") {
            notes.push(quoted(p.used[i]) + " là " + quoted(result.words[i]) + " gõ nhầm thứ tự chữ");
          }
        });
        if (notes.length) label = quoted(result.words.join(" ")) + " (hiểu " + notes.join(", ") + ")";
      }
      var phones = result.words.filter(isPhone);
      var named = phones.filter(function (w) { return result.unnamed.indexOf(w) < 0; });
      var skipped = "";
      if (p.more && p.head < p.used.length) {
        skipped = " Chỉ tìm theo " + p.head + " từ đầu và số " + p.used.slice(p.head).join(", ") +
          ", các từ khác bị bỏ qua.";
      } else if (p.more) {
        skipped = " Chỉ tìm theo " + p.used.length + " từ đầu, các từ sau bị bỏ qua.";
      }
      var advice = byId("loi-khuyen-so-la");
      if (!found.length) {
        if (named.length) {
          // Chỉ bộ lọc chuyên mục giấu các bài nhắc đến số này: không được nói "chưa có bản tin
          // nào" về một số đã bị cảnh báo (search.py: Found.unnamed).
          var all = new URLSearchParams();
          all.set("q", query);
          var elsewhere = el("p");
          elsewhere.appendChild(el("a", { href: "?" + all.toString() }, "Xem ở tất cả chuyên mục"));
          elsewhere.appendChild(txt("."));
          status("Trong chuyên mục này chưa có bản tin nào nhắc đến số " + named.join(", ") +
            ", nhưng chuyên mục khác có." + skipped, elsewhere);
          return;
        }
        if (phones.length) {
          status("Chưa có bản tin nào nhắc đến số " + phones.join(", ") + "." + skipped, advice);
          return;
        }
        status("Không tìm thấy bản tin nào" + where + " có " + label + "." + skipped + " Hãy thử từ khóa khác hoặc bỏ bớt từ" +
          (category ? ", hoặc chọn “Tất cả chuyên mục”." : "."));
        return;
      }
      // Một số khác trong câu tìm không bài nào nhắc đến: nói rõ, kèm lời khuyên.
      var unnamed = result.unnamed.length
        ? " Chưa có bản tin nào nhắc đến số " + result.unnamed.join(", ") + "." : "";
      if (result.partial) {
        status("Không có bản tin nào" + where + " có đủ các từ của " + label + ". Dưới đây là " + found.length +
          " bản tin chỉ có một số từ trong đó, bài có nhiều từ hơn đứng trước." + skipped + unnamed,
          unnamed ? advice : null);
      } else {
        status(foundLine(found.length, result, p, label + shortNote(p), where) + skipped);
      }
      var list = el("ol", { "class": "search-results", "aria-label": "Kết quả tìm kiếm" });
      var more = "Xem thêm kết quả";
      var button = el("button", { type: "button", "class": "more" }, more);
      button.addEventListener("click", function () {
        // Failing, the button did nothing and said nothing: the reader tapped on and on.
        button.textContent = more;
        showMore(list, button, true).catch(function () {
          if (run !== state.run) return;
          button.textContent = spoken.textContent = "Chưa tải được, chạm để thử lại";
        });
      });
      out.appendChild(list);
      out.appendChild(button);
      return showMore(list, button);
    }).catch(function () {
      if (run !== state.run) return;
      status("Không tải được dữ liệu tìm kiếm. Hãy nhấn “Tìm” để thử lại, hoặc duyệt theo chuyên mục bên dưới.");
    });
  }

  var timer = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    typing = false;
    search();
    // «Tìm» or the phone keyboard's Go key: now the answer must be seen. On a touch screen the
    // keyboard stays up while the box has the focus, covering the results; with the text at
    // 200 % they start a screen below the box, so the page showed no change at all.
    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) input.blur();
    reveal();
  });
  function reveal() {
    if (statusLine.textContent && statusLine.getBoundingClientRect().bottom > window.innerHeight) {
      statusLine.scrollIntoView({ block: "start" });
    }
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    clearTimeout(speakTimer);
    typing = true;
    timer = setTimeout(search, 350);
  });
  if (select) select.addEventListener("change", function () { typing = false; search(); });
  // The query and category of the address: opened, or Back to an earlier search of this page
  // (not a Back that only moved within the page, to its #anchor).
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (select) select.value = params.get("chuyen-muc") || "";
  }
  window.addEventListener("popstate", function () {
    if (asked != location.search) { fromUrl(); typing = false; search(); }
  });
  fromUrl();
  // Opened with a query (a shared link, the 404 page's «Tìm»): with the text at 200 % on a phone
  // the count and the first result were a screen and a half down, under the header and the
  // form, and the page seemed to show no answer. Shown once they are there, unless the reader
  // has meanwhile scrolled or gone to the box (the index may take seconds on 3G).
  var first = input.value.trim() && search();
  Promise.resolve(first).then(function () {
    // What search.html hid until the answer is in (js-query), shown under it.
    root.classList.remove("js-query");
    if (first && !window.scrollY && (document.activeElement || document.body) === document.body) reveal();
  });
})();
