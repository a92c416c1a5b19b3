// Reference letters that match the NOC: for each job of the work history with a NOC code, the
// occupation's lead statement and main duties (Statistics Canada's NOC 2021, one small file
// per occupation, loaded only for the codes entered), what the letter must contain, a structure
// to give the employer, and the warning IRCC's officers act on (duties copied word for word).
import { el } from "../lib/dom.js";
import { getJson } from "../lib/fetch.js";
import { t } from "../lib/i18n.js";

const CONTAINS = ["letterhead", "signer", "dates", "title", "hours", "salary", "duties"];
const TEMPLATE = ["intro", "line_employee", "line_hours", "line_duties", "line_duty", "line_duty", "line_contact", "signature"];
const loaded = new Map(); // code -> promise of its description

function describe(base, code) {
  if (!loaded.has(code)) loaded.set(code, getJson(`${base}${code}.json`).catch((error) => { loaded.delete(code); throw error; }));
  return loaded.get(code);
}

function occupation(node, data) {
  const duties = data.duties.map((duty) => el("li", {}, duty));
  node.replaceChildren(
    el("h5", {}, t("planner.letters.lead_statement")), el("p", { class: "lead-statement" }, data.lead),
    el("h5", {}, t(data.ordered ? "planner.letters.duties" : "planner.letters.duties_unordered")),
    data.ordered ? el("ol", { class: "duties" }, ...duties) : el("ul", { class: "duties" }, ...duties));
}

function letterFor(base, job, index) {
  const about = el("div", { class: "occupation", "aria-live": "polite" }, el("p", {}, t("planner.letters.loading")));
  describe(base, job.noc).then((data) => occupation(about, data),
    () => about.replaceChildren(el("p", {}, t("planner.letters.failed", { noc: job.noc }))));
  return el("article", { class: "letter", "data-job": String(index), "data-noc": job.noc },
    el("h4", {}, t("planner.documents.job_noc", { job: index + 1, noc: job.noc })),
    about);
}

/** Fill #letters from the profile's jobs; `base` is the address of the occupations' files. */
export function renderLetters(node, profile, base) {
  const jobs = (profile.work_history ?? []).map((job, index) => ({ job, index })).filter(({ job }) => job.noc);
  if (!jobs.length) {
    node.replaceChildren(el("p", {}, t("planner.letters.none")));
    return;
  }
  node.replaceChildren(
    el("p", {}, t("planner.letters.intro")),
    el("p", { class: "warning", role: "note" }, el("strong", {}, t("planner.letters.warning"))),
    ...jobs.map(({ job, index }) => letterFor(base, job, index)),
    el("h4", {}, t("planner.letters.must_contain")),
    el("ul", { class: "letter-contains" }, ...CONTAINS.map((key) => el("li", {}, t("planner.letters.contains." + key)))),
    el("h4", {}, t("planner.letters.structure")),
    el("div", { class: "letter-template" }, el("p", {}, el("strong", {}, t("planner.letters.template.title"))),
      ...TEMPLATE.map((key) => el("p", {}, t("planner.letters.template." + key)))),
    el("p", { class: "hint" }, t("planner.letters.source")));
}
