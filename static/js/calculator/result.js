// Shows the engine's answer: the total, a table by section and factor that says why each
// line scored, warnings, and (when the engine has them) programs, funds, fees and dates.
import { t, maybe } from "./i18n.js";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Why a line scored: the rows of the rules tables it matched, one per ability for languages. */
function why(line) {
  if (!line.rows.length) return t("why.not_counted");
  const text = line.rows.map((row) => (row.ability ? `${t("field." + row.ability)}: ${row.label}` : row.label)).join(" · ");
  // Combined factors (education with language, ...) that scored also say which column.
  const column = line.points > 0 ? maybe("column." + line.column) : null;
  return column ? `${text} (${column})` : text;
}

function sectionBody(section, points, lines) {
  const tbody = el("tbody", { "data-section": section });
  tbody.append(el("tr", { class: "section-row" }, el("th", { scope: "rowgroup", colspan: "3" }, t("section." + section))));
  let sum = 0;
  for (const line of lines) {
    sum += line.points;
    tbody.append(
      el("tr", { "data-factor": line.factor },
        el("th", { scope: "row" }, maybe("factor." + line.factor) ?? line.factor),
        el("td", { class: "points" }, t("result.points_of", { points: line.points, max: line.max })),
        el("td", {}, why(line))),
    );
  }
  tbody.append(
    el("tr", { class: "subtotal" },
      el("th", { scope: "row" }, t("result.section_total")),
      el("td", { class: "points" }, String(points)),
      el("td", {}, sum > points ? t("why.capped", { sum, points }) : "")),
  );
  return tbody;
}

export { el };

export function renderScore(root, profile, result) {
  document.getElementById("crs-total").textContent = String(result.total);
  const table = root.querySelector("#crs-breakdown");
  for (const old of table.querySelectorAll("tbody, tfoot")) old.remove();
  for (const [section, points] of Object.entries(result.sections)) {
    const lines = result.lines.filter((line) => line.section === section);
    // A section that cannot score for this profile (a spouse's, for a single person) is left out.
    if (lines.some((line) => line.max > 0)) table.append(sectionBody(section, points, lines));
  }
  const scoredSpouse = profile.spouse && profile.spouse.accompanying && !profile.spouse.canadian_citizen_or_pr;
  table.append(el("tfoot", {}, el("tr", {}, el("td", { colspan: "3" }, t(scoredSpouse ? "why.with_spouse" : "why.without_spouse")))));
  table.hidden = false;

  const warnings = root.querySelector("#result-warnings");
  const list = warnings.querySelector("ul");
  list.replaceChildren(...(result.warnings || []).map((w) => el("li", { "data-code": w.code }, w.message)));
  warnings.hidden = !list.children.length;

  const asOf = root.querySelector("#rules-as-of");
  asOf.dateTime = result.as_of;
  asOf.textContent = result.as_of;
  root.querySelector("#rules-date").hidden = false;
}
