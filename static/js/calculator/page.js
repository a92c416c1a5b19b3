// The calculator page: wires the form, the engine worker, the score bar, the report, the saved
// answers, shared links, scenarios and the calendar file.
import { el } from "../lib/dom.js";
import { date, list } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import {
  addItem, addJob, applicableAnswers, applyVisibility, buildProfile, cleanAnswers, formPath, givenAnswers, goTo, inputFor,
  jobCount, LANGUAGES, openAnswered, questionOf, readAnswers, removeItem, removeJob, showErrors, writeAnswers,
} from "./form.js";
import { showLevels } from "./levels.js";
import { renderScore, clearScore } from "./result.js";
import { renderAssess } from "./assess.js";
import { renderPanels } from "./panels.js";
import { hideAnswer, showAnswer, showTotal } from "./answer.js";
import { showExpired } from "./expiry-note.js";
import { EngineClient } from "./engine-client.js";
import { bootProgress } from "./boot-progress.js";
import { refusal } from "./words.js";
import { mountScenarios } from "./scenarios.js";
import { mountCalendar } from "./calendar.js";
import { forgetTypedYears, showWorkYears } from "./work-years.js";
import { renderPlanning } from "./planning.js";
import * as state from "./state.js";

const html = document.documentElement;
const form = document.getElementById("calculator-form");
const result = document.getElementById("result");
const message = document.getElementById("result-message");
const bar = document.getElementById("score-bar");
const barState = document.getElementById("score-state");
const details = document.getElementById("report-details");

/** The visitor's own date (not UTC's), as YYYY-MM-DD. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// "Calculate as of" is empty by default (today): a date the person sets, today's included, is kept.
const defaults = readAnswers(form);
let lastProfile = null;
let lastJobs = [];
let lastSent = null; // the profile of the question in flight or answered, as JSON
let lastScore = null;
// The bar says "Updating…" only when an answer takes longer than this.
const BUSY_AFTER_MS = 300;
let busyTimer = null;

function setState(name, text, barText) {
  clearTimeout(busyTimer);
  if (name !== "ready") {
    engine.cancel();
    lastSent = null;
    result.removeAttribute("aria-busy");
  }
  result.dataset.state = name;
  bar.dataset.state = name;
  if (message.textContent !== text) message.textContent = text;
  if (barState.textContent !== barText) barState.textContent = barText;
}

const stale = (label) => setState("stale", t("calculator.error.summary", { label }) + " " + t("calculator.result.stale"), t("calculator.bar.stale"));

let answersKept = true;
let adopting = false; // answers another tab saved are being put in the form: not written back

/** Keep the answers in this browser; when it refuses (storage full or turned off), say at once
 * that they last only for this visit, where the page says they are kept. */
function saveAnswers() {
  if (adopting) return;
  const kept = state.save(readAnswers(form), defaults);
  if (kept === answersKept) return;
  answersKept = kept;
  document.getElementById("answers-kept").textContent = t(kept ? "calculator.answers.saved" : "calculator.answers.not_kept");
  if (!kept) say(t("calculator.answers.not_kept"));
}

/** The form changed: the question goes to the engine first, then what only shows or keeps the
 * answers (levels beside the scores, the answers saved), so a new total waits for none of it. */
function update() {
  applyVisibility(form);
  ask();
  for (const path of LANGUAGES) showLevels(form, path);
  saveAnswers();
}

function ask() {
  const jobs = jobCount(form);
  document.getElementById("add-job-limit").hidden = jobs.count < jobs.max;
  const built = buildProfile(form, today());
  if (built.errors) {
    showErrors(form, built.errors);
    return stale(built.errors[0].label);
  }
  showErrors(form, []);
  if (built.incomplete) {
    showPartial([]);
    clearScore(result);
    hideAnswer();
    details.hidden = true;
    delete result.dataset.details;
    return setState("incomplete", t("calculator.result.incomplete"), t("calculator.bar.waiting", { count: built.incomplete }));
  }
  lastProfile = built.profile;
  lastJobs = built.jobs;
  showPartial(built.partial);
  if (!engine.ready) {
    return engine.failed ? setState("error", "", t("calculator.bar.error")) : setState("pending", t("calculator.result.pending"), t("calculator.bar.pending"));
  }
  const question = JSON.stringify(built.profile);
  if (question === lastSent) return; // nothing changed (a key that typed nothing)
  lastSent = question;
  // Busy until the answer to this very question arrives (earlier answers are ignored). The bar
  // says so only if the answer is slow: a total takes milliseconds, and words that change at
  // every key would redraw the bar before each new total.
  result.setAttribute("aria-busy", "true");
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => { barState.textContent = t("calculator.bar.busy"); }, BUSY_AFTER_MS);
  delete result.dataset.details;
  engine.calculate(built.profile);
}

