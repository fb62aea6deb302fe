"""Every page lets a reader report a mistake: a prefilled issue form naming the page's own source file."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.build


def test_every_page_links_the_mistake_form_with_its_own_path(built_site):
    checked = 0
    for language in ("ja", "en"):
        for rel in built_site.pages(language):
            html = (built_site.root / rel / "index.html").read_text(encoding="utf-8")
            match = re.search(r'<a href="([^"]+)"\s+data-wiki-report="([^"]+)"', html)
            assert match, f"{rel}: no report link"
            href, source = match.group(1).replace("&amp;", "&"), match.group(2)
            assert source.startswith(f"docs/{language}/") and source.endswith(".md"), source
            assert (ROOT / source).is_file(), source
            query = parse_qs(urlsplit(href).query)
            assert query["template"] == ["content-error.yml"] and query["page"] == [source]
            expected = "この内容の誤りを報告" if language == "ja" else "Report a mistake on this page"
            assert expected in html
            checked += 1
    assert checked >= 80
