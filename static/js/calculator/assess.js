// engine.assess, shown: each program's verdict and requirements (with the FSW grid), proof
// of funds, government fees, deadlines. Figures the sources could not confirm say so.
import { el } from "../lib/dom.js";
import { money } from "../lib/format.js";
import { labelled, leadIn, rule, t } from "../lib/i18n.js";
import { check, deadline, feeName, fundsReason, gridDetail, sourceUrl, warning } from "./words.js";
import { askLinks, eligibility } from "./verdicts.js";

function verdict(eligible) {
  return t(eligible === true ? "calculator.assess.eligible" : eligible === false ? "calculator.assess.not_eligible" : "calculator.assess.unknown");
}

function mark(met) {
  return t(met === true ? "calculator.assess.met" : met === false ? "calculator.assess.not_met" : "calculator.assess.unanswered");
}

function source(url) {
  return url ? el("a", { href: sourceUrl(url), rel: "external noopener" }, t("calculator.assess.source")) : "";
}

/** "(unconfirmed)" after a figure the sources could not confirm, "(non-government source)" after
 * one read only in copies, its note (a key of `table`'s notes) as the tooltip. */
function unconfirmed(item, table) {
  if (item.status !== "unconfirmed" && item.status !== "secondary") return "";
  const note = item.note ? rule(table, "notes", item.note) : "";
  return el("span", { class: "unconfirmed", title: note }, ` (${t("calculator.assess." + item.status)})`);
}

function grid(data) {
  const table = el("table", { class: "grid" }, el("caption", {}, t("calculator.assess.grid_caption")));
  const body = el("tbody");
  for (const line of data.lines) {
    body.append(el("tr", { "data-factor": line.factor },
      el("th", { scope: "row" }, rule("programs.fsw_grid_maxima", "rows", line.factor)),
      el("td", { class: "points" }, t("calculator.result.points_of", line)),
      el("td", {}, gridDetail(line))));
  }
  body.append(el("tr", { class: "subtotal" }, el("th", { scope: "row" }, t("calculator.result.section_total")), el("td", { class: "points", colspan: "2" }, t("calculator.assess.grid_total", data))));
  table.append(body);
  return table;
}

function programs(data, question) {
  const list = el("div", { class: "programs" });
  for (const [key, program] of Object.entries(data)) {
    // An unanswered requirement links to its question.
    const requirements = el("ul", {}, ...program.requirements.map((r) =>
      el("li", { "data-met": String(r.met), "data-check": r.check }, el("strong", {}, leadIn(mark(r.met))), " ", check(r, key, question),
        ...(r.met === null && r.field ? [" ", t("calculator.verdict.answer"), " ", ...askLinks([r.field], question)] : []))));
    list.append(el("section", { class: "program", "data-program": key, "data-eligible": eligibility(program.eligible) },
      el("h5", {}, labelled(t("assessment.program." + key), verdict(program.eligible))),
      requirements,
      program.grid ? grid(program.grid) : "",
      ...(program.notes || []).map((note) => el("p", { class: "hint", "data-note": note }, t("assessment.note." + note))),
      el("p", { class: "hint" }, source(program.source))));
  }
  return list;
}

function funds(data, asOf, question) {
  const lines = [];
  if (data.required != null) lines.push(el("li", {}, t("calculator.assess.funds_required", { size: data.family_size, amount: money(data.required) })));
  if (data.held != null) lines.push(el("li", {}, t("calculator.assess.funds_held", { amount: money(data.held) })));
  if (data.shortfall) lines.push(el("li", {}, t("calculator.assess.funds_shortfall", { amount: money(data.shortfall) })));
  lines.push(el("li", {}, fundsReason(data, asOf, question)));
  if (data.held == null && !data.exempt) lines.push(el("li", {}, t("calculator.verdict.answer"), " ", ...askLinks(["settlement_funds"], question)));
  return [el("ul", { "data-met": String(data.met) }, ...lines), el("p", { class: "hint" }, source(data.source))];
}

function fees(data) {
  const body = el("tbody");
  for (const line of data.lines) {
    const amount = line.amount === null ? t("assessment.fees.not_on_file")
      : t("calculator.assess.fees_line", { count: line.count, amount: money(line.amount) });
    body.append(el("tr", { "data-fee": line.id }, el("th", { scope: "row" }, feeName(line), unconfirmed(line, "fees.government")),
      el("td", {}, amount),
      el("td", { class: "points" }, line.subtotal === null ? "" : money(line.subtotal))));
  }
  const total = data.total ?? data.total_known;
  body.append(el("tr", { class: "subtotal" }, el("th", { scope: "row" }, t("calculator.assess.fees_total")), el("td", {}), el("td", { class: "points" }, money(total))));
  const parts = [el("table", { class: "fees" }, body)];
  if (!data.complete) parts.push(el("p", {}, t("calculator.assess.fees_incomplete")));
  const estimates = data.estimates?.items || [];
  if (estimates.length) {
    parts.push(el("p", { class: "estimates" }, t("calculator.assess.estimates")),
      el("ul", {}, ...estimates.map((item) => el("li", {}, labelled(rule("fees.estimates", "rows", item.id), `${money(item.low)}–${money(item.high)}`)))));
  }
  parts.push(el("p", { class: "hint" }, source(data.source)));
  return parts;
}

/** `question(field)`: the words of the form's question for a profile field. Each part goes
 * to its place in the report (`root` holds the [data-panel] slots). */
export function renderAssess(root, assess, question) {
  const slot = (name) => root.querySelector(`[data-panel="${name}"]`);
  slot("programs").replaceChildren(el("h4", {}, t("calculator.assess.programs")), programs(assess.programs, question));
  const money = [];
  if (assess.funds) money.push(el("h4", {}, t("calculator.assess.funds")), ...funds(assess.funds, assess.as_of, question));
  if (assess.fees) money.push(el("h4", {}, t("calculator.assess.fees")), ...fees(assess.fees));
  slot("money").replaceChildren(...money);
  const dates = assess.deadlines?.length
    ? [el("ul", { class: "deadlines" }, ...assess.deadlines.map((d) =>
      el("li", { "data-expired": String(Boolean(d.expired)), "data-field": d.field }, deadline(d, assess.as_of), unconfirmed(d, d.table))))]
    : [el("p", {}, t("calculator.assess.no_dates"))];
  slot("dates").replaceChildren(...dates);
  const notes = assess.warnings?.length
    ? [el("h3", {}, t("calculator.assess.warnings")), el("ul", {}, ...assess.warnings.map((w) => el("li", { "data-code": w.code }, warning(w))))]
    : [];
  slot("notes").replaceChildren(...notes);
}
