"""Lifecycle notices from data, the reader's-voice, sources and lifecycle-prose rules, corrections and claims data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import ROOT, mini_glossary
from wikitools.claims import register_problems
from wikitools.content_rules import (
    lifecycle_prose_problems,
    notes_problems,
    review_age,
    rule_problems,
    source_problems,
)
from wikitools.corrections import load_corrections, render_corrections
from wikitools.lifecycle import (
    Links,
    expand_status_lines,
    lifecycle_terms,
    render_lifecycle_table,
    render_notice,
    status_ref_problems,
    status_refs,
    unshown_status_problems,
)

LINKS = Links(term=lambda t: f"../glossary/#{t}", lifecycle_page="../lifecycle/")
TODAY = dt.date(2026, 12, 2)


def test_notice_renders_status_date_successor_and_note_in_each_language():
    glossary = mini_glossary()
    term = glossary.terms["elastic-inference"]
    ja = render_notice(term, glossary, "ja", LINKS, TODAY)
    en = render_notice(term, glossary, "en", LINKS, TODAY)
    assert "提供終了（2024-04-15）" in ja and "に提供を終了しました" in ja
    assert "Retired (2024-04-15)" in en and "was retired on 2024-04-15" in en
    assert 'href="../glossary/#inference-endpoint"' in en  # the successor links its entry
    assert 'href="../lifecycle/"' in ja


def test_notice_speaks_of_a_future_date_in_the_future_tense_and_of_a_missing_date_plainly():
    glossary = mini_glossary()
    term = replace(glossary.terms["elastic-inference"], status="closed", status_date="2027-01-31")
    assert "closes to new customers on 2027-01-31" in render_notice(term, glossary, "en", LINKS, TODAY)
    undated = replace(term, status_date="")
    assert "AWS published no date" in render_notice(undated, glossary, "en", LINKS, TODAY)
    assert "日付の公表なし" in render_notice(undated, glossary, "ja", LINKS, TODAY)


def test_data_reaches_the_notice_escaped():
    glossary = mini_glossary()
    term = glossary.terms["elastic-inference"]
    text = replace(term.text["en"], name="<script>alert(1)</script>", status_note='<img src=x onerror="x">')
    hostile = replace(term, text={**term.text, "en": text}, status_source="javascript:alert(1)")
    html = render_notice(hostile, glossary, "en", LINKS, TODAY) + render_lifecycle_table(
        type(glossary)(terms={hostile.id: hostile}), "en", LINKS
    )
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html  # a URL that is not https:// never becomes a link


def test_status_lines_expand_outside_code_only():
    markdown = "Intro\n\n[[status:elastic-inference]]\n\n```\n[[status:elastic-inference]]\n```\n"
    assert status_refs(markdown) == [(3, "elastic-inference")]
    out = expand_status_lines(markdown, lambda term_id: f"<div>{term_id}</div>")
    assert out.count("<div>elastic-inference</div>") == 1
    assert "```\n[[status:elastic-inference]]\n```" in out


def test_unknown_or_current_status_refs_are_reported_with_their_line():
    glossary = mini_glossary()
    source = "---\ntitle: t\n---\n\n[[status:elastic-inferenc]]\n\n[[status:crawler]]\n"
    problems = status_ref_problems(source, "docs/en/x.md", ["elastic-inferenc", "crawler"], glossary)
    assert [(p.line, p.check) for p in problems] == [(5, "lifecycle"), (7, "lifecycle")]
    assert "elastic-inference" in problems[0].fix  # the closest id is suggested
    assert "current" in problems[1].message


def test_a_retired_term_mentioned_without_its_status_fails():
    glossary = mini_glossary()
    source = "# Page\n\nWe used Elastic Inference here.\n"
    problems = unshown_status_problems(source, "docs/en/x.md", "en", {"elastic-inference"}, set(), glossary)
    assert len(problems) == 1 and problems[0].line == 3 and "[[status:elastic-inference]]" in problems[0].fix
    assert unshown_status_problems(source, "x", "en", {"elastic-inference"}, {"elastic-inference"}, glossary) == []
    assert unshown_status_problems(source, "x", "en", {"crawler"}, set(), glossary) == []


def test_lifecycle_table_is_newest_first():
    glossary = mini_glossary()
    older = replace(glossary.terms["crawler"], status="renamed", status_date="2020-01-01", successor="inference")
    terms = {**glossary.terms, "crawler": older}
    ordered = [t.id for t in lifecycle_terms(type(glossary)(terms=terms))]
    assert ordered == ["elastic-inference", "crawler"]


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("この機能は学習メモでは古い名前でした。", True),
        ("The study notes called it Kinesis Firehose.", True),
        ("SageMaker ノートブックインスタンスを使います。", False),
        ("Notebook instances are still available.", False),
    ],
)
def test_notes_framing(line, bad):
    assert bool(notes_problems(f"# t\n\n{line}\n", "x.md")) is bad


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("Amazon Forecast は 2024-07-29 に新規のお客様への提供を終了しました。", True),
        ("The service was renamed on 2024-02-09.", True),
        ("It closed to new customers on July 29, 2024.", True),
        ("Apache Iceberg テーブルへの配信は 2024-09-30 に一般提供が始まりました。", False),
        ("Renamed services keep their API names.", False),
        ("`renamed 2024-02-09` in code is not prose.", False),
    ],
)
def test_lifecycle_prose(line, bad):
    assert bool(lifecycle_prose_problems(f"# t\n\n{line}\n", "x.md")) is bad


def test_sources_rules():
    good_ja = "# t\n\n本文です。\n\n## 参考資料 {#references}\n\n- [概要](https://docs.aws.amazon.com/ja_jp/sagemaker/latest/dg/whatis.html)\n"
    assert source_problems(good_ja, "docs/ja/x.md", "ja") == []
    english = good_ja.replace("/ja_jp/", "/")
    [problem] = source_problems(english, "docs/ja/x.md", "ja")
    assert problem.line == 7 and "（英語）" in problem.fix
    marked = english.replace("[概要]", "[Overview（英語）]")
    assert source_problems(marked, "docs/ja/x.md", "ja") == []
    assert source_problems(english, "docs/en/x.md", "en") == []
    [missing] = source_problems("---\ntitle: t\n---\n# t\n\ntext\n", "docs/en/x.md", "en")
    assert missing.line == 4 and "references" in missing.fix
    unofficial = "# t\n\n## References {#references}\n\n- [Course](https://www.udemy.com/course/x/)\n"
    assert "no official source" in source_problems(unofficial, "docs/en/x.md", "en")[0].message


def test_generated_pages_keep_only_the_rules_their_data_does_not():
    text = "---\ngenerated: corrections\n---\n# t\n\n元ノートの記述です。\n"
    assert rule_problems(text, "docs/ja/corrections.md", "ja") == []


def test_review_age():
    assert review_age("---\nlast_reviewed: 2026-05-01\n---\n", TODAY) == 215
    assert review_age("---\nlast_reviewed: soon\n---\n", TODAY) is None
    assert review_age("# no front matter\n", TODAY) is None


def _write(root: Path, path: str, text: str) -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


@pytest.fixture
def data_root(tmp_path):
    for lang in ("ja", "en"):
        _write(tmp_path, f"docs/{lang}/a.md", "# A\n\n## Part {#part}\n")
    for name in ("corrections.schema.json", "claims.schema.json"):
        _write(tmp_path, f"data/schemas/{name}", (ROOT / "data" / "schemas" / name).read_text(encoding="utf-8"))
    _write(tmp_path, "data/notes.yml", "- file: 000_a13a984a9ccc08a5.txt\n  title: {ja: ノート, en: Note}\n")
    return tmp_path


CORRECTION = """- id: a-fact
  note: 000_a13a984a9ccc08a5.txt
  page: a.md
  anchor: part
  said: {ja: "Kinesis Firehorse", en: "<b>Kinesis Firehorse</b>"}
  right: {ja: 正しい名前です。, en: The right name.}
  source: {ja: "https://docs.aws.amazon.com/ja_jp/x.html", en: "https://docs.aws.amazon.com/x.html"}
  checked: 2026-12-02
