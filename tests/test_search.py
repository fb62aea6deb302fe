"""Search in Japanese and English: segmentation units, and the real search box in Chromium."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import pytest
import yaml

from tests.helpers import ROOT
from tests.search_driver import material_search, open_search


@cache
def separator() -> str:
    """The search separator, read from mkdocs.yml (its one definition)."""
    match = re.search(r"^\s+separator: '(.*)'\s*$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
    assert match
    return match.group(1).replace("''", "'")


def segment(text: str) -> list[str]:
    return [t for t in re.split(separator(), text) if t]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("SageMakerの推論エンドポイントを", ["SageMaker", "の", "推論", "エンドポイント", "を"]),
        ("MLOpsレベル2の自動化", ["MLOps", "レベル", "2", "の", "自動化"]),
        ("S3バケットに保存", ["S3", "バケット", "に", "保存"]),
        ("推論・学習（SageMaker AI）", ["推論", "学習", "SageMaker", "AI"]),
        ("異常検知", ["異常検知"]),
        ("クローラーで収集", ["クローラー", "で", "収集"]),
        ("ml.m5.xlarge インスタンス", ["ml.m5.xlarge", "インスタンス"]),
        ("batch transform jobs", ["batch", "transform", "jobs"]),
        ("2024年12月3日", ["2024", "年", "12", "月", "3", "日"]),
    ],
)
def test_separator_cuts_at_script_changes(text, tokens):
    assert segment(text) == tokens


NORMALIZE = (ROOT / "docs/assets/javascripts/workers/wiki-search-normalize.js").read_text("utf-8")


@pytest.mark.browser
def test_query_normalisation_in_the_browser(browser):
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><title>t</title>")
        page.add_script_tag(content=NORMALIZE)
        cases = {
            "ＳａｇｅＭａｋｅｒ": "sagemaker",
            "クローラー": "クローラ",
            "ｸﾛｰﾗｰ": "クローラ",
            "ハイパーパラメーター": "ハイパーパラメータ",
            "features": "feature",
            "policies": "polic",
            "batch transforms": "batch transform",
            "class analysis": "class analysis",
            "推論エンドポイント": "推論エンドポイント",
            "S3バケット": "s3バケット",
        }
        got = page.evaluate("(qs) => qs.map(q => wikiSearch.normalizeQuery(q))", list(cases))
        assert dict(zip(cases, got, strict=True)) == cases
        # the separator behaves the same in JavaScript as in the Python tests above
        js = page.evaluate(
            "([s, t]) => t.split(new RegExp(s)).filter(Boolean)", [separator(), "SageMakerの推論エンドポイントをS3に"]
        )
        assert js == ["SageMaker", "の", "推論", "エンドポイント", "を", "S3", "に"]
    finally:
        page.close()


QUERIES = yaml.safe_load((ROOT / "benchmarks/search_queries.yml").read_text("utf-8"))


def page_path(language: str, md: str) -> str:
    stem = md[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return ("" if language == "ja" else f"{language}/") + stem


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ja", "en"])
def test_query_set_finds_the_expected_page_in_the_top_five(session, language):
    page = session.page
    page.goto(session.url("" if language == "ja" else "en/"))
    open_search(page)
    misses = []
    for item in QUERIES[language]:
        found = [p[len(session.site.base_path) :] for p in material_search(page, item["q"])][:5]
        if not {page_path(language, p) for p in item["page"]} & set(found):
            misses.append(f"{item['q']} -> {found}")
    rate = 1 - len(misses) / len(QUERIES[language])
    assert rate >= 0.9, f"hits@5 {rate:.0%}; misses:\n" + "\n".join(misses)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("sagemaker/", "推論エンドポイント", "sagemaker/deploy/"),
        ("en/mlops/", "batch transform", "en/sagemaker/deploy/"),
        ("mlops/", "時系列予測", "sagemaker/algorithms/time-series/"),
    ],
)
def test_queries_typed_on_a_page_of_their_language(session, start, query, expected):
    page = session.page
    page.goto(session.url(start))
    open_search(page)
    found = [p[len(session.site.base_path) :] for p in material_search(page, query)][:5]
    assert expected in found


@pytest.mark.browser
@pytest.mark.parametrize(("start", "prefix_expected"), [("", ""), ("en/", "en/")])
def test_results_are_in_the_readers_language_only(session, start, prefix_expected):
    page = session.page
    page.goto(session.url(start))
    open_search(page)
    found = [p[len(session.site.base_path) :] for p in material_search(page, "SageMaker")]
    assert found, "no results"
    assert [p for p in found if p.startswith("en/") != bool(prefix_expected)] == []


PAGE_KINDS = {
    "home": "",
    "diagram page": "sagemaker/deploy/",
    "glossary": "glossary/",
    "glossary category": "glossary/sagemaker-build/",
    "404": "404.html",
}
HEAVY = re.compile(r"search_index|/workers/search\.|/lunr/|mermaid")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_search_data_loads_on_focus_and_only_in_the_page_language(session, kind, language):
    page = session.page
    page.goto(session.url(("" if language == "ja" else "en/") + PAGE_KINDS[kind]))
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")
    page.wait_for_timeout(1000)  # give anything eager the time to ask
    assert [p for p in session.traffic.served if HEAVY.search(p)] == [], "requested before any interaction"
    open_search(page)
    assert material_search(page, "SageMaker"), "search found nothing"
    index = [p for p in session.traffic.served if "search_index" in p]
    assert set(index) == {f"{session.site.base_path}search/search_index.{language}.json"}
    assert not [p for p in session.traffic.served if "mermaid" in p]


@pytest.mark.browser
def test_clicking_a_result_highlights_the_query_on_the_page(session):
    page = session.page
    page.goto(session.url(""))
    open_search(page)
    material_search(page, "シャード")
    page.locator(".md-search-result__list > li > a").first.click()
    page.wait_for_function("() => document.querySelector('mark[data-md-highlight]') !== null", timeout=10000)
    assert "シャード" in page.locator("mark[data-md-highlight]").first.inner_text()


def test_index_is_split_by_the_language_prefix_of_each_location():
    from wikitools.search_split import index_file_name, split_index

    index = {
        "config": {"lang": ["ja", "en"]},
        "docs": [{"location": ""}, {"location": "en/"}, {"location": "sagemaker/#x"}, {"location": "en/mlops/"}],
    }
    parts = split_index(index, {"ja": "", "en": "en/"})
    assert [d["location"] for d in parts["ja"]["docs"]] == ["", "sagemaker/#x"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["en/", "en/mlops/"]
    assert parts["ja"]["config"] == parts["en"]["config"] == index["config"]
    assert index_file_name("en") == "search_index.en.json"


@pytest.mark.browser
@pytest.mark.parametrize(("start", "query", "target"), [("", "Flink", "en"), ("en/", "シャード", "ja")])
def test_the_other_languages_search_is_a_second_step_under_the_results(session, start, query, target):
    page = session.page
    page.goto(session.url(start))
    open_search(page)
    other = page.locator("a[data-search-other]")
    assert other.is_hidden()  # nothing typed yet
    found = material_search(page, query)
    assert all(p.startswith("en/") == (start == "en/") for p in found)  # this language's pages only
    assert found or start == "en/"  # (a Japanese word is not on the English pages: the second step finds it)
    other.wait_for(state="visible")
    target_root = session.url("en/" if target == "en" else "")
    assert urlsplit(other.get_attribute("href")).path == urlsplit(target_root).path
    other.click()
    page.wait_for_url(lambda url: url.split("?")[0] == target_root)
    # the other language's page opens its search with the query, and loads only its own index
    page.wait_for_function("(q) => document.querySelector('input.md-search__input').value === q", arg=query)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0")
    hrefs = page.eval_on_selector_all(".md-search-result__list > li > a", "els => els.map(a => a.href)")
    assert hrefs and all(("/en/" in h) == (target == "en") for h in hrefs)
    index = [p for p in session.traffic.served if "search_index" in p]
    assert index[-1] == f"{session.site.base_path}search/search_index.{target}.json"
