"""Drive the real Material search box in Chromium and read the ranked results.

Shared by the search tests and the search comparison benchmark, so both see
exactly what a reader sees: the query typed into the header's search box and
the result links in the order they are shown.
"""

from __future__ import annotations

from urllib.parse import urlsplit

RESULTS = "() => [...document.querySelectorAll('.md-search-result__list > li > a')].map(a => a.href)"


def open_search(page) -> None:
    page.wait_for_function("() => window.document$ !== undefined")
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens show a search button instead of the box
        page.locator("label.md-header__button[for='__search']").first.click()
    box.click()


def material_search(page, query: str, timeout: float = 15000) -> list[str]:
    """Type ``query`` into the open search box; return result page paths (no hash), best first.

    Waits until the search index is ready and the result list has stopped
    changing for a moment, which is when a reader would look at it.
    """
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() !== '' && !/Initializing|初期化/.test(m.textContent); }",
        timeout=timeout,
    )
    box = page.locator("input.md-search__input")
    # Material reads the box on keyup. Japanese arrives through an input method (no key
    # events per character), so set the text and finish with a key, as an IME commit does.
    box.fill("")
    box.press("End")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__list > li').length === 0", timeout=timeout
    )
    page.evaluate("() => { window.__wikiSnap = undefined; }")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """() => {
             const m = document.querySelector('.md-search-result__meta');
             const snap = (m ? m.textContent : '') + '|' + [...document.querySelectorAll(
               '.md-search-result__list > li > a')].map(a => a.href).join(' ');
             const now = performance.now();
             if (snap.endsWith('|') && !/No matching|一致する|見つかりません/.test(snap)) return false;
             if (window.__wikiSnap !== snap) { window.__wikiSnap = snap; window.__wikiSince = now; return false; }
             return now - window.__wikiSince > 400;
           }""",
        timeout=timeout,
        polling=50,
    )
    out: list[str] = []
    for href in page.evaluate(RESULTS):
        path = urlsplit(href).path
        if path not in out:
            out.append(path)
    return out
