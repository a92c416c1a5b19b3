// A language result past its validity, said at its date field: "expired on <date>" (the
// engine's language_result_expired warning; the score leaves the result out).
import { el } from "../lib/dom.js";
import { date } from "../lib/format.js";
import { t } from "../lib/i18n.js";

export function showExpired(form, warnings) {
  const expired = new Map((warnings || []).filter((w) => w.code === "language_result_expired").map((w) => [w.field, w]));
  for (const note of form.querySelectorAll("[data-expired-note]")) {
    if (!expired.has(note.dataset.expiredNote)) note.remove();
  }
  for (const [field, w] of expired) {
    const input = form.elements.namedItem(field);
    if (!input?.id) continue;
    const id = input.id + "-expired";
    const note = document.getElementById(id) ?? el("p", { id, class: "expired-note", "data-expired-note": field });
    note.textContent = t("calculator.glance.expired_field", { date: date(w.expired_on) });
    if (!note.isConnected) input.after(note);
  }
}
