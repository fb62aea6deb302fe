"""Serve-only Markdown cache: an unchanged page is not converted again, and nothing it set is lost."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from wikitools import render_cache


@pytest.fixture(autouse=True)
def _fresh():
    render_cache.clear()
    yield
    render_cache.clear()


def _site(tmp_path: Path) -> tuple[MkDocsConfig, Files]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.md"):
        (docs / name).write_text("# B\n\n## Part {#part}\n", encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "markdown_extensions": ["toc", "attr_list"]})
    errors, _ = config.validate()
    assert not errors
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in ("a.md", "b.md")])
    return config, files


def _render(config: MkDocsConfig, files: Files, text: str) -> Page:
    page = Page(None, files.get_file_from_path("a.md"), config)
    page.markdown = text
    render_cache.use_for(page)
    page.render(config, files)
    return page


def test_unchanged_page_is_restored_whole_and_its_warnings_replayed(tmp_path, monkeypatch, caplog) -> None:
    config, files = _site(tmp_path)
    text = "# Title\n\n## Sub {#sub}\n\n[b](b.md#part) [gone](missing.md)\n"
    conversions = []
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, s: conversions.append(s) or convert(md, s))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        first = _render(config, files, text)
        first_messages = [r.getMessage() for r in caplog.records]
        caplog.clear()
        second = _render(config, files, text)
        assert [r.getMessage() for r in caplog.records] == first_messages
    assert len(conversions) == 1
    assert any("missing.md" in m for m in first_messages)
    assert second.content == first.content and "b/#part" in second.content
    assert [(t.title, t.id, [c.id for c in t.children]) for t in second.toc] == [("Title", "title", ["sub"])]
    assert second.toc is not first.toc
    assert second._title_from_render == "Title"
    assert second.present_anchor_ids == first.present_anchor_ids == {"title", "sub"}
    assert {f.src_uri: v for f, v in second.links_to_anchors.items()} == {"b.md": {"part": "b.md#part"}}
    assert next(iter(second.links_to_anchors)) is files.get_file_from_path("b.md")


def test_a_change_in_text_files_or_settings_converts_again(tmp_path, monkeypatch) -> None:
    config, files = _site(tmp_path)
    conversions = []
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, s: conversions.append(s) or convert(md, s))
    _render(config, files, "# T\n\n[b](b.md)\n")
    assert "edited" in _render(config, files, "# T\n\nedited [b](b.md)\n").content
    files.remove(files.get_file_from_path("b.md"))  # the link no longer resolves
    _render(config, files, "# T\n\nedited [b](b.md)\n")
    config["mdx_configs"] = {"toc": {"permalink": True}}
    assert "headerlink" in _render(config, files, "# T\n\nedited [b](b.md)\n").content
    _render(config, files, "# T\n\n--8<-- 'x.md'\n")
    _render(config, files, "# T\n\n--8<-- 'x.md'\n")  # snippets read other files: always converted
    assert len(conversions) == 6


def test_stable_settings_ignore_memory_addresses() -> None:
    def slugify(text: str, sep: str) -> str:
        return text

    assert render_cache.stable({"toc": {"slugify": slugify, "n": [1, 2]}}) == render_cache.stable(
        {"toc": {"n": [1, 2], "slugify": slugify}}
    )
    assert "0x" not in repr(render_cache.stable({"f": slugify}))
