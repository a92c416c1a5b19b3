// The answer at the top of the report (#answer): the total, the kinds of round this person can
// be invited in (best fit first, each with its latest cut-off and margin), the programs, funds
// needed against funds declared and the one next step. Every verdict is the engine's.
import { el } from "../lib/dom.js";
import { money } from "../lib/format.js";
import { labelled, t } from "../lib/i18n.js";
import { cutoff, eligibility, roundAttributes, unaskedLines } from "./verdicts.js";
import { stepItem } from "./plan.js";

const node = document.getElementById("answer");
const slot = (name) => node.querySelector(`[data-answer="${name}"]`);
const heading = document.getElementById("result-heading");
const plainHeading = heading.textContent;
const SHOWN_ROUNDS = 3; // the rest are in the rounds panel below

/** The score, as soon as it is known (the details follow). */
export function showTotal(score) {
  node.hidden = false;
  document.getElementById("answer-total").textContent = String(score.total);
  heading.textContent = t("calculator.glance.heading_total", { total: score.total });
  const retaken = document.getElementById("answer-retaken");
  retaken.hidden = score.total_if_retaken === undefined;
  retaken.textContent = retaken.hidden ? "" : t("calculator.glance.retaken", { total: score.total_if_retaken });
  for (const name of ["rounds", "programs", "funds", "next"]) slot(name).replaceChildren();
}

/** No score: the answer goes with it. */
export function hideAnswer() {
  node.hidden = true;
  heading.textContent = plainHeading;
}

function rounds(verdicts) {
  const open = verdicts.filter((v) => v.eligible === "yes");
  // Nothing open yet: the kinds of round the answers could still open, never a closed one.
  const shown = (open.length ? open : verdicts.filter((v) => v.eligible === "unknown")).slice(0, SHOWN_ROUNDS);
  if (!shown.length) return [el("p", {}, t("calculator.glance.rounds_none"))];
  return [el("h4", {}, t(open.length ? "calculator.glance.rounds" : "calculator.glance.rounds_maybe")),
    // A condition no question asks (a job offer from the Canadian Armed Forces) is said with
    // its round: being above a cut-off is no hope without it.
    el("ul", { class: "answer-rounds" }, ...shown.map((v) =>
      el("li", roundAttributes(v), labelled(t("rounds.type." + v.type), cutoff(v)), ...unaskedLines(v))))];
}

function programs(assessed) {
  return [el("h4", {}, t("calculator.glance.programs")),
    el("ul", { class: "answer-programs" }, ...Object.entries(assessed.programs).map(([key, p]) =>
      el("li", { "data-program": key, "data-eligible": eligibility(p.eligible) },
        labelled(t("assessment.program." + key), t("calculator.glance.program_" + eligibility(p.eligible))))))];
}

function funds(f) {
  if (f.exempt) return t("calculator.glance.funds_exempt");
  const values = { required: money(f.required), size: f.family_size, held: f.held == null ? "" : money(f.held), shortfall: money(f.shortfall ?? 0) };
  return t(f.held == null ? "calculator.glance.funds_unanswered" : f.shortfall ? "calculator.glance.funds_short" : "calculator.glance.funds", values);
}

/** The details of the same answers: rounds, programs, funds, the first step. */
export function showAnswer(details, question) {
  slot("rounds").replaceChildren(...(details.rounds ? rounds(details.rounds) : []));
  slot("programs").replaceChildren(...programs(details.assess));
  slot("funds").replaceChildren(details.assess.funds?.required != null ? funds(details.assess.funds) : "");
  const first = details.steps?.[0];
  slot("next").replaceChildren(...(first ? [el("h4", {}, t("calculator.glance.next")),
    el("ul", { class: "answer-next" }, stepItem(first, question, node.dataset.guide))] : []));
}
