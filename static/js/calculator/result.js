// Shows the engine's answer: the total, a table by section and factor that says why each
// line scored, warnings, and (when the engine has them) programs, funds, fees and dates.
import { t, maybe } from "./i18n.js";

// Which section each factor line of the result belongs to, in the order IRCC lists them.
const SECTIONS = {
  core: ["age", "education", "first_language", "second_language", "canadian_work"],
  spouse: ["spouse_education", "spouse_language", "spouse_canadian_work"],
  transferability: ["education_language", "education_canadian_work", "foreign_work_language", "foreign_work_canadian_work", "certificate_language"],
  additional: ["provincial_nomination", "job_offer", "canadian_education", "french", "sibling"],
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function levels(clb) {
  return clb ? [clb.listening, clb.reading, clb.writing, clb.speaking].join("/") : null;
}

/** What a factor line was scored on, in words, from the profile and the result. */
function why(factor, points, profile, result) {
  const scoredSpouse = profile.spouse && profile.spouse.accompanying && !profile.spouse.canadian_citizen_or_pr;
  const spouse = scoredSpouse ? profile.spouse : null;
  const language = (clb) => (clb ? t("why.language", { levels: levels(clb) }) : t("why.no_language"));
  switch (factor) {
    case "age":
      return t("why.age", { age: profile.age });
    case "education":
      return t("education." + profile.education);
    case "first_language":
      return language(result.clb?.first);
    case "second_language":
      return language(result.clb?.second);
    case "canadian_work":
      return t("why.years", { years: profile.canadian_work_years });
    case "spouse_education":
      return spouse ? t("education." + spouse.education) : t("why.not_counted");
    case "spouse_language":
      return spouse ? language(result.clb?.spouse) : t("why.not_counted");
    case "spouse_canadian_work":
      return spouse ? t("why.years", { years: spouse.canadian_work_years }) : t("why.not_counted");
    case "canadian_education":
      return t("canadian_education." + profile.canadian_education);
    default:
      return maybe("why." + factor) ?? "";
  }
}

function sectionRows(section, factors, points, profile, result) {
  const tbody = el("tbody");
  const names = [...SECTIONS[section], ...Object.keys(factors).filter((f) => !Object.values(SECTIONS).flat().includes(f) && section === "additional")];
  tbody.append(el("tr", { class: "section-row" }, el("th", { scope: "rowgroup", colspan: "3" }, t("section." + section))));
  let sum = 0;
  for (const factor of names) {
    if (!(factor in factors)) continue;
    sum += factors[factor];
    tbody.append(
      el("tr", { "data-factor": factor },
        el("th", { scope: "row" }, maybe("factor." + factor) ?? factor),
        el("td", { class: "points" }, String(factors[factor])),
        el("td", {}, why(factor, factors[factor], profile, result))),
    );
  }
  const note = sum > points ? t("why.capped", { sum, points }) : "";
  tbody.append(
    el("tr", { class: "subtotal", "data-section": section },
      el("th", { scope: "row" }, t("result.section_total")),
      el("td", { class: "points" }, String(points)),
      el("td", {}, note)),
  );
  return tbody;
}

export function renderScore(root, profile, result) {
  document.getElementById("crs-total").textContent = String(result.total);
  const table = root.querySelector("#crs-breakdown");
  for (const old of table.querySelectorAll("tbody, tfoot")) old.remove();
  for (const section of Object.keys(SECTIONS)) {
    if (section in result.sections) table.append(sectionRows(section, result.factors, result.sections[section], profile, result));
  }
  const scoredSpouse = profile.spouse && profile.spouse.accompanying && !profile.spouse.canadian_citizen_or_pr;
  table.append(el("tfoot", {}, el("tr", {}, el("td", { colspan: "3" }, t(scoredSpouse ? "why.with_spouse" : "why.without_spouse")))));
  table.hidden = false;

  const warnings = root.querySelector("#result-warnings");
  const list = warnings.querySelector("ul");
  list.replaceChildren(...(result.warnings || []).map((w) => el("li", { "data-code": w.code || "" }, w.message)));
  warnings.hidden = !list.children.length;

  const asOf = root.querySelector("#rules-as-of");
  asOf.dateTime = result.as_of;
  asOf.textContent = result.as_of;
  root.querySelector("#rules-date").hidden = false;
}

/** Programs, funds, fees and deadlines from engine.assess: each part shown when present. */
export function renderAssess(root, assess) {
  const box = root.querySelector("#assess-result");
  box.replaceChildren();
  if (!assess) {
    box.hidden = true;
    return;
  }
  const programs = assess.programs || {};
  if (Object.keys(programs).length) {
    const list = el("ul", { class: "programs" });
    for (const [name, program] of Object.entries(programs)) {
      const reasons = (program.reasons || []).map((r) => el("li", {}, typeof r === "string" ? r : r.message || ""));
      list.append(
        el("li", { "data-program": name, "data-eligible": String(Boolean(program.eligible)) },
          el("strong", {}, program.label || name), " — ",
          t(program.eligible ? "assess.eligible" : "assess.not_eligible"),
          reasons.length ? el("ul", {}, ...reasons) : ""),
      );
    }
    box.append(el("h3", {}, t("assess.programs")), list);
  }
  for (const part of ["funds", "fees", "deadlines"]) {
    const value = assess[part];
    if (!value) continue;
    const items = Array.isArray(value) ? value : value.items || value.lines || [];
    const list = el("ul", { class: part });
    for (const item of items) list.append(el("li", {}, describe(item)));
    if (!Array.isArray(value) && value.message) list.append(el("li", {}, value.message));
    box.append(el("h3", {}, t("assess." + part)), list);
  }
  box.hidden = !box.children.length;
}

function describe(item) {
  if (typeof item !== "object" || item === null) return String(item);
  const text = item.label || item.message || item.name || "";
  const amount = item.amount ?? item.cad ?? item.date ?? item.due ?? "";
  return amount !== "" ? `${text}: ${amount}` : text;
}
