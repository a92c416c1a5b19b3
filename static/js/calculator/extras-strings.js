// Strings of the planner, rounds and categories panels ("extras.*" in locales/en/extras.toml),
// delivered as JSON in #extras-i18n by the build (data, so the CSP allows it).
let strings = null;

/** The string `extras.<key>` with {name} placeholders filled from `values`. */
export function t(key, values = {}) {
  strings ??= JSON.parse(document.getElementById("extras-i18n")?.textContent ?? "{}");
  const text = strings["extras." + key] ?? strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** A number as the page's language writes it: 226859 -> "226,859". */
export const count = (n) => Number(n).toLocaleString(document.documentElement.lang || "en");

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
