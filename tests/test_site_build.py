"""The real site, built once with ``mkdocs build --strict``, checked as files."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.build


def read(site, rel: str) -> str:
    return (site.root / rel / "index.html" if not rel.endswith(".html") else site.root / rel).read_text("utf-8")


def test_every_page_exists_in_both_languages(built_site):
    ja, en = built_site.pages("ja"), built_site.pages("en")
    assert len(ja) >= 30
    assert ["en/" + p for p in ja] == en


def test_html_lang_and_ui_language(built_site):
    assert '<html lang="ja"' in read(built_site, "")
    assert '<html lang="en"' in read(built_site, "en/")
    assert 'placeholder="検索"' in read(built_site, "")
    assert 'placeholder="Search"' in read(built_site, "en/")


def test_404_page_in_each_language(built_site):
    ja = (built_site.root / "404.html").read_text("utf-8")
    en = (built_site.root / "en" / "404.html").read_text("utf-8")
    assert '<html lang="ja"' in ja and "ページが見つかりません" in ja
    assert '<html lang="en"' in en and "Page not found" in en


def test_language_switch_links_point_to_the_same_page(built_site):
    base = built_site.base_path
    html = read(built_site, "sagemaker/train/")
    assert f'href="{base}en/sagemaker/train/" hreflang="en"' in html
    html = read(built_site, "en/sagemaker/train/")
    assert f'href="{base}sagemaker/train/" hreflang="ja"' in html


def test_no_reference_to_other_hosts_in_loaded_resources(built_site):
    own = urlsplit(built_site.url).netloc
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//([^/"]+)')
    for file in built_site.root.rglob("*.html"):
        for match in pattern.finditer(file.read_text("utf-8")):
            tag = match.group(0)
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue
            assert match.group(2) == own, f"{file}: {tag}"


def test_no_web_fonts_and_no_github_api_component(built_site):
    for rel in ("", "en/", "sagemaker/"):
        html = read(built_site, rel)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert 'data-md-component="source"' not in html


def test_edit_and_view_buttons_exist(built_site):
    html = read(built_site, "sagemaker/train/")
    assert re.search(r'href="[^"]+/edit/main/docs/ja/sagemaker/train\.md"', html)
    assert re.search(r'href="[^"]+/raw/main/docs/ja/sagemaker/train\.md"|/blob/main/docs/ja/sagemaker/train\.md', html)


def test_last_updated_date_is_shown(built_site):
    assert re.search(r"md-source-file__fact.*?\d{4}年\d{1,2}月\d{1,2}日", read(built_site, "sagemaker/"), re.S)
    assert re.search(r"md-source-file__fact.*?[A-Z][a-z]+ \d{1,2}, \d{4}", read(built_site, "en/sagemaker/"), re.S)


def test_no_page_ships_the_mermaid_runtime(built_site):
    # Diagrams are drawn at build time (hooks/diagrams.py); the runtime is not even in the site.
    assert not list(built_site.root.rglob("mermaid*.js"))
    for file in built_site.root.rglob("*.html"):
        html = file.read_text("utf-8")
        assert "mermaid.min.js" not in html and "unpkg.com" not in html, file
        assert 'class="mermaid"' not in html and 'class="wiki-diagram"><code>' not in html, file


def test_home_pages_have_site_map_and_no_placeholders(built_site):
    for rel in ("", "en/"):
        html = read(built_site, rel)
        assert '<div class="wiki-diagram"><svg' in html
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        assert not re.search(r"TODO|TBD|lorem ipsum|placeholder", article, re.I)


def test_glossary_coverage_summary_written(built_site):
    summary = json.loads((built_site.root / "glossary-coverage.json").read_text("utf-8"))
    assert summary["terms"] >= 120
    for language in ("ja", "en"):
        assert summary["languages"][language]["orphans"] == []


def test_sitemap_per_language(built_site):
    for rel in ("sitemap.xml", "en/sitemap.xml"):
        assert "<loc>" in (built_site.root / rel).read_text("utf-8")
