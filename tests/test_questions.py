"""Self-check questions: every rule of wikitools/questions.py with file:line, the rendering, and the real data."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT
from tests.quiz_data import question
from wikitools.exams import load_exams, task_codes
from wikitools.questions import (
    coverage_problems,
    exam_questions,
    insert_section,
    is_topic_page,
    lifecycle_problems,
    load_questions,
    render_practice,
    render_question,
    render_section,
    topic_pages,
)

CODES = {"MLA-C01:1.1", "DEA-C01:1.1", "MLA-C01:2.1"}
PAGE = "sec/topic.md"
TEXT = "---\ntitle: {title}\n---\n\n# {title}\n\n## Teach {{#teach}}\n\nBody.\n\n## Related {{#related}}\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "schemas" / "questions.schema.json", tmp_path / "data" / "schemas")
    (tmp_path / "data" / "questions").mkdir()
    for language in ("ja", "en"):
        page = tmp_path / "docs" / language / PAGE
        page.parent.mkdir(parents=True)
        page.write_text(TEXT.format(title=f"Topic {language}"), encoding="utf-8")
        (tmp_path / "docs" / language / "index.md").write_text("# Home\n", encoding="utf-8")
    return tmp_path


def write(project: Path, items: list[dict], name: str = "q.yml") -> Path:
    path = project / "data" / "questions" / name
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def good(n: int = 1, **changes) -> dict:
    item = question(f"topic-q{n}", PAGE, "teach", n)
    item["tasks"] = ["MLA-C01:1.1"]
    item.update(changes)
    return item


def line_of_text(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in load_questions(project, CODES)[1]]


def test_good_questions_load_without_problems(project):
    write(
        project, [good(1), good(2), good(3, question={"ja": "設問です。2 つ選択してください。", "en": "Choose two."})]
    )
    items, problems = load_questions(project, CODES)
    assert problems == []
    assert [q.id for q in items] == ["topic-q1", "topic-q2", "topic-q3"]
    assert items[0].answer == "A"


def test_invalid_yaml_names_the_line(project):
    (project / "data" / "questions" / "q.yml").write_text("- id: a\n  page: [unclosed\n", encoding="utf-8")
    assert any(p.startswith("[questions] data/questions/q.yml:") and "invalid YAML" in p for p in problems_of(project))


def test_missing_language_is_a_schema_problem_with_line(project):
    item = good()
    del item["options"][1]["why"]["en"]
    path = write(project, [item])
    line = line_of_text(path, "ja: 選択肢ブラボーの理由です。")
    assert any(f"q.yml:{line}:" in p and "'en' is a required property" in p for p in problems_of(project))


def test_no_correct_option(project):
    item = good()
    del item["options"][0]["correct"]
    path = write(project, [item])
    line = line_of_text(path, "options:") + 1  # the list of options
    assert [p for p in problems_of(project) if "no option is marked correct" in p] == [
        f"[questions] data/questions/q.yml:{line}: question 'topic-q1': no option is marked correct. "
        "Fix: add 'correct: true' to the right option."
    ]


def test_several_correct_options_need_the_count_in_both_languages(project):
    item = good()
    item["options"][1]["correct"] = True  # two correct, question says nothing
    path = write(project, [item])
    found = [p for p in problems_of(project) if "does not say how many" in p]
    assert len(found) == 2
    assert (
        f"q.yml:{line_of_text(path, 'ja: 設問 1')}:" in found[0]
        or f"q.yml:{line_of_text(path, 'ja: 設問 1')}:" in found[1]
    )
    item["question"] = {"ja": "正しいものを 2 つ選択してください。", "en": "Which two are right? (Choose two.)"}
    write(project, [item])
    assert problems_of(project) == []
    item["question"] = {"ja": "正しいものを 3 つ選択してください。", "en": "Choose three."}  # wrong count
    write(project, [item])
    assert len([p for p in problems_of(project) if "does not say how many" in p]) == 2


def test_duplicate_option_text(project):
    item = good()
    item["options"][2]["text"]["en"] = "Option alpha"
    path = write(project, [item])
    line = line_of_text(path, "en: Option alpha", 2)
    assert any(f"q.yml:{line}:" in p and "option C has the same en text as option A" in p for p in problems_of(project))


@pytest.mark.parametrize(
    "text", ["Use <b>this</b>", "Run `aws s3 ls`", "a **bold** claim", "see [x](https://a)", "[[sagemaker]]"]
)
def test_markup_in_plain_text(project, text):
    item = good()
    item["options"][3]["why"]["en"] = text
    path = write(project, [item])
    line = line_of_text(path, text.split()[-1])
    assert any(f"q.yml:{line}:" in p and "markup in a plain-text field" in p for p in problems_of(project))


def test_unknown_task_code(project):
    path = write(project, [good(tasks=["MLA-C01:1.1", "MLA-C01:9.9"])])
    line = line_of_text(path, "MLA-C01:9.9")
    assert any(
        f"q.yml:{line}:" in p and "task 'MLA-C01:9.9' is not in data/exams.yml" in p for p in problems_of(project)
    )


def test_missing_page_and_missing_anchor_in_one_language(project):
    path = write(project, [good(1, page="sec/nowhere.md"), good(2)])
    (project / "docs" / "en" / PAGE).write_text("# Topic\n\n## Other {#other}\n", encoding="utf-8")
    found = problems_of(project)
    assert any(
        f"q.yml:{line_of_text(path, '- id: topic-q1')}:" in p and "docs/ja/sec/nowhere.md does not exist" in p
        for p in found
    )
    assert any(
        f"q.yml:{line_of_text(path, '- id: topic-q2')}:" in p and "docs/en/sec/topic.md has no heading '{#teach}'" in p
        for p in found
    )
    assert not any("docs/ja/sec/topic.md has no heading" in p for p in found)


def test_question_on_a_page_that_is_not_a_topic_page(project):
    write(project, [good(page="index.md", anchor="teach")])
    assert any("'index.md' is not a topic page" in p for p in problems_of(project))


def test_duplicate_id_across_files_names_both(project):
    write(project, [good(1)], "a.yml")
    path = write(project, [good(1)], "b.yml")
    found = [p for p in problems_of(project) if "also used" in p]
    assert found == [
        f"[questions] data/questions/b.yml:{line_of_text(path, '- id')}: question id 'topic-q1' is also used at "
        "data/questions/a.yml:1. Fix: give it a unique id."
    ]


def test_impossible_date(project):
    path = write(project, [good(last_reviewed="2026-02-30")])
    line = line_of_text(path, "last_reviewed")
    assert any(f"q.yml:{line}:" in p and "'2026-02-30' is not a date" in p for p in problems_of(project))


def test_unknown_codes_are_not_checked_when_exams_are_broken(project):
    write(project, [good(tasks=["ABC-C01:1.1"])])
    assert load_questions(project, None)[1] == []


def test_topic_page_rule():
    assert is_topic_page("sagemaker/train.md") and is_topic_page("sagemaker/algorithms/vision.md")
    for page in (
        "index.md",
        "sagemaker/index.md",
        "glossary/index.md",
        "lifecycle.md",
        "corrections.md",
        "exam-guide/mla-c01.md",
        "exam-guide/practice-mla-c01.md",
    ):
        assert not is_topic_page(page), page
    pages = topic_pages(ROOT / "docs")
    assert "sagemaker/train.md" in pages and "sagemaker/index.md" not in pages and len(pages) >= 25


def test_coverage_too_few_names_the_page_too_many_the_extra_question(project):
    path = write(project, [good(n) for n in range(1, 10)])
    items, _ = load_questions(project, CODES)
    found = sorted(str(p) for p in coverage_problems(items, [PAGE, "sec/empty.md"]))
    assert found[0].startswith(f"[questions] data/questions/q.yml:{line_of_text(path, '- id: topic-q9')}: ")
    assert found[1].startswith("[questions] docs/ja/sec/empty.md: the topic page has 0 self-check question(s)")
    assert coverage_problems(items[:3], [PAGE]) == [] and coverage_problems(items[:8], [PAGE]) == []
    assert "has 2 self-check" in str(coverage_problems(items[:2], [PAGE])[0])


# ---------------------------------------------------------------- rendering


def loaded(project: Path, items: list[dict]):
    write(project, items)
    out, problems = load_questions(project, CODES)
    assert problems == []
    return out


def teach(item):
    return f"#{item.anchor}", "Teach"


def test_question_markup_escapes_data_and_works_without_javascript(project):
    item = loaded(project, [good()])[0]
    evil = replace(item, question={"ja": 'A & B <script>alert(1)</script>\n--8<-- "x"', "en": "x"})
    html = render_question(evil, 1, "ja", teach)
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html
    assert all(line.startswith("<") for line in html.splitlines())  # no data begins a Markdown line
    assert 'type="radio"' in html and 'type="checkbox"' not in html
    assert '<button type="submit" class="md-button" hidden>' in html  # shown by quiz.js only
    assert 'method="dialog"' in html  # pressing Enter without JavaScript does not reload the page
    answer = html[html.index("<details") :]
    assert "正解: A" in answer and "A（正解）" in answer and "B（不正解）" in answer
    assert '<a href="#teach">Teach</a>' in answer and 'href="https://docs.aws.amazon.com/ja_jp/' in answer


def test_choose_two_uses_checkboxes(project):
    item = loaded(project, [good(question={"ja": "2 つ選択してください。", "en": "Choose two."})])[0]
    item = replace(item, options=(item.options[0], replace(item.options[1], correct=True), *item.options[2:]))
    html = render_question(item, 1, "en", teach)
    assert html.count('type="checkbox"') == 4 and 'data-key="0 1"' in html and "Answer: A, B" in html


def test_section_heading_is_shared_and_excluded_from_search(project):
    items = loaded(project, [good(1), good(2), good(3)])
    for language, title in (("ja", "確認問題"), ("en", "Check yourself")):
        section = render_section(items, language, teach)
        assert section.startswith(f"## {title} {{#check-yourself data-search-exclude}}\n")
        assert '<div class="quiz" data-search-exclude' in section and section.count('class="quiz-q"') == 3


def test_section_goes_before_related_else_at_the_end():
    page = "# T\n\n## A {#a}\n\ntext\n\n## Related {#related}\n\n- x\n"
    out = insert_section(page, "SECTION\n")
    assert out.index("SECTION") < out.index("## Related") and out.index("text") < out.index("SECTION")
    assert insert_section("# T\n\ntext\n", "SECTION\n").endswith("text\n\nSECTION\n")
    fenced = "# T\n\n```\n## Related {#related}\n```\n"
    assert insert_section(fenced, "S\n").endswith("```\n\nS\n")


EXAM = {
    "code": "MLA-C01",
    "domains": [
        {"id": "1", "name": {"ja": "データ *準備*", "en": "Data"}, "tasks": [{"id": "1.1"}]},
        {"id": "2", "name": {"ja": "開発", "en": "Development"}, "tasks": [{"id": "2.1"}]},
        {"id": "3", "name": {"ja": "空", "en": "Empty"}, "tasks": [{"id": "3.1"}]},
    ],
}


def test_practice_page_groups_by_first_task_of_the_exam(project):
    items = loaded(
        project,
        [
            good(1, tasks=["DEA-C01:1.1", "MLA-C01:2.1"]),
            good(2),
            good(3, tasks=["DEA-C01:1.1"]),  # not for this exam
        ],
    )
    groups = exam_questions(EXAM, items)
    assert [[q.id for q in g] for _, g in groups] == [["topic-q2"], ["topic-q1"], []]
    page = render_practice(EXAM, items, "ja", teach)
    assert "## 分野 1: データ \\*準備\\* {#domain-1 data-search-exclude}" in page  # data stays text
    assert "{#domain-3" not in page  # empty domains are left out
    # each domain's questions are closed until the reader opens them (a long page stays light on a phone)
    assert page.count('<details class="quiz-set" data-search-exclude><summary>この分野の問題を解く（1 問）') == 2
    assert "全 2 問" in page and 'class="md-button quiz-reset" hidden' in page
    assert page.index("topic-q2") < page.index("topic-q1")
    # light: only the right option is explained here; the rest are one link away on the topic page
    assert "A（正解）" in page and "B（不正解）" not in page and '<a href="#q-topic-q2">' in page
    assert "まだありません" in render_practice(EXAM, [], "ja", teach)


# ---------------------------------------------------------------- the real data and site


def test_real_question_data_has_no_problems_beyond_coverage():
    exams, exam_problems = load_exams(ROOT)
    assert exam_problems == []
    items, problems = load_questions(ROOT, task_codes(exams))
    assert problems == [], "\n".join(map(str, problems))
    assert all(is_topic_page(q.page) for q in items)


def test_every_exam_has_a_practice_page_in_both_languages():
    exams, _ = load_exams(ROOT)
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for exam in exams:
        rel = f"exam-guide/practice-{exam['code'].lower()}.md"
        assert f"- {rel}" in nav
        for language in ("ja", "en"):
            text = (ROOT / "docs" / language / rel).read_text(encoding="utf-8")
            assert "generated: practice" in text and f"exam: {exam['code']}" in text


def _page_html(site, language: str, page: str) -> str:
    rel = page[: -len(".md")] + "/index.html"
    return (site.root / ("en/" if language == "en" else "") / rel).read_text(encoding="utf-8")


@pytest.mark.build
def test_every_real_question_renders_on_its_page_and_stays_out_of_search(built_site):
    items, _ = load_questions(ROOT, None)
    text = {}
    for language in ("ja", "en"):  # one index per language (hooks/search_index.py)
        index = json.loads((built_site.root / "search" / f"search_index.{language}.json").read_text(encoding="utf-8"))
        text.update({d["location"]: d["title"] + " " + d["text"] for d in index["docs"]})
    for item in items:
        for language in ("ja", "en"):
            html = _page_html(built_site, language, item.page)
            assert f'id="q-{item.id}"' in html, (language, item.id)
            assert 'id="check-yourself"' in html
            prefix = ("en/" if language == "en" else "") + item.page[: -len(".md")] + "/"
            assert prefix in text  # the page is found
            assert prefix + "#check-yourself" not in text
            words = re.sub(r"\s+", " ", item.question[language])[:60]
            assert not any(words in t for t in text.values()), (language, item.id)


def test_a_closed_feature_is_the_right_answer_only_for_an_existing_customer(project):
    items = loaded(project, [good()])

    def closed(text: str, language: str) -> list[str]:
        return ["Old Service"] if ("アルファ" in text or "alpha" in text) else []

    found = [str(p) for p in lifecycle_problems(items, closed)]
    assert len(found) == 2 and found[0].startswith(f"[questions] data/questions/q.yml:{items[0].line}: ")
    assert "names Old Service" in found[0]
    existing = replace(items[0], question={"ja": "既存のお客様が…どれですか。", "en": "An existing customer… Which?"})
    assert lifecycle_problems([existing], closed) == []
    assert lifecycle_problems(items, lambda text, language: []) == []
