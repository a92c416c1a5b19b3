"""What a page's <meta> policy promises without response headers (README.md): a form sends
only to the site (form-action), which default-src does not cover."""
from __future__ import annotations


def test_a_form_cannot_send_to_another_site(guarded_context, site_server):
    context = guarded_context(site_server)
    page = context.new_page()
    page.goto(site_server.url + "search/")
    # The browser reports the refusal on the console; wait for it (a busy machine is slow to).
    with page.expect_console_message(lambda message: "form-action" in message.text, timeout=10_000):
        # A form of its own: the search form's script may catch the submission first.
        page.evaluate("""() => {
            const form = document.createElement("form");
            form.action = "https://example.com/collect";
            form.append(Object.assign(document.createElement("input"), { name: "q", value: "secret" }));
            document.body.append(form);
            form.requestSubmit();
        }""")
    assert page.url.startswith(site_server.url)
    # (the guarded context fails the test if the request left for example.com)
