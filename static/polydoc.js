// polydoc's page script (search is search.js). Pages work without it:
// it turns DocFX tab groups into tabs (every panel is readable without
// it) and starts the site navigation closed on a phone.
(function () {
  "use strict";

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

  function init() {
    closeNavOnPhones();
    initTabs();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
