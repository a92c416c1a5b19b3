// The form: answers in and out, which questions apply, each test's score bounds, and the
// profile the engine receives. Every input's name is its path in the profile, and what each
// path is (type, bounds, choices, when it applies) comes from the field model the build embeds
// as #profile-model (engine.fields), so nothing about the profile is written here twice.
import { list, number } from "../lib/format.js";
import { labelled, t } from "../lib/i18n.js";
import { refusal } from "./words.js";

const MODEL = JSON.parse(document.getElementById("profile-model").textContent);
const FIELDS = new Map(MODEL.fields.map((field) => [field.path, field]));
export const TESTS = new Map(MODEL.tests.map((test) => [test.key, test]));
const ABILITIES = MODEL.language_fields.filter((field) => field.type === "score").map((field) => field.path);
export const LANGUAGES = MODEL.fields.filter((field) => field.type === "language").map((field) => field.path);
const MAX_JOBS = FIELDS.get("work_history").items;

/** The fields directly inside the object at `path` ("" for the profile). */
function children(path) {
  const prefix = path ? path + "." : "";
  return MODEL.fields.filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes("."));
}

const nameOf = (path) => path.slice(path.lastIndexOf(".") + 1);

// The lists of the profile, each drawn as one fieldset per item, numbered in names and ids
// ("work_history.2.noc"): the work history and the countries lived in.
const LISTS = {
  work_history: { box: "#jobs", item: "[data-job]", template: "job-template", number: "[data-job-number]" },
  countries_lived: { box: "#stays", item: "[data-stay]", template: "stay-template", number: "[data-stay-number]" },
};
const LIST_NAME = /^(work_history|countries_lived)\.(\d{1,3})\./;

function items(form, list) {
  return [...form.querySelectorAll(`${LISTS[list].box} ${LISTS[list].item}`)];
}

function numberItem(list, node, index) {
  const pattern = new RegExp(`${list}([.-])(N|\\d+)([.-])`, "g");
  const swap = (text) => text.replace(pattern, `${list}$1${index}$3`);
  for (const child of node.querySelectorAll("[name], [id], [for], [aria-describedby], [data-error], [data-field]")) {
    for (const attr of ["name", "id", "for", "aria-describedby", "data-error", "data-field"]) {
      if (child.hasAttribute(attr)) child.setAttribute(attr, swap(child.getAttribute(attr)));
    }
  }
  node.querySelector(LISTS[list].number).textContent = String(index + 1);
}

/** A new item at the end of `list` (null when the list is full). */
export function addItem(form, list) {
  const box = form.querySelector(LISTS[list].box);
  if (!box || items(form, list).length >= FIELDS.get(list).items) return null;
  const node = document.getElementById(LISTS[list].template).content.firstElementChild.cloneNode(true);
  numberItem(list, node, items(form, list).length);
  box.append(node);
  return node;
}

export function removeItem(form, list, node) {
  node.remove();
  items(form, list).forEach((rest, index) => numberItem(list, rest, index));
}

function setCount(form, list, count) {
  if (!form.querySelector(LISTS[list].box)) return;
  while (items(form, list).length > count) items(form, list).at(-1).remove();
  while (items(form, list).length < count) addItem(form, list);
}

export const addJob = (form) => addItem(form, "work_history");
export const removeJob = (form, job) => removeItem(form, "work_history", job);

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

