"""A synthetic self-check question in the data format, for the unit tests of wikitools/questions.py."""

from __future__ import annotations

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
