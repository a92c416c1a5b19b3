// The document checklist: a tick box in each heading marked `.check-item`, kept in this
// browser's localStorage (never sent anywhere), with a count of what is ready. Without this
// script the page is a plain list. No inline code, so it runs under the site's strict CSP.
"use strict";

(function () {
  const items = Array.from(document.querySelectorAll(".check-item[id]"));
  if (!items.length) return;

  const strings = JSON.parse(document.getElementById("i18n").textContent);
  const t = (key) => strings["site.checklist." + key];
  // One list per page address, so two copies of the site on one origin keep their own ticks.
  const KEY = "ee-guide:checklist:" + location.pathname;

  const store = (function () {
    try {
      const probe = KEY + ":probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // storage disabled (private mode, settings): ticks work but are not kept
    }
  })();

  function load() {
    try {
      const saved = JSON.parse(store && store.getItem(KEY));
      return new Set(Array.isArray(saved) ? saved : []);
    } catch (error) {
      return new Set();
    }
  }

  const ticked = load();

  function save() {
    if (!store) return;
    try {
      store.setItem(KEY, JSON.stringify(items.map((h) => h.id).filter((id) => ticked.has(id))));
    } catch (error) {
      // Storage full or refused: the ticks stay on screen for this visit.
    }
  }

  const panel = document.createElement("div");
  panel.className = "checklist-panel";
  const progress = document.createElement("p");
  progress.className = "checklist-progress";
  progress.setAttribute("role", "status");
  const note = document.createElement("p");
  note.className = "checklist-note";
  note.textContent = t(store ? "saved" : "not_saved");
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "checklist-clear";
  clear.textContent = t("clear");
  panel.append(progress, note, clear);
  items[0].before(panel);

  function update() {
    progress.textContent = t("progress")
      .replace("{done}", String(items.filter((h) => ticked.has(h.id)).length))
      .replace("{total}", String(items.length));
    clear.disabled = ticked.size === 0;
  }

  const boxes = items.map((heading) => {
    // The heading's own words become the box's label: clicking the title ticks it.
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = "tick-" + heading.id;
    box.checked = ticked.has(heading.id);
    const label = document.createElement("label");
    label.htmlFor = box.id;
    label.append(...heading.childNodes);
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
    boxes.forEach((box) => { box.checked = false; });
    save();
    update();
  });

  update();
})();
