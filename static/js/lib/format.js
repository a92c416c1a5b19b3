// One way to write numbers, money and dates on every page, in the page's language: the month
// names and the money pattern come from the catalogue (site.months, site.money), so the
// calculator writes "25 November 2026" as the guide does.
import { lang, raw, t } from "./i18n.js";

let numbers = null;

/** 226859 -> "226,859"; fractions kept to two places. */
export function number(n) {
  numbers ??= new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 });
  return numbers.format(n);
}

/** An amount in Canadian dollars, e.g. "15,263 CAD". */
export function money(amount) {
  return t("site.money", { amount: number(amount) });
}

/** "2026-11-25" -> "25 November 2026". */
export function date(iso) {
  const [year, month, day] = String(iso).split("-").map(Number);
  return t("site.date", { day, month: raw("site.months")[month - 1], year });
}