// A number as a number input takes it while it is typed (3e1, 1e6, .5, 12345.1234567): a saved
// or shared answer is read the same way, so what was scored is what a reload gives back.
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a day of the calendar written YYYY-MM-DD. */
function realDay(text) {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whether the form's control `el` (its answers `raw`) can hold `value`. */
function fits(el, value, raw) {
  if (typeof value !== "string" || value.length > 100) return false;
  if (value === "") return true;
  if (el instanceof RadioNodeList) return [...el].some((radio) => radio.value === value);
  if (el.type === "checkbox") return value === "true";
  if (el.tagName === "SELECT") return [...el.options].some((option) => option.value === value);
  if (el.type === "date") {
    return realDay(value) && !(el.min && value < el.min) && !(el.max && value > el.max);
  }
  if (el.type === "number") {
    if (!DECIMAL.test(value)) return false;
    const n = Number(value);
    // A test score is bounded by the test the same answers choose.
    const ability = el.dataset.ability;
    const scale = ability && TESTS.get(raw[el.name.slice(0, -ability.length) + "test"])?.scales[ability];
    const { min, max, step } = scale ?? { min: Number(el.min), max: Number(el.max), step: el.step === "any" ? 0 : Number(el.step) };
    if (!(n >= min && n <= max)) return false;
    return !step || Math.abs((n - min) / step - Math.round((n - min) / step)) < 1e-9;
  }
  return !el.pattern || new RegExp(`^(?:${el.pattern})$`).test(value);
}

/** A question's words for a message: its label, and for a test score the test's question too. */
function questionWords(form, name) {
  const el = named(form, name);
  const first = el instanceof RadioNodeList ? el[0] : el;
  const group = first?.closest("fieldset.language")?.querySelector("legend")?.textContent.trim();
  const question = questionOf(form, name) || first?.closest("fieldset")?.querySelector("legend")?.textContent.trim() || "";
  return group && group !== question ? t("calculator.answers.in_group", { question, group }) : question;
}

/**
 * Answers from this browser's storage or from a link, checked one by one against the form: a
 * question the form asks, and a value it can hold (an offered option, a number in its bounds,
 * a real date, a NOC code of 5 digits). Returns {answers, refused: [{name, question, value}],
 * unknown: how many names the form does not ask}. Draws the jobs the answers name.
 */
export function cleanAnswers(form, raw) {
  const answers = {};
  const refused = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { answers, refused, unknown: raw == null ? 0 : 1 };
  const names = Object.keys(raw);
  setCounts(form, names);
  const asked = new Set([...form.elements].map((el) => el.name).filter(Boolean));
  let unknown = 0;
  for (const name of names) {
    const el = asked.has(name) ? named(form, name) : null;
    if (!el) {
      unknown += 1;
    } else if (fits(el, raw[name], raw)) {
      answers[name] = raw[name];
    } else {
      const shown = typeof raw[name] === "string" ? raw[name].slice(0, 40) : "";
      refused.push({ name, question: questionWords(form, name), value: shown });
    }
  }
  return { answers, refused, unknown };
}

/** Draw as many items of each list as the answers' names ask for (at most the list's size). */
function setCounts(form, names) {
  for (const list of Object.keys(LISTS)) {
    let count = 0;
    for (const name of names) {
      const match = LIST_NAME.exec(name);
      if (match && match[1] === list && Number(match[2]) < FIELDS.get(list).items) count = Math.max(count, Number(match[2]) + 1);
    }
    setCount(form, list, count);
  }
}

/** Put answers back; a missing or impossible answer falls back to the field's default. */
export function writeAnswers(form, answers) {
  setCounts(form, Object.keys(answers));
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
    // Written as the page's language writes numbers ("0,5" in French).
    const range = t(Number.isInteger(step) && step === 1 ? "calculator.scale.whole" : "calculator.scale.steps",
      { min: number(min), max: number(max), step: number(step) });
    return groups.size > 1 ? labelled(list(names), range) : range;
  });
  form.querySelector(`#f-${path.replace(".", "-")}-scale`).textContent = sentences.join(" ");
}

function labelOf(input) {
  return input.labels?.[0]?.textContent.trim() ?? input.name;
}

/** Why the browser refuses a visible input's value, or null if it accepts it. */
function problem(input) {
  if (input.type === "date") return dateProblem(input);
  const v = input.validity;
  if (v.valid) return null;
  if (v.badInput) return t("calculator.error.not_number");
  if (v.patternMismatch) return t("calculator.error.noc");
  const bounds = { min: number(input.min), max: number(input.max), step: number(input.step) };
  // A decimal in a whole-number field is not out of range: say what is wrong with it.
  if (input.step === "1" && v.stepMismatch) return t("calculator.error.whole", bounds);
  const stepped = input.step && input.step !== "1" && input.step !== "any";
  return t(stepped ? "calculator.error.range_step" : "calculator.error.range", bounds);
}

