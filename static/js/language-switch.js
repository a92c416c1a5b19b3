// The language switch (a.language-switch, on every page) goes to the same page in the other
// edition. Followed, it keeps the reader's place: the address's query (a search, the NOC
// finder's words) and fragment (a heading, or the calculator's shared answers), else the
// section the reader was last in, whose heading id the twin page has too (the French pages
// keep the English pages' heading ids). The switch is at the top of the page, so the section
// is remembered while the reader scrolls, not read when they have scrolled back up to it.
// Without this script the link still goes to the twin page.

const link = document.querySelector("a.language-switch");
let section = null; // the id of the heading of the section last read
const DWELL_MS = 800;

/** The id of the last heading above the top of the screen, on a page of headings with ids. */
function headingInView() {
  let found = null;
  for (const heading of document.querySelectorAll("main h2[id], main h3[id]")) {
    if (heading.getBoundingClientRect().top > 80) break;
    found = heading.id;
  }
  return found;
}

function follow() {
  const target = new URL(link.href);
  target.search = location.search;
  target.hash = section && !location.hash ? section : location.hash;
  link.href = target.href;
}

if (link) {
  // Set before the browser follows the link, by mouse, touch or keyboard, and for a middle click.
  for (const event of ["click", "auxclick", "contextmenu"]) link.addEventListener(event, follow);
  // The calculator reads its fragment as answers: only a guide page's place is a heading. A
  // section counts as read when the reader stays on it a moment, so the quick scroll back up
  // to the switch passes over the others without taking their place.
  if (document.querySelector("main .prose")) {
    let still = null;
    addEventListener("scroll", () => {
      clearTimeout(still);
      still = setTimeout(() => { section = headingInView() ?? section; }, DWELL_MS);
    }, { passive: true });
  }
}
