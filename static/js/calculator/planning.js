// The report's planning sections, from the engine's details: the score over time, the
// family's documents, the job letters and money in the person's currency. Returns the dated
// events these add to the calendar file.
import { renderDocuments, documentEvents, mountDocumentsPrint } from "./documents.js";
import { renderLetters } from "./letters.js";
import { renderMoney } from "./money.js";
import { renderTimeline, timelineEvents } from "./timeline.js";

mountDocumentsPrint();

export function renderPlanning(root, answer) {
  const planning = answer.planning;
  if (!planning) return [];
  renderTimeline(root.querySelector("#timeline"), planning.timeline, answer);
  renderDocuments(root.querySelector("#documents"), planning.documents);
  renderLetters(root.querySelector("#letters"), answer.profile, root.querySelector("#report-letters").dataset.duties);
  renderMoney(root.querySelector("#money-local"), planning.money);
  return [...timelineEvents(planning.timeline), ...documentEvents(planning.documents)];
}
