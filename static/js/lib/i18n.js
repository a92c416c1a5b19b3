// The page's words: the catalogue (locales/<lang>/*.toml) the build embeds as JSON in #i18n
// (data, so the CSP allows it), under the same keys as the templates' t("file.key").
// A plural is a table of CLDR categories ({key}.one, {key}.other, ...) chosen by the `count`
// value through Intl.PluralRules, so a second language needs only a second catalogue.

let strings = null;
let plurals = null;

function catalogue() {
  strings ??= JSON.parse(document.getElementById("i18n")?.textContent ?? "{}");
  return strings;
}

/** The page's language, from <html lang>. */
export function lang() {
  return (typeof document !== "undefined" && document.documentElement.lang) || "en";
}

function entry(key, values) {
  const words = catalogue();
  if (typeof words[key] === "string") return words[key];
  if (typeof values.count === "number") {
    plurals ??= new Intl.PluralRules(lang());
    return words[`${key}.${plurals.select(values.count)}`] ?? words[`${key}.other`];
  }
  return undefined;
}

/** The catalogue's entry for `key` as it is (e.g. the list site.months), or undefined. */
export function raw(key) {
  return catalogue()[key];
}

/** Whether the catalogue has `key` (for words that exist for some codes only). */
export function has(key, values = {}) {
  return entry(key, values) !== undefined;
}

/** The words of `key` with {name} placeholders filled from `values`; a missing key shows itself. */
export function t(key, values = {}) {
  const text = entry(key, values) ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** The words of a rules table (locales/<lang>/rules/): its "title", a "columns" heading, a
 * "rows" label or a "notes" text, by table id and key. */
export function rule(tableId, part, key) {
  return t(`rules.${tableId}.${part}` + (key === undefined ? "" : `.${key}`));
}

// Punctuation between words put together here differs by language ("Total: 5" / "Total : 5").
/** "label: text". */
export function labelled(label, text) {
  return t("site.punct.labelled", { label, text });
}

/** "label:", as the lead-in of a line whose text follows in its own element. */
export function leadIn(label) {
  return t("site.punct.label", { label });
}

/** “text”, in the language's quotation marks. */
export function quoted(text) {
  return t("site.punct.quoted", { text });
}

/** Items joined by semicolons (items that may hold commas themselves). */
export function semicolons(items) {
  return items.join(t("site.punct.semicolon"));
}
