// Scenarios: the answers kept under a name in this browser (with the score they had), opened
// again, and compared two by two (the totals and every line of the score that differs). And a
// couple's swap of who is the principal applicant, with both totals.
import { el } from "../lib/dom.js";
import { date } from "../lib/format.js";
import { labelled, rule, t } from "../lib/i18n.js";
import * as state from "./state.js";

// The answers of the principal applicant that a spouse's questions hold too, swapped as pairs.
const LANGUAGE_PARTS = ["test", "listening", "reading", "writing", "speaking", "taken_on"];
const PAIRS = [
  ["education", "spouse.education"],
  ["canadian_work_years", "spouse.canadian_work_years"],
  ["studied_in_canada_2_years", "spouse.studied_in_canada_2_years"],
  ...LANGUAGE_PARTS.map((part) => [`first_language.${part}`, `spouse.language.${part}`]),
];
// Asked only of the principal applicant: kept for each partner apart. The job list is never
// lent to the other partner (their years would be counted from it).
const PERSONAL = /^(age|second_language\..*|foreign_work_years|canadian_education|certificate_of_qualification|eca_issued_on|work_history\..*)$/;
const LENT = (name) => PERSONAL.test(name) && !name.startsWith("work_history.");

const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What a scenario keeps of a score: the total, and each line's points and table. */
function kept(score) {
  return score && {
    total: score.total,
    as_of: score.as_of,
    lines: score.lines.map((line) => ({ factor: line.factor, section: line.section, table: line.table, points: line.points })),
  };
}

/** The other partner as principal applicant: the answers both are asked exchanged; the ones
 * asked only of the principal applicant are the other partner's if a swap kept them. */
export function swapped(answers, partner) {
  const next = { ...answers };
  for (const [a, b] of PAIRS) {
    next[a] = answers[b] ?? "";
    next[b] = answers[a] ?? "";
  }
  const mine = Object.fromEntries(Object.entries(answers).filter(([name]) => PERSONAL.test(name)));
  for (const name of Object.keys(mine)) if (partner || !LENT(name)) delete next[name];
  if (partner) Object.assign(next, partner);
  return { next, mine };
}

