from tests.helpers import matcher, mini_glossary
from wikitools.glossary_coverage import coverage, scan_source

PAGE = """---
title: テスト
---
# テスト

クローラを動かして推論します。`クローラ` はコードなので対象外です。

```python
クローラ = 1
```

詳しくは [[inference-endpoint]] と [[infrence]] を参照。
"""


def scan():
    glossary = mini_glossary()
    return scan_source(PAGE, "x.md", "docs/ja/x.md", matcher("ja", glossary), glossary)


def test_variant_reported_once_with_line_and_standard_form():
    _, problems = scan()
    variants = [p for p in problems if "non-standard" in p.message]
    assert len(variants) == 1
    assert variants[0].line == 6 and "'クローラー'" in variants[0].fix


def test_unknown_explicit_reference_suggests_closest_ids():
    _, problems = scan()
    unknown = [p for p in problems if "unknown glossary term" in p.message]
    assert len(unknown) == 1 and unknown[0].line == 12 and "'inference'" in unknown[0].fix


def test_usage_and_title():
    page, _ = scan()
    assert page.title == "テスト"
    assert {"crawler", "inference", "inference-endpoint"} <= page.used


def test_coverage_reports_orphans_per_language():
    page, _ = scan()
    summary, problems = coverage(mini_glossary(), {"ja": [page], "en": []}, exclude=set())
    assert "sagemaker-ai" in summary["languages"]["ja"]["orphans"]
    assert len(summary["languages"]["en"]["orphans"]) == 5
    assert any("not used on any en content page" in p.message for p in problems)
