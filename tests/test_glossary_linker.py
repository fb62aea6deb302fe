from tests.helpers import matcher, mini_glossary
from wikitools.glossary_linker import link_terms


def link(html: str, language: str = "ja") -> str:
    glossary = mini_glossary()
    return link_terms(html, matcher(language, glossary), glossary, language, lambda i: f"../glossary/#{i}").html


def test_links_first_mention_in_japanese_paragraph_with_tooltip():
    out = link("<p>SageMakerの推論エンドポイントを使います。推論エンドポイントは便利です。</p>")
    assert out.count('href="../glossary/#inference-endpoint"') == 1
    assert 'title="リアルタイムに推論を返す HTTPS エンドポイントです。"' in out
    assert 'class="glossary-term"' in out


def test_each_section_links_again():
    out = link("<h2 id='a'>A</h2><p>推論</p><h2 id='b'>B</h2><p>推論</p>")
    assert out.count('href="../glossary/#inference"') == 2


def test_nothing_linked_in_code_headings_links_mermaid_or_admonition_titles():
    html = (
        "<h2 id='x'>推論</h2><p><code>推論</code> <a href='/x'>推論</a></p>"
        "<pre class='mermaid'><code>推論</code></pre>"
        "<div class='admonition note'><p class='admonition-title'>推論</p></div>"
    )
    assert "glossary-term" not in link(html)


def test_text_after_skipped_element_is_linked():
    out = link("<p><code>x</code> 推論</p>")
    assert 'href="../glossary/#inference"' in out


def test_retired_term_gets_status_badge():
    out = link("<p>Elastic Inference は使えません。</p>")
    assert "term-status--retired" in out and "提供終了" in out and "2024-04-15" in out


def test_term_not_linked_inside_its_own_glossary_entry():
    out = link("<h4 id='inference'>推論</h4><p>推論とは</p>")
    assert "glossary-term" not in out


def test_html_attributes_are_not_touched():
    out = link('<p title="推論">x</p>')
    assert out == '<p title="推論">x</p>'
