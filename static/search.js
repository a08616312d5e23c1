// polydoc search: the box in the header and the query over the index that
// `polydoc build` writes under <locale>/search/. The index format and the
// term rules are documented in src/search/mod.rs, encode.rs and terms.rs;
// the functions `terms`, `shard` and `postings` here mirror them.
// Files are loaded with <script> elements, not fetch, so that search also
// works from file://.
(function () {
  'use strict';
  var box = document.querySelector('[data-search]');
  if (!box) return;
  var base = box.getAttribute('data-search');
  var input = box.querySelector('input');
  var panel = box.querySelector('.search-results');
  var noResults = box.getAttribute('data-no-results') || 'No results';
  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var LIMIT = 10;
  var store = {};
  var loading = {};
  // `terms` and `snippet` are exposed for tests/browser.rs, which checks
  // the first against the Rust side.
  window.polydocSearch = { put: function (key, data) { store[key] = data; }, terms: null };

  function load(key) {
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = base + key + '.js';
        script.onload = function () { resolve(store[key]); };
        script.onerror = function () { reject(new Error('cannot load ' + script.src)); };
        document.head.appendChild(script);
      });
    }
    return loading[key];
  }

  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) ||
      (c >= 0x20000 && c <= 0x2FA1F);
  }
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var MARK = /[\u0300-\u036f]/g;

  // Lowercased, then Latin letters without their accents (terms.rs `fold`).
  function fold(ch) {
    var out = '';
    for (var part of ch.toLowerCase()) {
      var c = part.codePointAt(0);
      if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) {
        part = part.normalize('NFD');
      }
      out += part.replace(MARK, '');
    }
    return out;
  }

  // The terms of `text`, by the rules of src/search/terms.rs.
  function terms(text) {
    var out = [];
    var word = '';
    var cjk = [];
    function flushWord() {
      if (word && new TextEncoder().encode(word).length <= 48) out.push(word);
      word = '';
    }
    function flushCjk() {
      if (cjk.length === 1) out.push(cjk[0]);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk[i] + cjk[i + 1]);
      cjk = [];
    }
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0x300 && c <= 0x36F) continue;
      if (isCjk(c)) { flushWord(); cjk.push(ch); }
      else if (WORD.test(ch)) { flushCjk(); word += fold(ch); }
      else { flushWord(); flushCjk(); }
    }
    flushWord();
    flushCjk();
    return out;
  }

  function shard(term, shards) {
    var hash = 0x811c9dc5;
    var n = 0;
    for (var ch of term) {
      if (n++ === 2) break;
      hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193) >>> 0;
    }
    return hash % shards;
  }

  // [page, sections, score] triples of an encoded postings string.
  function postings(text) {
    var out = [];
    var i = 0;
    var page = 0;
    function varint() {
      var value = 0;
      var shift = 0;
      for (;;) {
        var digit = ALPHABET.indexOf(text[i++]);
        value += (digit & 31) * Math.pow(2, shift);
        if (digit < 32) return value;
        shift += 5;
      }
    }
    while (i < text.length) {
      page += varint();
      var sections = varint();
      out.push([page, sections, ALPHABET.indexOf(text[i++])]);
    }
    return out;
  }

  // The postings of term `key` of `table`, and the stem of its word
  // family: a family's terms hold `~stem`, the key of the family's
  // postings in the stem's shard (src/search/encode.rs).
  async function entry(table, key, shards) {
    if (!Object.prototype.hasOwnProperty.call(table, key)) return null;
    var value = table[key];
    if (value.charAt(0) !== '~') return { postings: value, family: null };
    var stem = value.slice(1);
    var other = await load('t' + shard(stem, shards));
    return { postings: other[value] || '', family: stem };
  }

  // Page -> {score, sections} for one query term (its word family's
  // pages, when it has one), and the family's stem; the last term of a
  // query being typed also matches longer terms (at half weight).
  async function lookup(table, term, prefix, shards) {
    var hits = new Map();
    var families = new Set();
    function add(found, weight) {
      if (found.family !== null) {
        if (families.has(found.family)) return;
        families.add(found.family);
      }
      postings(found.postings).forEach(function (p) {
        var hit = hits.get(p[0]) || { score: 0, sections: 0 };
        hit.score = Math.max(hit.score, p[2] * weight);
        hit.sections = (hit.sections | p[1]) >>> 0;
        hits.set(p[0], hit);
      });
    }
    var own = await entry(table, term, shards);
    if (own) add(own, 1);
    if (prefix && Array.from(term).length >= 2) {
      var more = 0;
      for (var key in table) {
        if (key !== term && key.charAt(0) !== '~' && key.startsWith(term) && more++ < 50) {
          add(await entry(table, key, shards), 0.5);
        }
      }
    }
    return { hits: hits, family: own ? own.family : null };
  }

  async function search(query) {
    var words = Array.from(new Set(terms(query)));
    if (!words.length) return null;
    var meta = await load('meta');
    var prefixLast = !/\s$/.test(query);
    var found = null;
    // What results mark of each word: the word, and its family's stem
    // (`activ` of `activar` marks `Activación`) unless that is too short
    // to read. A stem need not start the word (`happi` of `happy`).
    var marks = [];
    for (var i = 0; i < words.length; i++) {
      var table = await load('t' + shard(words[i], meta.shards));
      var looked = await lookup(table, words[i], prefixLast && i === words.length - 1, meta.shards);
      var hits = looked.hits;
      var family = looked.family;
      marks.push(family !== null && Array.from(family).length >= 3 ? [words[i], family] : [words[i]]);
      if (found === null) {
        found = hits;
      } else {
        var both = new Map();
        found.forEach(function (hit, page) {
          var other = hits.get(page);
          if (other) {
            var common = (hit.sections & other.sections) >>> 0;
            both.set(page, {
              score: hit.score + other.score,
              sections: common || ((hit.sections | other.sections) >>> 0),
            });
          }
        });
        found = both;
      }
      if (!found.size) break;
    }
    var ranked = Array.from(found.entries())
      .sort(function (a, b) { return b[1].score - a[1].score || a[0] - b[0]; })
      .slice(0, LIMIT);
    var listed = [];
    for (var r of ranked) {
      var chunk = await load('d' + Math.floor(r[0] / meta.chunk));
      var doc = chunk[r[0] % meta.chunk];
      if (!doc) continue;
      listed = listed.concat(results(doc, r[1].sections, marks));
    }
    return { words: [].concat.apply([], marks), results: listed.slice(0, LIMIT) };
  }

  // The sections a page's result points at: among those holding the
  // terms, the ones whose heading names them all (up to three), else the
  // first. `marks` holds per query word what names it (word, stem).
  function results(doc, mask, marks) {
    var url = doc[0];
    var sections = doc[2];
    var candidates = [];
    for (var i = 0; i < sections.length; i++) {
      if ((mask >>> Math.min(i, 31)) & 1) candidates.push(i);
    }
    var named = candidates.filter(function (i) {
      var heading = terms(sections[i][1]);
      return heading.length && marks.every(function (names) {
        return heading.some(function (h) {
          return names.some(function (w) { return h.startsWith(w); });
        });
      });
    }).slice(0, 3);
    var chosen = named.length ? named : [candidates.length ? candidates[0] : 0];
    var words = [].concat.apply([], marks);
    return chosen.map(function (i) {
      var section = sections[i] || ['', '', ''];
      return {
        href: base + '../' + url + (section[0] ? '#' + section[0] : ''),
        title: doc[1],
        section: section[1],
        snippet: snippet(section[2], words),
      };
    });
  }

  // `text` folded as terms are (letters and digits folded, the rest a
  // space), and for each folded character where it starts in `text`.
  function folding(text) {
    var folded = '';
    var starts = [];
    var offset = 0;
    for (var ch of text) {
      var f = WORD.test(ch) || isCjk(ch.codePointAt(0)) ? fold(ch) : ' ';
      for (var k = 0; k < f.length; k++) starts.push(offset);
      folded += f;
      offset += ch.length;
    }
    starts.push(text.length);
    return { folded: folded, starts: starts };
  }

  // What a result shows of its section's text (the index keeps up to a
  // thousand characters of each, src/search/mod.rs `SECTION_TEXT`): the
  // start, or, when the first of the query's words stands further in,
  // the stretch around it, cut at spaces, `…` where text is left out.
  var SNIPPET = 160;
  var LEAD = 50;
  function snippet(text, words) {
    if (text.length <= SNIPPET) return text;
    var f = folding(text);
    var at = -1;
    words.forEach(function (w) {
      var i = f.folded.indexOf(w);
      if (i >= 0 && (at < 0 || f.starts[i] < at)) at = f.starts[i];
    });
    var start = 0;
    if (at > SNIPPET - LEAD) {
      start = at - LEAD;
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < at ? space + 1 : whole(text, start);
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      end = back > start + SNIPPET / 2 && back > at ? back : whole(text, end);
    }
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  // `i`, or the start of the character it falls inside (a surrogate pair).
  function whole(text, i) {
    var c = text.charCodeAt(i);
    return c >= 0xDC00 && c <= 0xDFFF ? i - 1 : i;
  }

  // `text` with the query's words marked, as DOM nodes (never as HTML).
  function marked(text, words) {
    var fragment = document.createDocumentFragment();
    var f = folding(text);
    var folded = f.folded;
    var starts = f.starts;
    var ranges = [];
    words.forEach(function (w) {
      var at = folded.indexOf(w);
      while (at >= 0) {
        ranges.push([starts[at], starts[Math.min(at + w.length, starts.length - 1)]]);
        at = folded.indexOf(w, at + w.length);
      }
    });
    // At one place, the longest (`claves` rather than its stem `clav`).
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var last = 0;
    ranges.forEach(function (range) {
      if (range[0] < last) return;
      fragment.appendChild(document.createTextNode(text.slice(last, range[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(range[0], range[1]);
      fragment.appendChild(mark);
      last = range[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function element(name, className, child) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (child) node.appendChild(child);
    return node;
  }

  function show(found) {
    panel.textContent = '';
    if (!found) { panel.hidden = true; return; }
    panel.hidden = false;
    if (!found.results.length) {
      var empty = document.createElement('p');
      empty.className = 'search-empty';
      empty.textContent = noResults;
      panel.appendChild(empty);
      return;
    }
    var list = document.createElement('ol');
    found.results.forEach(function (r) {
      var item = document.createElement('li');
      var link = element('a', '', null);
      link.href = r.href;
      link.appendChild(element('span', 'search-title', document.createTextNode(r.title)));
      if (r.section) link.appendChild(element('span', 'search-section', marked(r.section, found.words)));
      item.appendChild(link);
      if (r.snippet) item.appendChild(element('p', 'search-snippet', marked(r.snippet, found.words)));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  var pending = 0;
  function update() {
    var ticket = ++pending;
    search(input.value).then(function (found) {
      if (ticket === pending) show(found);
    }, function (error) {
      if (ticket !== pending) return;
      panel.hidden = false;
      panel.textContent = String(error.message || error);
    });
  }

  window.polydocSearch.terms = terms;
  window.polydocSearch.snippet = snippet;
  box.hidden = false;
  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  });
  // Keys: arrows move between the input and the results, Escape clears,
  // `/` anywhere else on the page jumps to the box.
  box.addEventListener('keydown', function (event) {
    var links = Array.prototype.slice.call(panel.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    var step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step && links.length && !panel.hidden) {
      event.preventDefault();
      var next = at + step;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === 'Escape') {
      input.value = '';
      show(null);
      input.focus();
    }
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  box.addEventListener('submit', function (event) {
    event.preventDefault();
    var first = panel.querySelector('a');
    if (first) window.location.href = first.href;
  });
  document.addEventListener('click', function (event) {
    if (!box.contains(event.target)) panel.hidden = true;
  });
  input.addEventListener('focus', function () {
    if (panel.childNodes.length) panel.hidden = false;
  });
})();
