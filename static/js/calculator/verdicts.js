// The engine's round verdicts (engine.rounds) in words, shared by the answer at the top of the
// report, the rounds panel and the categories panel: they word the same verdict, never their own.
import { el } from "../lib/dom.js";
import { date } from "../lib/format.js";
import { t } from "../lib/i18n.js";

/** engine.assess's true / false / null as the page's yes / no / unknown. */
export const eligibility = (value) => (value === true ? "yes" : value === false ? "no" : "unknown");

/** The attributes of a round type's element (stable names for automated checks). */
export function roundAttributes(v) {
  return { "data-round-type": v.type, "data-eligible": v.eligible, "data-margin": String(v.margin) };
}

/** The latest cut-off and how far the score is from it. */
export function cutoff(v) {
  const key = v.margin > 0 ? "above" : v.margin === 0 ? "at" : "below";
  return t("calculator.glance." + key, { cutoff: v.latest.min_crs, date: date(v.latest.date), margin: Math.abs(v.margin) });
}

/** Why a round is closed: the first condition the answers fail. */
export function closedBecause(v) {
  const failed = v.reasons.find((r) => r.met === false);
  return failed ? t("calculator.verdict.why_" + failed.code) : "";
}

/** Links to the questions `fields` name; page.js opens each one's section and focuses it. */
export function askLinks(fields, question) {
  const parts = [];
  fields.forEach((field, i) => {
    if (i) parts.push(", ");
    const words = question(field) || t("calculator.verdict.answer_jobs");
    parts.push(el("a", { href: "#calculator-form", class: "ask", "data-goto": field }, t("calculator.verdict.go", { question: words })));
  });
  return parts;
}

/** What an unknown verdict waits for: the answers to give (links), then what no question asks. */
export function openQuestions(v, question) {
  const parts = [];
  if (v.missing.length) parts.push(el("p", { class: "ask-line" }, t("calculator.verdict.answer"), " ", ...askLinks(v.missing, question)));
  for (const code of v.unasked) parts.push(el("p", { class: "unasked", "data-unasked": code }, t("calculator.verdict.unasked_" + code)));
  return parts;
}