/** A test half typed is left out of the total until it is whole: the total stays in view, marked
 * as not including it (`data-partial` names the questions left out). */
function showPartial(paths) {
  const note = document.getElementById("score-partial");
  const text = paths.length ? t("calculator.bar.partial", { question: list(paths.map((path) => questionOf(form, path))) }) : "";
  if (note.textContent !== text) note.textContent = text;
  note.hidden = !paths.length;
  if (paths.length) bar.dataset.partial = paths.join(" ");
  else delete bar.dataset.partial;
}

/** An answer the engine refused: the error at its field, the last result kept but out of date;
 * anything else the engine raised is a bug, reported as such. */
function refused(answer) {
  const input = answer.code ? inputFor(form, formPath(answer.field, lastJobs)) : null;
  if (input) {
    showErrors(form, [{ input, message: refusal(answer) }]);
    return stale(questionOf(form, input.name));
  }
  console.error(answer.bug); // for the report the message asks for
  return setState("stale", t("calculator.error.engine_failed"), t("calculator.bar.stale"));
}

function onResult(answer) {
  result.removeAttribute("aria-busy");
  if (!answer.ok) return refused(answer);
  lastScore = answer.value;
  renderScore(result, lastProfile, lastScore);
  showTotal(lastScore);
  showExpired(form, lastScore.warnings);
  const restored = showWorkYears(form, lastScore.work_years);
  setState("ready", "", t("calculator.bar.ready"));
  if (restored) update(); // the typed years are back: the score follows them
  scenarios.scored(readAnswers(form), lastScore);
}

function onDetails(answer) {
  if (!answer.ok) return refused(answer);
  const question = (field) => questionOf(form, field);
  renderAssess(details, answer.value.assess, question);
  renderPanels(details, { ...answer.value, crs: lastScore, profile: lastProfile }, question);
  showAnswer(answer.value, question);
  calendar.show(answer.value.assess, renderPlanning(details, { ...answer.value, crs: lastScore, profile: lastProfile }));
  details.hidden = false;
  result.dataset.details = "ready";
}

const stage = document.getElementById("engine-stage");
const progress = document.getElementById("engine-progress");
const boot = bootProgress(stage, progress, t);

const engine = new EngineClient({
  onProgress(payload) {
    // Marks in the page's timeline show where the boot's time goes (devtools, benchmark).
    const name = "engine-" + payload.stage;
    if (!performance.getEntriesByName(name).length) performance.mark(name, { startTime: payload.at - performance.timeOrigin });
    boot.progress(payload);
  },
  onReady({ at, python, stdlib }) {
    performance.mark("engine-ready", { startTime: at - performance.timeOrigin });
    html.dataset.python = python; // "restored" from this browser's snapshot, or "started"
    html.dataset.stdlib = stdlib; // "cut" (the usual), or "full" after a missing import
    html.dataset.engine = "ready";
    performance.mark("calculator-ready"); // when the page says so (benchmarks/bench_first_visit.py)
    boot.ready();
    stage.textContent = t("calculator.engine.ready");
    document.getElementById("engine-status").classList.add("is-ready");
    lastSent = null; // a worker started again has answered nothing yet: ask it again
    update();
  },
  onError(reason) {
    html.dataset.engine = "error";
    document.getElementById("engine-status").hidden = true;
    const box = document.getElementById("engine-error");
    box.textContent = t(reason === "timeout" ? "calculator.engine.timeout" : "calculator.engine.error");
    box.hidden = false;
    setState("error", "", t("calculator.bar.error"));
  },
  onResult,
  onDetails,
});

