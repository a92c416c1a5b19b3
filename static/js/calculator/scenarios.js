// Scenarios: the answers kept under a name in this browser (with the score they had), opened
// again, and compared two by two (the totals and every line of the score that differs). And a
// couple's swap of who is the principal applicant, with both totals.
import { el } from "../lib/dom.js";
import { date, list as listOf } from "../lib/format.js";
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

/** A scenario's name as compared and kept: one Unicode form (NFC), without the invisible
 * characters that would make two names that look alike differ. */
const plainName = (text) => text.normalize("NFC").replace(/[\p{Cf}\p{Cc}]/gu, "").replace(/\s+/gu, " ").trim();

const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What a scenario keeps of a score: the total, and each line's points and table. */
function keptScore(score) {
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
  const found = state.loadScenarios();
  let scenarios = found.list;
  let kept = true; // whether the list on screen is the one this browser keeps
  let pendingSwap = null; // the total before a swap, until the swapped answers are scored

  /** Keep the list; false (and said at once) when the browser refuses: kept for this visit only. */
  function store() {
    kept = state.saveScenarios(scenarios);
    return kept;
  }

  /** Before a change, the list as kept now: another tab may have saved or deleted one since. */
  function sync() {
    if (kept) scenarios = state.loadScenarios().list;
  }

  if (found.damaged.length) {
    store(); // the readable ones stay; the damaged ones are gone for good
    status.textContent = t("calculator.scenarios.damaged", { names: listOf(found.damaged.map((name) => t("calculator.scenarios.damaged_item", { name }))) });
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
    sync();
    const name = plainName(nameInput.value) || t("calculator.scenarios.default_name", { number: scenarios.length + 1 });
    const { answers, score } = current();
    const entry = { name, saved: new Date().toISOString().slice(0, 10), answers: state.meaningful(answers, defaults), score: keptScore(score) };
    const existing = scenarios.findIndex((s) => plainName(s.name) === name);
    if (existing >= 0) scenarios[existing] = entry;
    else scenarios.push(entry);
    const stored = store();
    nameInput.value = "";
    render();
    status.textContent = stored
      ? t(existing >= 0 ? "calculator.scenarios.replaced" : "calculator.scenarios.saved", { name })
      : t("calculator.scenarios.not_kept", { name });
  });

  list.addEventListener("click", (event) => {
    const open = event.target.closest("[data-open]");
    const remove = event.target.closest("[data-delete]");
    if (open) {
      const s = scenarios[Number(open.dataset.open)];
      load(s.answers);
      status.textContent = t("calculator.scenarios.loaded", { name: s.name });
    } else if (remove) {
      const { name } = scenarios[Number(remove.dataset.delete)];
      sync();
      scenarios = scenarios.filter((s) => s.name !== name);
      const stored = store();
      render();
      status.textContent = t(stored ? "calculator.scenarios.deleted" : "calculator.scenarios.deleted_not_kept", { name });
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
    /** Another tab changed the kept scenarios: show them as they are now. */
    reload() {
      if (!kept) return;
      scenarios = state.loadScenarios().list;
      render();
    },
    /** A score for the answers in the form: kept by the scenarios that hold these answers, and
     * the second total of a swap. */
    scored(answers, score) {
      const now = state.meaningful(answers, defaults);
      let changed = false;
      for (const s of scenarios) {
        if (same(s.answers, now) && s.score?.total !== score.total) {
          s.score = keptScore(score);
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
