// The "Routes for French speakers" section: engine.french_routes' answer, one block per route in
// force, with what the calculator could check and what it could not. The verdicts are the
// engine's; this only words them.
import { el } from "../lib/dom.js";
import { date } from "../lib/format.js";
import { rule, t } from "../lib/i18n.js";

const TABLE = "french_routes.routes";

function checkText(c) {
  const abilities = t("french_routes.abilities." + (c.abilities ?? "all"));
  if (c.code === "french" || c.code === "english") {
    const key = `french_routes.check.${c.code}${c.lowest === null ? "_none" : ""}`;
    return t(key, { required: c.required, abilities, lowest: c.lowest });
  }
  if (c.code === "education") return t("french_routes.check.education", { required: t("calculator.option.education." + c.required) });
  if (c.code === "job_offer") return t("french_routes.check.job_offer." + c.kind);
  return t("french_routes.check." + c.code);
}

export function renderFrenchRoutes(section, result) {
  section.replaceChildren();
  if (!result) return;
  section.append(el("p", {}, t("french_routes.intro", { date: date(result.as_of) })));
  for (const route of result.routes) {
    const checks = el("ul");
    for (const c of route.checks) {
      checks.append(el("li", { "data-met": String(c.met) }, checkText(c), " (", t("french_routes.met." + String(c.met)), ")"));
    }
    const notes = [rule(TABLE, "changes", route.changes)];
    if (route.note) notes.push(rule(TABLE, "notes", route.note));
    section.append(el("div", { class: "french-route", "data-route": route.key, "data-fits": route.fits },
      el("h4", {}, rule(TABLE, "rows", route.key)),
      el("p", {}, el("strong", {}, t("french_routes." + route.fits)), " ", t("french_routes.leads_to." + route.leads_to)),
      checks,
      el("p", { class: "rule-status" }, notes.join(" "), " ",
        el("a", { href: route.source, rel: "external noopener" }, t("french_routes.source")))));
  }
  const guide = section.dataset.guidePage;
  if (guide) section.append(el("p", {}, el("a", { href: guide }, t("french_routes.guide"))));
}
