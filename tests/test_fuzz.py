"""Fuzz every input surface: the checks answer with problems that name the file, never a traceback.

Pure functions get many examples (fast); a few real strict builds of a copied
project check the whole pipeline: the build succeeds or fails with problems
naming a file, prints no traceback, ships no live markup from data and writes
nothing outside ``site/``. Nasty inputs found here are kept as regression
cases in tests/test_bad_inputs.py.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.helpers import categories, mini_glossary, schema
from wikitools.content_safety import safety_problems
from wikitools.data_safety import escape_html, escape_markdown, markup_in, markup_problems
from wikitools.diagrams import accessibility_problems, extract_diagrams
from wikitools.front_matter import front_matter_problems
from wikitools.glossary_data import build_glossary
from wikitools.glossary_linker import link_terms
from wikitools.glossary_pages import render_category, render_index
from wikitools.links import SiteIndex, source_link_problems
from wikitools.page_pairs import PagePair
from wikitools.problems import Problem, unique
from wikitools.source_files import encoding_problem, read_source
from wikitools.term_matcher import TermMatcher, forms_for_language
from wikitools.translations import LOCK_NAME, format_lock, parse_lock, translation_problems

FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date(2026, 12, 2)

NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "javascript:alert(1)",
        "[x](javascript:alert(1))",
        "&lt;script&gt;",
        "&#60;script",
        "<!-- -->",
        "<job name>",
        "a < b > c",
        "**bold** _em_ `code`",
        "{#id .class onclick=x}",
        "[[inference]]",
        "\\",
        "]]>",
        "\u202e",
        "\x00",
        "クローラ",
        "推論",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=15), st.lists(NASTY, max_size=3).map(" ".join))
FRONT_MATTER_LINES = st.sampled_from(
    [
        "title: [unclosed",
        "title: {a: b",
        "title: <script>x</script>",
        "title: ''",
        "title: 123",
        "description: d",
        "description: >-",
        "  folded",
        "last_reviewed: 2026-11-22",
        "last_reviewed: 2026-13-01",
        "last_reviewed: 2026-02-30",
        "last_reviewed: 2999-01-01",
        "last_reviewed: yesterday",
        "last_reviewed: 2026-11-22T10:00:00",
        "!!python/object/apply:os.system ['x']",
        "&a [*a, *a]",
        "? complex",
        "- a list",
        "\tindented: tab",
        "key: 'unterminated",
        "...",
        "---",
        "",
    ]
)
FRONT_MATTER = st.lists(st.one_of(FRONT_MATTER_LINES, st.text(max_size=20)), max_size=8).map(
    lambda lines: "---\n" + "\n".join(lines) + "\n---\n"
)
BODY_PIECES = st.sampled_from(
    [
        "# Title",
        "## Section {#section}",
        "## 節 {#節}",
        "## Other {#other}",
        "```mermaid",
        "flowchart LR",
        "  accTitle: t",
        "  accDescr: d",
        "  A[<script>] --> B",
        "  click A call alert()",
        "```",
        "```python",
        "[link](other.md#nope)",
        "[x](../../en/a.md#b)",
        "<a href='javascript:x'>",
        "<iframe src=x>",
        "![img](data:text/html;base64,PHNjcmlwdD4=)",
    ]
)
BODY = st.lists(st.one_of(BODY_PIECES, NASTY, st.text(max_size=20)), max_size=25).map("\n".join)
PAGE = st.tuples(st.one_of(FRONT_MATTER, st.just("")), BODY).map("".join)


def _all_glossary_pages(glossary, language: str) -> str:
    """The Markdown of every glossary page of a language: the index and each category's entries."""
    pages = [render_index(glossary, language)]
    pages += [render_category(glossary, language, category, {}) for category in glossary.categories]
    return "\n".join(pages)


def only_problems(problems, label: str) -> None:
    assert all(isinstance(p, Problem) for p in problems)
    assert all(p.file == label for p in problems), [str(p) for p in problems]
    unique(problems)  # the build sorts them: must be a total order
    for problem in problems:
        assert str(problem).startswith(f"[{problem.check}] {label}") if problem.check else True


