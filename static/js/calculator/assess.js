// engine.assess, shown: each program's verdict and requirements (with the FSW grid), proof
// of funds, government fees, deadlines. Figures the sources could not confirm say so.
import { el } from "../lib/dom.js";
import { money as cad } from "../lib/format.js";
import { t } from "../lib/i18n.js";

function verdict(eligible) {
  return t(eligible === true ? "calculator.assess.eligible" : eligible === false ? "calculator.assess.not_eligible" : "calculator.assess.unknown");
}

function mark(met) {
  return t(met === true ? "calculator.assess.met" : met === false ? "calculator.assess.not_met" : "calculator.assess.unanswered");
}

function source(url) {
  return url ? el("a", { href: url, rel: "external noopener" }, t("calculator.assess.source")) : "";
}

function unconfirmed(item) {
  return item.status === "unconfirmed" ? el("span", { class: "unconfirmed", title: item.note || "" }, ` (${t("calculator.assess.unconfirmed")})`) : "";
}

function grid(data) {
  const table = el("table", { class: "grid" }, el("caption", {}, t("calculator.assess.grid_caption")));
  const body = el("tbody");
  for (const line of data.lines) {
    body.append(el("tr", {}, el("th", { scope: "row" }, line.label), el("td", { class: "points" }, t("calculator.result.points_of", line)), el("td", {}, line.detail)));
  }
  body.append(el("tr", { class: "subtotal" }, el("th", { scope: "row" }, t("calculator.result.section_total")), el("td", { class: "points", colspan: "2" }, t("calculator.assess.grid_total", data))));
  table.append(body);
  return table;
}

function programs(data) {
  const list = el("div", { class: "programs" });
  for (const [key, program] of Object.entries(data)) {
    const verdictText = verdict(program.eligible);
    const requirements = el("ul", {}, ...program.requirements.map((r) =>
      el("li", { "data-met": String(r.met) }, el("strong", {}, mark(r.met) + ": "), r.message)));
    list.append(el("section", { class: "program", "data-program": key, "data-eligible": String(program.eligible) },
      el("h4", {}, `${program.name}: ${verdictText}`),
      requirements,
      program.grid ? grid(program.grid) : "",
      ...(program.notes || []).map((note) => el("p", { class: "hint" }, note)),
      el("p", { class: "hint" }, source(program.source))));
  }
  return list;
}

function funds(data) {
  const lines = [];
  if (data.required != null) lines.push(el("li", {}, t("calculator.assess.funds_required", { size: data.family_size, amount: cad(data.required) })));
  if (data.held != null) lines.push(el("li", {}, t("calculator.assess.funds_held", { amount: cad(data.held) })));
  if (data.shortfall) lines.push(el("li", {}, t("calculator.assess.funds_shortfall", { amount: cad(data.shortfall) })));
  if (data.exempt_reason) lines.push(el("li", {}, data.exempt_reason));
  if (data.message) lines.push(el("li", {}, data.message));
  return [el("ul", { "data-met": String(data.met) }, ...lines), el("p", { class: "hint" }, source(data.source))];
}

function fees(data) {
  const body = el("tbody");
  for (const line of data.lines) {
    body.append(el("tr", {}, el("th", { scope: "row" }, line.label, unconfirmed(line)),
      el("td", {}, t("calculator.assess.fees_line", { count: line.count, amount: cad(line.amount) })),
      el("td", { class: "points" }, cad(line.subtotal))));
  }
  const total = data.total ?? data.total_known;
  body.append(el("tr", { class: "subtotal" }, el("th", { scope: "row" }, t("calculator.assess.fees_total")), el("td", {}), el("td", { class: "points" }, cad(total))));
  const parts = [el("table", { class: "fees" }, body)];
  if (!data.complete) parts.push(el("p", {}, t("calculator.assess.fees_incomplete")));
  const estimates = data.estimates?.items || [];
  if (estimates.length) {
    parts.push(el("p", {}, t("calculator.assess.estimates")),
      el("ul", {}, ...estimates.map((item) => el("li", {}, `${item.label}: ${cad(item.low)}–${cad(item.high)}`))));
  }
  parts.push(el("p", { class: "hint" }, source(data.source)));
  return parts;
}

export function renderAssess(root, assess) {
  const box = root.querySelector("#assess-result");
  const parts = [el("h3", {}, t("calculator.assess.programs")), programs(assess.programs)];
  if (assess.funds) parts.push(el("h3", {}, t("calculator.assess.funds")), ...funds(assess.funds));
  if (assess.fees) parts.push(el("h3", {}, t("calculator.assess.fees")), ...fees(assess.fees));
  if (assess.deadlines?.length) {
    parts.push(el("h3", {}, t("calculator.assess.deadlines")),
      el("ul", { class: "deadlines" }, ...assess.deadlines.map((d) => el("li", { "data-expired": String(Boolean(d.expired)) }, d.message, unconfirmed(d)))));
  }
  if (assess.warnings?.length) {
    parts.push(el("h3", {}, t("calculator.assess.warnings")), el("ul", {}, ...assess.warnings.map((w) => el("li", { "data-code": w.code }, w.message))));
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}
