"""Self-check questions (``data/questions/*.yml``): checks, the 確認問題 / Check yourself section, practice pages.

One source of truth: every question is data, tied to the page and heading
that teach its answer, an official source and exam task statements. The build
checks each question (schema, then the rules below) and renders it on its
page in both languages and on the practice page of each exam it trains.

Rules beyond the schema, each reported as ``file:line``:

- ids are unique across all files;
- at least one option is correct; when several are, the question says how
  many: the Japanese text contains ``N つ`` (or ``Nつ``) and the English text
  the number as a word (``two``) or digit, N being the number of correct options;
- option texts are unique within a question, per language;
- texts are plain text (no HTML tag, Markdown emphasis, code or link, no ``[[ref]]``);
- the page exists in every language, is a topic page (:func:`is_topic_page`)
  and has the explicit heading ``{#anchor}``;
- every task code is in ``data/exams.yml``; ``last_reviewed`` is a real date;
- every topic page has 3–8 questions.

Everything that comes from data is HTML-escaped and written on lines that
start with a tag, so no Markdown preprocessor can act on it. The section is
excluded from the search index (Material's ``data-search-exclude``), so
question text never drowns the page that teaches it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from wikitools.corrections import page_anchors
from wikitools.markdown_scan import headings
from wikitools.problems import Problem
from wikitools.source_files import read_source
from wikitools.yaml_data import line_of, load_valid_files

CHECK = "questions"
MIN_PER_PAGE = 3
MAX_PER_PAGE = 8
ANCHOR = "check-yourself"
LETTERS = "ABCDE"
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
# Markup a plain-text field must not contain: HTML tags, Markdown code, emphasis, links, wiki refs.
NOT_PLAIN = re.compile(r"<\s*/?\s*[A-Za-z!]|`|\*\*|__|\]\(|\[\[")


@dataclass(frozen=True)
class Option:
    text: dict[str, str]
    correct: bool
    why: dict[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    page: str
    anchor: str
    tasks: tuple[str, ...]
    source: dict[str, str]
    last_reviewed: str
    question: dict[str, str]
    options: tuple[Option, ...]
    label: str  # data file, for problems
    line: int

    @property
    def answer(self) -> str:
        """Letters of the correct options, e.g. "B" or "A, C"."""
        return ", ".join(LETTERS[i] for i, o in enumerate(self.options) if o.correct)


def is_topic_page(path: str) -> bool:
    """Pages that teach a topic and so carry questions.

    All pages but section indexes, the glossary, lifecycle, corrections and exam guide pages.
    """
    name = path.rsplit("/", 1)[-1]
    return not (
        name == "index.md"
        or path.startswith(("glossary/", "exam-guide/"))
        or path in ("lifecycle.md", "corrections.md")
    )


def topic_pages(docs_dir: Path, language: str = "ja") -> list[str]:
    """Topic pages of one language, as paths relative to ``docs/<language>/``."""
    base = docs_dir / language
    return sorted(p for p in (f.relative_to(base).as_posix() for f in base.rglob("*.md")) if is_topic_page(p))


def load_questions(
    root: Path, task_codes: set[str] | None, languages: tuple[str, ...] = ("ja", "en")
) -> tuple[list[Question], list[Problem]]:
    """Every question that passed the schema, and every problem (schema, rules, pages per topic page).

    ``task_codes`` is the set from :func:`wikitools.exams.task_codes`; ``None`` skips that rule
    (when the exams data itself is broken, its own problems are reported).
    """
    files, problems = load_valid_files(root, "data/questions", "*.yml", "questions.schema.json", CHECK)
    out: list[Question] = []
    for _, label, data, node in files:
        for index, raw in enumerate(data):
            item = _question(raw, label, line_of(node, [index]))
            out.append(item)
            problems += _item_problems(item, raw, node, index, task_codes)
    problems += _id_problems(out)
    problems += _page_problems(out, root / "docs", languages)
    return out, problems


def _question(raw: dict[str, Any], label: str, line: int) -> Question:
    return Question(
        id=str(raw["id"]),
        page=str(raw["page"]),
        anchor=str(raw["anchor"]),
        tasks=tuple(str(t) for t in raw["tasks"]),
        source={k: str(v) for k, v in raw["source"].items()},
        last_reviewed=str(raw["last_reviewed"]),
        question={k: str(v) for k, v in raw["question"].items()},
        options=tuple(
            Option(
                text={k: str(v) for k, v in o["text"].items()},
                correct=bool(o.get("correct", False)),
                why={k: str(v) for k, v in o["why"].items()},
            )
            for o in raw["options"]
        ),
        label=label,
        line=line,
    )


def says_count(question: dict[str, str], count: int) -> dict[str, bool]:
    """Whether each language's question text says how many options to choose (see the module rules)."""
    word = NUMBER_WORDS.get(count, str(count))
    return {
        "ja": re.search(rf"(?<![0-9]){count}\s?つ", question.get("ja", "")) is not None,
        "en": re.search(rf"\b(?:{word}|{count})\b", question.get("en", ""), re.I) is not None,
    }


