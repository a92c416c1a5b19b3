// Where answers are kept: this browser's localStorage, and the URL fragment of a shared link
// (the part after #, which browsers never send to a server). Nothing else, nowhere else.
const KEY = "ee-guide:calculator:answers";

/** Answers worth keeping: the ones that differ from the form's defaults. */
function meaningful(answers, defaults) {
  return Object.fromEntries(Object.entries(answers).filter(([name, value]) => value !== defaults[name]));
}

export function save(answers, defaults) {
  try {
    localStorage.setItem(KEY, JSON.stringify(meaningful(answers, defaults)));
  } catch {
    // Storage may be full or disabled (private mode): the calculator works without it.
  }
}

export function load() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) || "{}");
    return data && typeof data === "object" && !Array.isArray(data) ? data : {};
  } catch {
    return {};
  }
}

export function clear() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** A link to this page with the answers in its fragment. */
export function shareLink(answers, defaults) {
  const url = new URL(location.href);
  url.hash = new URLSearchParams(meaningful(answers, defaults)).toString();
  return url.href;
}

/** Answers from the page's fragment, or null when it holds none. */
export function fromFragment() {
  const text = location.hash.slice(1);
  if (!text) return null;
  const answers = Object.fromEntries(new URLSearchParams(text));
  return Object.keys(answers).length ? answers : null;
}

/** Drop the fragment once read, so later edits are not overridden by it on reload. */
export function forgetFragment() {
  history.replaceState(null, "", location.pathname + location.search);
}
