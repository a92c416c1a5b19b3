// The document checklist: a tick box in each heading marked `.check-item`, kept in this
// browser's localStorage (never sent anywhere), with a count of what is ready. Without this
// script the page is a plain list. No inline code, so it runs under the site's strict CSP.
import { t } from "./lib/i18n.js";
import { el } from "./lib/dom.js";

const items = Array.from(document.querySelectorAll(".check-item[id]"));
// Ticks belong to the item (its heading's id, the same in both editions), whatever the address
// of the page (/guide/documents/, .../index.html, /fr/...). One list per copy of the site on
// the origin: this file is <root>/static/js/checklist.js.
const ROOT = new URL("../../", import.meta.url).pathname;
const KEY = "ee-guide:checklist:" + ROOT;
// Earlier versions kept one list per page address: read once, then merged into the list.
const OLD_KEY = "ee-guide:checklist:" + location.pathname;

/** {store, writable}: the storage to read ticks from (null when disabled), and whether it takes
 * a write now (not when it is full, or refuses writes as some private modes do). */
function storage() {
  let store;
  try {
    store = window.localStorage;
    store.getItem(KEY);
  } catch {
    return { store: null, writable: false }; // disabled (private mode, settings): ticks work but are not kept
  }
  try {
    const probe = KEY + ":probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return { store, writable: true };
  } catch {
    return { store, writable: false };
  }
}

function read(store, key) {
  try {
    const saved = JSON.parse(store && store.getItem(key));
    return Array.isArray(saved) ? saved.filter((id) => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function load(store) {
  const ticked = new Set(read(store, KEY));
  if (OLD_KEY !== KEY && store?.getItem(OLD_KEY) !== null) {
    for (const id of read(store, OLD_KEY)) ticked.add(id);
    try {
      store.setItem(KEY, JSON.stringify([...ticked]));
      store.removeItem(OLD_KEY);
    } catch {
      // Kept where it was: read again next time.
    }
  }
  return ticked;
}

function start() {
  const { store, writable } = storage();
  const ticked = load(store);

  const note = el("p", { class: "checklist-note", role: "status" }, t(writable ? "site.checklist.saved" : "site.checklist.not_saved"));

  /** Keep the ticks; when the browser refuses (storage full), say at once they last only for this visit. */
  function save() {
    if (!store) return;
    try {
      store.setItem(KEY, JSON.stringify([...ticked]));
      note.textContent = t("site.checklist.saved");
    } catch {
      note.textContent = t(writable ? "site.checklist.not_kept" : "site.checklist.not_saved");
    }
  }

  const progress = el("p", { class: "checklist-progress", role: "status" });
  const clear = el("button", { type: "button", class: "checklist-clear" }, t("site.checklist.clear"));
  items[0].before(el("div", { class: "checklist-panel" }, progress, note, clear));

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

  // Ticks made in another tab (or the other edition's page) are taken here, so a tick in this
  // tab never undoes them.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    ticked.clear();
    for (const id of read(store, KEY)) ticked.add(id);
    for (const box of boxes) box.checked = ticked.has(box.id.slice("tick-".length));
    update();
  });

  update();
}

if (items.length) start();
