// The form: answers in and out, which questions apply, each test's score bounds, and the
// profile the engine receives. Every input's name is its path in the engine's contract.
import { t } from "../lib/i18n.js";

const LANGUAGES = ["first_language", "second_language", "spouse.language"];
const ABILITIES = ["listening", "reading", "writing", "speaking"];
const SCALES = JSON.parse(document.getElementById("language-scales").textContent);
const MAX_JOBS = 50; // the profile's limit

/** The work history: one fieldset per job, numbered in names and ids ("work_history.2.noc"). */
function jobs(form) {
  return [...form.querySelectorAll("#jobs [data-job]")];
}

function number(job, index) {
  const swap = (text) => text.replace(/work_history([.-])(N|\d+)([.-])/g, `work_history$1${index}$3`);
  for (const node of job.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
    for (const attr of ["name", "id", "for", "aria-describedby"]) {
      if (node.hasAttribute(attr)) node.setAttribute(attr, swap(node.getAttribute(attr)));
    }
  }
  job.querySelector("[data-job-number]").textContent = String(index + 1);
}

export function addJob(form) {
  if (jobs(form).length >= MAX_JOBS) return null;
  const job = document.getElementById("job-template").content.firstElementChild.cloneNode(true);
  number(job, jobs(form).length);
  form.querySelector("#jobs").append(job);
  return job;
}

export function removeJob(form, job) {
  job.remove();
  jobs(form).forEach((rest, index) => number(rest, index));
}

function setJobCount(form, count) {
  while (jobs(form).length > count) jobs(form).at(-1).remove();
  while (jobs(form).length < count) addJob(form);
}

/** Every answer as {name: text}; a checkbox is "true" or "". */
export function readAnswers(form) {
  const answers = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "radio") {
      if (el.checked) answers[el.name] = el.value;
    } else if (el.type === "checkbox") {
      answers[el.name] = el.checked ? "true" : "";
    } else {
      answers[el.name] = el.value;
    }
  }
  return answers;
}

/** Put answers back; a missing or impossible answer falls back to the field's default. */
export function writeAnswers(form, answers) {
  const jobs = Object.keys(answers)
    .map((name) => /^work_history\.(\d+)\./.exec(name))
    .filter(Boolean)
    .map((match) => Number(match[1]) + 1);
  setJobCount(form, Math.min(Math.max(0, ...jobs), MAX_JOBS));
  for (const el of form.elements) {
    if (!el.name) continue;
    const value = Object.hasOwn(answers, el.name) ? String(answers[el.name]) : undefined;
    if (el.type === "radio") {
      el.checked = value === undefined ? el.defaultChecked : el.value === value;
    } else if (el.type === "checkbox") {
      el.checked = value === undefined ? el.defaultChecked : value === "true";
    } else if (el.tagName === "SELECT") {
      el.value = value ?? "";
      if (el.selectedIndex < 0 || el.selectedOptions[0].disabled) el.selectedIndex = 0;
    } else {
      el.value = value ?? el.defaultValue;
    }
  }
  applyVisibility(form);
}

function named(form, name) {
  return form.elements.namedItem(name);
}

function languageOf(form, path) {
  const select = named(form, path + ".test");
  return select.selectedOptions[0]?.dataset.lang ?? null;
}

/** Hide (never remove) what does not apply, and bound each score by its test. */
export function applyVisibility(form) {
  const answers = readAnswers(form);
  for (const path of LANGUAGES) {
    const test = answers[path + ".test"];
    const scores = form.querySelector(`[data-scores-for="${path}"]`);
    scores.hidden = !SCALES[test];
    if (SCALES[test]) applyScale(form, path, SCALES[test]);
  }
  // The two languages must be different official languages: offer only the other one.
  const firstLang = languageOf(form, "first_language");
  const second = named(form, "second_language.test");
  for (const option of second.options) {
    option.disabled = Boolean(option.dataset.lang) && option.dataset.lang === firstLang;
  }
  if (second.selectedOptions[0]?.disabled) {
    second.value = "none";
    form.querySelector('[data-scores-for="second_language"]').hidden = true;
  }
  const hasSpouse = answers.spouse === "yes";
  const scored = hasSpouse && answers["spouse.accompanying"] === "true" && answers["spouse.canadian_citizen_or_pr"] !== "true";
  document.getElementById("spouse-group").hidden = !hasSpouse;
  document.getElementById("spouse-scored").hidden = !scored;
  document.getElementById("spouse-single-note").hidden = !hasSpouse || scored;
}

