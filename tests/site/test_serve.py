"""`python build.py serve` rebuilds on each change; a broken edit keeps the last good site."""
from __future__ import annotations

from sitegen.build import Builder
from sitegen.serve import rebuild, serve
from tests.site.helpers import copy_inputs


def test_a_broken_edit_is_reported_and_the_last_good_site_stays(tmp_path, capsys):
    content, templates = copy_inputs(tmp_path)
    builder = Builder(dev=True, content=content, templates=templates)
    out = tmp_path / "site"
    assert rebuild(builder, out) is True
    page = out / "guide" / "overview" / "index.html"
    before = page.read_text(encoding="utf-8")

    source = content / "en" / "overview.md"
    source.write_text(source.read_text(encoding="utf-8") + '\n{{ rule("crs.age", 999, "with_spouse") }}\n',
                      encoding="utf-8")
    assert rebuild(builder, out) is False
    err = capsys.readouterr().err
    assert "still serving the last good build" in err and "overview.md:" in err
    assert page.read_text(encoding="utf-8") == before


def test_serve_refuses_a_base_path(tmp_path, capsys):
    assert serve(tmp_path / "site", base_url="/repo-name/") == 2
    assert "--base-url" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
