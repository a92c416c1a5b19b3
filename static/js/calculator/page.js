// The calculator page: wires the form, the engine worker, the result and the saved answers.
import { t } from "../lib/i18n.js";
import { addJob, applyVisibility, buildProfile, inputFor, questionOf, readAnswers, removeJob, showErrors, writeAnswers } from "./form.js";
import { renderScore } from "./result.js";
import { renderAssess } from "./assess.js";
import { renderPanels } from "./panels.js";
import { EngineClient } from "./engine-client.js";
import { bootProgress } from "./boot-progress.js";
import { refusal } from "./words.js";
import * as state from "./state.js";

const html = document.documentElement;
const form = document.getElementById("calculator-form");
const result = document.getElementById("result");
const message = document.getElementById("result-message");

/** The visitor's own date (not UTC's), as YYYY-MM-DD. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

form.elements.namedItem("as_of").defaultValue = today();
const defaults = readAnswers(form);
let lastProfile = null;

function setState(name, text) {
  if (name !== "ready") {
    engine.cancel();
    result.removeAttribute("aria-busy");
  }
  result.dataset.state = name;
  if (message.textContent !== text) message.textContent = text;
}

function update() {
  applyVisibility(form);
  state.save(readAnswers(form), defaults);
  const built = buildProfile(form, today());
  if (built.errors) {
    showErrors(form, built.errors);
    return setState("stale", t("calculator.error.summary", { label: built.errors[0].label }) + " " + t("calculator.result.stale"));
  }
  showErrors(form, []);
  if (built.incomplete) {
    document.getElementById("crs-total").textContent = "–";
    for (const id of ["crs-breakdown", "result-warnings", "assess-result", "result-panels"]) {
      document.getElementById(id).hidden = true;
    }
    return setState("incomplete", t("calculator.result.incomplete"));
  }
  lastProfile = built.profile;
  if (!engine.ready) return setState(engine.failed ? "error" : "pending", engine.failed ? "" : t("calculator.result.pending"));
  // Busy until the answer to this very question arrives (earlier answers are ignored).
  result.setAttribute("aria-busy", "true");
  delete result.dataset.details;
  engine.calculate(built.profile);
}

/** An answer the engine refused: the error at its field, the last result kept but out of date;
 * anything else the engine raised is a bug, reported as such. */
function refused(answer) {
  const input = answer.code ? inputFor(form, answer.field) : null;
  if (input) {
    showErrors(form, [{ input, message: refusal(answer) }]);
    return setState("stale", t("calculator.error.summary", { label: questionOf(form, input.name) }) + " " + t("calculator.result.stale"));
  }
  console.error(answer.bug); // for the report the message asks for
  return setState("stale", t("calculator.error.engine_failed"));
}

let lastScore = null;

function onResult(answer) {
  result.removeAttribute("aria-busy");
  if (!answer.ok) return refused(answer);
  lastScore = answer.value;
  renderScore(result, lastProfile, lastScore);
  setState("ready", "");
}

function onDetails(answer) {
  if (!answer.ok) return refused(answer);
  renderAssess(result, answer.value.assess, (field) => questionOf(form, field));
  const panels = document.getElementById("result-panels");
  renderPanels(panels, { ...answer.value, crs: lastScore });
  panels.hidden = false;
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
    boot.ready();
    stage.textContent = t("calculator.engine.ready");
    document.getElementById("engine-status").classList.add("is-ready");
    update();
  },
  onError(reason) {
    html.dataset.engine = "error";
    document.getElementById("engine-status").hidden = true;
    const box = document.getElementById("engine-error");
    box.textContent = t(reason === "timeout" ? "calculator.engine.timeout" : "calculator.engine.error");
    box.hidden = false;
    setState("error", "");
  },
  onResult,
  onDetails,
});

// Answers: a shared link wins over what this browser saved.
const shared = state.fromFragment();
writeAnswers(form, shared ?? state.load());
if (shared) {
  state.forgetFragment();
  document.getElementById("answers-status").textContent = t("calculator.answers.restored");
}

form.addEventListener("input", update);
form.addEventListener("change", update);
form.addEventListener("submit", (event) => event.preventDefault());

document.getElementById("add-job").addEventListener("click", () => {
  addJob(form)?.querySelector("input, select").focus();
  update();
});
form.addEventListener("click", (event) => {
  const button = event.target.closest("[data-remove-job]");
  if (!button) return;
  removeJob(form, button.closest("[data-job]"));
  document.getElementById("add-job").focus(); // the focused button is gone
  update();
});

document.getElementById("clear-answers").addEventListener("click", () => {
  state.clear();
  writeAnswers(form, {});
  document.getElementById("share-link-field").hidden = true;
  update();
  document.getElementById("answers-status").textContent = t("calculator.answers.cleared");
});

document.getElementById("copy-link").addEventListener("click", async () => {
  const link = state.shareLink(readAnswers(form), defaults);
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

update();
engine.start();
