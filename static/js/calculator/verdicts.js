// The engine's round verdicts (engine.rounds) in words, shared by the answer at the top of the
// report, the rounds panel and the categories panel: they word the same verdict, never their own.
import { el } from "../lib/dom.js";
import { date, list } from "../lib/format.js";
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

/** What no question asks and an unknown verdict still waits for, said plainly. */
export function unaskedLines(v) {
  return v.unasked.map((code) => el("p", { class: "unasked", "data-unasked": code }, t("calculator.verdict.unasked_" + code)));
}

/**
 * The questions whose answers would settle the unknown verdicts `unknown`, said once: rounds that
 * wait for the same answers (most often those that settle a program, shared by every round) share
 * one line, which names its rounds when there are several such lines.
 */
export function sharedQuestions(unknown, question) {
  const groups = new Map();
  for (const v of unknown.filter((v) => v.missing.length)) {
    const key = JSON.stringify(v.missing);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(v);
  }
  return [...groups.values()].map((group) => {
    const line = el("p", { class: "ask-line" }, t("calculator.verdict.answer"), " ", ...askLinks(group[0].missing, question));
    if (groups.size > 1) {
      line.prepend(el("strong", {}, t("calculator.verdict.for_rounds", { rounds: list(group.map((v) => t("rounds.type." + v.type))) })), " ");
    }
    return line;
  });
}
