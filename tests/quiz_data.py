"""Synthetic self-check questions for every topic page: a complete data set that does not wait for the writers.

Browser tests build a copy of the site with this set in place of ``data/questions/``,
so they exercise the mechanism (rendering, keyboard, no-JS, score) on a build
that passes the 3–8-per-page rule whatever state the real data is in.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from wikitools.corrections import page_anchors
from wikitools.questions import topic_pages

SOURCE = {
    "ja": "https://docs.aws.amazon.com/ja_jp/sagemaker/latest/dg/whatis.html",
    "en": "https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html",
}


def _option(ja: str, en: str, correct: bool = False) -> dict:
    option = {"text": {"ja": ja, "en": en}, "why": {"ja": f"{ja}の理由です。", "en": f"Why {en}."}}
    if correct:
        option["correct"] = True
    return option


def question(qid: str, page: str, anchor: str, n: int, choose_two: bool = False) -> dict:
    if choose_two:
        text = {"ja": f"設問 {n} です。正しいものを 2 つ選択してください。", "en": f"Item {n}. Choose two."}
    else:
        text = {"ja": f"設問 {n} です。正しいものはどれですか。", "en": f"Item {n}. Which one is right?"}
    return {
        "id": qid,
        "page": page,
        "anchor": anchor,
        "tasks": ["MLA-C01:1.1", "DEA-C01:1.1"],
        "source": SOURCE,
        "last_reviewed": "2026-12-02",
        "question": text,
        "options": [
            _option("選択肢アルファ", "Option alpha", correct=True),
            _option("選択肢ブラボー", "Option bravo", correct=choose_two),
            _option("選択肢チャーリー", "Option charlie"),
            _option("選択肢デルタ", "Option delta"),
        ],
    }


def synthetic_questions(root: Path) -> list[dict]:
    """Three questions per topic page, on the first explicit anchor both languages share; the third is 'choose two'."""
    out = []
    for page in topic_pages(root / "docs", "ja"):
        ja = page_anchors(root / "docs", "ja", page) or set()
        en = page_anchors(root / "docs", "en", page) or set()
        anchor = sorted(ja & en)[0]
        slug = page[: -len(".md")].replace("/", "-")
        for n in (1, 2, 3):
            out.append(question(f"{slug}-q{n}", page, anchor, n, choose_two=n == 3))
    return out


def write_synthetic(project: Path) -> list[dict]:
    """Replace the project's question data with the synthetic set."""
    folder = project / "data" / "questions"
    for old in folder.glob("*.yml"):
        old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    items = synthetic_questions(project)
    text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False)
    (folder / "synthetic.yml").write_text(text, encoding="utf-8")
    return items