"""


def test_corrections_load_and_render_escaped(data_root):
    _write(data_root, "data/corrections/a.yml", CORRECTION)
    items, problems = load_corrections(data_root)
    assert problems == [] and [c.id for c in items] == ["a-fact"]
    html = render_corrections(items, [], "en", lambda page, anchor: f"../{page}#{anchor}")
    assert "&lt;b&gt;Kinesis Firehorse&lt;/b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (CORRECTION.replace("anchor: part", "anchor: nowhere"), 1, "no heading"),
        (CORRECTION.replace("page: a.md", "page: b.md"), 1, "does not exist"),
        (CORRECTION.replace("  checked: 2026-12-02\n", ""), 1, "checked"),
        (CORRECTION.replace("said: {", "said: [{"), 5, "invalid YAML"),
        (CORRECTION + CORRECTION, 9, "also used"),
    ],
)
def test_bad_corrections_name_file_and_line(data_root, text, line, words):
    _write(data_root, "data/corrections/a.yml", text)
    _, problems = load_corrections(data_root)
    assert any(p.file == "data/corrections/a.yml" and p.line == line and words in p.message for p in problems), problems


def test_corrections_in_another_encoding_are_a_problem_not_a_traceback(data_root):
    (data_root / "data" / "corrections").mkdir(parents=True)
    (data_root / "data" / "corrections" / "a.yml").write_bytes(CORRECTION.replace("正しい", "誤り").encode("shift_jis"))
    _, problems = load_corrections(data_root)
    assert [p.message for p in problems] == ["the file is not UTF-8."]


CLAIMS = """page: a.md
reviewed: 2026-12-02
claims:
  - anchor: part
    claim: A is true.
    source: https://docs.aws.amazon.com/x.html
    verdict: confirmed
