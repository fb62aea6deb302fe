from tests.helpers import categories, mini_glossary, schema
from wikitools.glossary_data import build_glossary


def problems_for(text: str) -> list[str]:
    _, problems = build_glossary(text, schema(), categories())
    return [str(p) for p in problems]


def test_fixture_is_valid():
    assert len(mini_glossary().terms) == 5


def test_yaml_syntax_error_names_file_and_line():
    messages = problems_for("- id: a\n  ja: [unclosed\n")
    assert len(messages) == 1 and messages[0].startswith("[glossary] glossary/terms.yml:")
    assert "invalid YAML" in messages[0]


def test_missing_english_definition_is_reported_with_term_and_line():
    text = """- id: shard
  category: streaming
  status: current
  docs_url: https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html
  ja: {name: シャード, reading: しゃーど, short: 単位です。, long: 説明。}
  en: {name: shard, long: text}
"""
    messages = problems_for(text)
    assert any(
        "glossary/terms.yml:6" in m and "'shard'" in m and "'short' is a required property" in m for m in messages
    ), messages


def test_duplicate_id_and_unknown_related_are_reported():
    term = """- id: a
  category: streaming
  status: current
  docs_url: https://docs.aws.amazon.com/
  related: [b]
  ja: {{name: {ja}, reading: あ, short: s, long: l}}
  en: {{name: {en}, short: s, long: l}}
"""
    messages = problems_for(term.format(ja="エー", en="A") + term.format(ja="ビー", en="B"))
    assert any("duplicate term id 'a'" in m for m in messages)
    assert any("unknown term 'b'" in m for m in messages)


def test_duplicate_surface_form_across_terms():
    term = """- id: {id}
  category: streaming
  status: current
  docs_url: https://docs.aws.amazon.com/
  ja: {{name: 同じ, reading: おなじ, short: s, long: l}}
  en: {{name: {id}, short: s, long: l}}
"""
    messages = problems_for(term.format(id="one") + term.format(id="two"))
    assert any("ja form '同じ' is also" in m for m in messages)


def test_unknown_category_and_non_current_without_date():
    text = """- id: x
  category: nope
  status: retired
  docs_url: https://docs.aws.amazon.com/
  ja: {name: エックス, reading: えっくす, short: s, long: l}
  en: {name: X, short: s, long: l}
"""
    messages = problems_for(text)
    assert any("unknown category 'nope'" in m for m in messages)
    assert any("'status_date' is a required property" in m for m in messages)


def test_not_a_list():
    assert any("must be a YAML list" in m for m in problems_for("id: x\n"))


def test_kana_readings_are_search_keywords_and_never_linked():
    from dataclasses import replace

    from tests.helpers import matcher, mini_glossary
    from wikitools.search_keywords import page_keywords

    glossary = mini_glossary()
    term_id, term = next(iter(glossary.terms.items()))
    glossary.terms[term_id] = replace(term, text={**term.text, "ja": replace(term.text["ja"], kana=("テストカナ",))})
    assert "テストカナ" in page_keywords({term_id}, glossary, "ja").split()
    assert "テストカナ" not in page_keywords({term_id}, glossary, "en").split()
    assert list(matcher("ja", glossary).find("テストカナを使う")) == []
    about = page_keywords({term_id}, glossary, "ja", title=f"{term.text['ja'].name} の使い方").split()
    assert about.count("テストカナ") == 3  # the page about the term ranks first for its reading
