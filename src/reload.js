// Injected by `polydoc serve` only: reloads the page after a rebuild and
// shows a failed build's error over the page until the next good build.
(function () {
  "use strict";
  var seen = null;
  var box = null;
  function show(error) {
    if (!error) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = "polydoc-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;z-index:9999;" +
        "margin:0;padding:1rem;background:#2b0b0b;color:#ffdede;border:2px solid #e5484d;border-radius:6px;" +
        "font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "polydoc: the last build failed\n\n" + error;
  }
  function poll() {
    fetch("/__polydoc/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.build !== seen && !s.error) { location.reload(); return; }
        seen = s.build;
        show(s.error);
      })
      .catch(function () { /* the server restarts: try again */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
