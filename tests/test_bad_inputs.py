"""Regression corpus: the nastiest inputs found (by hand, by the issue, by tests/test_fuzz.py).

Each row is one input and the problem it must produce: the file, the line and
a phrase of the message. No row may raise.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.helpers import categories, schema
from wikitools.data_safety import escape_markdown, markup_problems, scan_data_file, scan_yaml_text
from wikitools.front_matter import front_matter_problems
from wikitools.glossary_data import build_glossary
from wikitools.page_pairs import PagePair
from wikitools.problems import Problem, unique
from wikitools.source_files import encoding_problem
from wikitools.translations import (
    BOTH_CHANGED,
    IN_SYNC,
    STALE,
    body_hash,
    format_lock,
    freshness_problems,
    freshness_state,
    main,
    parse_lock,
)

TODAY = dt.date(2026, 12, 2)
FM = "---\ntitle: T\ndescription: D\nlast_reviewed: 2026-11-22\n---\n\n# T\n"

PAGES = [
    ("unclosed flow list", FM.replace("title: T", "title: [unclosed"), 2, "invalid front matter YAML"),
    ("month 13 (PyYAML raises ValueError)", FM.replace("2026-11-22", "2026-13-01"), 4, "invalid value"),
    ("day 31 in February", FM.replace("2026-11-22", "2026-02-31"), 4, "invalid value"),
    ("future review date", FM.replace("2026-11-22", "2027-01-01"), 4, "is in the future"),
    ("date as text", FM.replace("2026-11-22", "'22/11/2026'"), 4, "is not an ISO date"),
    ("python tag", FM.replace("title: T", "title: !!python/object/apply:os.system ['id']"), 2, "invalid front matter"),
    ("markup in title", FM.replace("title: T", "title: <img src=x onerror=alert(1)>"), 2, "title contains an HTML tag"),
    ("javascript in description", FM.replace("D", "javascript:alert(1)"), 3, "a script or data URL"),
    ("missing description", FM.replace("description: D\n", ""), 4, "no 'description'"),
    ("front matter not closed", "---\ntitle: T\n\n# T\n", 1, "not closed"),
    ("no front matter", "# T\n", 1, "no front matter"),
    ("a list, not a mapping", "---\n- a\n---\n", 2, "must be a YAML mapping"),
]


@pytest.mark.parametrize(("text", "line", "message"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_bad_front_matter(text, line, message):
    problems = front_matter_problems(text, "docs/ja/x.md", TODAY)
    assert any(p.line == line and message in p.message for p in problems), [str(p) for p in problems]
    assert all(p.file == "docs/ja/x.md" and p.fix for p in problems)


def test_good_front_matter_has_no_problem():
    assert front_matter_problems(FM, "docs/ja/x.md", TODAY) == []


def test_shift_jis_page_is_one_problem_on_the_first_bad_line():
    data = "---\ntitle: T\n---\n日本語\n".encode("shift_jis")
    problem = encoding_problem(data, "docs/ja/x.md")
    assert problem is not None and problem.line == 4 and "not UTF-8" in problem.message


def test_problems_about_a_whole_file_sort_with_problems_on_a_line():
    problems = [Problem("a.md", 3, "x"), Problem("a.md", None, "y"), Problem("a.md", 1, "z")]
    assert [p.line for p in unique(problems)] == [None, 1, 3]
    assert sorted(problems)[0].line is None


GLOSSARY = """
- id: alpha
  category: {category}
  status: current
  docs_url: https://docs.aws.amazon.com/
  ja: {{name: アルファ, reading: あるふぁ, short: 短い定義。, long: 長い説明。}}
  en:
    name: alpha
    short: {short}
    long: Files go to <job name>/output/.
