// The form: answers in and out, which questions apply, each test's score bounds, and the
// profile the engine receives. Every input's name is its path in the profile, and what each
// path is (type, bounds, choices, when it applies) comes from the field model the build embeds
// as #profile-model (engine.fields), so nothing about the profile is written here twice.
import { t } from "../lib/i18n.js";
import { refusal } from "./words.js";

const MODEL = JSON.parse(document.getElementById("profile-model").textContent);
const FIELDS = new Map(MODEL.fields.map((field) => [field.path, field]));
const TESTS = new Map(MODEL.tests.map((test) => [test.key, test]));
const ABILITIES = MODEL.language_fields.filter((field) => field.type === "score").map((field) => field.path);
const LANGUAGES = MODEL.fields.filter((field) => field.type === "language").map((field) => field.path);
const MAX_JOBS = FIELDS.get("work_history").items;

/** The fields directly inside the object at `path` ("" for the profile). */
function children(path) {
  const prefix = path ? path + "." : "";
  return MODEL.fields.filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("."));
}

const nameOf = (path) => path.slice(path.lastIndexOf(".") + 1);

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

/**
 * The answer to the field at `path` (its name in the form is `name`, the path with a job's
 * number), typed as the profile holds it; undefined when not answered. A checkbox is always
 * answered; the "spouse" question answers with an object or null.
 */
function answer(form, answers, path, name = path) {
  const field = FIELDS.get(path);
  const text = answers[name] ?? "";
  if (field.type === "object") return text === "yes" ? {} : null;
  if (field.type === "boolean") {
    if (named(form, name)?.type === "checkbox") return text === "true";
    return text === "" ? undefined : text === "true";
  }
  if (text === "") return undefined;
  if (field.type === "integer" || field.type === "number") return Number(text);
  return text;
}

/** Whether the model's condition `name` holds for the answers (engine.fields.holds). */
function holds(condition, value) {
  if (typeof condition === "string") return holds(MODEL.conditions[condition], value);
  if (condition.all) return condition.all.every((part) => holds(part, value));
  const got = value(condition.field);
  if ("given" in condition) return (got !== null && got !== undefined) === condition.given;
  return got === condition.is;
}

function testOf(form, path) {
  return TESTS.get(named(form, path + ".test").value) ?? null;
}

/** Hide (never remove) what does not apply, and bound each score by its test. */
export function applyVisibility(form) {
  const answers = readAnswers(form);
  const value = (path) => answer(form, answers, path);
  for (const node of form.querySelectorAll("[data-applies]")) {
    const unless = node.dataset.unless;
    node.hidden = !holds(node.dataset.applies, value) || (Boolean(unless) && holds(unless, value));
  }
  for (const path of LANGUAGES) {
    const test = testOf(form, path);
    form.querySelector(`[data-scores-for="${path}"]`).hidden = !test;
    if (test) applyScale(form, path, test.scales);
  }
  // The two languages must be different official languages: offer only the other one.
  const first = testOf(form, "first_language")?.official_language ?? null;
  const second = named(form, "second_language.test");
  for (const option of second.options) {
    option.disabled = Boolean(option.dataset.lang) && option.dataset.lang === first;
  }
  if (second.selectedOptions[0]?.disabled) {
    second.value = "none";
    form.querySelector('[data-scores-for="second_language"]').hidden = true;
  }
}

function applyScale(form, path, scales) {
  for (const ability of ABILITIES) {
    const input = named(form, `${path}.${ability}`);
    const { min, max, step } = scales[ability];
    input.min = min;
    input.max = max;
    input.step = step;
    input.inputMode = Number.isInteger(step) ? "numeric" : "decimal";
  }
  // One sentence per distinct range (TCF Canada scores listening and reading differently).
  const groups = new Map();
  for (const ability of ABILITIES) {
    const key = JSON.stringify(scales[ability]);
    groups.set(key, [...(groups.get(key) || []), t("calculator.ability." + ability)]);
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
  // A date outside the field model's bounds: the engine's own words for it (errors.date_min/max).
  if (input.type === "date" && (v.rangeUnderflow || v.rangeOverflow)) {
    return refusal(v.rangeUnderflow ? { code: "date_min", params: { min: input.min } } : { code: "date_max", params: { max: input.max } });
  }
  if (v.patternMismatch) return t("calculator.error.noc");
  const stepped = input.step && input.step !== "1" && input.step !== "any";
  return t(stepped ? "calculator.error.range_step" : "calculator.error.range", { min: input.min, max: input.max, step: input.step });
}

function isShown(input) {
  return !input.closest("[hidden]");
}

/** A language result: null for no test, undefined while a score is missing. */
function language(form, answers, path) {
  const test = answers[path + ".test"];
  if (!test || test === "none") return null;
  const result = { test };
  for (const ability of ABILITIES) {
    const score = answers[`${path}.${ability}`] ?? "";
    if (score === "") return undefined;
    result[ability] = Number(score);
  }
  if (answers[path + ".taken_on"]) result.taken_on = answers[path + ".taken_on"];
  return result;
}

/**
 * The object at `path` from the answers: each field that applies and is answered, in the
 * model's order (an unanswered one is left out: the engine applies its default, or says what
 * it needs). `name` is the object's name in the form (a job's path with its number).
 * Returns [object, complete]: incomplete while a required answer or a score is missing.
 */
function collect(form, answers, path, name = path) {
  const value = (p) => answer(form, answers, p);
  const object = {};
  let complete = true;
  for (const field of children(path)) {
    if (field.applies && !holds(field.applies, value)) continue;
    const inForm = name ? `${name}.${nameOf(field.path)}` : field.path;
    let got;
    if (field.type === "language") {
      got = language(form, answers, inForm);
      if (got === undefined || (field.required && !answers[inForm + ".test"])) complete = false;
    } else if (field.type === "object") {
      got = answer(form, answers, field.path);
      if (got) {
        const [inner, done] = collect(form, answers, field.path);
        [got, complete] = [inner, complete && done];
      }
    } else if (field.type === "list") {
      got = jobs(form).map((_, i) => job(form, answers, `${field.path}.${i}`)).filter(Boolean);
      if (!got.length) continue;
    } else {
      got = answer(form, answers, field.path, inForm);
      const control = named(form, inForm);
      if (got === undefined && (field.required || control?.hasAttribute?.("data-needed"))) complete = false;
    }
    if (got !== undefined) object[nameOf(field.path)] = got;
  }
  return [object, complete];
}

/** One job as the engine reads it; an untouched job is left out, a half-filled one is sent
 * so that the engine names what it lacks. */
function job(form, answers, name) {
  const [entry] = collect(form, answers, "work_history.N", name);
  const touched = Object.values(entry).some((value) => value !== false);
  return touched ? entry : null;
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
  const [profile, complete] = collect(form, readAnswers(form), "");
  profile.as_of ??= today;
  return complete ? { profile } : { incomplete: true };
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