def _item_problems(item: Question, raw: dict[str, Any], node: Any, index: int, codes: set[str] | None) -> list[Problem]:
    out: list[Problem] = []

    def add(path: list[Any], message: str, fix: str) -> None:
        out.append(Problem(item.label, line_of(node, [index, *path]), f"question '{item.id}': {message}", fix, CHECK))

    correct = sum(o.correct for o in item.options)
    if correct == 0:
        add(["options"], "no option is marked correct.", "add 'correct: true' to the right option.")
    elif correct > 1:
        for language, ok in says_count(item.question, correct).items():
            if not ok:
                example = (
                    f"「{correct} つ選択してください」"
                    if language == "ja"
                    else f'"(Choose {NUMBER_WORDS.get(correct)}.)"'
                )
                add(
                    ["question", language],
                    f"{correct} options are correct but the {language} question does not say how many to choose.",
                    f"add {example}, or mark exactly one option correct.",
                )
    for language in ("ja", "en"):
        seen: dict[str, int] = {}
        for o, option in enumerate(item.options):
            text = " ".join(option.text.get(language, "").split())
            if text in seen:
                add(
                    ["options", o, "text", language],
                    f"option {LETTERS[o]} has the same {language} text as option {LETTERS[seen[text]]}.",
                    "make every option different.",
                )
            seen.setdefault(text, o)
    for path, value in _texts(raw):
        if NOT_PLAIN.search(value):
            add(path, "markup in a plain-text field (HTML, Markdown or [[ref]]).", "write plain text only.")
    for t, task in enumerate(item.tasks):
        if codes is not None and task not in codes:
            add(["tasks", t], f"task '{task}' is not in data/exams.yml.", "use CODE:domain.task from data/exams.yml.")
    try:
        dt.date.fromisoformat(item.last_reviewed)
    except ValueError:
        add(["last_reviewed"], f"'{item.last_reviewed}' is not a date.", "write YYYY-MM-DD.")
    return out


def _texts(raw: dict[str, Any]) -> Iterable[tuple[list[Any], str]]:
    for language, value in raw["question"].items():
        yield ["question", language], str(value)
    for o, option in enumerate(raw["options"]):
        for field in ("text", "why"):
            for language, value in option[field].items():
                yield ["options", o, field, language], str(value)


def _id_problems(items: list[Question]) -> list[Problem]:
    out = []
    seen: dict[str, Question] = {}
    for item in items:
        first = seen.setdefault(item.id, item)
        if first is not item:
            out.append(
                Problem(
                    item.label,
                    item.line,
                    f"question id '{item.id}' is also used at {first.label}:{first.line}.",
                    "give it a unique id.",
                    CHECK,
                )
            )
    return out


