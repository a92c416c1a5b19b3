// Offline full-text search over the guide. The build writes search-index.json (one entry per
// page); this script fetches it from the same origin and ranks pages in the browser.
// No inline code and no eval, so it runs under the site's strict Content Security Policy.
import { el } from "./lib/dom.js";
import { getJson } from "./lib/fetch.js";
import { t } from "./lib/i18n.js";

const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const input = document.getElementById("search-q");
if (status && list && input) mount();

function mount() {
  const WEIGHTS = { title: 10, headings: 5, summary: 3, text: 1 };
  const SNIPPET = 90; // characters of context either side of the first match

  // Lower case without accents, so "equivalence" finds "équivalence".
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const terms = (query) => fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);

  let index = null;

  function load() {
    status.textContent = t("site.search_loading");
    return getJson(status.dataset.index)
      .then((entries) => {
        index = entries.map((e) => ({
          entry: e,
          title: fold(e.title),
          headings: fold(e.headings.join(" ")),
          summary: fold(e.summary),
          text: fold(e.text),
        }));
      });
  }

  function count(haystack, needle) {
    let n = 0;
    for (let i = haystack.indexOf(needle); i !== -1 && n < 20; i = haystack.indexOf(needle, i + needle.length)) n++;
    return n;
  }

  function rank(words) {
    const hits = [];
    for (const doc of index) {
      let score = 0;
      let all = true;
      for (const word of words) {
        let wordScore = 0;
        for (const field in WEIGHTS) wordScore += WEIGHTS[field] * count(doc[field], word);
        if (wordScore === 0) { all = false; break; }
        score += wordScore;
      }
      if (all) hits.push({ doc, score });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  // A piece of the page's text around the first match, with the matched words marked.
  function snippet(doc, words) {
    const text = doc.entry.text;
    const folded = doc.text; // same length as text: folding removes only combining marks
    let at = -1;
    for (const word of words) {
      at = folded.indexOf(word);
      if (at !== -1) break;
    }
    const p = el("p");
    if (at === -1 || folded.length !== text.length) {
      p.textContent = doc.entry.summary;
      return p;
    }
    const start = Math.max(0, at - SNIPPET);
    const end = Math.min(text.length, at + SNIPPET);
    const piece = text.slice(start, end);
    const foldedPiece = folded.slice(start, end);
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    let last = 0;
    p.append(start > 0 ? "… " : "");
    for (const match of foldedPiece.matchAll(pattern)) {
      p.append(piece.slice(last, match.index));
      p.append(el("mark", {}, piece.slice(match.index, match.index + match[0].length)));
      last = match.index + match[0].length;
    }
    p.append(piece.slice(last), end < text.length ? " …" : "");
    return p;
  }

  function show(query) {
    list.replaceChildren();
    const words = terms(query);
    if (!words.length) {
      status.textContent = t("site.search_prompt");
      return;
    }
    const hits = rank(words);
    status.textContent = hits.length === 0 ? t("site.search_none") : t("site.search_count", { count: hits.length });
    for (const { doc } of hits) {
      list.append(el("li", {}, el("a", { href: doc.entry.url }, doc.entry.title), snippet(doc, words)));
    }
  }

  function update() {
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    show(input.value);
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  load()
    .then(() => {
      show(input.value);
      input.addEventListener("input", update);
      input.form.addEventListener("submit", (event) => { event.preventDefault(); update(); });
    })
    .catch(() => { status.textContent = t("site.search_failed"); });
}
