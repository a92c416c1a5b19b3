// Registers the site's service worker (sw.js at the site root) so that, after one visit,
// every page and the calculator work offline. Dev pages do not load this file; the check on
// data-dev is for a page that says so anyway.
(function () {
  const script = document.currentScript;
  const html = document.documentElement;
  if (!("serviceWorker" in navigator) || html.dataset.dev === "true") return;
  // This file is <root>/static/js/register-sw.js, so the root is two folders up: correct
  // under any base path without the page having to say it.
  const root = new URL("../../", script.src);

  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname })
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        // A stable hook for tests and the page: every file is cached, the site works offline.
        html.dataset.offline = "ready";
      })
      .catch(() => {
        html.dataset.offline = "unavailable";
      });
  }

  // The precache asks again for every file. Started once the page (and on the calculator,
  // Python) has loaded, it finds them in the HTTP cache instead of downloading them twice,
  // and never competes with the page for the network.
  function whenSettled() {
    if (html.dataset.engine !== "loading") return register();
    const watch = new MutationObserver(() => {
      if (html.dataset.engine === "loading") return;
      watch.disconnect();
      register();
    });
    watch.observe(html, { attributes: true, attributeFilter: ["data-engine"] });
  }

  if (document.readyState === "complete") whenSettled();
  else window.addEventListener("load", whenSettled, { once: true });
})();
