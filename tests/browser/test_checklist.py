"""The document checklist in real Chromium: ticks survive a reload, stay in this browser only,
and clear; the page keeps its strict CSP and fits a phone screen."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_guide import errors_of
from tests.harness.words import words

PAGE = "guide/documents/"


def boxes(page):
    return page.locator(".check-item input[type=checkbox]")


def test_ticks_are_kept_across_a_reload(page, site_server):
    errors = errors_of(page)
    page.goto(site_server.url + PAGE)
    total = boxes(page).count()
    assert total >= 10
    assert page.locator(".checklist-progress").inner_text() == f"0 of {total} ready"
    # Ticking by the heading's own words (the label) and by the box itself.
    page.click("#doc-police label")
    page.check("#tick-doc-eca")
    assert page.locator(".checklist-progress").inner_text() == f"2 of {total} ready"

    page.reload()
    assert page.is_checked("#tick-doc-police") and page.is_checked("#tick-doc-eca")
    assert not page.is_checked("#tick-doc-passport")
    assert page.locator(".checklist-progress").inner_text() == f"2 of {total} ready"
    stored = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('ee-guide:checklist:'))")
    assert stored == ["ee-guide:checklist:/"]  # one list for the site: the ticks belong to the items
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{stored[0]}'))") == ["doc-police", "doc-eca"]

    page.uncheck("#tick-doc-eca")
    page.reload()
    assert page.is_checked("#tick-doc-police") and not page.is_checked("#tick-doc-eca")
    assert errors == []


def test_clearing_removes_every_tick(page, site_server):
    page.goto(site_server.url + PAGE)
    assert page.is_disabled(".checklist-clear")
    page.check("#tick-doc-passport")
    page.check("#tick-doc-photos")
    page.click(".checklist-clear")
    assert boxes(page).evaluate_all("inputs => inputs.filter((i) => i.checked).length") == 0
    page.reload()
    assert boxes(page).evaluate_all("inputs => inputs.filter((i) => i.checked).length") == 0


def test_each_box_is_named_by_its_heading(page, site_server):
    page.goto(site_server.url + PAGE)
    heading = page.locator("#doc-passport label").inner_text()
    assert page.get_by_role("checkbox", name=heading).count() == 1


def test_ticks_belong_to_this_browser_profile_only(guarded_context, site_server):
    first = guarded_context(site_server).new_page()
    first.goto(site_server.url + PAGE)
    first.check("#tick-doc-funds")
    other = guarded_context(site_server).new_page()  # a new context has its own storage
    other.goto(site_server.url + PAGE)
    assert not other.is_checked("#tick-doc-funds")


def test_without_storage_the_list_still_works_and_says_ticks_are_not_kept(guarded_context, site_server):
    context = guarded_context(site_server)
    # A browser that refuses storage (as some private modes do) throws on every write.
    context.add_init_script("Storage.prototype.setItem = function () { throw new Error('refused'); };")
    page = context.new_page()
    errors = errors_of(page)
    page.goto(site_server.url + PAGE)
    page.check("#tick-doc-civil")
    assert page.is_checked("#tick-doc-civil")
    assert "not let the page keep your ticks" in page.locator(".checklist-note").inner_text()
    assert errors == []


def test_the_checklist_fits_a_phone(guarded_context, site_server):
    page = guarded_context(site_server, viewport={"width": 360, "height": 740}).new_page()
    page.goto(site_server.url + PAGE)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    box = page.locator("#tick-doc-police").bounding_box()
    assert box["width"] >= 20 and box["height"] >= 20  # a finger-sized target


def test_ticks_belong_to_the_item_whatever_the_address_or_language(guarded_context, site_server):
    page = guarded_context(site_server).new_page()
    page.goto(site_server.url + PAGE)
    page.check("#tick-doc-police")
    for address in (PAGE + "index.html", "fr/" + PAGE, "fr/" + PAGE + "index.html"):
        page.goto(site_server.url + address)
        assert page.is_checked("#tick-doc-police"), address
    page.check("#tick-doc-eca")  # ticked on the French page
    page.goto(site_server.url + PAGE)
    assert page.is_checked("#tick-doc-eca") and page.is_checked("#tick-doc-police")


def test_two_tabs_never_undo_each_others_ticks(guarded_context, site_server):
    context = guarded_context(site_server)
    first, second = context.new_page(), context.new_page()
    first.goto(site_server.url + PAGE)
    second.goto(site_server.url + "fr/" + PAGE)
    first.check("#tick-doc-police")
    expect(second.locator("#tick-doc-police")).to_be_checked()  # seen without a reload
    second.check("#tick-doc-eca")
    first.uncheck("#tick-doc-police")
    second.reload()
    assert second.is_checked("#tick-doc-eca") and not second.is_checked("#tick-doc-police")
    first.reload()
    assert first.is_checked("#tick-doc-eca")


def test_storage_full_says_at_once_that_ticks_last_only_this_visit(guarded_context, site_server):
    page = guarded_context(site_server).new_page()
    page.goto(site_server.url + PAGE)
    page.evaluate("""() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size >>= 2) {
        const piece = "x".repeat(size);
        try { for (;;) localStorage.setItem("filler-" + n++, piece); } catch {}
      }
    }""")
    page.check("#tick-doc-civil")
    assert page.is_checked("#tick-doc-civil")
    expect(page.locator(".checklist-note")).to_have_text(words("site.checklist.not_kept"))
