// The report's panels from the engine's details: what the score means today (engine.rounds'
// verdicts, with the pool and the chart of data/rounds.json), what to do next (the engine's
// steps and engine.plan), the categories (engine.categories) and the routes for French speakers
// (engine.french_routes). page.js calls renderPanels(root, answer, question) with each answer
// of the engine worker; `root` holds the [data-panel] slots; `question(field)` is the words of a
// field's question.
import { el } from "../lib/dom.js";
import { getJson } from "../lib/fetch.js";
import { date, number } from "../lib/format.js";
import { leadIn, t } from "../lib/i18n.js";
import { renderPlan, renderSteps } from "./plan.js";
import { renderCategories } from "./categories.js";
import { renderFrenchRoutes } from "./french-routes.js";
import { poolAbove, chartY } from "./standing.js";
import { closedBecause, cutoff, roundAttributes, sharedQuestions, unaskedLines } from "./verdicts.js";
import { mountNocHelper } from "./noc-helper.js";

// The occupation helper sits under the work history questions, from the page's start.
const workHistory = document.getElementById("work-history");
if (workHistory) mountNocHelper(workHistory);

let rounds = null; // the promise of data/rounds.json, fetched once when first needed

export function renderPanels(root, answer, question) {
  const slot = (name) => root.querySelector(`[data-panel="${name}"]`);
  renderSteps(slot("steps"), answer, question);
  renderPlan(slot("plan"), answer.plan);
  renderStanding(slot("standing"), root, answer, question);
  renderCategories(slot("categories"), answer.categories, answer.rounds);
  renderFrenchRoutes(slot("french-routes"), answer.french_routes);
}

function renderStanding(node, root, answer, question) {
  const total = answer.crs.total;
  rounds ??= getJson(root.dataset.rounds);
  node.dataset.total = String(total);
  if (!answer.rounds) {
    node.replaceChildren(el("p", {}, t("rounds.standing.load_failed")));
    return;
  }
  fillStanding(node, answer, question);
  // The pool and the chart come from the same data, loaded by the page.
  rounds.then(
    (data) => {
      if (node.dataset.total === String(total)) addPool(node, root, total, data);
    },
    () => {},
  );
}

function roundItem(v) {
  const name = el("strong", {}, leadIn(t("rounds.type." + v.type)));
  if (v.eligible === "no") return el("li", roundAttributes(v), name, " ", closedBecause(v));
  return el("li", roundAttributes(v), name, " ", t("calculator.verdict.cutoff_sentence", { cutoff: cutoff(v) }), " ",
    t("rounds.standing.recent", { cleared: v.cleared, count: v.count }), ...unaskedLines(v));
}

function fillStanding(node, answer, question) {
  const total = answer.crs.total;
  const groups = { yes: [], unknown: [], no: [] };
  for (const v of answer.rounds) groups[v.eligible].push(roundItem(v));
  const newest = answer.rounds.reduce((latest, v) => (v.latest.date > latest ? v.latest.date : latest), "");
  const parts = [el("p", {}, t("rounds.standing.intro", { score: total, date: date(newest) }))];
  if (!groups.yes.length && !groups.unknown.length) parts.push(el("p", {}, t("calculator.today.none_can")));
  for (const [name, heading] of [["yes", "can_heading"], ["unknown", "maybe_heading"]]) {
    if (groups[name].length) parts.push(el("h4", {}, t("calculator.today." + heading)), el("ul", { class: "standing-list", "data-group": name }, ...groups[name]));
    // The questions that would settle the unknown verdicts, once under their list, not per round.
    if (name === "unknown") parts.push(...sharedQuestions(answer.rounds.filter((v) => v.eligible === "unknown"), question));
  }
  if (groups.no.length) {
    parts.push(el("details", { class: "cannot" }, el("summary", {}, t("calculator.today.cannot_heading")),
      el("ul", { "data-group": "no" }, ...groups.no)));
  }
  node.replaceChildren(...parts);
}

function addPool(node, root, total, data) {
  const pool = poolAbove(total, data.pool);
  node.append(el("p", { class: "pool", "data-above": String(pool.above), "data-score": String(total) }, t(pool.estimated ? "rounds.standing.pool" : "rounds.standing.pool_top",
    { date: date(pool.asOf), above: number(pool.above), total: number(pool.total) })));
  const template = root.querySelector("#rounds-chart-template");
  if (template) {
    const figure = template.content.firstElementChild.cloneNode(true);
    const svg = figure.querySelector("svg");
    const y = chartY(svg, total);
    if (y !== null) {
      const line = svg.querySelector(".score-line");
      line.setAttribute("y1", String(y));
      line.setAttribute("y2", String(y));
      line.setAttribute("visibility", "visible");
      figure.querySelector("figcaption").append(" ", t("rounds.chart_your_score"));
    }
    node.append(figure);
  }
  node.append(el("p", { class: "rule-status" }, t("rounds.standing.caveat")));
}
