"""A broken input stops the build with `file:line: message`, and the previous site stays."""
from __future__ import annotations

import re

import pytest

import build as build_cli
from sitegen.build import Builder, build_site
from sitegen.errors import BuildError
from tests.site.helpers import copy_inputs


@pytest.fixture
def inputs(tmp_path):
    return copy_inputs(tmp_path)


def build_error(content, templates, out) -> str:
    with pytest.raises(BuildError) as caught:
        Builder(content=content, templates=templates).build(out)
    return str(caught.value)


def line_of(path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def insert_in_404(templates, text: str):
    """Put template code inside the 404 page's content block (text outside blocks is ignored)."""
    template = templates / "404.html"
    heading = '<h1>{{ t("site.not_found_title") }}</h1>\n'
    source = template.read_text(encoding="utf-8")
    assert heading in source
    template.write_text(source.replace(heading, heading + text), encoding="utf-8")
    return template


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unknown_rules_table_names_the_markdown_file_and_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "overview.md"
    append(page, '\nSome text.\n\n{{ rules_table("crs.no_such_table") }}\n')
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*overview\.md:{line_of(page, 'no_such_table')}: ", message), message
    assert "crs.no_such_table" in message


def test_unknown_row_of_a_figure_names_its_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "proof-of-funds.md"
    append(page, '\nYou need {{ rule("funds.settlement", 999, "amount") | cad }}.\n')
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*proof-of-funds\.md:{line_of(page, '999')}: ", message), message


def test_bad_front_matter_names_its_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "medical-exam.md"
    text = re.sub(r"^order = \d+$", "order = eleven", page.read_text(encoding="utf-8"), count=1, flags=re.M)
    page.write_text(text, encoding="utf-8")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*medical-exam\.md:{line_of(page, 'order = eleven')}: bad front matter", message), message


def test_missing_front_matter_field_is_an_error(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "medical-exam.md"
    page.write_text(re.sub(r"^reviewed = .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    assert "needs 'reviewed'" in build_error(content, templates, tmp_path / "out")


def test_a_source_without_the_date_its_figures_were_seen_is_an_error(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "medical-exam.md"
    page.write_text(re.sub(r"^figures_seen = .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    assert "'figures_seen'" in build_error(content, templates, tmp_path / "out")


def test_link_to_a_missing_page_names_its_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "overview.md"
    append(page, "\nSee [the lost page](no-such-page.md).\n")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*overview\.md:{line_of(page, 'no-such-page.md')}: link to a page that does not exist", message)


def test_link_to_a_missing_heading_names_its_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "overview.md"
    append(page, "\nSee [funds](proof-of-funds.md#no-such-heading).\n")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*overview\.md:{line_of(page, 'no-such-heading')}: link to a heading", message), message


def test_missing_string_in_a_template_names_the_template_line(inputs, tmp_path):
    content, templates = inputs
    template = templates / "404.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        't("site.not_found_body")', 't("site.no_such_string")'), encoding="utf-8")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*404\.html:{line_of(template, 'no_such_string')}: missing string 'site.no_such_string'",
                    message), message


def test_undefined_variable_in_a_template_is_an_error(inputs, tmp_path):
    content, templates = inputs
    template = insert_in_404(templates, "{{ no_such_variable }}\n")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*404\.html:{line_of(template, 'no_such_variable')}: 'no_such_variable' is undefined", message)


def test_broken_link_in_a_template_stops_the_build(inputs, tmp_path):
    content, templates = inputs
    insert_in_404(templates, "<a href=\"{{ url('nowhere/') }}\">x</a>\n")
    assert "broken link '/nowhere/'" in build_error(content, templates, tmp_path / "out")


def test_failed_build_leaves_the_previous_site_intact(inputs, tmp_path):
    content, templates = inputs
    out = tmp_path / "out"
    build_site(out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    append(content / "en" / "overview.md", '\n{{ rules_table("crs.no_such_table") }}\n')
    build_error(content, templates, out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out", "templates"]  # no temp folders left


def test_command_line_prints_the_error_and_exits_non_zero(monkeypatch, capsys, tmp_path):
    def failing_build(out, *, base_url):
        raise BuildError("content/overview.md:12: unknown rules table 'x'")

    monkeypatch.setattr(build_cli, "build_site", failing_build)
    assert build_cli.main(["--out", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err.strip() == "content/overview.md:12: unknown rules table 'x'"


def test_command_line_builds_with_a_base_url(tmp_path):
    assert build_cli.main(["--out", str(tmp_path / "site"), "--base-url", "/repo-name/"]) == 0
    assert 'href="/repo-name/guide/"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("code, message", [
    # A figure still in force can never be shown as an old one.
    ('{{ superseded("deadlines.periods", "eca").values.years }}', "has no row for 'eca' that ended before"),
    ('{{ rules_table("language.tests", exclude=["no_such_test"]) }}', "has no row 'no_such_test' to exclude"),
    ('{{ block(budget("no_such_family")) }}', "has no row for 'no_such_family'"),
])
def test_guide_shortcodes_refuse_what_the_data_does_not_hold(inputs, tmp_path, code, message):
    content, templates = inputs
    page = content / "en" / "old-figures.md"
    append(page, f"\n{code}\n")
    error = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*old-figures\.md:{line_of(page, code)}: ", error), error
    assert message in error


def test_scripts_in_front_matter_must_be_a_list(inputs, tmp_path):
    content, templates = inputs
    page = content / "en" / "documents.md"
    page.write_text(page.read_text(encoding="utf-8").replace('scripts = ["js/checklist.js"]', 'scripts = "js/checklist.js"'),
                    encoding="utf-8")
    assert "scripts must list paths under static/" in build_error(content, templates, tmp_path / "out")


# The editions: every page in both languages, with the same figures.

def test_a_page_missing_from_one_edition_is_named(inputs, tmp_path):
    content, templates = inputs
    (content / "fr" / "medical-exam.md").unlink()
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(r".*content/en/medical-exam\.md:1: no fr edition of this page: write .*content/fr/medical-exam\.md", message), message
    (content / "en" / "medical-exam.md").rename(content / "en" / "moved.md")
    (content / "fr" / "moved.md").write_text((content / "en" / "moved.md").read_text(encoding="utf-8"), encoding="utf-8")
    (content / "en" / "moved.md").unlink()
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(r".*content/fr/moved\.md:1: no en edition of this page", message), message


def test_twins_whose_figures_differ_stop_the_build_at_the_line(inputs, tmp_path):
    content, templates = inputs
    page = content / "fr" / "proof-of-funds.md"
    append(page, '\nIl faut {{ rule("funds.settlement", 2, "amount") | number }}.\n')
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(rf".*content/fr/proof-of-funds\.md:{line_of(page, 'Il faut')}: a figure that "
                    r".*content/en/proof-of-funds\.md does not show: \{\{ rule\(", message), message


def test_a_figure_left_out_of_a_twin_is_named(inputs, tmp_path):
    content, templates = inputs
    page = content / "fr" / "language-tests.md"
    text = page.read_text(encoding="utf-8")
    shortcode = next(line for line in text.splitlines() if line.startswith("{{ rules_table("))
    page.write_text(text.replace(shortcode, "", 1), encoding="utf-8")
    message = build_error(content, templates, tmp_path / "out")
    assert "content/fr/language-tests.md" in message and "is missing here" in message
    assert shortcode.split(",")[0] in message, message


def test_a_section_written_in_one_edition_only_stops_the_build(inputs, tmp_path):
    content, templates = inputs
    page = content / "fr" / "proof-of-funds.md"
    append(page, "\n## Une section de plus {: #one-more-section }\n\nDu texte.\n")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(r".*content/fr/proof-of-funds\.md:\d+: section h2 #one-more-section is not where "
                    r".*content/en/proof-of-funds\.md has no section", message), message
    append(content / "en" / "proof-of-funds.md", "\n## One more section\n\nSome text.\n")
    Builder(content=content, templates=templates).build(tmp_path / "out")  # twins again: same anchor


def test_a_section_under_another_anchor_is_named(inputs, tmp_path):
    content, templates = inputs
    page = content / "fr" / "proof-of-funds.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{: #how-to-prove-it }", "{: #comment-le-prouver }"), encoding="utf-8")
    message = build_error(content, templates, tmp_path / "out")
    assert "content/fr/proof-of-funds.md" in message and "#comment-le-prouver" in message, message
    assert "h2 #how-to-prove-it" in message, message


def test_twins_may_word_a_table_differently(inputs, tmp_path):
    """row_heading= and labels= are words: each language writes its own."""
    content, templates = inputs
    page = content / "fr" / "language-tests.md"
    text = page.read_text(encoding="utf-8")
    assert 'row_heading="' in text
    page.write_text(re.sub(r'row_heading="[^"]*"', 'row_heading="Autres mots"', text), encoding="utf-8")
    Builder(content=content, templates=templates).build(tmp_path / "out")
    assert "Autres mots" in (tmp_path / "out" / "fr" / "guide" / "language-tests" / "index.html").read_text(encoding="utf-8")


def test_twins_keep_their_place_in_the_path(inputs, tmp_path):
    content, templates = inputs
    page = content / "fr" / "medical-exam.md"
    page.write_text(re.sub(r"^order = (\d+)$", "order = 99", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    message = build_error(content, templates, tmp_path / "out")
    assert re.match(r".*content/fr/medical-exam\.md:1: 'order' is 99, but .*content/en/medical-exam\.md has \d+", message), message