"""


def test_claims_register(data_root):
    _write(data_root, "data/claims/a.yml", CLAIMS)
    assert register_problems(data_root) == ([], {"a.md": 1})
    _write(data_root, "data/claims/a.yml", CLAIMS.replace("anchor: part", "anchor: gone").replace("confirmed", "ok"))
    problems, _ = register_problems(data_root)
    assert [(p.line, "verdict" in p.message) for p in problems] == [(7, True)]
    _write(data_root, "data/claims/a.yml", CLAIMS.replace("anchor: part", "anchor: gone"))
    problems, _ = register_problems(data_root)
    assert [p.line for p in problems] == [4, 4]  # the anchor is missing in both languages


def test_the_sites_data_files_are_valid():
    _, problems = load_corrections(ROOT)
    claim_problems, counts = register_problems(ROOT)
    assert problems + claim_problems == []
    assert counts, "no claims register found"


def test_exams_data_is_valid_and_names_the_four_current_exams():
    from wikitools.exams import load_exams, task_codes

    exams, problems = load_exams(ROOT)
    assert problems == []
    assert {e["code"] for e in exams} == {"MLA-C01", "AIF-C01", "AIP-C01", "DEA-C01"}
    assert "MLA-C01:1.1" in task_codes(exams)


def test_bad_exam_data_names_the_line(tmp_path):
    from wikitools.exams import load_exams

    for lang in ("ja", "en"):
        _write(tmp_path, f"docs/{lang}/a.md", "# A\n\n## Part {#part}\n")
    _write(tmp_path, "data/schemas/exams.schema.json", (ROOT / "data/schemas/exams.schema.json").read_text("utf-8"))
    exam = (ROOT / "data" / "exams.yml").read_text(encoding="utf-8")
    lines = [re.sub(r"pages: \[.*\]", "pages: []", line) for line in exam.splitlines()]
    first = next(i for i, line in enumerate(lines) if "pages: []" in line)
    lines[first] = lines[first].replace("pages: []", "pages: [a.md#part, a.md#nowhere]")
    _write(tmp_path, "data/exams.yml", "\n".join(lines) + "\n")
    _, problems = load_exams(tmp_path)
    assert [(p.file, p.line) for p in problems] == [("data/exams.yml", first + 1)] * 2  # one per language
    assert "nowhere" in problems[0].message


def test_exam_tables_are_rendered_from_the_data_escaped():
    from wikitools.exams import expand_exam_blocks

    exam = {
        "code": "MLA-C01",
        "domains": [
            {
                "id": "1",
                "name": {"ja": "データ", "en": "Data <prep>"},
                "weight": 100,
                "tasks": [{"id": "1.1", "text": {"ja": "取り込む", "en": "Ingest & store"}, "pages": ["a.md#part"]}],
            }
        ],
    }

    def link(target):
        return f"../{target}", "A: Part"

    blocks = [
        "[[exams:domains:MLA-C01]]",
        "[[exams:tasks:MLA-C01:1]]",
        "[[exams:by-page]]",
        "[[exams:tasks:MLA-C01:9]]",
    ]
    text = "x\n\n" + "\n\n".join(blocks) + "\n"
    out, unknown = expand_exam_blocks(text, [exam], "en", link)
    assert "Domain 1: Data &lt;prep&gt;" in out and "100%" in out
    assert "Ingest &amp; store" in out and 'href="../a.md#part"' in out
    assert "<td>1.1</td>" in out  # the by-page table lists the task under its exam
    assert unknown == ["[[exams:tasks:MLA-C01:9]]"]


def test_images_have_alt_text_and_live_in_the_shared_folder():
    from wikitools.content_rules import image_problems

    assert image_problems("# t\n\n![構成図](../../assets/images/arch.svg)\n", "docs/ja/a/b.md") == []
    [no_alt] = image_problems("# t\n\n![](../../assets/images/arch.svg)\n", "docs/ja/a/b.md")
    assert no_alt.line == 3 and "alt text" in no_alt.message
    [elsewhere] = image_problems("# t\n\n![Diagram](img/arch.png)\n", "docs/en/a/b.md")
    assert "docs/assets/images/" in elsewhere.fix
    assert image_problems("```\n![](x.png)\n```\n", "x.md") == []


def test_glossary_texts_do_not_retype_lifecycle_dates():
    from wikitools.lifecycle import glossary_text_problems

    glossary = mini_glossary()
    assert glossary_text_problems(glossary) == []
    term = glossary.terms["elastic-inference"]
    text = replace(term.text["en"], short="An accelerator service, retired on 2024-04-15.")
    glossary.terms[term.id] = replace(term, text={**term.text, "en": text})
    [problem] = glossary_text_problems(glossary)
    assert problem.file == "glossary/terms.yml" and problem.line == term.line and "status_date" in problem.fix
