// Shows the engine's answer: the total, a table by section and factor that says why each
// line scored, warnings, and (when the engine has them) programs, funds, fees and dates.
import { el } from "../lib/dom.js";
import { date } from "../lib/format.js";
import { has, labelled, rule, t } from "../lib/i18n.js";
import { TESTS } from "./form.js";
import { warning } from "./words.js";

/** Why a line scored: the rows of the rules tables it matched, one per ability for languages
 * (a French test's levels are NCLC levels, in English too). */
function why(line) {
  if (!line.rows.length) return t("calculator.why.not_counted");
  const french = TESTS.get(line.chart?.slice(line.chart.indexOf(".") + 1))?.official_language === "french";
  const label = (row) => (french && has("calculator.nclc_row." + row.row)
    ? t("calculator.nclc_row." + row.row) : rule(line.table, "rows", row.row));
  const text = line.rows.map((row) => (row.ability ? labelled(t("calculator.ability." + row.ability), label(row)) : label(row))).join(" · ");
  // Combined factors (education with language, ...) that scored also say which column.
  const column = line.points > 0 && has("calculator.column." + line.column) ? t("calculator.column." + line.column) : null;
  return column ? `${text} (${column})` : text;
}

function sectionBody(section, points, lines) {
  const tbody = el("tbody", { "data-section": section });
  tbody.append(el("tr", { class: "section-row" }, el("th", { scope: "rowgroup", colspan: "3" }, t("calculator.section." + section))));
  let sum = 0;
  for (const line of lines) {
    sum += line.points;
    tbody.append(
      el("tr", { "data-factor": line.factor, ...(line.points ? {} : { "data-zero": "" }) },
        el("th", { scope: "row" }, rule(line.table, "factor")),
        el("td", { class: "points" }, t("calculator.result.points_of", { points: line.points, max: line.max })),
        el("td", {}, why(line))),
    );
  }
  tbody.append(
    el("tr", { class: "subtotal" },
      el("th", { scope: "row" }, t("calculator.result.section_total")),
      el("td", { class: "points" }, String(points)),
      el("td", {}, sum > points ? t("calculator.why.capped", { sum, points }) : "")),
  );
  return tbody;
}

export function renderScore(root, profile, result) {
  document.getElementById("crs-total").textContent = String(result.total);
  const table = root.querySelector("#crs-breakdown");
  for (const old of table.querySelectorAll("tbody, tfoot")) old.remove();
  const summary = [];
  for (const [section, points] of Object.entries(result.sections)) {
    const lines = result.lines.filter((line) => line.section === section);
    // A section that cannot score for this profile (a spouse's, for a single person) is left out.
    if (!lines.some((line) => line.max > 0)) continue;
    table.append(sectionBody(section, points, lines));
    summary.push(el("dt", {}, t("calculator.section." + section)), el("dd", {}, String(points)));
  }
  const scoredSpouse = profile.spouse && profile.spouse.accompanying && !profile.spouse.canadian_citizen_or_pr;
  table.append(el("tfoot", {}, el("tr", {}, el("td", { colspan: "3" }, t(scoredSpouse ? "calculator.why.with_spouse" : "calculator.why.without_spouse")))));
  table.hidden = false;
  // The score bar's short form of it, beside the questions on a wide screen.
  const sections = document.getElementById("score-sections");
  sections.replaceChildren(...summary);
  sections.hidden = false;

  const warnings = root.querySelector("#result-warnings");
  const list = warnings.querySelector("ul");
  list.replaceChildren(...(result.warnings || []).map((w) => el("li", { "data-code": w.code }, warning(w))));
  warnings.hidden = !list.children.length;

  const asOf = root.querySelector("#rules-as-of");
  asOf.dateTime = result.as_of;
  asOf.textContent = date(result.as_of);
  root.querySelector("#rules-date").hidden = false;
}

/** No score to show (answers missing): the total waits, the breakdown goes. */
export function clearScore(root) {
  document.getElementById("crs-total").textContent = "–";
  root.querySelector("#crs-breakdown").hidden = true;
  root.querySelector("#result-warnings").hidden = true;
  document.getElementById("score-sections").hidden = true;
}
