// Offline full-text search over the guide, in the page's edition. The build writes the
// edition's search-index.json (its language's stop words and one entry per page); this script
// fetches it from the same origin and ranks pages in the browser. `prepare` and `rank` are pure
// (tests run them under Node). No inline code and no eval: it runs under the site's strict CSP.
//
// A page matches when some of the words match, not only all of them ("how long is my ITA
// valid" finds the page about invitations): words too common to tell pages apart (the index's
// stop words) are left out, a word matches the same word or the start of a longer one
// ("invitation" finds "invitations"), accents and case do not count ("equivalence" finds
// "équivalence"). Pages that match more of the words come first; then rarer words, and words in
// titles and headings, count for more.
import { el } from "./lib/dom.js";
import { getJson } from "./lib/fetch.js";
import { t } from "./lib/i18n.js";

const WEIGHTS = { title: 10, headings: 5, summary: 3, text: 1 };
const PREFIX_WEIGHT = 0.5; // a word that only starts with the query's word ("valid" in "validity")
const SATURATION = 4; // repeats of a word count less and less
const SNIPPET = 90; // characters of context either side of the first match

/** Lower case without accents: "Équivalence" -> "equivalence". Same length as the text when
 * the text is composed (NFC), so a match found in the folded text marks the original. */
export const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const wordsOf = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The words of a query that a search looks for: without stop words (unless there is nothing else). */
export function queryTerms(query, stopWords) {
  const words = [...new Set(wordsOf(query))];
  const useful = words.filter((w) => !stopWords.has(w) && (w.length > 1 || /\d/.test(w)));
  return useful.length ? useful : words.filter((w) => w.length > 1);
}

/** Each page with, per field, how often each word occurs. */
export function prepare(index) {
  return {
    stopWords: new Set(index.stop_words),
    pages: index.pages.map((entry) => {
      const fields = {};
      for (const field in WEIGHTS) {
        const counts = new Map();
        const text = field === "headings" ? entry.headings.join(" ") : entry[field];
        for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
        fields[field] = counts;
      }
      return { entry, fields, folded: fold(entry.text) };
    }),
  };
}

/** How much a page holds `term`, its fields weighted. */
function weight(page, term) {
  let total = 0;
  for (const field in WEIGHTS) {
    let found = 0;
    for (const [word, count] of page.fields[field]) {
      if (word === term) found += count;
      else if (term.length >= 3 && word.startsWith(term)) found += PREFIX_WEIGHT * count;
    }
    total += WEIGHTS[field] * found;
  }
  return total;
}

/** Pages matching some of `terms`, best first: [{page, score, matched: [terms, rarest first]}]. */
export function rank(prepared, terms) {
  const { pages } = prepared;
  const weights = pages.map((page) => terms.map((term) => weight(page, term)));
  // A word found on few pages tells more than one found on most (inverse document frequency).
  const rarity = terms.map((_, i) => Math.log(1 + pages.length / (weights.filter((w) => w[i] > 0).length || 1)));
  const hits = [];
  const byRarity = terms.map((_, i) => i).sort((a, b) => rarity[b] - rarity[a]);
  pages.forEach((page, p) => {
    const matched = byRarity.filter((i) => weights[p][i] > 0).map((i) => terms[i]);
    if (!matched.length) return;
    const score = terms.reduce((sum, _, i) => sum + rarity[i] * (weights[p][i] / (weights[p][i] + SATURATION)), 0);
    hits.push({ page, score, matched });
  });
  return hits.sort((a, b) => b.matched.length - a.matched.length || b.score - a.score);
}

// A piece of the page's text around the first match of its rarest matched word, the matched
// words marked where a word starts with them.
function snippet(page, matched) {
  const text = page.entry.text;
  const folded = page.folded;
  const p = el("p");
  const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const starting = (words) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join("|")})`, "gu");
  const pattern = starting(matched);
  const first = matched.map((w) => folded.search(starting([w]))).find((at) => at !== -1) ?? -1;
  if (first === -1 || folded.length !== text.length) {
    p.textContent = page.entry.summary;
    return p;
  }
  const start = Math.max(0, first - SNIPPET);
  const end = Math.min(text.length, first + SNIPPET);
  const piece = text.slice(start, end);
  let last = 0;
  p.append(start > 0 ? "… " : "");
  for (const match of folded.slice(start, end).matchAll(pattern)) {
    p.append(piece.slice(last, match.index));
    p.append(el("mark", {}, piece.slice(match.index, match.index + match[0].length)));
    last = match.index + match[0].length;
  }
  p.append(piece.slice(last), end < text.length ? " …" : "");
  return p;
}

function mount(status, list, input) {
  let prepared = null;

  function show(query) {
    list.replaceChildren();
    const terms = queryTerms(query, prepared.stopWords);
    if (!terms.length) {
      status.textContent = t("site.search_prompt");
      return;
    }
    const hits = rank(prepared, terms);
    status.textContent = hits.length === 0 ? t("site.search_none") : t("site.search_count", { count: hits.length });
    for (const { page, matched } of hits) {
      list.append(el("li", {}, el("a", { href: page.entry.url }, page.entry.title), snippet(page, matched)));
    }
  }

  function update() {
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    show(input.value);
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = t("site.search_loading");
  getJson(status.dataset.index)
    .then((index) => {
      prepared = prepare(index);
      show(input.value);
      input.addEventListener("input", update);
      input.form.addEventListener("submit", (event) => { event.preventDefault(); update(); });
    })
    .catch(() => { status.textContent = t("site.search_failed"); });
}

if (typeof document !== "undefined") {
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const input = document.getElementById("search-q");
  if (status && list && input) mount(status, list, input);
}
