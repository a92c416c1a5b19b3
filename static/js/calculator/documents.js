// The family's documents (engine.documents): one list item per document and person, with
// data-document, data-person and, where they apply, data-job and data-country; a tick box kept
// in this browser (state.js), as the guide's checklist keeps its ticks; a print of the list
// alone. The engine decides what is needed, for whom and until when; this words it.
import { el } from "../lib/dom.js";
import { date, money } from "../lib/format.js";
import { rule, t } from "../lib/i18n.js";
import { loadTicks, saveTicks } from "./state.js";

/** The stable id of an item, for its tick: its codes joined. */
export function itemId(item) {
  return [item.document, item.person, item.job ?? "", item.country ?? ""].join(":");
}

function personWords(person) {
  if (person.startsWith("child-")) return t("planner.documents.person.child", { n: person.slice(6) });
  return t("planner.documents.person." + person);
}

function details(item) {
  const lines = [];
  if (item.job !== null) {
    const job = item.job + 1;
    lines.push(item.noc ? t("planner.documents.job_noc", { job, noc: item.noc }) : t("planner.documents.job", { job }));
  }
  if (item.test) lines.push(t("planner.documents.language", { test: rule("language.tests", "rows", item.test) }));
  if (item.document === "proof_of_funds" && item.required != null) lines.push(t("planner.documents.funds", { amount: money(item.required) }));
  if (item.document === "biometrics" && !item.age_known) lines.push(t("planner.documents.biometrics_ages", { from: item.ages[0], to: item.ages[1] }));
  if (item.document === "medical_exam" && item.accompanying === false) lines.push(t("planner.documents.not_accompanying"));
  lines.push(item.start_late ? t("planner.documents.lead_late", { count: item.lead_weeks })
    : t("planner.documents.lead", { count: item.lead_weeks, date: date(item.start_by) }));
  if (item.valid_until) lines.push(t("planner.documents.valid_until", { date: date(item.valid_until) }));
  if (item.flag) lines.push(t("planner.documents.flag." + item.flag, { months: item.months }));
  if (item.translate) lines.push(t("planner.documents.translate"));
  return lines;
}

function link(item) {
  if (!item.page) return null;
  const text = item.country
    ? t("planner.documents.police_page", { country: rule("documents.police_pages", "rows", item.country) })
    : t("planner.documents.police_list");
  return el("a", { href: item.page, rel: "noopener" }, text);
}

let ticked = null;

/** Fill #documents from the engine's documents answer. */
export function renderDocuments(node, answer) {
  ticked ??= new Set(loadTicks());
  const window = answer.window;
  const items = answer.items.map((item, index) => {
    const id = itemId(item);
    const box = `document-${index}`;
    const attrs = { class: "document", "data-document": item.document, "data-person": item.person, "data-id": id };
    if (item.job !== null) attrs["data-job"] = String(item.job);
    if (item.country) attrs["data-country"] = item.country;
    if (item.flag) attrs["data-flag"] = item.flag;
    const check = el("input", { type: "checkbox", id: box, "data-tick": id });
    check.checked = ticked.has(id);
    const title = [rule("documents.lead_times", "rows", item.document)];
    if (item.country) title.push(` – ${rule("documents.police_pages", "rows", item.country)}`);
    const extra = link(item);
    return el("li", attrs,
      el("div", { class: "document-head" }, check,
        el("label", { for: box }, el("strong", {}, ...title), " ", el("span", { class: "person" }, `(${personWords(item.person)})`))),
      el("ul", { class: "document-details" }, ...details(item).map((line) => el("li", {}, line)),
        ...(extra ? [el("li", {}, extra)] : [])));
  });
  const progress = el("p", { class: "checklist-progress", role: "status" });
  const count = () => {
    const done = answer.items.filter((item) => ticked.has(itemId(item))).length;
    progress.textContent = t("site.checklist.progress", { done, total: answer.items.length });
  };
  const listNode = el("ul", { class: "document-list" }, ...items);
  listNode.addEventListener("change", (event) => {
    const id = event.target.dataset.tick;
    if (!id) return;
    if (event.target.checked) ticked.add(id);
    else ticked.delete(id);
    saveTicks([...ticked]);
    count();
  });
  count();
  node.replaceChildren(
    el("p", {}, t("planner.documents.intro")),
    el("p", { class: "hint" }, t(window.assumed ? "planner.documents.window_assumed" : "planner.documents.window", { until: date(window.until) })),
    progress, listNode);
}

/** Calendar events: the day each document stops being valid, when it is known and still ahead. */
export function documentEvents(answer) {
  return answer.items.filter((item) => item.valid_until && item.flag !== "expired").map((item) => ({
    uid: `document-${itemId(item).replaceAll(":", "-")}-${item.valid_until}`,
    date: item.valid_until,
    summary: t("planner.documents.expires_event", { document: rule("documents.lead_times", "rows", item.document), person: personWords(item.person) }),
  }));
}

/** "Print the list": the print shows the documents alone while the body carries the class. */
export function mountDocumentsPrint() {
  document.getElementById("documents-print").addEventListener("click", () => {
    document.body.classList.add("print-documents");
    window.print();
  });
  window.addEventListener("afterprint", () => document.body.classList.remove("print-documents"));
}