/** A date the browser could not read (30 February), or one out of the field model's bounds (its
 * max also keeps the year to four digits as it is typed). */
function dateProblem(input) {
  const v = input.validity;
  if (v.badInput) return t("calculator.error.date");
  // Out of the field model's bounds: the engine's own words for it (errors.date_min/max).
  if (v.rangeUnderflow) return refusal({ code: "date_min", params: { min: input.min } });
  if (v.rangeOverflow) return refusal({ code: "date_max", params: { max: input.max } });
  return v.valid ? null : t("calculator.error.date");
}

function isShown(input) {
  return !input.closest("[hidden]");
}

/** A language result: {result, missing}: `result` null for no test, undefined while a score
 * is missing; `missing` counts the scores still to give. */
function language(answers, path) {
  const test = answers[path + ".test"];
  if (!test || test === "none") return { result: null, missing: 0 };
  const result = { test };
  let missing = 0;
  for (const ability of ABILITIES) {
    const score = answers[`${path}.${ability}`] ?? "";
    if (score === "") missing += 1;
    else result[ability] = Number(score);
  }
  if (answers[path + ".taken_on"]) result.taken_on = answers[path + ".taken_on"];
  return { result: missing ? undefined : result, missing };
}

/**
 * The object at `path` from the answers: each field that applies and is answered, in the
 * model's order (an unanswered one is left out: the engine applies its default, or says what
 * it needs). `name` is the object's name in the form (a job's path with its number).
 * `missing.count` grows by each required answer or score still missing; `missing.jobs` lists
 * the form's number of each job sent (the profile leaves untouched jobs out); `missing.partial`
 * the optional language results still half typed (left out of the profile).
 */
function collect(form, answers, path, missing, name = path) {
  const value = (p) => answer(form, answers, p);
  const object = {};
  for (const field of children(path)) {
    if (field.applies && !holds(field.applies, value)) continue;
    const inForm = name ? `${name}.${nameOf(field.path)}` : field.path;
    let got;
    if (field.type === "language") {
      const found = language(answers, inForm);
      got = found.result;
      if (field.required && !answers[inForm + ".test"]) missing.count += 1 + ABILITIES.length;
      else if (field.required) missing.count += found.missing;
      else if (found.missing) {
        // An optional test half typed: scored as no result for now, and the page says so.
        missing.partial.push(inForm);
        got = null;
      }
    } else if (field.type === "object") {
      got = answer(form, answers, field.path);
      if (got) got = collect(form, answers, field.path, missing);
    } else if (field.type === "list") {
      got = [];
      items(form, field.path).forEach((_, i) => {
        const entry = item(form, answers, field.path, `${field.path}.${i}`);
        if (entry) {
          got.push(entry);
          if (field.path === "work_history") missing.jobs.push(i);
        }
      });
      if (!got.length) continue;
    } else {
      got = answer(form, answers, field.path, inForm);
      const control = named(form, inForm);
      // Needed for a score though the profile may leave it out (a radio group marks its fieldset).
      const needed = Boolean((control instanceof RadioNodeList ? control[0] : control)?.closest?.("[data-needed]"));
      if (got === undefined && (field.required || needed)) missing.count += 1;
    }
    if (got !== undefined) object[nameOf(field.path)] = got;
  }
  return object;
}

/** One item of a list (a job) as the engine reads it; an untouched one is left out, a
 * half-filled one is sent so that the engine names what it lacks. */
function item(form, answers, list, name) {
  const entry = collect(form, answers, `${list}.N`, { count: 0, jobs: [], partial: [] }, name);
  const touched = Object.values(entry).some((value) => value !== false);
  return touched ? entry : null;
}