def _page_problems(items: list[Question], docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    out = []
    anchors: dict[tuple[str, str], set[str] | None] = {}
    for item in items:
        if not is_topic_page(item.page):
            out.append(
                Problem(
                    item.label,
                    item.line,
                    f"question '{item.id}': '{item.page}' is not a topic page (questions appear on topic pages only).",
                    "put the question on the topic page that teaches the answer.",
                    CHECK,
                )
            )
            continue
        for language in languages:
            key = (language, item.page)
            if key not in anchors:
                anchors[key] = page_anchors(docs_dir, language, item.page)
            found = anchors[key]
            if found is None:
                message = f"page docs/{language}/{item.page} does not exist."
            elif item.anchor not in found:
                message = f"docs/{language}/{item.page} has no heading '{{#{item.anchor}}}'."
            else:
                continue
            out.append(
                Problem(
                    item.label,
                    item.line,
                    f"question '{item.id}': {message}",
                    "name an existing page and an explicit heading anchor of it that teaches the answer.",
                    CHECK,
                )
            )
    return out


def coverage_problems(items: list[Question], pages: list[str], language: str = "ja") -> list[Problem]:
    """Each topic page needs 3–8 questions; too few names the page, too many the first extra question."""
    by_page = by_page_of(items)
    out = []
    for page in pages:
        found = by_page.get(page, [])
        if len(found) < MIN_PER_PAGE:
            out.append(
                Problem(
                    f"docs/{language}/{page}",
                    None,
                    f"the topic page has {len(found)} self-check question(s); it needs {MIN_PER_PAGE}–{MAX_PER_PAGE}.",
                    f"add questions with 'page: {page}' to data/questions/*.yml.",
                    CHECK,
                )
            )
        elif len(found) > MAX_PER_PAGE:
            extra = found[MAX_PER_PAGE]
            out.append(
                Problem(
                    extra.label,
                    extra.line,
                    f"{page} has {len(found)} self-check questions; at most {MAX_PER_PAGE} are shown on a page.",
                    "keep the best eight for this page.",
                    CHECK,
                )
            )
    return out


EXISTING = {"ja": re.compile("既存"), "en": re.compile(r"\bexisting\b", re.I)}


def lifecycle_problems(items: list[Question], closed_terms: Callable[[str, str], list[str]]) -> list[Problem]:
    """A closed or retired feature is never the right answer for a new design.

    ``closed_terms(text, language)`` names the closed or retired glossary terms a text mentions. When
    a correct option mentions one, the question must say the customer already uses it ("既存" /
    "existing" in its text, in both languages).
    """
    out = []
    for item in items:
        for language in ("ja", "en"):
            names = sorted({n for o in item.options if o.correct for n in closed_terms(o.text[language], language)})
            if names and not EXISTING[language].search(item.question[language]):
                out.append(
                    Problem(
                        item.label,
                        item.line,
                        f"question '{item.id}': the right answer names {', '.join(names)}, closed to new customers"
                        f" or retired, but the {language} question is not about an existing customer.",
                        "say the customer already uses it (既存のお客様 / existing customer), or ask another one.",
                        CHECK,
                    )
                )
    return out


def by_page_of(items: list[Question]) -> dict[str, list[Question]]:
    out: dict[str, list[Question]] = {}
    for item in items:
        out.setdefault(item.page, []).append(item)
    return out


def heading_titles(docs_dir: Path, language: str, page: str) -> dict[str, str]:
    """Explicit anchor -> heading title (Markdown marks removed) of a page; for the link to the teaching section."""
    file = docs_dir / language / page
    if not file.is_file():
        return {}
    return {
        anchor: re.sub(r"\[([^\]]*)\]\([^)]*\)|[`*]", lambda m: m.group(1) or "", title)
        for _, _, title, anchor in headings(read_source(file))
        if anchor
    }


# ---------------------------------------------------------------- rendering

TEXT = {
    "ja": {
        "heading": "確認問題",
        "intro": "選択肢を選んで「答え合わせ」を押すか、「解答と解説」を開いて確かめてください。",
        "n": "問 {n}",
        "check": "答え合わせ",
        "summary": "解答と解説",
        "answer": "正解: {answer}",
        "mark": "{letter}（{mark}）",
        "right_mark": "正解",
        "wrong_mark": "不正解",
        "source": "出典（AWS 公式ドキュメント）",
        "others": "ほかの選択肢が誤りである理由",
        "learn": "解説のある節",
        "tasks": "試験のタスク",
        "reviewed": "確認日",
        "right": "正解です。",
        "wrong": "不正解です。正解は {answer} です。",
        "none": "選択肢を選んでください。",
        "score": "正解 {right} 問 / 回答 {answered} 問（全 {total} 問）",
        "reset": "記録を消去",
        "domain": "分野 {id}: {name}",
        "open_set": "この分野の問題を解く（{n} 問）",
        "empty": "この試験の問題はまだありません。",
    },
    "en": {
        "heading": "Check yourself",
        "intro": "Pick an option and choose “Check answer”, or open “Answer and explanations”.",
        "n": "Question {n}",
        "check": "Check answer",
        "summary": "Answer and explanations",
        "answer": "Answer: {answer}",
        "mark": "{letter} ({mark})",
        "right_mark": "correct",
        "wrong_mark": "wrong",
        "source": "Source (AWS documentation)",
        "others": "Why the other options are wrong",
        "learn": "Taught in",
        "tasks": "Exam tasks",
        "reviewed": "Reviewed",
        "right": "Correct.",
        "wrong": "Not quite. The answer is {answer}.",
        "none": "Pick an option first.",
        "score": "{right} correct of {answered} answered ({total} questions)",
        "reset": "Clear my answers",
        "domain": "Domain {id}: {name}",
        "open_set": "Try this domain's questions ({n})",
        "empty": "No questions for this exam yet.",
    },
}

# How the reader gets from a question to the section that teaches it: (relative URL, link text).
Teach = Callable[[Question], tuple[str, str]]


def _one_line(text: str) -> str:
    """Escaped, on one line: data never starts a Markdown line of its own."""
    return escape(" ".join(text.split()))


def _md_text(text: str) -> str:
    """Data in a Markdown heading: escaped for HTML and for Markdown, so it stays text."""
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", escape(text))


def _attrs(language: str) -> str:
    text = TEXT[language]
    return (
        f'data-right="{escape(text["right"])}" data-wrong="{escape(text["wrong"])}" data-none="{escape(text["none"])}"'
    )


def render_question(item: Question, number: int, language: str, teach: Teach, full: bool = True) -> str:
    """One question: a form that works with the keyboard, and a <details> answer that works without JavaScript.

    ``full=False`` (practice pages, which hold many questions and must stay light) explains only the
    correct option(s) and links to the question on its topic page for why each other option is wrong.
    """
    text = TEXT[language]
    correct = [i for i, o in enumerate(item.options) if o.correct]
    kind = "checkbox" if len(correct) > 1 else "radio"
    qid = escape(item.id)
    lines = [
        f'<form class="quiz-q" id="q-{qid}" method="dialog" '
        f'data-key="{" ".join(map(str, correct))}" data-answer="{escape(item.answer)}">',
        "<fieldset>",
        f'<legend><span class="quiz-n">{text["n"].format(n=number)}</span> '
        f"{_one_line(item.question[language])}</legend>",
    ]
    for i, option in enumerate(item.options):  # one form per question: name="a" groups its inputs only
        lines.append(
            f'<label><input type="{kind}" name="a" value="{i}"> '
            f"<b>{LETTERS[i]}.</b> {_one_line(option.text[language])}</label>"
        )
    lines += [
        "</fieldset>",
        f'<p class="quiz-bar"><button type="submit" class="md-button" hidden>{text["check"]}</button> '
        '<span class="quiz-result" role="status"></span></p>',
        f'<details class="quiz-answer"><summary>{text["summary"]}</summary>',
        f"<p><strong>{text['answer'].format(answer=escape(item.answer))}</strong></p>",
        '<ul class="quiz-why">',
    ]
    for i, option in enumerate(item.options):
        if not (full or option.correct):
            continue
        mark, cls = (text["right_mark"], "right") if option.correct else (text["wrong_mark"], "wrong")
        label = text["mark"].format(letter=LETTERS[i], mark=mark)
        lines.append(f'<li class="quiz-why--{cls}"><b>{label}</b> {_one_line(option.why[language])}</li>')
    url, title = teach(item)
    lines.append("</ul>")
    if not full:
        lines.append(f'<p><a href="{escape(url.split("#")[0])}#q-{qid}">{text["others"]}</a></p>')
    lines += [
        f'<p class="quiz-meta">{text["learn"]}: <a href="{escape(url)}">{escape(title)}</a> · '
        f'<a href="{escape(item.source[language])}">{text["source"]}</a> · '
        f"{text['tasks']}: {escape(', '.join(item.tasks))} · {text['reviewed']} {escape(item.last_reviewed)}</p>",
        "</details>",
        "</form>",
    ]
    return "\n".join(lines)


def render_section(items: list[Question], language: str, teach: Teach) -> str:
    """Markdown for a topic page: the 確認問題 heading (same anchor in both languages) and the questions."""
    text = TEXT[language]
    body = "\n".join(render_question(item, n, language, teach) for n, item in enumerate(items, 1))
    return (
        f"## {text['heading']} {{#{ANCHOR} data-search-exclude}}\n\n"
        f'<div class="quiz" data-search-exclude {_attrs(language)}>\n'
        f'<p class="quiz-intro">{text["intro"]}</p>\n{body}\n</div>\n'
    )


def insert_section(markdown: str, section: str) -> str:
    """Put the section before the ``{#related}`` heading if the page has one, else at the end."""
    lines = markdown.split("\n")
    for number, _, _, anchor in headings(markdown):
        if anchor == "related":
            return "\n".join(lines[: number - 1]) + "\n\n" + section + "\n" + "\n".join(lines[number - 1 :])
    return markdown.rstrip("\n") + "\n\n" + section


def exam_questions(exam: dict[str, Any], items: list[Question]) -> list[tuple[dict[str, Any], list[Question]]]:
    """(domain, its questions) for one exam: a question sits under the domain of its first task of this exam."""
    prefix = exam["code"] + ":"
    groups: dict[str, list[Question]] = {d["id"]: [] for d in exam["domains"]}
    for item in sorted(items, key=lambda q: (q.page, q.id)):
        tasks = [t[len(prefix) :] for t in item.tasks if t.startswith(prefix)]
        if tasks and tasks[0].split(".")[0] in groups:
            groups[tasks[0].split(".")[0]].append(item)
    return [(d, groups[d["id"]]) for d in exam["domains"]]


def render_practice(exam: dict[str, Any], items: list[Question], language: str, teach: Teach) -> str:
    """Markdown for an exam's practice page: a score bar, then the questions grouped by domain.

    Each domain's questions sit in a closed <details>: a page of about a hundred
    open questions cost a phone most of a second of layout before it could
    respond (benchmarks/results/lighthouse.md), and a reader practises one
    domain at a time. A link to one question opens its domain (quiz.js, and
    the browser itself for find-in-page).
    """
    text = TEXT[language]
    groups = exam_questions(exam, items)
    total = sum(len(g) for _, g in groups)
    if not total:
        return f"<p>{text['empty']}</p>\n"
    out = [
        f'<div class="quiz-score" data-search-exclude data-exam="{escape(exam["code"])}" '
        f'data-template="{escape(text["score"])}">',
        f'<p role="status" class="quiz-score__text">{text["score"].format(right=0, answered=0, total=total)}</p>',
        f'<p><button type="button" class="md-button quiz-reset" hidden>{text["reset"]}</button></p>',
        "</div>",
        "",
    ]
    number = 0
    for domain, group in groups:
        if not group:
            continue
        title = text["domain"].format(id=domain["id"], name=" ".join(domain["name"][language].split()))
        out.append(f"## {_md_text(title)} {{#domain-{domain['id']} data-search-exclude}}\n")
        summary = text["open_set"].format(n=len(group))
        out.append(f'<details class="quiz-set" data-search-exclude><summary>{summary}</summary>')
        out.append(f'<div class="quiz" data-search-exclude {_attrs(language)}>')
        for item in group:
            number += 1
            out.append(render_question(item, number, language, teach, full=False))
        out.append("</div>\n</details>\n")
    return "\n".join(out)
