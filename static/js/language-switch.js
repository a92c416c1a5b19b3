// The language switch (a.language-switch, on every page) goes to the same page in the other
// edition. Followed, it keeps the reader's place: the address's query (a search, the NOC
// finder's words) and fragment (a heading, or the calculator's shared answers), else the
// heading the reader has scrolled to, whose id the twin page has too (the French pages keep
// the English pages' heading ids). Without this script the link still goes to the twin page.

const link = document.querySelector("a.language-switch");

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
  // The calculator reads its fragment as answers: only a guide page's place is a heading.
  const heading = document.querySelector("main .prose") && !location.hash ? headingInView() : null;
  target.hash = heading ? heading : location.hash;
  link.href = target.href;
}

if (link) {
  // Set before the browser follows the link, by mouse, touch or keyboard, and for a middle click.
  for (const event of ["click", "auxclick", "contextmenu"]) link.addEventListener(event, follow);
}
