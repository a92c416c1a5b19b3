// One way to write numbers, money and dates on every page, in the page's language (<html lang>,
// "en-CA" or "fr-CA"): separators and list words from Intl, the month names and the money and
// date patterns from the edition's catalogue (site.months, site.money, site.date,
// edition.date_first), as the build's formatter writes them (sitegen/filters.py): the
// calculator writes "25 novembre 2026", "1er octobre 2023" and "15 263 $ CA" as the guide does.
import { lang, raw, t } from "./i18n.js";

let numbers = null;

/** 226859 -> "226,859" / "226 859"; fractions kept to two places. */
export function number(n) {
  numbers ??= new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 });
  return numbers.format(n);
}

let tenths = null;

/** 4_812_345 bytes -> "4.8" (megabytes, one decimal), for download progress and sizes. */
export function megabytes(bytes) {
  tenths ??= new Intl.NumberFormat(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return tenths.format(bytes / 1e6);
}

/** An amount in Canadian dollars, e.g. "15,263 CAD" / "15 263 $ CA". */
export function money(amount) {
  return t("site.money", { amount: number(amount) });
}

/** "2026-11-25" -> "25 November 2026" / "25 novembre 2026"; "2023-10-01" -> "1er octobre 2023". */
export function date(iso) {
  const [year, month, day] = String(iso).split("-").map(Number);
  return t(day === 1 ? "edition.date_first" : "site.date", { day, month: raw("site.months")[month - 1], year });
}

/** ["a", "b", "c"] -> "a, b and c" ("disjunction": "a, b or c"), as the page's language lists. */
export function list(items, type = "conjunction") {
  return new Intl.ListFormat(lang(), { type }).format(items.map(String));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A message's values written out: numbers with the language's separators, dates in words. */
export function written(values) {
  const out = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = typeof value === "number" ? number(value) : typeof value === "string" && ISO_DATE.test(value) ? date(value) : value;
  }
  return out;
}
