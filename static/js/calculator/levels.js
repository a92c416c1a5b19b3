// The CLB (English) or NCLC (French) level beside each test score, as it is typed, from the
// equivalency chart in force that the build embeds as #language-charts (rules data
// language.<test>). A score of a test taken before that chart began, or one the test cannot
// report, shows no level: the engine's answer then says what counts. For a test whose chart
// changed (TEF Canada on 2023-12-11), the field says which scale its date reads on.
import { date } from "../lib/format.js";
import { t } from "../lib/i18n.js";
import { TESTS } from "./form.js";

const CHARTS = JSON.parse(document.getElementById("language-charts").textContent);

/** The level a score gives on the chart of `testKey`: {level, below} or null when unknown. */
export function levelOf(testKey, ability, score, takenOn) {
  const chart = CHARTS[testKey];
  if (!chart || (takenOn && takenOn < chart.since) || !Number.isFinite(score)) return null;
  const found = chart.rows.find((row) => row.ranges[ability][0] <= score && score <= row.ranges[ability][1]);
  if (found) return { level: found.level, below: false };
  const lowest = chart.rows.reduce((low, row) => (row.ranges[ability][0] < low.ranges[ability][0] ? row : low));
  return score < lowest.ranges[ability][0] ? { level: lowest.level, below: true } : null;
}

/** Which scale a result of `testKey` taken on `takenOn` ("" when not given) is read on, in
 * words; "" for a test whose chart never changed. */
export function chartNote(testKey, takenOn) {
  const chart = CHARTS[testKey];
  if (!chart?.replaced) return "";
  const since = date(chart.since);
  if (!takenOn) return t("calculator.scale.chart_undated", { since });
  return t(takenOn < chart.since ? "calculator.scale.chart_old" : "calculator.scale.chart_new", { since });
}

/** Write the level beside each score of the language question at `path` (in the form `form`). */
export function showLevels(form, path) {
  const test = TESTS.get(form.elements.namedItem(path + ".test").value);
  const takenOn = form.elements.namedItem(path + ".taken_on").value;
  const note = form.querySelector(`[data-chart-for="${path}"]`);
  const words = test ? chartNote(test.key, takenOn) : "";
  if (note.textContent !== words) note.textContent = words;
  note.hidden = !words;
  for (const slot of form.querySelectorAll(`[data-level-for^="${path}."]`)) {
    const input = form.elements.namedItem(slot.dataset.levelFor);
    const ability = input.dataset.ability;
    const found = test && !test.levels && input.value !== "" && input.validity.valid
      ? levelOf(test.key, ability, Number(input.value), takenOn)
      : null;
    const scale = test?.official_language === "french" ? "nclc" : "clb";
    const text = found ? t(`calculator.level.${found.below ? "below_" : ""}${scale}`, { level: found.level }) : "";
    if (slot.textContent !== text) slot.textContent = text;
  }
}