export function mountScenarios({ form, defaults, current, load }) {
  const list = document.getElementById("scenario-list");
  const status = document.getElementById("scenario-status");
  const nameInput = document.getElementById("scenario-name");
  const box = document.getElementById("scenario-compare-box");
  const pickA = document.getElementById("compare-a");
  const pickB = document.getElementById("compare-b");
  const table = document.getElementById("scenario-compare");
  let scenarios = state.loadScenarios();
  let pendingSwap = null; // the total before a swap, until the swapped answers are scored

  function store() {
    if (!state.saveScenarios(scenarios)) status.textContent = t("calculator.scenarios.full");
  }

  function render() {
    list.replaceChildren(...scenarios.map((s, index) => el("li", { "data-scenario": s.name },
      el("span", {}, s.score
        ? t("calculator.scenarios.item", { name: s.name, total: s.score.total, date: date(s.saved) })
        : t("calculator.scenarios.item_unscored", { name: s.name, date: date(s.saved) })), " ",
      el("button", { type: "button", "data-open": String(index), "aria-label": labelled(t("calculator.scenarios.load"), s.name) }, t("calculator.scenarios.load")), " ",
      el("button", { type: "button", "data-delete": String(index), "aria-label": labelled(t("calculator.scenarios.delete"), s.name) }, t("calculator.scenarios.delete")))));
    box.hidden = scenarios.length < 2;
    for (const pick of [pickA, pickB]) {
      const chosen = pick.value;
      pick.replaceChildren(...scenarios.map((s) => el("option", { value: s.name }, s.name)));
      if (scenarios.some((s) => s.name === chosen)) pick.value = chosen;
    }
    if (scenarios.length >= 2 && pickA.value === pickB.value) {
      pickA.value = scenarios.at(-2).name;
      pickB.value = scenarios.at(-1).name;
    }
    compare();
  }

  function compare() {
    const a = scenarios.find((s) => s.name === pickA.value);
    const b = scenarios.find((s) => s.name === pickB.value);
    if (!a || !b || a === b) return table.replaceChildren();
    const points = (s, factor) => s.score?.lines.find((line) => line.factor === factor)?.points ?? 0;
    const lines = new Map();
    for (const s of [a, b]) for (const line of s.score?.lines ?? []) lines.set(line.factor, line);
    const rows = [el("tr", { class: "subtotal", "data-line": "total" }, el("th", { scope: "row" }, t("calculator.scenarios.total")),
      el("td", { class: "points" }, a.score ? String(a.score.total) : "–"), el("td", { class: "points" }, b.score ? String(b.score.total) : "–"))];
    for (const [factor, line] of lines) {
      if (points(a, factor) === points(b, factor)) continue;
      rows.push(el("tr", { "data-line": factor }, el("th", { scope: "row" }, rule(line.table, "factor")),
        el("td", { class: "points" }, String(points(a, factor))), el("td", { class: "points" }, String(points(b, factor)))));
    }
    table.replaceChildren(
      el("table", { class: "compare" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("calculator.scenarios.col_line")),
          el("th", { scope: "col" }, a.name), el("th", { scope: "col" }, b.name))),
        el("tbody", {}, ...rows)),
      el("p", { class: "hint" }, t(rows.length > 1 ? "calculator.scenarios.differs_only" : "calculator.scenarios.same")));
  }

  document.getElementById("scenario-save").addEventListener("click", () => {
    const name = nameInput.value.trim() || t("calculator.scenarios.default_name", { number: scenarios.length + 1 });
    const { answers, score } = current();
    const entry = { name, saved: new Date().toISOString().slice(0, 10), answers: state.meaningful(answers, defaults), score: kept(score) };
    const existing = scenarios.findIndex((s) => s.name === name);
    if (existing >= 0) scenarios[existing] = entry;
    else scenarios.push(entry);
    store();
    nameInput.value = "";
    render();
    status.textContent = t(existing >= 0 ? "calculator.scenarios.replaced" : "calculator.scenarios.saved", { name });
  });

  list.addEventListener("click", (event) => {
    const open = event.target.closest("[data-open]");
    const remove = event.target.closest("[data-delete]");
    if (open) {
      const s = scenarios[Number(open.dataset.open)];
      load(s.answers);
      status.textContent = t("calculator.scenarios.loaded", { name: s.name });
    } else if (remove) {
      const [s] = scenarios.splice(Number(remove.dataset.delete), 1);
      store();
      render();
      status.textContent = t("calculator.scenarios.deleted", { name: s.name });
    }
  });
  pickA.addEventListener("change", compare);
  pickB.addEventListener("change", compare);

  const swapResult = document.getElementById("swap-result");
  document.getElementById("swap-principal").addEventListener("click", () => {
    const { answers, score } = current();
    const { next, mine } = swapped(answers, state.loadPartner());
    state.savePartner(mine);
    pendingSwap = score ? score.total : "";
    swapResult.textContent = t("calculator.swap.waiting");
    load(next);
  });

  render();
  return {
    /** A score for the answers in the form: kept by the scenarios that hold these answers, and
     * the second total of a swap. */
    scored(answers, score) {
      const now = state.meaningful(answers, defaults);
      let changed = false;
      for (const s of scenarios) {
        if (same(s.answers, now) && s.score?.total !== score.total) {
          s.score = kept(score);
          changed = true;
        }
      }
      if (changed) {
        store();
        render();
      }
      if (pendingSwap !== null) {
        const key = pendingSwap === "" ? "calculator.swap.result_after" : "calculator.swap.result";
        swapResult.textContent = t(key, { before: pendingSwap, after: score.total });
        pendingSwap = null;
      }
    },
  };
}
