// The page's strings, delivered by the build as JSON in #i18n (data, so the CSP allows it).
const strings = JSON.parse(document.getElementById("i18n").textContent);

/** The calculator string `key`, with {name} placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = strings["calculator." + key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** The string if it exists, else null (for optional labels such as a factor's). */
export function maybe(key) {
  return strings["calculator." + key] ?? null;
}
