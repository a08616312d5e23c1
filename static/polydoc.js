// polydoc's page script (search is search.js). Pages work without it:
// it turns DocFX tab groups into tabs and zone pivots into a picker
// (every panel and zone is readable without it), starts the site
// navigation closed on a phone, puts a copy button on code blocks, and
// marks in "In this article" the section being read.
(function () {
  "use strict";

  // The address is the reader's to write: a malformed escape (`?view=%E0`,
  // `#%`) reads as written instead of stopping the script.
  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  // Tabs: selecting a tab selects the tab with the same id in every group
  // of the page, as DocFX does; the choice survives reloads.
  function selectTab(id, focus) {
    document.querySelectorAll(".tabGroup.tabs-ready").forEach(function (group) {
      var tabs = group.querySelectorAll(':scope > [role="tablist"] [role="tab"]');
      var has = Array.prototype.some.call(tabs, function (t) { return t.dataset.tab === id; });
      if (!has) return;
      tabs.forEach(function (t) {
        var on = t.dataset.tab === id;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
        var panel = document.getElementById(t.getAttribute("aria-controls"));
        if (panel) panel.hidden = !on;
        if (on && focus === t) t.focus();
      });
    });
    try { localStorage.setItem("polydoc-tab", id); } catch (e) { /* storage may be off */ }
  }

  function initTabs() {
    var groups = document.querySelectorAll(".tabGroup");
    groups.forEach(function (group) {
      group.classList.add("tabs-ready");
      var tabs = Array.prototype.slice.call(group.querySelectorAll(':scope > [role="tablist"] [role="tab"]'));
      tabs.forEach(function (tab, i) {
        var panel = document.getElementById(tab.getAttribute("aria-controls"));
        if (panel) panel.hidden = i !== 0;
        tab.addEventListener("click", function (event) {
          event.preventDefault();
          selectTab(tab.dataset.tab, tab);
        });
        tab.addEventListener("keydown", function (event) {
          var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          if (!step) return;
          // On a right-to-left page the next tab is on the left.
          if (getComputedStyle(group).direction === "rtl") step = -step;
          event.preventDefault();
          var next = tabs[(i + step + tabs.length) % tabs.length];
          selectTab(next.dataset.tab, next);
        });
      });
    });
    var saved = null;
    try { saved = localStorage.getItem("polydoc-tab"); } catch (e) { /* storage may be off */ }
    if (saved) selectTab(saved);
  }

  // On a phone the site navigation comes before the article and would
  // fill the first screens: start it closed there. Without JavaScript it
  // stays open, and the skip link leads past it.
  function closeNavOnPhones() {
    if (window.matchMedia && window.matchMedia("(max-width: 45rem)").matches) {
      document.querySelectorAll(".site-nav > details").forEach(function (d) { d.open = false; });
    }
  }

  // Zone pivots: a picker per pivot group of the page (hidden in the
  // HTML, so that without JavaScript every zone shows); only the zones of
  // the picked pivots stay, and "In this article" drops the headings of
  // the others. `?pivots=a,b` in the address picks, as on Microsoft
  // Learn; a reader's last choice per group is kept for the next page.
  function initPivots() {
    var pickers = Array.prototype.slice.call(document.querySelectorAll(".pivot-picker"));
    if (!pickers.length) return;
    var asked = [];
    var query = /[?&]pivots=([^&#]*)/.exec(window.location.search);
    if (query) asked = decode(query[1].replace(/\+/g, " ")).split(",");
    var selects = pickers.map(function (form) {
      var select = form.querySelector("select");
      var ids = Array.prototype.map.call(select.options, function (o) { return o.value; });
      var saved = null;
      try { saved = localStorage.getItem("polydoc-pivot-" + form.dataset.pivotGroup); } catch (e) { /* storage may be off */ }
      var pick = asked.map(function (a) { return a.trim(); })
        .filter(function (a) { return ids.indexOf(a) >= 0; })[0] || saved;
      if (pick && ids.indexOf(pick) >= 0) select.value = pick;
      select.addEventListener("change", function () { apply(true); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.hidden = false;
      return select;
    });
    var every = [];
    selects.forEach(function (s) {
      Array.prototype.forEach.call(s.options, function (o) { every.push(o.value); });
    });
    // Below the title, where a reader looks for it.
    var title = document.querySelector("article.content h1");
    if (title) title.after.apply(title, pickers);
    document.documentElement.classList.add("pivots-ready");
    apply(false);
    revealLinkedHeadings(".zone[hidden]", function (zone) {
      zone.dataset.pivot.split(",").some(function (pivot) {
        pivot = pivot.trim();
        return selects.some(function (s) {
          var has = Array.prototype.some.call(s.options, function (o) { return o.value === pivot; });
          if (has) s.value = pivot;
          return has;
        });
      });
      apply(true);
    });

    function apply(chosen) {
      var picked = selects.map(function (s) { return s.value; });
      document.querySelectorAll(".zone[data-pivot]").forEach(function (zone) {
        var ids = zone.dataset.pivot.split(",").map(function (id) { return id.trim(); });
        var governed = ids.some(function (id) { return every.indexOf(id) >= 0; });
        zone.hidden = governed && !ids.some(function (id) { return picked.indexOf(id) >= 0; });
      });
      hideHiddenHeadings();
      if (!chosen) return;
      pickers.forEach(function (form, i) {
        try { localStorage.setItem("polydoc-pivot-" + form.dataset.pivotGroup, picked[i]); } catch (e) { /* storage may be off */ }
      });
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("pivots", picked.join(","));
        history.replaceState(history.state, "", url.href);
      } catch (e) { /* file:// may refuse a new address; the choice still shows */ }
    }
  }

  // A link to a heading inside a hidden zone or version block (from
  // search, another page or this one) picks that block's pivot or
  // version (`show`) rather than landing nowhere.
  function revealLinkedHeadings(hiddenBlock, show) {
    function reveal() {
      var id = decode(window.location.hash.slice(1));
      var target = id && document.getElementById(id);
      var block = target && target.closest(hiddenBlock);
      if (!block) return;
      show(block);
      target.scrollIntoView();
    }
    reveal();
    window.addEventListener("hashchange", reveal);
  }

  // "In this article" lists only the headings of the zones and versions
  // that show.
  function hideHiddenHeadings() {
    document.querySelectorAll(".toc li").forEach(function (item) {
      var link = item.querySelector("a[href^='#']");
      var target = link && document.getElementById(decode(link.getAttribute("href").slice(1)));
      if (target) item.hidden = !!target.closest(".zone[hidden], .moniker[hidden]");
    });
  }

  // Moniker blocks: a version picker (hidden in the HTML, so that without
  // JavaScript every block shows, labelled with its range); only the
  // blocks of the picked version stay, each block listing the versions it
  // applies to in data-versions. `?view=vs-2019` in the address picks, as
  // on Microsoft Learn; a reader's last choice per product is kept for
  // the next page; "All versions" (the empty value) shows every block.
  function initVersions() {
    var form = document.querySelector(".version-picker");
    if (!form) return;
    var select = form.querySelector("select");
    var options = Array.prototype.slice.call(select.options);
    var has = function (v) { return options.some(function (o) { return o.value === v; }); };
    var query = /[?&]view=([^&#]*)/.exec(window.location.search);
    var asked = query && decode(query[1]).toLowerCase();
    // A version asked for (`?view=`) or chosen on another page that this
    // page's monikerRange leaves out: it says so, as Learn does.
    var missing = asked !== null && asked !== "" && !has(asked) ? asked : null;
    if (asked !== null && has(asked)) {
      select.value = asked;
    } else {
      var restored = options.some(function (o) {
        var saved = null;
        try { saved = o.dataset.product && localStorage.getItem("polydoc-version-" + o.dataset.product); } catch (e) { /* storage may be off */ }
        if (saved !== null && has(saved)) {
          select.value = saved;
          return true;
        }
        if (saved && missing === null) missing = saved;
        return false;
      });
      if (restored && asked === null) missing = null;
    }
    var notice = form.querySelector(".version-notice");
    if (missing !== null && notice) {
      var names = {};
      try { names = JSON.parse(form.dataset.names || "{}"); } catch (e) { /* no names: monikers */ }
      var shown = select.options[select.selectedIndex];
      notice.textContent = (form.dataset.unavailable || "")
        .replace("{version}", Object.prototype.hasOwnProperty.call(names, missing) ? names[missing] : missing)
        .replace("{shown}", shown ? shown.textContent : "");
      notice.hidden = false;
    }
    select.addEventListener("change", function () {
      if (notice) notice.hidden = true;
      apply(true);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    var title = document.querySelector("article.content h1");
    var pivots = document.querySelectorAll(".pivot-picker");
    var after = pivots.length ? pivots[pivots.length - 1] : title;
    if (after) after.after(form);
    apply(false);
    revealLinkedHeadings(".moniker[hidden]", function (block) {
      var versions = block.dataset.versions.split(" ").filter(has);
      select.value = versions.length ? versions[versions.length - 1] : "";
      apply(true);
    });

    function apply(chosen) {
      var picked = select.value;
      document.querySelectorAll(".moniker[data-versions]").forEach(function (block) {
        block.hidden = picked !== "" && block.dataset.versions.split(" ").indexOf(picked) < 0;
      });
      document.documentElement.classList.toggle("versions-picked", picked !== "");
      hideHiddenHeadings();
      if (!chosen) return;
      var option = select.options[select.selectedIndex];
      var products = picked === "" ? options.map(function (o) { return o.dataset.product; }) : [option.dataset.product];
      products.forEach(function (product) {
        if (!product) return;
        try { localStorage.setItem("polydoc-version-" + product, picked); } catch (e) { /* storage may be off */ }
      });
      try {
        var url = new URL(window.location.href);
        if (picked === "") url.searchParams.delete("view"); else url.searchParams.set("view", picked);
        history.replaceState(history.state, "", url.href);
      } catch (e) { /* file:// may refuse a new address; the choice still shows */ }
    }
  }

  // Dates are written as ISO 8601 (2019-09-18), readable in any language
  // without JavaScript; shown as the page's language writes them where
  // the browser knows how.
  function localizeDates() {
    var lang = document.documentElement.lang;
    document.querySelectorAll("time[datetime]").forEach(function (time) {
      var date = new Date(time.getAttribute("datetime") + "T00:00:00Z");
      if (isNaN(date.getTime())) return;
      try {
        time.textContent = date.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
      } catch (e) { /* an unknown language tag: the ISO date stays */ }
    });
  }

  // A copy button on each code block, labelled in the page's language
  // (the article's data-copy and data-copied). Without JavaScript there is
  // no button, and the code is selected by hand as ever.
  function initCopyButtons() {
    var article = document.querySelector("article.content[data-copy]");
    if (!article) return;
    article.querySelectorAll("pre > code").forEach(function (code) {
      var pre = code.parentElement;
      var block = document.createElement("div");
      block.className = "code-block";
      pre.parentNode.insertBefore(block, pre);
      block.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = article.dataset.copy;
      button.setAttribute("aria-live", "polite");
      button.addEventListener("click", function () {
        copy(code.textContent.replace(/\n$/, "")).then(function () {
          button.textContent = article.dataset.copied;
          button.classList.add("copied");
          setTimeout(function () {
            button.textContent = article.dataset.copy;
            button.classList.remove("copied");
          }, 2000);
        }, function () { /* nothing copied: the button says nothing new */ });
      });
      block.appendChild(button);
    });
  }

  // The clipboard API where the browser offers it (secure contexts,
  // file:// included in Chromium), else a selected text area.
  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  // "In this article" marks the section being read: the last of its
  // headings scrolled up to the sticky header (at the page's end, the last
  // one in view), as Learn does; and when the list is longer than the
  // screen, it scrolls the list, never the page, to keep the mark in view.
  function initTocSpy() {
    var toc = document.querySelector(".page > .toc");
    if (!toc) return;
    var entries = [];
    toc.querySelectorAll("a[href^='#']").forEach(function (link) {
      var heading = document.getElementById(decode(link.getAttribute("href").slice(1)));
      if (heading) entries.push({ link: link, heading: heading });
    });
    if (!entries.length) return;
    var header = document.querySelector(".site-header");
    var current = null;
    var pending = false;

    function shown(entry) {
      // A heading in a hidden zone or tab panel has no layout box.
      return entry.heading.getClientRects().length > 0;
    }

    function update() {
      pending = false;
      var line = (header ? header.getBoundingClientRect().bottom : 0) + 24;
      var found = null;
      entries.forEach(function (entry) {
        if (shown(entry) && entry.heading.getBoundingClientRect().top <= line) found = entry;
      });
      var root = document.documentElement;
      // Scrolled to the end (not a page that fits the screen unscrolled).
      if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2) {
        for (var i = entries.length - 1; i >= 0; i--) {
          if (shown(entries[i]) && entries[i].heading.getBoundingClientRect().top < window.innerHeight) {
            found = entries[i];
            break;
          }
        }
      }
      if (found === current) return;
      if (current) current.link.removeAttribute("aria-current");
      current = found;
      if (!current) return;
      current.link.setAttribute("aria-current", "location");
      if (toc.scrollHeight > toc.clientHeight) {
        var box = toc.getBoundingClientRect();
        var item = current.link.getBoundingClientRect();
        if (item.top < box.top + 32) toc.scrollTop -= box.top + 32 - item.top;
        else if (item.bottom > box.bottom - 8) toc.scrollTop += item.bottom - box.bottom + 8;
      }
    }

    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    }, { passive: true });
    update();
  }

  // A reader who picked a version or a pivot (or came by an address that
  // did, `?view=`, `?pivots=`) keeps it on the same page in another
  // language: the switcher's link takes the address's choices along.
  function carryChoicesAcrossLanguages() {
    document.querySelectorAll(".language-switcher a[hreflang]:not([aria-current])").forEach(function (link) {
      link.addEventListener("click", function () {
        try {
          var here = new URL(window.location.href).searchParams;
          var there = new URL(link.getAttribute("href"), window.location.href);
          ["view", "pivots"].forEach(function (key) {
            if (here.has(key)) there.searchParams.set(key, here.get(key));
          });
          link.href = there.href;
        } catch (e) { /* an address URL cannot read: the link as it is */ }
      });
    });
  }

  function init() {
    closeNavOnPhones();
    initTabs();
    initPivots();
    initVersions();
    localizeDates();
    initCopyButtons();
    initTocSpy();
    carryChoicesAcrossLanguages();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