// --- what the page says about the answers ---------------------------------------------------

const notice = document.getElementById("answers-notice");
const offer = document.getElementById("link-offer");

/** Say `text`, with the answers that were left out (and why) listed under it. */
function say(text, { refused = [], unknown = 0, intro = "" } = {}) {
  document.getElementById("answers-notice-text").textContent = text;
  const items = refused.map((r) => el("li", { "data-name": r.name },
    r.value ? t("calculator.link.refused_item", { question: r.question, value: r.value }) : t("calculator.answers.dropped_item", { question: r.question })));
  if (unknown) items.push(el("li", {}, t("calculator.answers.unknown", { count: unknown })));
  const list = document.getElementById("answers-refused");
  list.replaceChildren(...items);
  list.hidden = !items.length;
  if (items.length && intro) document.getElementById("answers-notice-text").textContent = `${text} ${intro}`;
  offer.hidden = true;
  notice.hidden = false;
}

/** Put checked answers into the form (their sections opened) and score them. */
function apply(raw) {
  forgetTypedYears(form);
  const checked = cleanAnswers(form, raw);
  writeAnswers(form, checked.answers);
  openAnswered(form, defaults);
  update();
  return checked;
}

// --- shared links --------------------------------------------------------------------------

const isField = (name) => Boolean(form.elements.namedItem(name)) || /^(work_history|countries_lived)\.\d+\./.test(name);
let pendingLink = null;

/** Whether the link's answers would replace answers typed here (so the page asks first). */
function replacesTyped(raw) {
  const typed = state.meaningful(readAnswers(form), defaults);
  const names = new Set([...Object.keys(typed), ...Object.keys(raw)]);
  return Object.keys(typed).length > 0 && [...names].some((name) => (typed[name] ?? defaults[name] ?? "") !== (raw[name] ?? defaults[name] ?? ""));
}

function takeLink(raw) {
  state.forgetFragment();
  const checked = apply(raw);
  say(t("calculator.answers.restored"), { ...checked, intro: t("calculator.link.refused") });
}

function offerLink(raw) {
  if (!replacesTyped(raw)) return takeLink(raw);
  pendingLink = raw;
  say(t("calculator.link.offer"));
  offer.hidden = false;
  document.getElementById("link-accept").focus();
}

document.getElementById("link-accept").addEventListener("click", () => {
  if (pendingLink) takeLink(pendingLink);
  pendingLink = null;
});
document.getElementById("link-decline").addEventListener("click", () => {
  pendingLink = null;
  state.forgetFragment();
  say(t("calculator.link.declined"));
});

// A second link opened in this tab changes only the fragment: the page is not loaded again.
window.addEventListener("hashchange", () => {
  const raw = state.fromFragment(isField);
  if (raw) offerLink(raw);
});

// --- start: the answers saved in this browser, checked one by one; then a shared link ---------

function restore() {
  try {
    const stored = state.load();
    const checked = cleanAnswers(form, stored.value ?? {});
    writeAnswers(form, checked.answers);
    openAnswered(form, defaults);
    if (stored.unreadable) say(t("calculator.answers.unreadable"));
    else if (checked.refused.length || checked.unknown) say(t("calculator.answers.dropped"), checked);
  } catch (error) {
    // Anything unusable is dropped: the page starts with no answers rather than not at all.
    console.error("calculator: saved answers dropped:", error);
    state.clear();
    writeAnswers(form, {});
    say(t("calculator.answers.unreadable"));
  }
  const shared = state.fromFragment(isField);
  if (shared) offerLink(shared);
}

form.addEventListener("input", update);
form.addEventListener("change", update);
form.addEventListener("submit", (event) => event.preventDefault());
// Chromium fires no event for an impossible date typed into an empty date field (30 February):
// its keys and leaving the field say that its validity may have changed.
const dateTouched = (event) => { if (event.target.type === "date") update(); };
form.addEventListener("keyup", dateTouched);
form.addEventListener("focusout", dateTouched);

