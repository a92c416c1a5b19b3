"""Driving the calculator page the way a person does, through its stable interface:
inputs named by contract path, `#crs-total`, `html[data-engine]`."""
from __future__ import annotations

ABILITIES = ("listening", "reading", "writing", "speaking")
# Where the page keeps the answers in this browser (static/js/calculator/state.js).
ANSWERS = "ee-guide:calculator:answers"
READY = "html[data-engine=ready]"
# The result answers the form as it is now: no question in flight.
SETTLED = '#result[data-state="ready"]:not([aria-busy])'
# The page's layout shifts so far not caused by the person (PerformanceObserver "layout-shift").
SHIFTS = """() => new Promise((resolve) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(sum), 100);
})"""


def open_calculator(page, server, fragment: str = ""):
    page.goto(server.url + "calculator/" + fragment)
    page.wait_for_selector(READY)
    return page


def reveal(page, name: str) -> None:
    """Open the section of optional questions that holds the input `name` (one tap), if closed."""
    section = page.locator(f'details[data-more]:has([name="{name}"]), details[data-more]:has([id="{name}"])')
    if section.count() and not section.evaluate("d => d.open"):
        section.locator("summary").first.click()


def fill(page, name: str, value) -> None:
    """Type `value` into the input `name`, wherever it is in the page."""
    reveal(page, name)
    page.fill(f'[name="{name}"]', str(value))


def choose(page, name: str, value) -> None:
    """Answer the question `name` with `value`: one tap on its radio button (a short list), or
    the option of its select (a long list)."""
    reveal(page, name)
    radio = page.locator(f'input[type="radio"][name="{name}"][value="{value}"]')
    if radio.count():
        radio.check()
    else:
        page.select_option(f'[name="{name}"]', str(value))


def add_job(page) -> None:
    reveal(page, "add-job")
    page.click("#add-job")


def fill_language(page, path: str, result: dict | None) -> None:
    choose(page, f"{path}.test", "none" if result is None else result["test"])
    if result is None:
        return
    for ability in ABILITIES:
        page.fill(f'[name="{path}.{ability}"]', str(result[ability]))
    page.fill(f'[name="{path}.taken_on"]', result.get("taken_on", ""))  # clear a previous one


def set_checked(page, name: str, value: bool) -> None:
    page.set_checked(f'[name="{name}"]', bool(value))


def fill_profile(page, profile: dict) -> None:
    """Answer every question with a contract profile (defaults where the profile is silent)."""
    if "as_of" in profile:
        fill(page, "as_of", profile["as_of"])
    page.fill('[name="age"]', str(profile["age"]))
    choose(page, "education", profile["education"])
    choose(page, "canadian_education", profile.get("canadian_education", "none"))
    fill_language(page, "first_language", profile["first_language"])
    fill_language(page, "second_language", profile.get("second_language"))
    page.fill('[name="canadian_work_years"]', str(profile.get("canadian_work_years", 0)))
    page.fill('[name="foreign_work_years"]', str(profile.get("foreign_work_years", 0)))
    set_checked(page, "certificate_of_qualification", profile.get("certificate_of_qualification", False))
    choose(page, "job_offer", profile.get("job_offer", "none"))
    set_checked(page, "provincial_nomination", profile.get("provincial_nomination", False))
    set_checked(page, "sibling_in_canada", profile.get("sibling_in_canada", False))
    spouse = profile.get("spouse")
    page.check('#f-spouse-yes' if spouse else '#f-spouse-no')
    if spouse:
        set_checked(page, "spouse.canadian_citizen_or_pr", spouse["canadian_citizen_or_pr"])
        set_checked(page, "spouse.accompanying", spouse["accompanying"])
        if spouse["accompanying"] and not spouse["canadian_citizen_or_pr"]:
            choose(page, "spouse.education", spouse["education"])
            fill_language(page, "spouse.language", spouse.get("language"))
            page.fill('[name="spouse.canadian_work_years"]', str(spouse.get("canadian_work_years", 0)))


def shown_score(page) -> dict:
    """The total and section subtotals the page shows once it has answered."""
    page.wait_for_selector(SETTLED)
    sections = {}
    for body in page.query_selector_all("#crs-breakdown tbody[data-section]"):
        sections[body.get_attribute("data-section")] = int(body.query_selector(".subtotal .points").inner_text())
    return {"total": int(page.inner_text("#crs-total")), "sections": sections}
