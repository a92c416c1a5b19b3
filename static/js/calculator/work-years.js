// Work entered once. With a job list, the years of skilled work in Canada and outside it follow
// from the jobs (the engine counts them: engine.experience): the two year questions then show
// the counted years and cannot be typed into; without jobs they are the quick way. A year count
// typed before the jobs and different from theirs is said, never dropped in silence.
import { t } from "../lib/i18n.js";
import { questionOf } from "./form.js";

const FIELDS = ["canadian_work_years", "foreign_work_years"];

/** `counted`: {canadian_work_years, foreign_work_years} from the engine, or null without jobs.
 * Returns true when the typed years came back (the answers changed: score them again). */
export function showWorkYears(form, counted) {
  let restored = false;
  const note = document.getElementById("work-from-jobs");
  const differs = [];
  for (const name of FIELDS) {
    const input = form.elements.namedItem(name);
    if (counted) {
      // The years typed before the jobs took over come back if the jobs are removed.
      if (!input.readOnly) input.dataset.typed = input.value;
      input.readOnly = true;
      input.value = String(counted[name]);
      const typed = input.dataset.typed;
      if (typed !== "" && typed !== undefined && Number(typed) !== counted[name]) {
        differs.push(t("calculator.work.differs", {
          field: questionOf(form, name),
          typed: t("calculator.work.years", { count: Number(typed) }),
          counted: t("calculator.work.years", { count: counted[name] }),
        }));
      }
    } else if (input.readOnly) {
      input.readOnly = false;
      input.value = input.dataset.typed ?? "";
      delete input.dataset.typed;
      restored = true;
    }
  }
  if (!counted) {
    note.hidden = true;
    return restored;
  }
  const text = [t("calculator.work.from_jobs", {
    canadian: t("calculator.work.years", { count: counted.canadian_work_years }),
    foreign: t("calculator.work.years", { count: counted.foreign_work_years }),
  }), ...differs].join(" ");
  if (note.textContent !== text) note.textContent = text;
  note.hidden = false;
  return false;
}

/** Other answers are about to be put in the form (a scenario, a swap, a link): the years typed
 * before the jobs took over belong to the answers being replaced, and must not come back over
 * the new ones. */
export function forgetTypedYears(form) {
  for (const name of FIELDS) {
    const input = form.elements.namedItem(name);
    input.readOnly = false;
    delete input.dataset.typed;
  }
}
