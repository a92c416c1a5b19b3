// The page's side of the worker: boot progress with a watchdog, and calculations whose
// stale replies are ignored (only the answer to the latest question is shown).

// A stage of the boot that shows no progress for this long is treated as stuck: a blocked
// WebAssembly compile hangs instead of failing.
const STAGE_TIMEOUT_MS = 60000;

export class EngineClient {
  constructor({ onProgress, onReady, onError, onResult, onDetails }) {
    Object.assign(this, { onProgress, onReady, onError, onResult, onDetails });
    this.latest = 0;
    this.ready = false;
    this.failed = false;
  }

  /** Take the worker over from boot.js; call once the page can handle an answer. */
  start() {
    const boot = window.calculatorBoot;
    this.worker = boot.worker;
    this.arm();
    if (this.worker) this.worker.addEventListener("message", (event) => this.handle(event.data));
    // Messages that arrived before this module loaded, in their order.
    boot.release();
    for (const message of boot.early.splice(0)) this.handle(message);
    if (this.worker) this.worker.addEventListener("error", (event) => this.fail(String(event.message || "worker error")));
  }

  arm() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail("timeout"), STAGE_TIMEOUT_MS);
  }

  fail(reason) {
    if (this.ready || this.failed) return;
    this.failed = true;
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.onError(reason);
  }

  handle(message) {
    if (this.failed) return;
    const { id, type, payload } = message;
    if (type === "progress") {
      this.arm();
      this.onProgress(payload);
    } else if (type === "ready") {
      clearTimeout(this.timer);
      this.ready = true;
      this.onReady(payload);
    } else if (type === "error") {
      this.fail(payload.message);
    } else if (type === "result" && id === this.latest) {
      this.onResult(payload);
    } else if (type === "details" && id === this.latest) {
      this.onDetails(payload);
    }
  }

  /** Forget the question in flight: its answer no longer matches the form. */
  cancel() {
    this.latest += 1;
  }

  calculate(profile) {
    this.latest += 1;
    this.worker.postMessage({ id: this.latest, type: "calculate", payload: profile });
  }
}
