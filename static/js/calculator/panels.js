// The report's panels from the engine's details: what the score means today (the recent
// rounds this person can be invited in, from data/rounds.json), what to do next (engine.plan)
// the categories (engine.categories) and the routes for French speakers (engine.french_routes). page.js calls renderPanels(root, answer) with each
// answer of the engine worker; `root` holds the [data-panel] slots.
import { el } from "../lib/dom.js";
import { getJson } from "../lib/fetch.js";
import { date, number } from "../lib/format.js";
import { leadIn, t } from "../lib/i18n.js";
import { renderPlan } from "./plan.js";
import { renderCategories } from "./categories.js";
import { renderFrenchRoutes } from "./french-routes.js";
import { standing, chartY } from "./standing.js";
import { mountNocHelper } from "./noc-helper.js";

// The occupation helper sits under the work history questions, from the page's start.
const workHistory = document.getElementById("work-history");
if (workHistory) mountNocHelper(workHistory);

let rounds = null; // the promise of data/rounds.json, fetched once when first needed

// The round types of a single program, by the program that meets them (engine.assess keys).
const PROGRAM_ROUNDS = { cec: "cec", fsw: "fswp", fst: "fstp" };

/**
 * Whether a person can be invited in a kind of round, from their answers: "can", "maybe" (an
 * answer is missing) or "cannot", with the reason (a key of calculator.today).
 */
export function invitable(type, { assess, categories, profile }) {
  const eligible = Object.values(assess.programs).map((p) => p.eligible);
  const anyProgram = eligible.includes(true) ? "can" : eligible.includes(null) ? "maybe" : "cannot";
  if (type in PROGRAM_ROUNDS) {
    const verdict = assess.programs[PROGRAM_ROUNDS[type]]?.eligible;
    return verdict === true ? ["can"] : verdict === null ? ["maybe"] : ["cannot", "why_program"];
  }
  if (type === "general") return anyProgram === "cannot" ? ["cannot", "why_program"] : [anyProgram];
  if (type === "pnp") {
    if (!profile.provincial_nomination) return ["cannot", "why_nomination"];
    return anyProgram === "cannot" ? ["cannot", "why_program"] : [anyProgram];
  }
  const category = categories?.categories?.find((c) => c.key === type);
  if (!category || category.status === "does_not_meet") return ["cannot", "why_category"];
  if (anyProgram === "cannot") return ["cannot", "why_no_program"];
  return [category.status === "meets" && anyProgram === "can" ? "can" : "maybe"];
}

export function renderPanels(root, answer) {
  const slot = (name) => root.querySelector(`[data-panel="${name}"]`);
  renderPlan(slot("plan"), answer.plan);
  renderStanding(slot("standing"), root, answer);
  renderCategories(slot("categories"), answer.categories);
  renderFrenchRoutes(slot("french-routes"), answer.french_routes);
}

function renderStanding(node, root, answer) {
  const total = answer.crs.total;
  rounds ??= getJson(root.dataset.rounds);
  node.dataset.total = String(total);
  rounds.then(
    (data) => {
      if (node.dataset.total === String(total)) fillStanding(node, root, answer, data);
    },
    () => node.replaceChildren(el("p", {}, t("rounds.standing.load_failed"))),
  );
}

function roundItem(type) {
  const r = type.latest;
  return el("li", { "data-type": type.type, "data-cleared": String(type.clearsLatest) },
    el("strong", {}, t("rounds.type." + type.type)), " ",
    t("rounds.standing.latest", { date: date(r.date), cutoff: r.min_crs, invited: number(r.invitations) }), " ",
    el("span", { class: type.clearsLatest ? "cleared" : "below" },
      type.clearsLatest ? t("rounds.standing.cleared") : t("rounds.standing.not_cleared", { gap: type.gap })), " ",
    t("rounds.standing.recent", { cleared: type.cleared, count: type.count }));
}

function fillStanding(node, root, answer, data) {
  const total = answer.crs.total;
  const s = standing(total, data);
  const groups = { can: [], maybe: [], cannot: [] };
  for (const type of s.types) {
    const [verdict, why] = invitable(type.type, answer);
    groups[verdict].push(verdict === "cannot"
      ? el("li", { "data-type": type.type }, el("strong", {}, leadIn(t("rounds.type." + type.type))), " ", t("calculator.today." + why))
      : roundItem(type));
  }
  const parts = [el("p", {}, t("rounds.standing.intro", { score: total, date: date(s.newest) }))];
  if (!groups.can.length && !groups.maybe.length) parts.push(el("p", {}, t("calculator.today.none_can")));
  for (const name of ["can", "maybe"]) {
    if (groups[name].length) parts.push(el("h4", {}, t(`calculator.today.${name}_heading`)), el("ul", { class: "standing-list", "data-group": name }, ...groups[name]));
  }
  const pool = s.pool;
  parts.push(el("p", { class: "pool", "data-above": String(pool.above), "data-score": String(total) }, t(pool.estimated ? "rounds.standing.pool" : "rounds.standing.pool_top",
    { date: date(pool.asOf), above: number(pool.above), total: number(pool.total) })));
  if (groups.cannot.length) {
    parts.push(el("details", { class: "cannot" }, el("summary", {}, t("calculator.today.cannot_heading")),
      el("ul", { "data-group": "cannot" }, ...groups.cannot)));
  }
  node.replaceChildren(...parts);
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
