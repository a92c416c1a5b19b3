// Where answers are kept: this browser's localStorage, and the URL fragment of a shared link
// (the part after #, which browsers never send to a server). Nothing else, nowhere else. What
// comes back from either is checked answer by answer by the form (form.js, cleanAnswers).
const KEY = "ee-guide:calculator:answers";
const SCENARIOS = "ee-guide:calculator:scenarios";
// The answers asked only of the principal applicant, of the partner who is not it now (a swap).
const PARTNER = "ee-guide:calculator:partner";
// The documents the person ticked in the report's list (documents.js), by item id.
const DOCUMENTS = "ee-guide:calculator:documents";

/** Answers worth keeping: the ones that differ from the form's defaults. */
export function meaningful(answers, defaults) {
  return Object.fromEntries(Object.entries(answers).filter(([name, value]) => value !== defaults[name]));
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Storage may be full or disabled (private mode): the calculator works without it.
    return false;
  }
}

/** What `key` holds: {value} (null when nothing is stored), or {unreadable: true} for text that
 * is not JSON, or JSON too deep to read. */
function read(key) {
  let text;
  try {
    text = localStorage.getItem(key);
  } catch {
    return { value: null };
  }
  if (text === null) return { value: null };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { unreadable: true };
  }
}

function remove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** Returns false when the browser refused to keep them (storage full or turned off). */
export function save(answers, defaults) {
  return write(KEY, meaningful(answers, defaults));
}

/** Call `onChange(which)` when another tab of this site changes what is kept here ("answers"
 * or "scenarios"), so this tab takes the change instead of writing over it. */
export function watch(onChange) {
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) onChange("answers");
    else if (event.key === SCENARIOS) onChange("scenarios");
    else if (event.key === null) onChange("all"); // storage cleared
  });
}

/** The saved answers as stored (to be checked by the form): {value} or {unreadable: true}. */
export function load() {
  const found = read(KEY);
  if (found.unreadable) remove(KEY);
  return found;
}

export function clear() {
  remove(KEY);
  remove(PARTNER);
}

/** A link to this page with the answers in its fragment. */
export function shareLink(answers, defaults) {
  const url = new URL(location.href);
  url.hash = new URLSearchParams(meaningful(answers, defaults)).toString();
  return url.href;
}

/**
 * The answers of the page's fragment when it is a shared link, or null. Only a fragment that
 * names a question of the form (`isField(name)`) with a value is one: "#main" (the skip link)
 * or "#result" are places in the page, and leave the answers alone.
 */
export function fromFragment(isField) {
  const text = location.hash.slice(1);
  if (!text) return null;
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return null;
  }
  const answers = {};
  for (const [name, value] of params) answers[name] = value;
  return Object.entries(answers).some(([name, value]) => value !== "" && isField(name)) ? answers : null;
}

/** Drop the fragment once read, so later edits are not overridden by it on reload. */
export function forgetFragment() {
  history.replaceState(null, "", location.pathname + location.search);
}

/** The scenarios kept in this browser: {list: [{name, saved, answers, score}] newest last, and
 * `damaged`: the names (or positions) of those that could not be read and were left out. */
export function loadScenarios() {
  const { value } = read(SCENARIOS);
  const list = [];
  const damaged = [];
  (Array.isArray(value) ? value : []).forEach((s, index) => {
    if (wholeScenario(s)) list.push(s);
    else damaged.push(typeof s?.name === "string" && s.name.trim() ? s.name.slice(0, 60) : String(index + 1));
  });
  return { list, damaged };
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isLine = (line) => isObject(line) && typeof line.factor === "string" && typeof line.table === "string" && Number.isFinite(line.points);

/** A scenario as this page writes it: a name, a day, answers that are text, and a score (or
 * none) whose total and lines are numbers. Its answers are then checked as saved answers are. */
function wholeScenario(s) {
  return isObject(s) && typeof s.name === "string" && s.name.length <= 200 && /^\d{4}-\d{2}-\d{2}$/.test(s.saved)
    && isObject(s.answers) && Object.values(s.answers).every((value) => typeof value === "string")
    && (s.score == null || (isObject(s.score) && Number.isFinite(s.score.total) && Array.isArray(s.score.lines) && s.score.lines.every(isLine)));
}

/** Returns false when the browser refused to store them. */
export function saveScenarios(list) {
  return write(SCENARIOS, list);
}

/** The other partner's answers kept by a swap of the principal applicant, or null. */
export function loadPartner() {
  const { value } = read(PARTNER);
  return value && typeof value === "object" && !Array.isArray(value) ? value : null;
}

export function savePartner(answers) {
  write(PARTNER, answers);
}

/** The ids of the documents ticked in this browser. */
export function loadTicks() {
  const { value } = read(DOCUMENTS);
  return Array.isArray(value) ? value.filter((id) => typeof id === "string") : [];
}

export function saveTicks(ids) {
  return write(DOCUMENTS, ids);
}
