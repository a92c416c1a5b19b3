// The categories panel: engine.categories' answer, one block per category in force, with the
// verdict of its rounds from engine.rounds (the same verdict the rounds panel words).
import { el } from "../lib/dom.js";
import { date, number } from "../lib/format.js";
import { rule, t } from "../lib/i18n.js";
import { nocTitles } from "./noc-index.js";
import { closedBecause, roundAttributes } from "./verdicts.js";
import { sourceUrl } from "./words.js";

/** A condition in words; `titles` names the occupations ({code: title}) once loaded. */
function conditionText(c, titles) {
  if (c.code === "french") {
    return c.lowest_nclc === null
      ? t("categories.french_none", { required: c.required_nclc })
      : t("categories.french", { required: c.required_nclc, lowest: c.lowest_nclc });
  }
  if (c.code === "caf_job_offer") return t("categories.caf_job_offer");
  const rule = t(c.continuous ? "categories.occupation_continuous" : "categories.occupation",
    { months: c.required_months, within: c.within_months });
  const parts = [rule];
  if (c.in_canada) parts.push(t("categories.occupation_in_canada"));
  // Whole months, counted down (11.7 is not yet the 12 a rule asks for), as the language writes them.
  const found = number(Math.floor(c.months ?? 0));
  if (c.noc && titles) parts.push(t("categories.occupation_found", { found, code: c.noc, title: titles[c.noc] }));
  else if (c.noc) parts.push(t("categories.occupation_found_code", { found, code: c.noc }));
  else if (c.canadian_work_years !== undefined) parts.push(t("categories.occupation_no_canadian_work", { years: c.canadian_work_years }));
  else if (c.met === false) parts.push(t("categories.occupation_none"));
  else parts.push(t("categories.occupation_unknown"));
  return parts.join(" ");
}

let shown = null; // the answer on show: a late list of titles is for it only

/** The round verdict of a category's rounds (engine.rounds), when it held rounds lately. What
 * an unknown one waits for is asked once, under "What your score means today", not here again. */
function roundVerdict(v) {
  const words = [el("strong", {}, t("calculator.verdict." + v.eligible))];
  if (v.eligible === "no") words.push(" (", closedBecause(v), ")");
  else if (v.eligible === "unknown") words.push(" ", t("calculator.verdict.asked_above"));
  return el("p", { class: "round-verdict", ...roundAttributes(v) }, ...words);
}

export function renderCategories(section, result, rounds, titles = null) {
  section.replaceChildren(el("h4", {}, t("categories.heading")));
  if (!result) return;
  if (!result.covered) {
    section.append(el("p", {}, t("categories.not_covered", { date: date(result.as_of) })));
    return;
  }
  section.append(el("p", {}, t("categories.intro", { date: date(result.as_of) })));
  for (const c of result.categories) {
    const conditions = el("ul");
    for (const condition of c.conditions) {
      conditions.append(el("li", { "data-met": String(condition.met) }, conditionText(condition, titles)));
    }
    const verdict = rounds?.find((v) => v.type === c.key);
    const block = el("div", { class: "category", "data-category": c.key, "data-status": c.status },
      el("h5", {}, t("rounds.type." + c.key)),
      el("p", {}, t("categories." + c.status)),
      conditions,
      verdict ? roundVerdict(verdict) : "");
    const notes = [];
    if (c.note) notes.push(rule("categories.selection", "notes", c.note));
    if (c.rule_status) notes.push(t("categories.status_" + c.rule_status));
    const small = el("p", { class: "rule-status" }, notes.join(" "), " ");
    small.append(el("a", { href: sourceUrl(c.source) }, t("categories.source")));
    block.append(small);
    section.append(block);
  }
  section.append(el("p", {}, t("categories.also")));
  // An occupation found in the work history is named once the NOC titles have loaded.
  shown = result;
  if (!titles && result.categories.some((c) => c.conditions.some((condition) => condition.noc))) {
    nocTitles().then((loaded) => { if (shown === result) renderCategories(section, result, rounds, loaded); }, () => {});
  }
}
