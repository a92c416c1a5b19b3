// What the calculator says while Python starts: the stage, and while the files download,
// "MB done of MB total" (from the worker's byte counts). The bar moves with every report; the
// words change at most once a second, so a screen reader is not flooded with numbers.

import { megabytes } from "../lib/format.js";

const WORDS_EVERY_MS = 1000;
const STAGES = {
  download: "calculator.engine.stage_download",
  start: "calculator.engine.stage_start",
  rules: "calculator.engine.stage_rules",
  restart: "calculator.engine.stage_restart", // the engine stopped after it was ready
};
// Share of the bar each stage ends at: the download is most of the wait on a slow link.
const BAR = { download: 80, start: 90, rules: 95, restart: 0 };

export function bootProgress(label, bar, t) {
  let shownAt = 0;
  let shownStage = null;
  bar.max = 100;

  return {
    progress({ stage, done, total }) {
      const counted = stage === "download" && total > 0;
      bar.value = counted ? (done / total) * BAR.download : BAR[stage] ?? 0;
      const now = performance.now();
      if (stage === shownStage && now - shownAt < WORDS_EVERY_MS && done < total) return;
      shownAt = now;
      shownStage = stage;
      label.textContent = counted
        ? t("calculator.engine.stage_download_mb", { done: megabytes(done), total: megabytes(total) })
        : t(STAGES[stage]);
    },
    ready() {
      bar.value = bar.max;
    },
  };
}