function applyScale(form, path, scale) {
  for (const ability of ABILITIES) {
    const input = named(form, `${path}.${ability}`);
    const { min, max, step } = scale[ability];
    input.min = min;
    input.max = max;
    input.step = step;
    input.inputMode = Number.isInteger(step) ? "numeric" : "decimal";
  }
  // One sentence per distinct range (TCF Canada scores listening and reading differently).
  const groups = new Map();
  for (const ability of ABILITIES) {
    const key = JSON.stringify(scale[ability]);
    groups.set(key, [...(groups.get(key) || []), t("calculator.field." + ability)]);
  }
  const sentences = [...groups].map(([key, names]) => {
    const { min, max, step } = JSON.parse(key);
    const range = t(Number.isInteger(step) && step === 1 ? "calculator.scale.whole" : "calculator.scale.steps", { min, max, step });
    return groups.size > 1 ? `${names.join(", ")}: ${range}` : range;
  });
  form.querySelector(`#f-${path.replace(".", "-")}-scale`).textContent = sentences.join(" ");
}

function labelOf(input) {
  return input.labels?.[0]?.textContent.trim() ?? input.name;
}

/** Why the browser refuses a visible input's value, or null if it accepts it. */
function problem(input) {
  const v = input.validity;
  if (v.valid) return null;
  if (v.badInput) return input.type === "date" ? t("calculator.error.date") : t("calculator.error.not_number");
  if (v.patternMismatch) return t("calculator.error.noc");
  const stepped = input.step && input.step !== "1" && input.step !== "any";
  return t(stepped ? "calculator.error.range_step" : "calculator.error.range", { min: input.min, max: input.max, step: input.step });
}

function isShown(input) {
  return !input.closest("[hidden]");
}

/**
 * The profile for the engine from the visible answers.
 * Returns {profile} when it can be scored, {errors: [{input, message}]} when a value is
 * refused, or {incomplete: true} when a required answer is still missing.
 */