@FAST
@given(PAGE)
def test_page_checks_answer_with_problems_naming_the_page(text):
    label = "docs/ja/x.md"
    only_problems(front_matter_problems(text, label, TODAY), label)
    only_problems(safety_problems(text, label), label)
    site = SiteIndex(ids={"index.html": {"a"}, "x/index.html": {"section"}})
    only_problems(source_link_problems(text, label, "x/index.html", site), label)
    for diagram in extract_diagrams(text, label):
        only_problems(accessibility_problems(diagram), label)


@FAST
@given(PAGE, PAGE, st.one_of(st.none(), st.just({}), st.builds(dict, ja=st.text(max_size=4), en=st.just("x"))))
def test_translation_checks_name_a_file(ja, en, entry):
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for lang, text in (("ja", ja), ("en", en)):
            path = Path(tmp, lang, "x.md")
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            files[lang] = path
        lock = None if entry is None else {"x.md": entry}
        label = {"ja": "docs/ja/x.md", "en": "docs/en/x.md"}
        problems = translation_problems(PagePair("x.md", files), lock, label)
        assert all(p.file in label.values() for p in problems)
        unique(problems)


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_are_an_encoding_problem_or_text(data):
    problem = encoding_problem(data, "docs/ja/x.md")
    try:
        data.decode("utf-8")
        assert problem is None
    except UnicodeDecodeError as error:
        assert problem is not None and problem.line == data[: error.start].count(b"\n") + 1
    with tempfile.NamedTemporaryFile() as file:
        file.write(data)
        file.flush()
        assert isinstance(read_source(Path(file.name)), str)


LOCK_LINES = st.sampled_from(
    [
        "<<<<<<< HEAD",
        "=======",
        ">>>>>>> branch",
        '"a.md": {"ja": "1"}',
        ',"a.md": {"ja": "1", "en": "2"}',
        "{",
        "}",
        "",
    ]
)


@FAST
@given(st.lists(st.one_of(LOCK_LINES, st.text(max_size=20)), max_size=10), st.integers(0, 6))
def test_any_lock_text_is_a_lock_or_one_problem_naming_the_lock(extra, at):
    lines = format_lock({"a.md": {"ja": "1", "en": "2"}, "b.md": {"ja": "3", "en": "4"}}).splitlines()
    lines[at:at] = extra
    lock, problems = parse_lock("\n".join(lines))
    assert all(p.file == LOCK_NAME for p in problems)
    if lock is None:
        assert len(problems) == 1
    else:
        assert all(isinstance(v, dict) for v in lock.values())


@FAST
@given(st.dictionaries(st.text(max_size=10), st.dictionaries(st.text(max_size=5), st.text(max_size=8)), max_size=5))
def test_lock_round_trips(lock):
    lock = {k: v for k, v in lock.items() if k != "//"}
    assert parse_lock(format_lock(lock)) == (lock, [])


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=15,
)


@FAST
@given(JSONISH)
def test_markup_scan_never_raises_and_finds_what_it_says(data):
    problems = markup_problems(data, "data/x.yml")
    assert all(p.file == "data/x.yml" for p in problems)
    node = yaml.compose(yaml.safe_dump(data, allow_unicode=True))
    assert len(markup_problems(data, "data/x.yml", node)) == len(problems)


_TAGS = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
_MD = markdown.Markdown(extensions=["attr_list", "def_list", "toc", "md_in_html", "tables"])


@FAST
@given(TEXT)
def test_escaped_data_renders_as_text_only(text):
    html = _MD.reset().convert(escape_markdown(text))
    assert {m.group(1).lower() for m in _TAGS.finditer(html)} <= {"p"}, html
    assert "<" not in escape_html(text) and ">" not in escape_html(text)


