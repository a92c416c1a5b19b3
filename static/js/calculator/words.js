// The engine's answers in words. The engine gives codes and values only (docs/profile.md);
// each code is worded here from the catalogue, with its values written out in the page's
// language. `question(field)` gives the words of the form's question for a profile field.
import { date, list, money, written } from "../lib/format.js";
import { has, lang, quoted, rule, semicolons, t } from "../lib/i18n.js";

const MONEY = ["required", "held", "shortfall"];

const ability = (key) => t("plan.ability." + key);

/** A warning or notice that comes with a result (crs_score's or assess's). */
export function warning(w) {
  const values = written(w);
  if (w.code === "expired") values.what = t("assessment.deadline.what." + w.field);
  return t("notices." + w.code, values);
}

/** A requirement of a program: its check code and values, in words. */
export function check(requirement, program, question) {
  const p = requirement.params;
  const values = {
    ...written(p),
    program: t("assessment.program_short." + program),
    program_name: t("assessment.program." + program),
    question: question(requirement.field),
  };
  for (const name of MONEY) if (name in p) values[name] = money(p[name]);
  // Whole months, counted down: 11.7 months is not yet the 12 a rule asks for.
  if ("months" in p) values.months = t("assessment.months", { count: Math.floor(p.months) });
  if ("teers" in p) values.teers = list(p.teers, "disjunction");
  if (p.below) {
    values.below = list(Object.entries(p.below).map(([key, level]) => t("assessment.check.below", { ability: ability(key), level })));
  }
  if (p.needed) {
    values.needed = list(Object.entries(p.needed).map(([key, level]) => t("assessment.check.level_in", { ability: ability(key), level })));
  }
  if (p.unanswered) values.questions = list(p.unanswered.map((field) => quoted(question(field))));
  if (p.weakest) values.weakest = rule("programs.fsw_grid_maxima", "rows", p.weakest).toLocaleLowerCase(lang());
  return t("assessment.check." + requirement.check, values);
}

/** What a line of the FSW selection grid was counted from. */
export function gridDetail(line) {
  const p = line.params;
  switch (line.factor) {
    case "language":
      return t(p.second === null ? "assessment.grid.language" : "assessment.grid.language_second", written(p));
    case "education":
      return rule("programs.fsw_education", "rows", p.row);
    case "experience":
      return t(p.window_years === null ? "assessment.grid.experience_declared" : "assessment.grid.experience_history",
        { years: t("assessment.years", { count: p.years }), window_years: p.window_years });
    case "age":
      return t("assessment.grid.age", p);
    case "arranged_employment":
      return t(p.job_offer ? "assessment.grid.job_offer" : "assessment.grid.no_job_offer");
    default: // adaptability
      return semicolons(p.elements.map((key) => rule("programs.fsw_adaptability", "rows", key))) || t("assessment.grid.adaptability_none");
  }
}

/** Why proof of funds is or is not needed, or why no amount is on file. */
export function fundsReason(funds, asOf, question) {
  if (funds.required === null) return t("assessment.check.funds_not_on_file", { as_of: date(asOf) });
  return t("assessment.exempt." + funds.exempt_code, { question: question("authorized_to_work_in_canada") });
}

/** A fee line's name. */
export function feeName(line) {
  if (line.id !== "biometrics") return rule("fees.government", "rows", line.id);
  const label = rule("fees.government", "rows", "biometrics_person");
  return line.family_max === undefined ? label : t("assessment.fees.biometrics", { label, max: money(line.family_max) });
}

/** A deadline: until when, expired, or no limit on file. A task (the medical exam before
 * applying) has words of its own; any other deadline is named by the answer that starts it. */
export function deadline(d, asOf) {
  const what = t(has("assessment.deadline.task." + d.id) ? "assessment.deadline.task." + d.id : "assessment.deadline.what." + d.field);
  if (d.until === null) return t("assessment.deadline.no_limit", { what, as_of: date(asOf) });
  if (d.expired) return t("assessment.deadline.expired", { what, until: date(d.until) });
  return t("assessment.deadline.until", { what, until: date(d.until), days_left: t("assessment.days_left", { count: d.days_left }) });
}

/** An answer the engine refused (ProfileError's code and values), said beside its field. */
export function refusal(error) {
  const values = written(error.params);
  if (error.params.test) values.test = rule("language.tests", "rows", error.params.test);
  if (error.params.first) values.first = t("site.value." + error.params.first);
  if (Array.isArray(error.params.options)) values.options = list(error.params.options.map(String), "disjunction");
  return t("errors." + error.code, values);
}

/** A canada.ca page the engine's data cites (in English), in the page's language where the
 * catalogue knows its twin (locales/<lang>/sources.toml). */
export function sourceUrl(url) {
  const page = /^https:\/\/www\.canada\.ca\/en\/.*\/([^/]+)\.html$/.exec(url ?? "");
  return page && has("sources.canada." + page[1]) ? t("sources.canada." + page[1]) : url;
}
