// The document checklist: a tick box in each heading marked `.check-item`, kept in this
// browser's localStorage (never sent anywhere), with a count of what is ready. Without this
// script the page is a plain list. No inline code, so it runs under the site's strict CSP.
import { t } from "./lib/i18n.js";
import { el } from "./lib/dom.js";

const items = Array.from(document.querySelectorAll(".check-item[id]"));
// One list per page address, so two copies of the site on one origin keep their own ticks.
const KEY = "ee-guide:checklist:" + location.pathname;

function storage() {
  try {
    const probe = KEY + ":probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode, settings): ticks work but are not kept
  }
}

function load(store) {
  try {
    const saved = JSON.parse(store && store.getItem(KEY));
    return new Set(Array.isArray(saved) ? saved : []);
  } catch {
    return new Set();
  }
}

function start() {
  const store = storage();
  const ticked = load(store);

  function save() {
    if (!store) return;
    try {
      store.setItem(KEY, JSON.stringify(items.map((h) => h.id).filter((id) => ticked.has(id))));
    } catch {
      // Storage full or refused: the ticks stay on screen for this visit.
    }
  }

  const progress = el("p", { class: "checklist-progress", role: "status" });
  const clear = el("button", { type: "button", class: "checklist-clear" }, t("site.checklist.clear"));
  items[0].before(el("div", { class: "checklist-panel" }, progress,
    el("p", { class: "checklist-note" }, t(store ? "site.checklist.saved" : "site.checklist.not_saved")), clear));

  function update() {
    progress.textContent = t("site.checklist.progress", { done: items.filter((h) => ticked.has(h.id)).length, total: items.length });
    clear.disabled = ticked.size === 0;
  }

  const boxes = items.map((heading) => {
    // The heading's own words become the box's label: clicking the title ticks it.
    const box = el("input", { type: "checkbox", id: "tick-" + heading.id });
    box.checked = ticked.has(heading.id);
    const label = el("label", { for: box.id }, ...heading.childNodes);
    heading.append(box, label);
    heading.classList.add("check-ready");
    box.addEventListener("change", () => {
      if (box.checked) ticked.add(heading.id);
      else ticked.delete(heading.id);
      save();
      update();
    });
    return box;
  });

  clear.addEventListener("click", () => {
    ticked.clear();
    for (const box of boxes) box.checked = false;
    save();
    update();
  });

  update();
}

if (items.length) start();
