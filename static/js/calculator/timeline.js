// The score over time (engine.timeline): each point a list item with data-date and data-total,
// worded from its codes; the decisions it supports in words; a small chart of the score against
// the latest cut-off of each round type the person can be invited in (engine.rounds' verdicts).
// Nothing is computed here that the engine decides.
import { el } from "../lib/dom.js";
import { date, list, number } from "../lib/format.js";
import { t } from "../lib/i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 160;
const PAD = { left: 34, right: 8, top: 8, bottom: 20 };

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

const programName = (key) => t("assessment.program_short." + key);

/** The words of one change the engine names. */
function changeWords(change) {
  const { code } = change;
  if (code === "fsw_experience" || code === "cec_experience") return t(`planner.timeline.change.${code}_${change.after}`);
  if (code === "job_ended") return t("planner.timeline.change.job_ended", { job: Number(change.field.split(".")[1]) + 1 });
  return t("planner.timeline.change." + code, { after: change.after, before: change.before });
}

/** The decision a point supports, in words (engine code `decision`), or null. */
export function decisionWords(point, previous) {
  const day = date(point.date);
  switch (point.decision) {
    case "submit_before": return t("planner.timeline.decision.submit_before", { points: -point.delta, date: day });
    case "wait_for": return t("planner.timeline.decision.wait_for", { points: point.delta, date: day });
    case "program_opens":
    case "program_closes": {
      const opens = point.decision === "program_opens";
      const keys = Object.keys(point.programs).filter((k) => (point.programs[k] === true) === opens && (previous.programs[k] === true) !== opens);
      return t("planner.timeline.decision." + point.decision, { date: day, programs: list(keys.map(programName)) });
    }
    case "renew": {
      const what = list(point.changes.map(changeWords));
      return t("planner.timeline.decision.renew", { date: day, what });
    }
    default: return null;
  }
}

function item(point, previous) {
  const open = Object.keys(point.programs).filter((k) => point.programs[k] === true);
  const when = previous ? date(point.date) : `${t("planner.timeline.start")} (${date(point.date)})`;
  const what = previous ? list(point.changes.map(changeWords)) : "";
  const decision = previous ? decisionWords(point, previous) : null;
  return el("li", { "data-date": point.date, "data-total": String(point.total), "data-decision": point.decision ?? "" },
    el("strong", {}, when), " ", t("planner.timeline.points", { total: number(point.total) }),
    what ? ` – ${what}.` : "", " ",
    el("span", { class: "hint" }, open.length ? t("planner.timeline.programs_open", { programs: list(open.map(programName)) }) : t("planner.timeline.programs_none")),
    ...(decision ? [el("br"), el("span", { class: "decision" }, decision)] : []));
}

/** The chart: the score as steps from the first day to the last, and a dashed line per cut-off. */
function chart(timeline, cutoffs) {
  const start = Date.parse(timeline.as_of);
  const span = Date.parse(timeline.until) - start || 1;
  const totals = timeline.points.map((p) => p.total);
  const values = [...totals, ...cutoffs.map((c) => c.cutoff)];
  const low = Math.max(0, Math.min(...values) - 20);
  const high = Math.max(...values) + 20;
  const x = (iso) => PAD.left + ((Date.parse(iso) - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (v) => PAD.top + (1 - (v - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  let path = "";
  timeline.points.forEach((p, i) => {
    path += i === 0 ? `M${x(p.date).toFixed(1)},${y(p.total).toFixed(1)}` : `H${x(p.date).toFixed(1)}V${y(p.total).toFixed(1)}`;
  });
  path += `H${x(timeline.until).toFixed(1)}`;
  const title = svg("title", { id: "timeline-chart-title" }, t("planner.timeline.chart_title"));
  const desc = svg("desc", { id: "timeline-chart-desc" }, t("planner.timeline.chart_desc",
    { from: date(timeline.as_of), until: date(timeline.until), low: Math.min(...totals), high: Math.max(...totals) }));
  const lines = cutoffs.map((c) => svg("line", { class: "cutoff", "data-type": c.type, x1: PAD.left, x2: WIDTH - PAD.right, y1: y(c.cutoff).toFixed(1), y2: y(c.cutoff).toFixed(1) }));
  const axis = [high - 20, low + 20].map((v) => svg("text", { x: PAD.left - 4, y: y(v).toFixed(1), class: "axis", "text-anchor": "end", "dominant-baseline": "middle" }, String(v)));
  const ends = [timeline.as_of, timeline.until].map((iso, i) => svg("text", { x: i ? WIDTH - PAD.right : PAD.left, y: HEIGHT - 4, class: "axis", "text-anchor": i ? "end" : "start" }, iso.slice(0, 7)));
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline-chart", role: "img", "aria-labelledby": "timeline-chart-title timeline-chart-desc" },
    title, desc, svg("rect", { x: PAD.left, y: PAD.top, width: WIDTH - PAD.left - PAD.right, height: HEIGHT - PAD.top - PAD.bottom, class: "frame" }),
    ...lines, svg("path", { d: path, class: "score" }), ...axis, ...ends);
}

/** The cut-offs of the round types this person can be invited in, from engine.rounds' verdicts
 * (none until the worker has the rounds). */
function cutoffsFor(answer) {
  return (answer.rounds ?? []).filter((v) => v.eligible === "yes").map((v) => ({ type: v.type, cutoff: v.latest.min_crs }));
}

/** Fill #timeline from the engine's timeline; `answer` is the details answer (assess,
 * categories, crs, profile) the round verdicts read. */
export function renderTimeline(node, timeline, answer) {
  const points = timeline.points;
  const parts = [el("p", {}, t("planner.timeline.intro", { from: date(timeline.as_of), until: date(timeline.until) }))];
  if (!timeline.age_known) parts.push(el("p", { class: "hint" }, t("planner.timeline.age_unknown")));
  const decisions = points.slice(1).map((p, i) => decisionWords(p, points[i])).filter(Boolean);
  if (decisions.length) parts.push(el("ul", { class: "decisions" }, ...decisions.map((d) => el("li", {}, d))));
  else if (points.length === 1) parts.push(el("p", {}, t("planner.timeline.nothing", { until: date(timeline.until) })));
  parts.push(el("ol", { class: "timeline-points" }, ...points.map((p, i) => item(p, i ? points[i - 1] : null))));
  const cutoffs = cutoffsFor(answer);
  const legend = cutoffs.length
    ? el("ul", { class: "cutoff-legend" }, ...cutoffs.map((c) => el("li", { "data-type": c.type }, t("planner.timeline.cutoff", { type: t("rounds.type." + c.type), cutoff: c.cutoff }))))
    : el("p", { class: "hint" }, t("planner.timeline.cutoffs_none"));
  parts.push(el("figure", { class: "timeline-figure" }, chart(timeline, cutoffs), el("figcaption", {}, t("planner.timeline.chart_title")), legend),
    el("p", { class: "hint" }, t("planner.timeline.calendar")));
  node.replaceChildren(...parts);
}

/** Calendar events of the timeline: each point that supports a decision, worded. */
export function timelineEvents(timeline) {
  const points = timeline.points;
  return points.slice(1).map((p, i) => ({ p, words: decisionWords(p, points[i]) }))
    .filter(({ words }) => words)
    .map(({ p, words }) => ({ uid: `timeline-${p.date}`, date: p.date, summary: words }));
}