export function buildProfile(form, today) {
  const errors = [];
  for (const el of form.elements) {
    if (el.name && isShown(el)) {
      const message = problem(el);
      if (message) errors.push({ input: el, message, label: labelOf(el) });
    }
  }
  if (errors.length) return { errors };

  const a = readAnswers(form);
  const num = (name) => (a[name] === "" ? null : Number(a[name]));
  const flag = (name) => a[name] === "true";
  const language = (path) => {
    const test = a[path + ".test"];
    if (!test || test === "none") return null;
    const result = { test };
    for (const ability of ABILITIES) {
      result[ability] = num(`${path}.${ability}`);
      if (result[ability] === null) return undefined;
    }
    if (a[path + ".taken_on"]) result.taken_on = a[path + ".taken_on"];
    return result;
  };

  const first = language("first_language");
  const second = language("second_language");
  const profile = {
    as_of: a.as_of || today,
    age: num("age"),
    education: a.education,
    canadian_education: a.canadian_education,
    first_language: first,
    second_language: second,
    canadian_work_years: num("canadian_work_years") ?? 0,
    foreign_work_years: num("foreign_work_years") ?? 0,
    certificate_of_qualification: flag("certificate_of_qualification"),
    provincial_nomination: flag("provincial_nomination"),
    job_offer: a.job_offer,
    sibling_in_canada: flag("sibling_in_canada"),
    spouse: null,
  };
  // Optional answers for engine.assess: an empty one is "not answered" and stays out.
  const optional = (name, value) => {
    if (a[name] !== "" && a[name] !== undefined) profile[name] = value;
  };
  for (const name of ["plans_to_live_in_quebec", "studied_in_canada_2_years", "relative_in_canada", "authorized_to_work_in_canada"]) {
    optional(name, a[name] === "true");
  }
  for (const name of ["settlement_funds", "children_accompanying", "children_not_accompanying"]) optional(name, num(name));
  for (const name of ["eca_issued_on", "profile_submitted_on", "ita_received_on", "medical_exam_on", "medical_instructions_on", "biometrics_instructions_on"]) {
    optional(name, a[name]);
  }
  const history = jobs(form).map((_, i) => job(a, `work_history.${i}.`)).filter(Boolean);
  if (history.length) profile.work_history = history;

  let incomplete = profile.age === null || !profile.education || !a["first_language.test"] || first === undefined || second === undefined;
  if (a.spouse === "yes") {
    const spouse = { canadian_citizen_or_pr: flag("spouse.canadian_citizen_or_pr"), accompanying: flag("spouse.accompanying") };
    if (spouse.accompanying && !spouse.canadian_citizen_or_pr) {
      spouse.education = a["spouse.education"];
      spouse.language = language("spouse.language");
      spouse.canadian_work_years = num("spouse.canadian_work_years") ?? 0;
      if (a["spouse.studied_in_canada_2_years"]) spouse.studied_in_canada_2_years = a["spouse.studied_in_canada_2_years"] === "true";
      incomplete ||= !spouse.education || spouse.language === undefined;
    }
    profile.spouse = spouse;
  }
  return incomplete ? { incomplete: true } : { profile };
}

/** One job as the engine reads it; an untouched job is left out, a half-filled one is sent
 * so that the engine names what it lacks. */
function job(a, prefix) {
  const value = (key) => a[prefix + key] ?? "";
  const filled = ["noc", "teer", "country", "start", "end", "hours_per_week"].some((key) => value(key) !== "")
    || value("self_employed") === "true" || value("while_studying") === "true";
  if (!filled) return null;
  const entry = {};
  if (value("noc")) entry.noc = value("noc");
  if (value("teer")) entry.teer = Number(value("teer"));
  if (value("country")) entry.country = value("country");
  if (value("start")) entry.start = value("start");
  if (value("end")) entry.end = value("end");
  if (value("hours_per_week")) entry.hours_per_week = Number(value("hours_per_week"));
  if (value("self_employed") === "true") entry.self_employed = true;
  if (value("while_studying") === "true") entry.while_studying = true;
  return entry;
}

/** Mark the fields in `errors` (and only them) as invalid, with their messages beside them. */
export function showErrors(form, errors) {
  const wrong = new Set(errors.map((e) => e.input));
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    if (!wrong.has(el)) {
      el.removeAttribute("aria-invalid");
      const slot = document.getElementById(el.id + "-error");
      if (slot) slot.hidden = true;
    }
  }
  for (const { input, message } of errors) {
    input.setAttribute("aria-invalid", "true");
    const slot = document.getElementById(input.id + "-error");
    slot.textContent = message;
    slot.hidden = false;
  }
}

/** The words of the question that asks for a profile field: its input's label, or the legend
 * of the group of questions it names (a language result, the work history). */
export function questionOf(form, path) {
  const input = named(form, path);
  const label = input?.labels?.[0] ?? form.querySelector(`[data-field="${path}"] > legend`);
  return label ? label.textContent.trim() : "";
}

/** The input an engine error is about: its field, or the nearest field that exists. */
export function inputFor(form, path) {
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    const el = named(form, p) ?? named(form, p + ".test");
    if (el && el.id && isShown(el)) return el;
  }
  return null;
}
