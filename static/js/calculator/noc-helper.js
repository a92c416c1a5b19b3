// The calculator's occupation helper: a NOC search under the work history that fills the code
// of a job. The index (data/noc-index.json, then noc-examples.json) loads only when the helper
// is first opened. The search itself is the NOC finder page's.
import { prepare, search } from "../noc-finder.js";
import { el } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { dataFile } from "./noc-index.js";

const SHOWN = 8;
const NOC_INPUT = /^work_history\.\d+\.noc$/;

export function mountNocHelper(workHistory) {
  const input = el("input", { id: "noc-helper-q", type: "search", autocomplete: "off", spellcheck: "false" });
  const status = el("p", { class: "noc-status", role: "status", "aria-live": "polite" });
  const list = el("ol", { class: "noc-helper-results" });
  const helper = el("details", { class: "noc-helper", id: "noc-helper" },
    el("summary", {}, t("noc.helper.open")),
    el("p", {}, t("noc.helper.intro")),
    el("label", { for: "noc-helper-q" }, t("noc.label")), input, status, list);
  const addJob = workHistory.querySelector("#add-job");
  workHistory.insertBefore(helper, addJob ? addJob.nextSibling : null);

  let groups = null;
  let target = null; // the NOC field of the job last focused
  workHistory.addEventListener("focusin", (event) => {
    if (NOC_INPUT.test(event.target.name ?? "")) target = event.target;
  });

  function run() {
    list.replaceChildren();
    if (!groups) return;
    const hits = input.value.trim().length >= 2 ? search(groups, input.value) : [];
    status.textContent = input.value.trim().length < 2 ? t("noc.prompt")
      : hits.length ? t("noc.count", { count: hits.length })
      : t("noc.none", { query: input.value.trim() });
    for (const { group, matched } of hits.slice(0, SHOWN)) {
      const use = el("button", { type: "button", "data-code": group.code }, t("noc.helper.use", { code: group.code }));
      list.append(el("li", { "data-code": group.code },
        el("strong", {}, `${group.code} ${group.title}`), ` (${t("noc.teer_badge", { teer: group.teer })})`,
        matched ? ` — ${matched}` : "", " ", use));
    }
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-code]");
    if (!button) return;
    const fields = [...workHistory.querySelectorAll("input")].filter((i) => NOC_INPUT.test(i.name));
    const field = target && target.isConnected ? target : fields.at(-1);
    if (!field) {
      status.textContent = t("noc.helper.no_job");
      return;
    }
    field.value = button.dataset.code;
    // The calculator listens to input events on its form.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
  });
  input.addEventListener("input", run);

  helper.addEventListener("toggle", () => {
    if (!helper.open || helper.dataset.ready) return;
    helper.dataset.ready = "loading";
    status.textContent = t("noc.loading");
    dataFile("noc-index.json")
      .then((index) => {
        groups = prepare(index);
        helper.dataset.ready = "index";
        run();
        return dataFile("noc-examples.json").then((examples) => {
          groups = prepare(index, examples);
          helper.dataset.ready = "all";
          run();
        });
      })
      .catch(() => { if (!groups) status.textContent = t("noc.load_failed"); });
  });
}
