// Filters and sorting for the status matrix, and the "only sections that
// differ" switch of the side-by-side pages. Without JavaScript every page
// shows everything.
(function () {
  const toggle = document.getElementById("only-differences");
  if (toggle) {
    toggle.addEventListener("change", () => document.body.classList.toggle("only-differences", toggle.checked));
  }
  const table = document.getElementById("matrix");
  if (!table) return;
  const form = document.getElementById("filters");
  form.hidden = false;
  const rows = Array.from(table.tBodies[0].rows);
  const text = document.getElementById("filter-path");
  const status = document.getElementById("filter-status");
  const locales = Array.from(document.querySelectorAll(".filter-locale"));
  const shown = document.getElementById("shown");
  function visibleLocales() {
    return locales.filter((l) => l.checked).map((l) => l.value);
  }
  function apply() {
    const wanted = visibleLocales();
    table.querySelectorAll("[data-locale]").forEach((cell) => {
      cell.hidden = !wanted.includes(cell.dataset.locale);
    });
    const needle = text.value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const cells = Array.from(row.cells).filter((c) => c.dataset.locale && wanted.includes(c.dataset.locale));
      const statuses = cells.map((c) => c.dataset.value);
      const matchesText = !needle || row.cells[0].textContent.toLowerCase().includes(needle);
      const want = status.value;
      const matchesStatus = !want ||
        (want === "drift" ? statuses.some((s) => s === "outdated" || s === "inconsistent") : statuses.includes(want));
      row.hidden = !(matchesText && matchesStatus);
      if (!row.hidden) count++;
    }
    shown.textContent = count + " of " + rows.length + " pages";
  }
  const rank = { outdated: 0, inconsistent: 1, missing: 2, orphan: 3, "up-to-date": 4, source: 5, absent: 6 };
  table.tHead.querySelectorAll("th").forEach((th, column) => {
    th.querySelector("button").addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      table.tHead.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = (row) => {
        const value = row.cells[column].dataset.value || "";
        return th.dataset.sort === "status" ? String(rank[value] ?? 9) + value : value.toLowerCase();
      };
      rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (ascending ? 1 : -1));
      rows.forEach((row) => table.tBodies[0].appendChild(row));
    });
  });
  [text, status, ...locales].forEach((input) => input.addEventListener("input", apply));
  form.addEventListener("submit", (e) => e.preventDefault());
  apply();
})();