/**
 * The profile for the engine from the visible answers.
 * Returns {profile, jobs, partial} when it can be scored (`jobs`: the form's number of each job
 * of the profile; `partial`: the optional language results half typed, left out until whole),
 * {errors: [{input, message}]} when a value is refused, or {incomplete: n} while n required
 * answers are still missing.
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
  const missing = { count: 0, jobs: [], partial: [] };
  const profile = collect(form, readAnswers(form), "", missing);
  profile.as_of ??= today;
  return missing.count ? { incomplete: missing.count } : { profile, jobs: missing.jobs, partial: missing.partial };
}

/** The form's name for a profile path the engine named: a job's index in the profile is
 * turned back into its number in the form (`jobs` from buildProfile). */
export function formPath(path, jobs) {
  return path.replace(/^work_history\.(\d+)(?=\.|$)/, (whole, index) =>
    jobs[Number(index)] === undefined ? whole : `work_history.${jobs[Number(index)]}`);
}

/** Where a control's error is written (a radio button's is its group's). */
function errorSlot(input) {
  return document.getElementById(input.dataset.error ?? input.id + "-error");
}

/** Mark the fields in `errors` (and only them) as invalid, with their messages beside them. */
export function showErrors(form, errors) {
  const wrong = new Set(errors.map((e) => e.input));
  for (const el of form.querySelectorAll("[aria-invalid]")) {
    if (!wrong.has(el)) {
      el.removeAttribute("aria-invalid");
      const slot = errorSlot(el);
      if (slot) slot.hidden = true;
    }
  }
  for (const { input, message } of errors) {
    input.setAttribute("aria-invalid", "true");
    const slot = errorSlot(input);
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

/** The input an engine error is about: its field, or the nearest field that exists; a section
 * of optional questions that holds it is opened. */
export function inputFor(form, path) {
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    let el = named(form, p) ?? named(form, p + ".test");
    if (el instanceof RadioNodeList) el = el[0]; // a group of radio buttons: its first
    if (el && el.id && isShown(el)) {
      const section = el.closest("details");
      if (section) section.open = true;
      return el;
    }
  }
  return null;
}

/** Open each section of optional questions that holds an answer (after answers are restored). */
export function openAnswered(form, defaults) {
  const answers = readAnswers(form);
  for (const section of form.querySelectorAll("details[data-more]")) {
    if (section.querySelector("[data-job], [data-stay]")) section.open = true;
    for (const el of section.querySelectorAll("[name]")) {
      if (answers[el.name] !== (defaults[el.name] ?? "")) section.open = true;
    }
  }
}

/** How many jobs the form holds, and the most it takes. */
export function jobCount(form) {
  return { count: items(form, "work_history").length, max: MAX_JOBS };
}

/** Open the question of the profile field `path` (its sections too) and focus it; a job list
 * ("work_history") focuses its first job, or the button that adds one. */
export function goTo(form, path) {
  const target = inputFor(form, path)
    ?? (path === "work_history" ? form.querySelector('[name^="work_history."]') ?? document.getElementById("add-job") : null);
  if (!target) return false;
  for (let section = target.closest("details"); section; section = section.parentElement?.closest("details")) section.open = true;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  return true;
}

/** The answers of the questions that apply now (a hidden question's answer is kept in the
 * form but is not part of what the person says: a shared link leaves it out). */
export function applicableAnswers(form) {
  const answers = readAnswers(form);
  for (const el of form.elements) {
    if (el.name && !isShown(el)) delete answers[el.name];
  }
  return answers;
}

/** The questions that apply and their answers in words, in the form's order (the printed page):
 * every choice made and every field filled; a box left unticked says nothing. */
export function givenAnswers(form) {
  const given = [];
  const answers = applicableAnswers(form);
  for (const el of form.elements) {
    const value = answers[el.name];
    if (!el.name || value === undefined || value === "" || (el.type === "radio" && !el.checked)) continue;
    const label = el.labels?.[0]?.textContent.trim() ?? "";
    const question = questionOf(form, el.name) || label;
    const words = el.tagName === "SELECT" ? el.selectedOptions[0]?.textContent.trim()
      : el.type === "radio" ? label
        : el.type === "checkbox" ? t("calculator.answer.yes") : value;
    given.push({ name: el.name, question, answer: words });
  }
  return given;
}
