// The person's dates as one calendar file (.ics, RFC 5545), made in the browser: each last
// day of a deadline engine.assess gives (invitation, test results, ECA, medical exam, the
// profile's time in the pool) as an all-day event with a reminder some days before. Nothing is
// sent anywhere: the file is a download of text made here.
import { t } from "../lib/i18n.js";

// How long before each last day the calendar reminds the person (a choice of this page, not a rule).
const REMINDER_DAYS = 14;

/** Text as an iCalendar value: backslash, semicolon, comma and line breaks escaped. */
function text(value) {
  return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** A content line folded at 75 octets (UTF-8), never inside a character. */
function fold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basic = (iso) => iso.replaceAll("-", "");

function nextDay(iso) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The calendar file for the deadlines still to come, and the planning's dated events (`events`:
 * {uid, date, summary}, from timeline.js and documents.js); `stamp` is when it is made (a Date). */
export function calendarFile(deadlines, stamp = new Date(), events = []) {
  const now = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//express-entry-guide//calculator//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const d of deadlines.filter((d) => d.until && !d.expired)) {
    const what = t("assessment.deadline.what." + d.field);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${d.field}-${basic(d.until)}@${location.host || "calculator"}`,
      `DTSTAMP:${now}`,
      `DTSTART;VALUE=DATE:${basic(d.until)}`,
      `DTEND;VALUE=DATE:${basic(nextDay(d.until))}`,
      `SUMMARY:${text(t("calculator.calendar.event", { what }))}`,
      `DESCRIPTION:${text(t("calculator.calendar.description"))}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${text(t("calculator.calendar.reminder", { what, days: REMINDER_DAYS }))}`,
      `TRIGGER:-P${REMINDER_DAYS}D`,
      "END:VALARM",
      "END:VEVENT",
    );
  }
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}@${location.host || "calculator"}`,
      `DTSTAMP:${now}`,
      `DTSTART;VALUE=DATE:${basic(e.date)}`,
      `DTEND;VALUE=DATE:${basic(nextDay(e.date))}`,
      `SUMMARY:${text(e.summary)}`,
      `DESCRIPTION:${text(t("calculator.calendar.description"))}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${text(e.summary)}`,
      `TRIGGER:-P${REMINDER_DAYS}D`,
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** The "add to my calendar" button of the report's dates: shown when there is a date to come. */
export function mountCalendar() {
  const actions = document.getElementById("calendar-actions");
  const button = document.getElementById("calendar-download");
  document.getElementById("calendar-hint").textContent = t("calculator.calendar.hint", { days: REMINDER_DAYS });
  let deadlines = [];
  let events = [];
  button.addEventListener("click", () => {
    const blob = new Blob([calendarFile(deadlines, new Date(), events)], { type: "text/calendar;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = t("calculator.calendar.filename") + ".ics";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  return {
    show(assess, planned = []) {
      deadlines = assess.deadlines ?? [];
      events = planned;
      actions.hidden = !deadlines.some((d) => d.until && !d.expired) && !events.length;
    },
  };
}
