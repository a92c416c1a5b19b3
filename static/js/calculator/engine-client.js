// The page's side of the worker: boot progress with a watchdog, calculations whose stale
// replies are ignored (only the answer to the latest question is shown), and a worker that
// dies after it was ready (an error, or a question unanswered for a few seconds) started again.
//
// The worker answers one question at a time, so none waits in its queue: the page sends the
// next only once the last is answered, and a newer question replaces one not yet sent. The
// details (programs, funds, the planner: tens of milliseconds) are asked for only once the
// person has paused, so a new total never waits behind them.
import { t } from "../lib/i18n.js";

// The worker is given up only when it shows no sign of life for this long: while it starts, no
// byte of its download arrives and no stage is reached (a blocked WebAssembly compile hangs
// instead of failing); once ready, a question gets no answer. A download that is still moving,
// however slowly, is never thrown away.
const INACTIVITY_MS = 60000;
// Once ready, a score takes milliseconds: a question unanswered this long means the worker died
// without a word (closed, or killed by the browser), and it is started again.
const ANSWER_MS = 8000;
// A worker that dies after it was ready is started again this many times; then the page says so.
const RESTARTS = 1;
// The pause after a total before its details are computed.
const DETAILS_AFTER_MS = 250;

// The words of each reason the calculator stops (calculator.engine.*, shown by boot.js).
const WORDS = { timeout: "timeout", crashed: "crashed", page: "page_error" };

export class EngineClient {
  constructor({ onProgress, onReady, onError, onResult, onDetails }) {
    Object.assign(this, { onProgress, onReady, onError, onResult, onDetails });
    this.latest = 0;
    this.answered = 0; // the latest question whose answer (or refusal) has arrived
    this.asking = false; // a question is at the worker
    this.next = null; // {id, type, profile}: the question to send once the worker is free
    this.ready = false;
    this.restarts = 0;
    // Tell boot.js that page.js runs; if the start-up already failed, stay out of the way.
    this.boot = window.calculatorBoot;
    this.failed = this.boot ? !this.boot.claim() : false;
  }

  /** Take the worker over from boot.js; call once the page can handle an answer. */
  start() {
    if (this.failed) return;
    if (!this.boot) return this.loadBootAgain();
    this.boot.release();
    this.attach(this.boot.worker);
    // Messages that arrived before this module loaded, in their order.
    for (const message of this.boot.early.splice(0)) this.handle(message);
  }

  /** boot.js did not load, or threw: no worker was started. Its download may have failed
   * (it runs before the page is parsed): try it once more, then give up. */
  loadBootAgain() {
    const first = document.querySelector("script[data-worker]");
    if (!first || this.retried) return this.fail("page");
    this.retried = true;
    const again = document.createElement("script");
    for (const { name, value } of first.attributes) again.setAttribute(name, value);
    again.addEventListener("load", () => {
      this.boot = window.calculatorBoot;
      if (this.boot?.claim()) this.start();
      else this.fail("page");
    });
    again.addEventListener("error", () => this.fail("page"));
    first.after(again);
  }

  attach(worker) {
    this.worker = worker;
    this.forget();
    this.arm();
    if (!worker) return;
    worker.addEventListener("message", (event) => worker === this.worker && this.handle(event.data));
    worker.addEventListener("error", (event) => worker === this.worker && this.died(String(event.message || "worker error")));
  }

  /** (Re)start the inactivity watchdog: while booting, and while a question waits for its answer. */
  arm() {
    clearTimeout(this.timer);
    if (this.ready && this.answered === this.latest) return; // idle: nothing to wait for
    this.timer = this.ready
      ? setTimeout(() => this.died("no answer"), ANSWER_MS)
      : setTimeout(() => this.fail(this.restarts ? "crashed" : "timeout"), INACTIVITY_MS);
  }

  /** The calculator cannot work: the page's error state, and boot.js's words and way out. */
  fail(reason) {
    if (this.failed) return;
    this.failed = true;
    this.ready = false;
    clearTimeout(this.timer);
    this.worker?.terminate();
    console.error("calculator:", reason);
    this.onError(reason);
    // Offline, a calculator that never started here most likely has not been kept yet: say what
    // helps (one visit online), not that this browser cannot run it.
    const words = !this.wasReady && navigator.onLine === false ? "offline_first" : WORDS[reason] ?? "error";
    if (this.boot) return this.boot.showFailure(words);
    // Without boot.js there is no way out to draw but its words (the page's links remain).
    const box = document.getElementById("engine-error");
    if (box) box.textContent = t("calculator.engine." + words);
  }

  /** The worker died after it was ready (an error, or no answer): start a new one, once. */
  died(reason) {
    if (this.failed) return;
    console.error("calculator: the engine stopped:", reason);
    if (!this.ready && !this.restarts) return this.fail(reason); // it never started
    if (!this.ready || this.restarts >= RESTARTS) return this.fail("crashed");
    this.restarts += 1;
    this.ready = false;
    this.worker.terminate();
    document.documentElement.dataset.engine = "loading";
    this.call("onProgress", { stage: "restart", at: performance.timeOrigin + performance.now() });
    this.attach(this.boot.spawn());
  }

  /** A callback of the page; one that throws while the engine starts ends the start-up. */
  call(name, payload) {
    try {
      this[name](payload);
    } catch (error) {
      console.error(error);
      if (!this.ready) this.fail("page");
    }
  }

  handle(message) {
    if (this.failed) return;
    const { id, type, payload } = message;
    if (type === "error") return this.died(payload.message);
    if (type === "result" || type === "details") {
      this.answered = Math.max(this.answered, id ?? 0);
      this.asking = false;
      this.send();
    }
    this.arm(); // any message is a sign of life
    if (type === "progress") {
      this.call("onProgress", payload);
    } else if (type === "ready") {
      this.ready = true;
      this.wasReady = true;
      this.answered = this.latest; // a question asked before a restart is asked again by the page
      this.arm();
      this.call("onReady", payload);
    } else if (type === "result" && id === this.latest) {
      if (payload.ok) this.detailsTimer = setTimeout(() => this.ask(id, "details", this.profile), DETAILS_AFTER_MS);
      this.onResult(payload);
    } else if (type === "details" && id === this.latest) {
      this.onDetails(payload);
    }
  }

  /** Forget the question in flight: its answer no longer matches the form. */
  cancel() {
    this.latest += 1;
    this.answered = this.latest;
    this.next = null;
    clearTimeout(this.detailsTimer);
    this.arm();
  }

  calculate(profile) {
    this.latest += 1;
    this.profile = profile;
    clearTimeout(this.detailsTimer);
    this.ask(this.latest, "score", profile);
    this.arm();
  }

  /** Send a question now if the worker is free, or keep it (in place of any older one) until it is. */
  ask(id, type, profile) {
    if (id !== this.latest) return;
    this.next = { id, type, profile };
    this.send();
  }

  send() {
    if (this.asking || !this.next || !this.worker) return;
    const { id, type, profile } = this.next;
    this.next = null;
    this.asking = true;
    this.worker.postMessage({ id, type, payload: profile });
  }

  /** A new worker has been asked nothing. */
  forget() {
    this.asking = false;
    this.next = null;
    clearTimeout(this.detailsTimer);
  }
}