document.getElementById("add-job").addEventListener("click", () => {
  const job = addJob(form);
  if (job) job.querySelector("input, select").focus();
  update();
});
document.getElementById("add-stay").addEventListener("click", () => {
  const stay = addItem(form, "countries_lived");
  if (stay) stay.querySelector("select").focus();
  update();
});
form.addEventListener("click", (event) => {
  const stay = event.target.closest("[data-remove-stay]");
  if (stay) {
    removeItem(form, "countries_lived", stay.closest("[data-stay]"));
    document.getElementById("add-stay").focus();
    update();
    return;
  }
  const button = event.target.closest("[data-remove-job]");
  if (!button) return;
  removeJob(form, button.closest("[data-job]"));
  document.getElementById("add-job").focus(); // the focused button is gone
  update();
});

// Clearing asks first, and can be undone until the next change.
const clearConfirm = document.getElementById("clear-confirm");
const undoLine = document.getElementById("clear-undo-line");
let beforeClear = null;
document.getElementById("clear-answers").addEventListener("click", () => {
  clearConfirm.hidden = false;
  document.getElementById("clear-no").focus();
});
document.getElementById("clear-no").addEventListener("click", () => {
  clearConfirm.hidden = true;
  document.getElementById("clear-answers").focus();
});
document.getElementById("clear-yes").addEventListener("click", () => {
  beforeClear = readAnswers(form);
  clearConfirm.hidden = true;
  state.clear();
  writeAnswers(form, {});
  document.getElementById("share-link-field").hidden = true;
  notice.hidden = true;
  update();
  document.getElementById("answers-status").textContent = t("calculator.answers.cleared");
  undoLine.hidden = false;
  document.getElementById("clear-undo").focus();
});
document.getElementById("clear-undo").addEventListener("click", () => {
  if (beforeClear) apply(beforeClear);
  beforeClear = null;
  undoLine.hidden = true;
  document.getElementById("answers-status").textContent = t("calculator.clear.undone");
});
form.addEventListener("input", () => { beforeClear = null; undoLine.hidden = true; });

// A missing answer named in the report is a link to its question.
result.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-goto]");
  if (!link) return;
  event.preventDefault();
  goTo(form, link.dataset.goto);
});

document.getElementById("copy-link").addEventListener("click", async () => {
  const link = state.shareLink(applicableAnswers(form), defaults); // only the questions that apply
  const field = document.getElementById("share-link");
  field.value = link;
  document.getElementById("share-link-field").hidden = false;
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    field.select(); // the link is shown and selected: the person can copy it themselves
  }
  document.getElementById("answers-status").textContent = t(copied ? "calculator.answers.link_copied" : "calculator.answers.link_ready");
});

document.getElementById("print-report").addEventListener("click", () => window.print());
// A printed report says when it was printed and for which day's rules, opens every part and
// lists the answers given; the parts folded on screen fold again after.
let folded = [];
window.addEventListener("beforeprint", () => {
  document.getElementById("print-summary").textContent = lastScore && result.dataset.state === "ready"
    ? t("calculator.report.printed", { date: date(today()), as_of: date(lastScore.as_of) }) : "";
  folded = [...result.querySelectorAll(".report-part:not([open])")];
  for (const part of folded) part.open = true;
  const given = document.getElementById("answers-given");
  given.querySelector("dl").replaceChildren(...givenAnswers(form).flatMap(({ name, question, answer }) =>
    [el("dt", { "data-name": name }, question), el("dd", {}, answer)]));
  given.hidden = false;
});
window.addEventListener("afterprint", () => {
  for (const part of folded) part.open = false;
  folded = [];
});

const scenarios = mountScenarios({
  form,
  defaults,
  current: () => ({ answers: readAnswers(form), score: result.dataset.state === "ready" ? lastScore : null }),
  load: (answers) => apply(answers),
});
const calendar = mountCalendar();

restore();
update(); // saves the answers as restored: what was dropped is gone for good
// Another tab of this site changed the answers or the scenarios: take its change here, so a
// save in this tab never undoes it.
state.watch((which) => {
  if (which !== "scenarios") {
    const stored = state.load();
    if (!stored.unreadable) {
      adopting = true;
      try {
        apply(stored.value ?? {});
      } finally {
        adopting = false;
      }
    }
  }
  if (which !== "answers") scenarios.reload();
});
engine.start();