"""


def _glossary(short: str):
    return build_glossary(GLOSSARY.format(category=next(iter(categories())), short=short), schema(), categories())


def test_script_in_a_glossary_definition_is_reported_with_its_line():
    _, problems = _glossary('"<script>alert(1)</script>"')
    assert [(p.line, p.check) for p in problems] == [(9, "glossary")]
    assert "'alpha' en short contains an HTML tag" in problems[0].message


def test_a_placeholder_in_angle_brackets_is_text_not_markup():
    glossary, problems = _glossary("Plain.")
    assert problems == []
    assert "&lt;job name&gt;" in escape_markdown(glossary.terms["alpha"].text["en"].long)


def test_impossible_status_date_is_a_problem_not_a_crash():
    text = GLOSSARY.format(category="x", short="s").replace(
        "status: current", "status: retired\n  status_date: 2026-02-31"
    )
    _, problems = build_glossary(text, schema(), categories())
    assert any("invalid value" in p.message and p.line == 5 for p in problems)


DATA = [
    ("data/claims/a.yml", "- id: a\n  text: '[x](javascript:alert(1))'\n", 2, "a script or data URL"),
    ("data/exams.yml", "exam:\n  name: <b onclick=x>MLA</b>\n", 2, "an HTML tag"),
    ("data/questions/q.yml", "- q: 'A &#60;script&#62;'\n", 1, "character reference"),
    ("data/x.yml", "a: [unclosed\n", 1, "invalid YAML"),
    ("data/x.json", '{"a": "<svg onload=x>"}', None, "an HTML tag"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), DATA, ids=[d[0] for d in DATA])
def test_markup_in_data_files(tmp_path, name, text, line, message):
    path = tmp_path / Path(name).name
    path.write_text(text, encoding="utf-8")
    problems = scan_data_file(path, name)
    assert [(p.file, p.line) for p in problems] == [(name, line)], [str(p) for p in problems]
    assert message in problems[0].message


def test_data_scan_is_callable_on_any_loaded_structure():
    assert markup_problems({"k": ["fine", {"x": "<script>"}]}, "data/a.yml")[0].message.startswith("k[1] x contains")
    assert scan_yaml_text("a: 1\nb: plain < text\n", "data/a.yml") == []


# --- the translation lock ---------------------------------------------------------------------------

LOCK = format_lock({"a.md": {"ja": "1", "en": "2"}, "b.md": {"ja": "3", "en": "4"}, "c.md": {"ja": "5", "en": "6"}})


def test_merge_conflict_is_one_problem_with_its_line():
    lines = LOCK.splitlines()
    text = "\n".join([*lines[:2], "<<<<<<< HEAD", lines[2], "=======", ',"b.md": {"ja": "9"}', ">>>>>>> x", *lines[3:]])
    lock, problems = parse_lock(text)
    assert lock is None and len(problems) == 1 and problems[0].line == 3
    assert "git checkout --theirs" in problems[0].fix and "wikitools.translations mark" in problems[0].fix


def test_invalid_json_names_the_line():
    lock, problems = parse_lock(LOCK.replace(',"b.md"', '"b.md"'))
    assert lock is None and problems[0].line == 3 and "invalid JSON" in problems[0].message


def test_both_sides_of_a_union_merge_kept_is_a_duplicate_entry():
    lines = LOCK.splitlines()
    lock, problems = parse_lock("\n".join([*lines[:3], ',"b.md": {"ja": "7", "en": "8"}', *lines[3:]]))
    assert lock is not None and [p.line for p in problems] == [4] and "more than one entry" in problems[0].message


def test_empty_page_name_round_trips():  # found by test_fuzz.py: inner keys were counted as duplicates
    assert parse_lock(format_lock({"": {"": ""}})) == ({"": {"": ""}}, [])


def test_old_multi_line_lock_still_reads():
    old = json.dumps({"a.md": {"ja": "1", "en": "2"}}, indent=2)
    assert parse_lock(old) == ({"a.md": {"ja": "1", "en": "2"}}, [])


@pytest.fixture
def pair(tmp_path):
    files = {}
    for lang in ("ja", "en"):
        files[lang] = tmp_path / "docs" / lang / "p.md"
        files[lang].parent.mkdir(parents=True)
        files[lang].write_text(FM + f"{lang} body\n", encoding="utf-8")
    lock = {"p.md": {lang: body_hash(files[lang].read_text("utf-8")) for lang in files}}
    return PagePair("p.md", files), lock, tmp_path


LABEL = {"ja": "docs/ja/p.md", "en": "docs/en/p.md"}


def test_both_languages_changed_is_its_own_state(pair):
    page, lock, _ = pair
    assert freshness_state(page, lock) == (IN_SYNC, [])
    page.files["ja"].write_text(FM + "ja changed\n", encoding="utf-8")
    assert freshness_state(page, lock) == (STALE, ["en"])
    page.files["en"].write_text(FM + "en changed\n", encoding="utf-8")
    assert freshness_state(page, lock) == (BOTH_CHANGED, [])
    (problem,) = freshness_problems(page, lock, LABEL)
    assert problem.file == "docs/en/p.md" and "both languages changed" in problem.message
    assert "wikitools.translations mark docs/en/p.md" in problem.fix


def test_status_says_both_changed(pair, capsys):
    page, lock, root = pair
    (root / "translations.lock.json").write_text(format_lock(lock), encoding="utf-8")
    for lang in ("ja", "en"):
        page.files[lang].write_text(FM + f"{lang} changed\n", encoding="utf-8")
    assert main(["status"], root) == 0
    assert "p.md: both changed" in capsys.readouterr().out
    assert main(["mark", "docs/en/p.md"], root) == 0
    capsys.readouterr()
    main(["status"], root)
    assert "p.md: in sync" in capsys.readouterr().out


def test_unusable_lock_reports_nothing_per_page(pair):
    page, _, _ = pair
    assert freshness_problems(page, None, LABEL) == []
