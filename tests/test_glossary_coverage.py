from tests.helpers import matcher, mini_glossary
from wikitools.glossary_coverage import SourcePage, coverage, line_of, page_problems
from wikitools.glossary_linker import link_terms

SOURCE = """---
title: テスト
---
# テスト

クローラを動かして推論します。`クローラ` はコードなので対象外です。

## クローラの見出し

詳しくは [[inference-endpoint]] と [[infrence]] を参照。
"""
HTML = (
    "<h1>テスト</h1><p>クローラを動かして推論します。<code>クローラ</code> はコードなので対象外です。</p>"
    "<h2 id='x'>クローラの見出し</h2><p>詳しくは <a href='#'>推論エンドポイント</a> と infrence を参照。</p>"
)


def linked():
    glossary = mini_glossary()
    return link_terms(HTML, matcher("ja", glossary), glossary, "ja", lambda t: f"#{t}")


def test_linker_notes_mentions_in_prose_headings_and_link_text_but_not_code():
    result = linked()
    assert result.mentioned == {"crawler", "inference", "inference-endpoint"}
    assert "inference-endpoint" not in result.linked  # already inside a link
    assert [v[:2] for v in result.variants] == [("クローラ", "crawler"), ("クローラ", "crawler")]


def test_variant_reported_once_with_its_first_line_and_the_standard_form():
    problems = page_problems(SOURCE, "docs/ja/x.md", linked().variants, [], mini_glossary())
    assert len(problems) == 1
    assert problems[0].line == 6 and "'クローラー'" in problems[0].fix


def test_unknown_explicit_reference_suggests_closest_ids():
    problems = page_problems(SOURCE, "docs/ja/x.md", [], ["infrence"], mini_glossary())
    assert len(problems) == 1 and problems[0].line == 10 and "'inference'" in problems[0].fix


def test_variant_line_is_a_whole_form_not_a_prefix_of_the_standard_form():
    source = "# T\n\nクローラーを使います。\n\nクローラを使います。\n"
    assert line_of(source, "クローラ", 1, whole_form=True) == 5
    problems = page_problems(source, "docs/ja/y.md", [("クローラ", "crawler", "クローラー")], [], mini_glossary())
    assert problems[0].line == 5


def test_line_of_skips_front_matter():
    assert line_of(SOURCE, "テスト", 4) == 4
    assert line_of(SOURCE, "absent") is None


def test_coverage_reports_orphans_per_language():
    page = SourcePage("x.md", "docs/ja/x.md", "テスト", {"crawler", "inference"})
    summary, problems = coverage(mini_glossary(), {"ja": [page], "en": []})
    assert "sagemaker-ai" in summary["languages"]["ja"]["orphans"]
    assert len(summary["languages"]["en"]["orphans"]) == 5
    assert any("not used on any en content page" in p.message for p in problems)
