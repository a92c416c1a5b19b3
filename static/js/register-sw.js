// Registers the site's service worker (sw.js at the site root) so that, after one visit,
// every page and the calculator work offline. Dev pages do not load this file; the check on
// data-dev is for a page that says so anyway.
(function () {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || document.documentElement.dataset.dev === "true") return;
  // This file is <root>/static/js/register-sw.js, so the root is two folders up: correct
  // under any base path without the page having to say it.
  const root = new URL("../../", script.src);
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      // A stable hook for tests and the page: every file is cached, the site works offline.
      document.documentElement.dataset.offline = "ready";
    })
    .catch(() => {
      document.documentElement.dataset.offline = "unavailable";
    });
})();
