// The NOC finder: offline search of NOC 2021 unit groups by code, title words or example job
// titles. `prepare` and `search` are pure (tests run them under Node); the rest wires the page
// #noc-finder when there is one. No inline code, no eval: it runs under the site's strict CSP.

import { el } from "./lib/dom.js";
import { getJson } from "./lib/fetch.js";
import { date } from "./lib/format.js";
import { labelled, leadIn, semicolons, t } from "./lib/i18n.js";

const RESULT_LIMIT = 25;
const EXAMPLES_SHOWN = 8;

/** Lower case, accents and punctuation gone, single spaces: "Électricien(ne)s" -> "electricien ne s". */
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The search structure from the two data files: `index` = {groups: [[code, title, teer,
 * illustrative examples]]}, `examples` = {examples: [[other examples], ...]} in the same order
 * (or null while it loads); in French, also `english`: [[English title and examples], ...], so
 * a job known by its English name is found too.
 */
export function prepare(index, examples = null) {
  return index.groups.map(([code, title, teer, shown], i) => {
    const all = examples ? shown.concat(examples.examples[i], examples.english?.[i] ?? []) : shown;
    return {
      code,
      title,
      teer,
      shown,
      examples: all,
      foldedTitle: fold(title),
      titleWords: fold(title).split(" "),
      foldedExamples: all.map(fold),
    };
  });
}

const startsWord = (words, term) => words.some((w) => w.startsWith(term));
const hasPhrase = (folded, phrase) => (" " + folded + " ").includes(" " + phrase);

/**
 * Unit groups matching `query`, best first: [{group, score, matched}], `matched` being the
 * example title that matched (or null when the code or title did).
 * A query of digits matches codes that start with it. Words match the start of words in the
 * title or in one example title ("nurse" finds "nurses"); every word must match.
 */
export function search(groups, query) {
  const q = fold(query);
  if (!q) return [];
  if (/^\d+$/.test(q)) {
    return groups
      .filter((g) => g.code.startsWith(q))
      .map((g) => ({ group: g, score: g.code === q ? 2 : 1, matched: null }));
  }
  const terms = q.split(" ");
  const hits = [];
  for (const g of groups) {
    let titleScore = 0;
    if (g.foldedTitle === q) titleScore = 120;
    else if (hasPhrase(g.foldedTitle, q)) titleScore = 70;
    else if (terms.every((term) => startsWord(g.titleWords, term))) titleScore = 50;
    let best = 0;
    let bestExample = null;
    let matching = 0;
    for (let i = 0; i < g.foldedExamples.length; i++) {
      const example = g.foldedExamples[i];
      let s = 0;
      if (example === q) s = 100;
      else if (hasPhrase(example, q)) s = 60;
      else if (terms.every((term) => startsWord(example.split(" "), term))) s = 40;
      if (s) matching++;
      if (s > best) {
        best = s;
        bestExample = g.examples[i];
      }
    }
    const score = Math.max(titleScore, best);
    if (!score) continue;
    // Name the matching job title when it explains the hit and is not already on show.
    const matched = best >= titleScore && !g.shown.includes(bestExample) ? bestExample : null;
    // Many matching job titles make a unit group the likelier answer ("nurse": 31301).
    hits.push({ group: g, score: score + Math.min(matching, 20), matched });
  }
  return hits.sort((a, b) => b.score - a.score || a.group.code.localeCompare(b.group.code));
}

// ---------------------------------------------------------------------------------------------
// The page.

function mount(root) {
  const input = root.querySelector("#noc-q");
  const status = root.querySelector("#noc-status");
  const list = root.querySelector("#noc-results");
  let groups = null;
  let categories = null;

  function renderGroup({ group, matched }) {
    const item = el("li", { class: "noc-result", id: "noc-" + group.code },
      el("h2", { class: "noc-heading" }, el("span", { class: "noc-code" }, group.code), " ",
        el("span", { class: "noc-title" }, group.title), " ",
        el("span", { class: `teer-badge teer-${group.teer}` }, t("noc.teer_badge", { teer: group.teer }))));
    if (matched) item.append(el("p", { class: "noc-matched" }, el("strong", {}, leadIn(t("noc.matched"))), " ", matched));
    item.append(
      el("p", { class: "noc-examples" }, el("strong", {}, leadIn(t("noc.examples"))), " ", semicolons(group.shown.slice(0, EXAMPLES_SHOWN))),
      el("p", { class: "noc-programs" }, t("noc.teer_programs." + group.teer)));
    const keys = categories?.codes[group.code] ?? [];
    if (keys.length) {
      const ul = el("ul");
      for (const key of keys) {
        const c = categories.categories[key];
        let rule = c.caf_job_offer ? t("noc.category_caf") : t("noc.category_months", { months: c.months, within: c.within_months });
        if (c.in_canada) rule += " " + t("noc.category_in_canada");
        ul.append(el("li", {}, labelled(t("rounds.type." + key), rule)));
      }
      item.append(el("div", { class: "noc-categories" }, el("p", {}, t("noc.categories", { date: date(categories.as_of) })), ul));
    }
    item.append(el("button", { class: "noc-use", type: "button", "data-code": group.code }, t("noc.use_code")));
    return item;
  }

  // A query is as long as the field allows (its maxlength), even from an address's ?q=.
  const bounded = (text) => text.slice(0, input.maxLength > 0 ? input.maxLength : text.length);

  function run() {
    const query = bounded(input.value).trim();
    list.replaceChildren();
    if (!groups) return;
    if (fold(query).length < 2 && !/^\d$/.test(query)) {
      status.textContent = t("noc.prompt");
      return;
    }
    const hits = search(groups, query);
    if (!hits.length) status.textContent = t("noc.none", { query });
    else if (hits.length > RESULT_LIMIT) status.textContent = t("noc.count_capped", { count: hits.length, shown: RESULT_LIMIT });
    else status.textContent = t("noc.count", { count: hits.length });
    list.append(...hits.slice(0, RESULT_LIMIT).map(renderGroup));
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button.noc-use");
    if (!button) return;
    const code = button.dataset.code;
    if (!navigator.clipboard) return; // only on https or localhost
    navigator.clipboard.writeText(code).then(() => { status.textContent = t("noc.copied", { code }); }, () => {});
  });

  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", bounded(input.value).trim());
    history.replaceState(null, "", url);
    run();
  });
  input.addEventListener("input", run);
  input.value = bounded(new URLSearchParams(location.search).get("q") ?? "");

  status.textContent = t("noc.loading");
  const index = getJson(root.dataset.index);
  getJson(root.dataset.categories).then((data) => { categories = data; run(); }, () => {});
  index
    .then((data) => {
      groups = prepare(data);
      root.dataset.ready = "index";
      run();
      // Every example title, for deeper searches; the first results do not wait for it.
      return getJson(root.dataset.examples).then((examples) => {
        groups = prepare(data, examples);
        root.dataset.ready = "all";
        run();
      });
    })
    .catch(() => {
      if (!groups) status.textContent = t("noc.load_failed");
    });
}

if (typeof document !== "undefined") {
  const root = document.getElementById("noc-finder");
  if (root) mount(root);
}
