// Runs from <head>, before the body is parsed, so Python starts booting in its worker while
// the rest of the page arrives. page.js takes the worker over; messages that arrive before
// it does are kept for it.
(function () {
  const script = document.currentScript;
  document.documentElement.dataset.engine = "loading";
  // data-runtime (from the build): the standard library archives and the download's sizes.
  const config = { pyodide: script.dataset.pyodide, engineZip: script.dataset.engineZip, ...JSON.parse(script.dataset.runtime) };
  let worker;
  const early = [];
  const keep = (event) => early.push(event.data);
  const failed = (event) => early.push({ type: "error", payload: { message: String(event.message || "worker error") } });
  try {
    // The worker reads its configuration from its name: no message round trip before it starts.
    worker = new Worker(script.dataset.worker, { type: "module", name: JSON.stringify(config) });
    worker.addEventListener("message", keep);
    worker.addEventListener("error", failed);
  } catch (error) {
    early.push({ type: "error", payload: { message: String(error) } });
  }
  window.calculatorBoot = {
    worker,
    early,
    release() {
      worker?.removeEventListener("message", keep);
      worker?.removeEventListener("error", failed);
    },
  };
})();
