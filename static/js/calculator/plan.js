// What to do next: the engine's steps for this person, in order, each linked to its guide
// page; then engine.plan's changes, ranked by points gained, and the best pairs.
import { el } from "../lib/dom.js";
import { date, money } from "../lib/format.js";
import { leadIn, t } from "../lib/i18n.js";
import { askLinks } from "./verdicts.js";

const SHOWN = 8;
const LANGUAGE_CODES = /^(first_language|second_language|spouse\.language)\.(listening|reading|writing|speaking|all|new)$/;

/** A suggestion in words, from its code and details (the engine's names, the locale's words). */
export function describe(s) {
  const language = LANGUAGE_CODES.exec(s.code);
  if (language) {
    const [, slot, part] = language;
    const key = part === "all" || part === "new" ? `${slot}.${part}` : `${slot}.ability`;
    return t("plan.change." + key, {
      ability: t("plan.ability." + part),
      from: s.level_from,
      to: s.level_to,
      language: t("plan.language." + s.language),
    });
  }
  const value = s.value_to === undefined ? "" : valueLabel(s.code, s.value_to);
  return t("plan.change." + s.code, { value });
}

function valueLabel(code, value) {
  if (code === "education" || code === "spouse.education") return t("calculator.option.education." + value);
  if (code === "canadian_education") return t("calculator.option.canadian_education." + value);
  return String(value);
}

function table(rows) {
  const body = el("tbody");
  for (const s of rows) {
    body.append(el("tr", { "data-id": s.id },
      el("td", {}, describe(s)),
      el("td", { class: "num gain" }, t("plan.gain", { gain: s.gain })),
      el("td", { class: "num" }, String(s.total))));
  }
  return el("table", { class: "plan-table" },
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, t("plan.col_change")),
      el("th", { scope: "col", class: "num" }, t("plan.col_gain")),
      el("th", { scope: "col", class: "num" }, t("plan.col_total")))),
    body);
}

export function renderPlan(section, plan) {
  section.replaceChildren(el("h4", {}, t("plan.heading")));
  if (!plan) return;
  const { suggestions, combinations } = plan;
  if (!suggestions.length) {
    section.append(el("p", {}, t("plan.none")));
  } else {
    // What a person abroad can act on first (engine.plan's from_abroad), each group by gain.
    const ordered = [...suggestions.filter((s) => s.from_abroad), ...suggestions.filter((s) => !s.from_abroad)];
    section.append(el("p", {}, t("calculator.steps.gains")), el("p", {}, t("plan.intro", { total: plan.total })), table(ordered.slice(0, SHOWN)));
    if (ordered.length > SHOWN) {
      section.append(el("details", {}, el("summary", {}, t("plan.more", { count: ordered.length })), table(ordered)));
    }
  }
  if (combinations.length) {
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const list = el("ol", { class: "plan-pairs pairs" });
    for (const pair of combinations.slice(0, 5)) {
      const [a, b] = pair.ids.map((id) => describe(byId.get(id)));
      list.append(el("li", { "data-ids": pair.ids.join(" ") },
        a, el("br"), leadIn(`${t("plan.pair_plus")} ${b}`), " ",
        el("strong", { class: "gain" }, t("plan.gain", { gain: pair.gain })), ` (${pair.total})`));
    }
    section.append(el("h5", { class: "pairs" }, t("plan.pairs_heading")), el("p", { class: "pairs" }, t("plan.pairs_intro")), list);
  }
  const notes = el("ul", { class: "plan-notes" });
  const w = plan.waiting;
  if (w) {
    const key = w.gain > 0 ? "plan.waiting_gain" : w.gain < 0 ? "plan.waiting_loss" : "plan.waiting_same";
    notes.append(el("li", { "data-id": "age" }, t(key, { gain: w.gain, loss: -w.gain, total: w.total })));
  }
  if (plan.eca) notes.append(el("li", { "data-id": "eca" }, t("plan.eca", { gain: plan.eca.gain })));
  if (notes.children.length) section.append(notes);
}

/** One of the engine's next steps in words; `guide` is the guide's address (…/guide/). */
export function stepWords(step, question) {
  const values = { ...step };
  for (const name of ["expired_on", "last_valid_day"]) if (step[name]) values[name] = date(step[name]);
  for (const name of ["required", "held", "shortfall"]) if (step[name] != null) values[name] = money(step[name]);
  if (step.round) values.round = t("rounds.type." + step.round);
  if (step.margin !== undefined) values.margin = Math.abs(step.margin);
  const words = [t("calculator.steps." + step.code, values)];
  if (step.fields) words.push(" ", ...askLinks(step.fields, question));
  return words;
}

export function stepItem(step, question, guide) {
  const item = el("li", { "data-step": step.code }, ...stepWords(step, question));
  if (step.page) item.append(" ", el("a", { href: `${guide}${step.page}/`, "data-guide-page": step.page }, t("calculator.steps.guide")));
  return item;
}

export function renderSteps(section, { steps }, question) {
  const guide = document.getElementById("answer").dataset.guide;
  section.replaceChildren(el("h4", {}, t("calculator.steps.heading")),
    el("ol", { class: "next-steps" }, ...(steps || []).map((step) => stepItem(step, question, guide))));
}
