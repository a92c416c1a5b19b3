"""What a page's <meta> policy promises without response headers (README.md): a form sends
only to the site (form-action), which default-src does not cover."""
from __future__ import annotations


def test_a_form_cannot_send_to_another_site(guarded_context, site_server):
    context = guarded_context(site_server)
    page = context.new_page()
    page.goto(site_server.url + "search/")
    # The browser reports the refusal on the console; wait for it (a busy machine is slow to).
    with page.expect_console_message(lambda message: "form-action" in message.text, timeout=10_000):
        page.evaluate("""() => {
            const form = document.querySelector("form.search-form");
            form.action = "https://example.com/collect";
            form.requestSubmit();
        }""")
    assert page.url.startswith(site_server.url)
    # (the guarded context fails the test if the request left for example.com)
