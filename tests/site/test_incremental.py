"""`serve` keeps one Builder: after an edit only the changed page's Markdown is rendered again."""
from __future__ import annotations

from sitegen import build as build_module
from sitegen.build import Builder
from tests.site.helpers import copy_inputs


def test_rebuild_renders_only_the_edited_page_and_shows_the_edit(tmp_path, monkeypatch):
    content, templates = copy_inputs(tmp_path)
    rendered = []
    original = build_module.render_page
    monkeypatch.setattr(build_module, "render_page", lambda page, *a: (rendered.append(page.slug), original(page, *a)))
    builder = Builder(content=content, templates=templates)
    out = tmp_path / "site"

    builder.build(out)
    # Each page of each edition (English, French).
    assert sorted(rendered) == sorted(p.stem for lang in ("en", "fr") for p in (content / lang).glob("*.md"))

    rendered.clear()
    builder.build(out)
    assert rendered == []

    page = content / "en" / "medical-exam.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added while serving.\n", encoding="utf-8")
    builder.build(out)
    assert rendered == ["medical-exam"]
    assert "A sentence added while serving." in (out / "guide/medical-exam/index.html").read_text(encoding="utf-8")


def test_a_changed_title_reaches_every_page_sidebar(tmp_path):
    content, templates = copy_inputs(tmp_path)
    builder = Builder(content=content, templates=templates)
    out = tmp_path / "site"
    builder.build(out)
    page = content / "en" / "medical-exam.md"
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title = "))
    page.write_text(text.replace(title, 'title = "Health check"', 1), encoding="utf-8")
    builder.build(out)
    assert "Health check" in (out / "guide/overview/index.html").read_text(encoding="utf-8")
