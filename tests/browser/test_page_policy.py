"""What a page's <meta> policy promises without response headers (README.md): a form sends
only to the site (form-action), which default-src does not cover."""
from __future__ import annotations


def test_a_form_cannot_send_to_another_site(guarded_context, site_server):
    context = guarded_context(site_server)
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "form-action" in message.text else None)
    page.goto(site_server.url + "search/")
    page.evaluate("""() => {
        const form = document.querySelector("form.search-form");
        form.action = "https://example.com/collect";
        form.requestSubmit();
    }""")
    page.wait_for_timeout(500)
    assert page.url.startswith(site_server.url)
    assert violations, "the policy should have refused the submission"
    # (the guarded context fails the test if the request left for example.com)
