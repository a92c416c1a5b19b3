// The panels under the result: how to raise the score (engine.plan), where the score stands
// against past rounds, and category-based selection (engine.categories).
// page.js calls renderPanels(container, answer) with each answer of the engine worker.
import { el } from "../lib/dom.js";
import { getJson } from "../lib/fetch.js";
import { date, number } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { renderPlan } from "./plan.js";
import { renderCategories } from "./categories.js";
import { standing, chartY } from "./standing.js";
import { mountNocHelper } from "./noc-helper.js";

// The occupation helper sits under the work history questions, from the page's start.
const workHistory = document.getElementById("work-history");
if (workHistory) mountNocHelper(workHistory);

let rounds = null; // the promise of data/rounds.json, fetched once when first needed

function section(container, name) {
  let node = container.querySelector(`[data-panel="${name}"]`);
  if (!node) {
    node = el("section", { class: "result-panel", "data-panel": name });
    container.append(node);
  }
  return node;
}

export function renderPanels(container, answer) {
  renderPlan(section(container, "plan"), answer.plan);
  renderStanding(section(container, "standing"), container, answer.crs.total);
  renderCategories(section(container, "categories"), answer.categories);
}

function renderStanding(node, container, total) {
  rounds ??= getJson(container.dataset.rounds);
  node.dataset.total = String(total);
  rounds.then(
    (data) => {
      if (node.dataset.total === String(total)) fillStanding(node, container, total, data);
    },
    () => node.replaceChildren(el("h3", {}, t("rounds.standing.heading")), el("p", {}, t("rounds.standing.load_failed"))),
  );
}

function fillStanding(node, container, total, data) {
  const s = standing(total, data);
  const list = el("ul", { class: "standing-list" });
  for (const type of s.types) {
    const r = type.latest;
    const name = t("rounds.type." + type.type);
    list.append(el("li", { "data-type": type.type, "data-cleared": String(type.clearsLatest) },
      el("strong", {}, name), " ",
      t("rounds.standing.latest", { date: date(r.date), cutoff: r.min_crs, invited: number(r.invitations) }), " ",
      el("span", { class: type.clearsLatest ? "cleared" : "below" },
        type.clearsLatest ? t("rounds.standing.cleared") : t("rounds.standing.not_cleared", { gap: type.gap })), " ",
      t("rounds.standing.recent", { cleared: type.cleared, count: type.count })));
  }
  const pool = s.pool;
  const poolText = t(pool.estimated ? "rounds.standing.pool" : "rounds.standing.pool_top",
    { date: date(pool.asOf), above: number(pool.above), total: number(pool.total) });
  node.replaceChildren(
    el("h3", {}, t("rounds.standing.heading")),
    el("p", {}, t("rounds.standing.intro", { score: total, date: date(s.newest) })),
    el("h4", {}, t("rounds.standing.latest_heading")),
    list,
    el("p", { class: "pool", "data-above": String(pool.above) }, poolText),
  );
  const template = container.querySelector("#rounds-chart-template");
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