def _term(i: int, texts: dict) -> dict:
    return {
        "id": f"t{i}",
        "category": next(iter(categories())),
        "status": "current",
        "docs_url": texts["url"],
        "ja": {"name": texts["name"] or "名", "reading": "よみ", "short": texts["short"] or "s", "long": "l"},
        "en": {"name": texts["name"] or "n", "short": texts["short"] or "s", "long": texts["long"] or "l"},
    }


GLOSSARY_TEXTS = st.fixed_dictionaries(
    {"name": TEXT, "short": TEXT, "long": TEXT, "url": st.sampled_from(["https://x.example/", "javascript:x", "<a>"])}
)
ALLOWED_PAGE_TAGS = {"p", "h2", "h3", "h4", "a", "strong", "ul", "li", "div", "dl", "dt", "dd", "em"}


@FAST
@given(st.lists(GLOSSARY_TEXTS, min_size=1, max_size=4))
def test_glossary_data_never_reaches_the_page_as_markup(texts):
    text = yaml.safe_dump([_term(i, t) for i, t in enumerate(texts)], allow_unicode=True)
    glossary, problems = build_glossary(text, schema(), categories())
    for problem in problems:
        assert problem.file == "glossary/terms.yml"
    if any(markup_in(str(v)) for t in texts for v in t.values()):
        assert problems  # reported (the strict build fails) ...
    for language in ("ja", "en"):  # ... and escaped all the same
        html = _MD.reset().convert(_all_glossary_pages(glossary, language))
        tags = {m.group(1).lower(): m.group(2) for m in _TAGS.finditer(html)}
        assert set(tags) <= ALLOWED_PAGE_TAGS, html
        assert not any(re.search(r"\son[a-z]+\s*=", attrs) for attrs in tags.values())
        page = "<p>" + " ".join(t.text[language].name for t in glossary.terms.values()) + "</p>"
        linked = link_terms(page, TermMatcher(forms_for_language(glossary, language)), glossary, language, str)
        assert linked.html.count("<script") == page.count("<script")  # tooltips add none


@FAST
@given(st.lists(st.one_of(BODY_PIECES, st.text(max_size=15)), max_size=15).map("\n".join))
def test_mermaid_blocks_answer_with_problems(body):
    text = "```mermaid\n" + body + "\n```\n"
    for diagram in extract_diagrams(text, "docs/en/x.md"):
        only_problems(accessibility_problems(diagram), "docs/en/x.md")


def test_the_mini_glossary_has_no_markup():
    assert mini_glossary().terms


# --- a few real builds -------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != "site" and "__pycache__" not in p.parts
    }


@pytest.mark.build
@settings(max_examples=4, deadline=None, phases=[Phase.generate], database=None, derandomize=True)
@given(page=PAGE, short=TEXT, lock_line=st.one_of(st.none(), LOCK_LINES))
def test_real_strict_build_fails_cleanly_or_succeeds(page, short, lock_line):

    from tests.conftest import build_site
    from tests.helpers import copy_project

    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        (project / "docs/ja/mlops/index.md").write_text(page, encoding="utf-8")
        terms = project / "glossary/terms.yml"
        first_short = re.search(r"^    short: .*$", terms.read_text("utf-8"), re.M)
        terms.write_text(
            terms.read_text("utf-8").replace(
                first_short.group(0), "    short: " + yaml.safe_dump(short).split("\n...")[0].strip(), 1
            ),
            encoding="utf-8",
        )
        if lock_line is not None:
            lock = project / "translations.lock.json"
            lines = lock.read_text("utf-8").splitlines()
            lock.write_text("\n".join([*lines[:3], lock_line, *lines[3:]]) + "\n", encoding="utf-8")
        before = _tree(project)
        result = build_site(project, project / "site")
        log = result.stdout + result.stderr
        assert "Traceback" not in log, log[-3000:]
        if result.returncode != 0:
            warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
            assert warnings, log[-3000:]
            assert all(re.search(r"[\w./-]+\.(md|yml|json)\b", w) for w in warnings), warnings
        assert _tree(project) == before
        for html in (project / "site").rglob("*.html"):
            assert "<script>alert(1)</script>" not in html.read_text("utf-8", errors="replace"), html
