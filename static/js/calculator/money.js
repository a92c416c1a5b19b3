// Money in the person's currency (engine.money): the funds and fees in Canadian dollars, in the
// currency the person typed at the rate they typed, and with the engine's margin; the rule on
// the average balance beside it. The engine converts; this only writes the numbers.
import { el } from "../lib/dom.js";
import { money as cad, number } from "../lib/format.js";
import { rule, t } from "../lib/i18n.js";

function lineName(line) {
  if (line.id === "fee_biometrics") return rule("documents.lead_times", "rows", "biometrics"); // the family's, capped
  if (line.id.startsWith("fee_")) return rule("fees.government", "rows", line.id.slice(4));
  if (line.id === "fees_total") return t(line.complete ? "planner.money.fees_total" : "planner.money.fees_partial");
  return t("planner.money." + line.id);
}

const amount = (value, currency) => (value === null ? "–" : `${number(value)} ${currency}`);

/** Fill #money-local from the engine's money answer. */
export function renderMoney(node, answer) {
  if (!answer.given) {
    node.replaceChildren(el("p", {}, t("planner.money.ask")), el("p", { class: "hint" }, t("planner.money.average", { months: answer.average_months })));
    return;
  }
  const currency = answer.currency;
  // One card per line (not a table of four columns): it fits a 360 px phone.
  const rows = answer.lines.map((line) => el("li", { "data-line": line.id },
    el("strong", {}, lineName(line)), el("br"),
    el("span", { "data-currency": currency }, line.cad === null ? "–" : line.id === "funds_held"
      ? t("planner.money.amount", { cad: cad(line.cad), local: amount(line.local, currency) })
      : t("planner.money.amounts", { cad: cad(line.cad), local: amount(line.local, currency), margin: amount(line.local_with_margin, currency) }))));
  const parts = [
    el("p", {}, t("planner.money.rate", { rate: number(answer.rate), currency })),
    el("ul", { class: "money-local", "aria-label": t("planner.money.caption", { currency }) }, ...rows),
    el("p", {}, t("planner.money.margin", { margin: answer.margin_percent })),
    el("p", { class: "average" }, t("planner.money.average", { months: answer.average_months })),
  ];
  if (answer.funds_exempt) parts.push(el("p", { class: "hint" }, t("planner.money.exempt")));
  node.replaceChildren(...parts);
}
