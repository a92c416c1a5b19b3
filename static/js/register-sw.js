// Registers the site's service worker (sw.js at the site root) and tells it what to keep, as
// the page's <html data-offline-groups> lists it: the files both editions share, the guide in
// the page's language (a French reader does not download the English pages), and what the page
// itself needs (Python on the calculator, the index on the NOC finder), unless the browser asks
// to save data. It
// also runs the "make the calculator work offline" offer and the "newer version" notice.
// Dev pages do not load this file; the check on data-dev is for a page that says so anyway.
(function () {
  const script = document.currentScript;
  const html = document.documentElement;
  if (!("serviceWorker" in navigator) || html.dataset.dev === "true") return;
  // This file is <root>/static/js/register-sw.js, so the root is two folders up: correct
  // under any base path without the page having to say it.
  const root = new URL("../../", script.src);
  const saveData = navigator.connection?.saveData === true;
  const megabytes = new Intl.NumberFormat(html.lang || undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const mb = (bytes) => megabytes.format(bytes / 1e6);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));

  /** Send `message` to the worker; `onReply` gets each answer until it returns true. */
  function ask(worker, message, onReply = () => true) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        if (onReply(event.data) !== false) {
          channel.port1.close();
          resolve(event.data);
        }
      };
      worker.postMessage(message, [channel.port2]);
    });
  }

  const keep = (worker, group, onProgress = () => {}) =>
    ask(worker, { type: "keep", group }, (reply) => {
      if (reply.type !== "progress") return true;
      onProgress(reply);
      return false;
    }).then((reply) => {
      if (!reply.ok) throw new Error(reply.message);
    });

  // "Make the calculator work offline" (templates/partials/offline_offer.html).
  async function offer(worker) {
    const box = document.getElementById("offline-offer");
    if (!box) return;
    const state = await ask(worker, { type: "status", group: "runtime" });
    if (state.held === state.files) return;
    const button = box.querySelector("button");
    const said = box.querySelector("[role=status]");
    box.hidden = false;
    button.addEventListener("click", async () => {
      button.disabled = true;
      said.textContent = fill(box.dataset.saving, { done: mb(0), total: mb(state.bytes - state.heldBytes) });
      try {
        await keep(worker, "runtime", ({ done, total }) => {
          said.textContent = fill(box.dataset.saving, { done: mb(done), total: mb(total) });
        });
        said.textContent = box.dataset.saved;
        button.hidden = true;
        box.dataset.state = "saved";
      } catch {
        said.textContent = box.dataset.failed;
        button.disabled = false;
      }
    });
  }

  // A newer version installed and waiting: say so, and take it on "reload" or on the next
  // click on a link of the site (the page then loads wholly from the new version).
  function updates(registration) {
    const banner = document.getElementById("update-banner");
    let switching = null;
    const swap = () => {
      switching ??= new Promise((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
        registration.waiting?.postMessage({ type: "skip-waiting" });
        setTimeout(resolve, 3000); // it normally takes a few milliseconds
      });
      return switching;
    };
    const waiting = () => Boolean(registration.waiting && navigator.serviceWorker.controller);
    const show = () => {
      if (!waiting() || !banner) return;
      banner.hidden = false;
      html.dataset.update = "ready";
    };
    show();
    registration.addEventListener("updatefound", () => {
      const next = registration.installing;
      next?.addEventListener("statechange", () => next.state === "installed" && show());
    });
    banner?.querySelector("button").addEventListener("click", () => swap().then(() => location.reload()));
    document.addEventListener("click", (event) => {
      const link = event.target.closest?.("a[href]");
      if (!link || !waiting() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const target = new URL(link.href, location.href);
      if (!target.href.startsWith(root.href) || link.target || link.hasAttribute("download")) return;
      event.preventDefault();
      swap().then(() => location.assign(target.href));
    });
  }

  async function start() {
    try {
      const registration = await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
      updates(registration);
      // Look for a new deploy on every visit (a few kilobytes); browsers do it on their own
      // only now and then.
      if (navigator.serviceWorker.controller) registration.update().catch(() => {});
      const { active } = await navigator.serviceWorker.ready;
      offer(active);
      if (saveData) {
        // Nothing is downloaded in the background; what the person opens is still kept.
        html.dataset.offline = "save-data";
        return;
      }
      for (const group of (html.dataset.offlineGroups ?? "guide").split(" ")) await keep(active, group);
      // A stable hook for tests and the page: what this page needs works offline.
      html.dataset.offline = "ready";
    } catch {
      html.dataset.offline = "unavailable";
    }
  }

  // Started once the page (and on the calculator, Python) has loaded: the files Python just
  // fetched are then in the HTTP cache, and the guide never competes with the page for the
  // network.
  function whenSettled() {
    if (html.dataset.engine !== "loading") return start();
    const watch = new MutationObserver(() => {
      if (html.dataset.engine === "loading") return;
      watch.disconnect();
      start();
    });
    watch.observe(html, { attributes: true, attributeFilter: ["data-engine"] });
  }

  if (document.readyState === "complete") whenSettled();
  else window.addEventListener("load", whenSettled, { once: true });
})();
